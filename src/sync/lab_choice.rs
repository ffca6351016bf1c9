//! Which lab's shared data this device follows: one of the user's labs, or none.

use leptos::prelude::*;

use super::session;
use super::state::sync_state;

#[component]
pub fn LabChoice() -> impl IntoView {
    let state = sync_state();
    let follow = Action::new_local(move |lab: &Option<String>| {
        let lab = lab.clone();
        async move { session::follow_lab(lab).await }
    });
    let labs = move || {
        state
            .account
            .with(|a| a.as_ref().map(|a| a.labs.clone()).unwrap_or_default())
    };
    let followed = move || state.account.with(|a| a.as_ref().and_then(|a| a.followed_lab.clone()));
    let option = move |value: Option<String>, label: String| {
        let checked_value = value.clone();
        view! {
            <label>
                <input
                    type="radio"
                    name="sync-lab"
                    prop:checked=move || followed() == checked_value
                    on:change=move |_| { follow.dispatch(value.clone()); }
                />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="field lab-choice">
            <legend>"Lab data on this device"</legend>
            <div class="choices">
                {move || labs().into_iter().map(|lab| {
                    let role = if lab.role == "supervisor" { " (supervisor)" } else { "" };
                    option(Some(lab.scope.clone()), format!("{}{role}", lab.name))
                }).collect_view()}
                {option(None, "None: only my own records".to_string())}
            </div>
            <span class="hint">"Reagents, QC, the lab's ranges and the call log are shared with the lab you pick. Lab records made before you pick one move into it."</span>
            {move || follow.value().get().and_then(Result::err).map(|p| view! { <p class="notice danger" role="alert">{p}</p> })}
        </fieldset>
    }
}

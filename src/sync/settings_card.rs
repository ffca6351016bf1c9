//! Settings → Sync: the sign-in form, or the account with its lab choice, sync details and
//! the sign-out buttons.

use leptos::prelude::*;

use super::lab_choice::LabChoice;
use super::session;
use super::sign_in_form::SignInForm;
use super::state::sync_state;
use super::sync_details::SyncDetails;

#[component]
pub fn SyncSettings() -> impl IntoView {
    let state = sync_state();
    let sign_out = Action::new_local(move |everywhere: &bool| {
        let everywhere = *everywhere;
        async move { session::sign_out(everywhere).await }
    });
    view! {
        <div class="card sync-settings">
            {move || match state.account.get() {
                None => view! {
                    <p>"Benchmate works fully on this device. Sign in to your lab's Benchmate server to share lab data with your lab and keep your portfolio on your other devices. Records made so far move into your account."</p>
                    {move || state.last_error.get().map(|e| view! { <p class="notice warn" role="alert">{e}</p> })}
                    <SignInForm />
                }.into_any(),
                Some(account) => view! {
                    <p class="signed-in-as">"Signed in as "<strong>{account.email.clone()}</strong>" on "{account.server.clone()}</p>
                    <LabChoice />
                    <SyncDetails />
                    {move || sign_out.value().get().and_then(Result::err).map(|p| view! { <p class="notice danger" role="alert">{p}</p> })}
                    <div class="toolbar">
                        <button id="sync-sign-out" class="button secondary" type="button" on:click=move |_| { sign_out.dispatch(false); }>"Sign out"</button>
                        <button id="sync-sign-out-everywhere" class="button secondary" type="button" on:click=move |_| { sign_out.dispatch(true); }>"Sign out everywhere"</button>
                    </div>
                    <p class="hint">"Signing out keeps every record on this device."</p>
                }.into_any(),
            }}
        </div>
    }
}

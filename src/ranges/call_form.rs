//! The critical-value call form, opened from a critical flag with the result filled in: who
//! was told, their role, read-back, the times, the caller and an optional accession number.
//! Saved as a lab-scope record, so the lab's log and its history hold it.

use benchmate_core::ranges::CriticalCall;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::time::{from_input, now_local, to_input};
use crate::store::{lab_scope, Store};

/// What the flag knows when the form opens.
#[derive(Clone, Debug, PartialEq)]
pub struct CallPrefill {
    pub analyte_id: String,
    pub analyte_name: String,
    pub value: f64,
    pub unit: String,
    pub flag: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Saving {
    Idle,
    Busy,
    Saved(String),
    Refused(Vec<String>),
}

/// A text field of the form: label, id, signal, and whether it may be left empty.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}{optional.then_some(" (optional)")}</label>
            <input id=id autocomplete="off" prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

#[component]
pub fn CallForm(prefill: CallPrefill) -> impl IntoView {
    let now = to_input(&now_local());
    let result_time = RwSignal::new(now.clone());
    let call_time = RwSignal::new(now);
    let notified_name = RwSignal::new(String::new());
    let notified_role = RwSignal::new(String::new());
    let read_back = RwSignal::new(false);
    let caller = RwSignal::new(String::new());
    let accession = RwSignal::new(String::new());
    let state = RwSignal::new(Saving::Idle);
    let summary = format!(
        "{} {} {} ({})",
        prefill.analyte_name, prefill.value, prefill.unit, prefill.flag
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(result_at), Some(call_at)) = (from_input(&result_time.get()), from_input(&call_time.get())) else {
            state.set(Saving::Refused(vec!["Enter both times as a date and a time.".into()]));
            return;
        };
        let accession = accession.get().trim().to_string();
        let call = CriticalCall {
            analyte_id: prefill.analyte_id.clone(),
            analyte_name: prefill.analyte_name.clone(),
            value: prefill.value,
            unit: prefill.unit.clone(),
            flag: prefill.flag.clone(),
            result_time: result_at,
            notified_name: notified_name.get().trim().to_string(),
            notified_role: notified_role.get().trim().to_string(),
            read_back: read_back.get(),
            call_time: call_at,
            caller: caller.get().trim().to_string(),
            accession: (!accession.is_empty()).then_some(accession),
            note: String::new(),
        };
        let problems = call.validate();
        if !problems.is_empty() {
            state.set(Saving::Refused(
                problems.iter().map(|p| super::sentence(&p.to_string())).collect(),
            ));
            return;
        }
        state.set(Saving::Busy);
        spawn_local(async move {
            let saved = async { Store::open().await?.create(lab_scope(), &call).await }.await;
            state.set(match saved {
                Ok(id) => Saving::Saved(id.to_string()),
                Err(err) => Saving::Refused(vec![format!("Not saved: {err}")]),
            });
        });
    };
    view! {
        <form class="call-form" on:submit=save>
            <h3>"Critical call"</h3>
            <p class="call-summary"><strong>{summary}</strong></p>
            <div class="field">
                <label for="call-result-time">"Result time"</label>
                <input id="call-result-time" type="datetime-local" prop:value=result_time on:input=move |ev| result_time.set(event_target_value(&ev)) />
            </div>
            <TextField id="call-notified-name" label="Person notified" value=notified_name />
            <TextField id="call-notified-role" label="Their role (RN, physician...)" value=notified_role />
            <div class="field choices">
                <label>
                    <input id="call-read-back" type="checkbox" prop:checked=read_back on:change=move |ev| read_back.set(event_target_checked(&ev)) />
                    "Read back confirmed"
                </label>
            </div>
            <div class="field">
                <label for="call-time">"Call time"</label>
                <input id="call-time" type="datetime-local" prop:value=call_time on:input=move |ev| call_time.set(event_target_value(&ev)) />
            </div>
            <TextField id="call-caller" label="Called by" value=caller />
            <TextField id="call-accession" label="Accession or sample number" value=accession optional=true />
            <div class="toolbar">
                <button id="save-call" class="button" type="submit" disabled=move || state.get() == Saving::Busy>"Save the call"</button>
            </div>
            {move || match state.get() {
                Saving::Saved(id) => view! {
                    <p class="notice ok" role="status">"Saved in the lab's call log. " <A href=format!("/ranges/calls/{id}")>"Open the call"</A></p>
                }.into_any(),
                Saving::Refused(problems) => view! {
                    <ul class="notice danger" role="alert">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                }.into_any(),
                _ => ().into_any(),
            }}
        </form>
    }
}

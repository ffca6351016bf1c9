//! The lab's expiry alert thresholds (the "soon" and "later" buckets): shown and changed on the
//! Reagents page, stored as the lab-scope `expiry_thresholds` record so the whole lab shares
//! them. Core checks what is typed.

use benchmate_core::reagents::ExpiryThresholds;
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::data::lab_thresholds;
use crate::store::{lab_scope, revision, Store};

type Outcome = RwSignal<Option<Result<String, String>>>;

/// The settings panel. The outcome line lives here, outside the part that re-renders from the
/// store, so "Saved" stays on screen after the write that refreshes the form.
#[component]
pub fn ThresholdsSettings() -> impl IntoView {
    let current = LocalResource::new(move || {
        revision().track();
        async { lab_thresholds(&*Store::open().await?).await }
    });
    let outcome: Outcome = RwSignal::new(None);
    view! {
        <details class="card expiry-settings">
            <summary>"Expiry alert days"</summary>
            <p class="hint">"A lab setting: everyone in the lab sees lots grouped by these."</p>
            <Suspense fallback=|| ()>
                {move || current.get().map(|loaded| match loaded {
                    Ok(current) => view! { <ThresholdsForm current=current outcome=outcome /> }.into_any(),
                    Err(err) => view! { <p class="notice warn">{format!("The setting is not available: {err}")}</p> }.into_any(),
                })}
            </Suspense>
            {move || outcome.get().map(|result| match result {
                Ok(text) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
                Err(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
            })}
        </details>
    }
}

/// The two fields; `current` is the lab's record (if any) and the thresholds in force.
#[component]
fn ThresholdsForm(current: (Option<RecordId>, ExpiryThresholds), outcome: Outcome) -> impl IntoView {
    let (record, thresholds) = current;
    let soon = RwSignal::new(thresholds.soon_days.to_string());
    let later = RwSignal::new(thresholds.later_days.to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = match ExpiryThresholds::from_text(&soon.get_untracked(), &later.get_untracked()) {
            Ok(wanted) => wanted,
            Err(why) => return outcome.set(Some(Err(format!("Not saved: {why}.")))),
        };
        spawn_local(async move {
            let saved = async {
                let store = Store::open().await?;
                match record {
                    Some(id) => store.update(id, &wanted).await,
                    None => store.create(lab_scope(), &wanted).await.map(|_| ()),
                }
            }
            .await;
            outcome.set(Some(match saved {
                Ok(()) => Ok(format!(
                    "Saved: alerts at {} and {} days.",
                    wanted.soon_days, wanted.later_days
                )),
                Err(err) => Err(format!("Not saved: {err}")),
            }));
        });
    };
    view! {
        <form on:submit=submit novalidate>
            <div class="field">
                <label for="expiry-soon">"First alert (days before expiry)"</label>
                <input id="expiry-soon" type="text" inputmode="numeric" bind:value=soon />
            </div>
            <div class="field">
                <label for="expiry-later">"Second alert (days before expiry)"</label>
                <input id="expiry-later" type="text" inputmode="numeric" bind:value=later />
            </div>
            <button class="button" type="submit">"Save alert days"</button>
        </form>
    }
}

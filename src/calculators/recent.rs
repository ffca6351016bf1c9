//! Recent calculations: "Keep" saves a result to the local store; the list shows the latest.

use std::collections::BTreeMap;

use benchmate_core::calc::{Calculator, InputKind, RecentCalculation};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::field::FieldState;
use super::outcome::Evaluation;
use crate::store::{personal_scope, revision, Store};

/// How many recent calculations the list shows.
const SHOWN: usize = 10;

#[derive(Clone, Debug, PartialEq)]
enum Keeping {
    Idle,
    Saving,
    Saved,
    Failed(String),
}

#[component]
pub fn KeepButton(
    calculator: &'static Calculator,
    fields: RwSignal<BTreeMap<&'static str, FieldState>>,
    result: Memo<Evaluation>,
) -> impl IntoView {
    let state = RwSignal::new(Keeping::Idle);
    // A changed input makes a new calculation: the last "Saved" no longer applies to it.
    Effect::new(move |_| {
        fields.track();
        state.set(Keeping::Idle);
    });
    let keep = move |_| {
        let Evaluation::Done(outcome) = result.get_untracked() else {
            return;
        };
        let shown: Vec<(&str, String, String)> = fields.with_untracked(|f| {
            calculator
                .inputs
                .iter()
                .filter_map(|input| {
                    let field = f.get(input.name)?;
                    let unit = match input.kind {
                        InputKind::Choice { .. } => String::new(),
                        _ => field.unit.clone(),
                    };
                    (!field.text.trim().is_empty()).then(|| (input.label, field.text.trim().to_string(), unit))
                })
                .collect()
        });
        let recent = RecentCalculation::new(calculator, &shown, &outcome, js_sys::Date::now() as u64);
        state.set(Keeping::Saving);
        spawn_local(async move {
            let saved = async { Store::open().await?.create(personal_scope(), &recent).await }.await;
            state.set(match saved {
                Ok(_) => Keeping::Saved,
                Err(err) => Keeping::Failed(err.to_string()),
            });
        });
    };
    view! {
        <Show when=move || matches!(result.get(), Evaluation::Done(_))>
            <div class="toolbar">
                <button class="button secondary" on:click=keep disabled=move || state.get() == Keeping::Saving>
                    "Keep in recent"
                </button>
                {move || match state.get() {
                    Keeping::Saved => view! { <span class="notice ok" role="status">"Saved on this device"</span> }.into_any(),
                    Keeping::Failed(why) => view! { <span class="notice danger" role="alert">{why}</span> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
        </Show>
    }
}

#[component]
pub fn RecentList() -> impl IntoView {
    let recent = LocalResource::new(move || {
        revision().track();
        async move {
            let store = Store::open().await?;
            let mut list: Vec<RecentCalculation> = store
                .list::<RecentCalculation>()
                .await?
                .into_iter()
                .map(|(_, body)| body)
                .collect();
            list.sort_by_key(|r| std::cmp::Reverse(r.at_millis));
            list.truncate(SHOWN);
            Ok::<_, crate::store::StoreError>(list)
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || recent.get().map(|loaded| match loaded {
                Ok(list) if list.is_empty() => ().into_any(),
                Ok(list) => view! {
                    <h2>"Recent"</h2>
                    <ul class="recent-list">
                        {list.into_iter().map(|r| view! {
                            <li class="card">
                                <A href=format!("/calculators/{}", r.calculator)>{r.title.clone()}</A>
                                <strong class="recent-result">{r.result.clone()}</strong>
                                <span class="hint">{r.inputs.iter().map(|(n, v)| format!("{n} {v}")).collect::<Vec<_>>().join(", ")}</span>
                                <span class="hint">{time_of(r.at_millis)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(err) => view! { <p class="notice warn">{format!("Recent calculations are not available: {err}")}</p> }.into_any(),
            })}
        </Suspense>
    }
}

/// The local time of day a calculation was kept, "14:05".
fn time_of(millis: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

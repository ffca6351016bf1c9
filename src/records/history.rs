//! A record's history (who, when, which field, old and new value) with "Restore", and the
//! choice of value to keep when two devices changed one field at the same time.

use benchmate_core::record::{HistoryEntry, Record, RecordId, Slot};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::{show_field, show_value};
use crate::store::{revision, Store, StoreError};

#[component]
pub fn RecordHistory(id: RecordId) -> impl IntoView {
    let record = LocalResource::new(move || {
        revision().track();
        async move { Store::open().await?.get(id).await }
    });
    let problem = RwSignal::new(None::<String>);
    view! {
        <section class="record-history" aria-label="History">
            <Suspense fallback=|| ()>
                {move || record.get().map(|loaded| match loaded {
                    Ok(Some(record)) => view! {
                        <Conflicts record=record.clone() problem=problem />
                        <Entries record=record problem=problem />
                    }.into_any(),
                    Ok(None) => view! { <p class="muted">"This record is not on this device."</p> }.into_any(),
                    Err(err) => view! { <p class="notice danger">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
            {move || problem.get().map(|p| view! { <p class="notice danger" role="alert">{p}</p> })}
        </section>
    }
}

/// Runs a record edit through the store, reporting a failure where the user looks.
fn save_edit(
    id: RecordId,
    problem: RwSignal<Option<String>>,
    edit: impl FnOnce(
            &mut Record,
            &mut benchmate_core::record::EditContext<'_>,
        ) -> Result<benchmate_core::record::Change, benchmate_core::record::EditError>
        + 'static,
) {
    spawn_local(async move {
        let saved = async {
            let store = Store::open().await?;
            store
                .edit(
                    id,
                    Box::new(move |record, ctx| {
                        edit(record, ctx)
                            .map(|change| vec![change])
                            .map_err(|err| StoreError::Invalid(err.to_string()))
                    }),
                )
                .await
        }
        .await;
        problem.set(saved.err().map(|err| err.to_string()));
    });
}

#[component]
fn Conflicts(record: Record, problem: RwSignal<Option<String>>) -> impl IntoView {
    let id = record.id();
    let history = record.history();
    record
        .conflicted_fields()
        .into_iter()
        .map(|field| {
            let field = field.to_string();
            // The competing values: the current one and every write it has not seen.
            let mut choices: Vec<Value> = Vec::new();
            for entry in history.iter().filter(|e| e.slot == Slot::Field(field.clone())) {
                if (entry.is_current || entry.unresolved_conflict) && !choices.contains(&entry.new) {
                    choices.push(entry.new.clone());
                }
            }
            view! {
                <div class="notice warn conflict" role="group" aria-label=format!("Conflicting edits of {}", show_field(&field))>
                    <p>
                        <strong>{format!("\"{}\" was changed on two devices at the same time.", show_field(&field))}</strong>
                        " Pick the value to keep:"
                    </p>
                    <div class="toolbar">
                        {choices.into_iter().map(|value| {
                            let field = field.clone();
                            let label = show_value(&value);
                            view! {
                                <button class="button secondary" on:click=move |_| {
                                    let field = field.clone();
                                    let value = value.clone();
                                    save_edit(id, problem, move |record, ctx| record.resolve_conflict(ctx, &field, value));
                                }>{format!("Keep \"{label}\"")}</button>
                            }
                        }).collect_view()}
                    </div>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn Entries(record: Record, problem: RwSignal<Option<String>>) -> impl IntoView {
    let id = record.id();
    let mut entries: Vec<HistoryEntry> = record.history();
    entries.reverse();
    view! {
        <h2>"History"</h2>
        <div class="table-scroll">
            <table class="history">
                <thead><tr>
                    <th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"Field"</th>
                    <th scope="col">"From"</th><th scope="col">"To"</th><th scope="col"><span class="visually-hidden">"Action"</span></th>
                </tr></thead>
                <tbody>
                    {entries.into_iter().map(|entry| {
                        let field = match &entry.slot {
                            Slot::Field(name) => show_field(name),
                            Slot::Deleted => "deleted".to_string(),
                        };
                        let restorable = matches!(entry.slot, Slot::Field(_)) && !entry.is_current;
                        let stamp = entry.stamp;
                        let slot = entry.slot.clone();
                        view! {
                            <tr class="history-entry" class:current=entry.is_current>
                                <td>{when(stamp.millis)}</td>
                                <td>{entry.author.as_ref().map(|a| a.to_string()).unwrap_or_else(|| "this device (no account)".into())}</td>
                                <td>{field}{entry.is_current.then_some(" (current)")}</td>
                                <td>{entry.old.as_ref().map(show_value).unwrap_or_default()}</td>
                                <td class="history-new">{show_value(&entry.new)}</td>
                                <td>{restorable.then(|| view! {
                                    <button class="button secondary" on:click=move |_| {
                                        if let Slot::Field(name) = slot.clone() {
                                            save_edit(id, problem, move |record, ctx| record.restore(ctx, &name, &stamp));
                                        }
                                    }>"Restore"</button>
                                })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// "2026-11-25 14:05", in the device's time zone.
fn when(millis: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

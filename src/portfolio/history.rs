//! A record's history: every write (who, when, which field, old and new value) with
//! "Restore" on earlier values, and the conflicted fields marked with a choice of value.

use benchmate_core::record::{Change, EditContext, HistoryEntry, Record, RecordId, Slot};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::Notice;
use crate::store::{Store, StoreError};

/// A stored value in a few words: text as it is, anything else as compact JSON.
fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(empty)".to_string(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => {
            let text = other.to_string();
            if text.chars().count() > 80 {
                format!("{}...", text.chars().take(80).collect::<String>())
            } else {
                text
            }
        }
    }
}

/// A write's time, in this device's local time: "2026-11-25 14:05".
fn when(millis: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

fn who(entry: &HistoryEntry) -> String {
    match &entry.author {
        Some(user) => user.to_string(),
        None => format!(
            "device {}",
            entry.stamp.device.to_string().chars().take(8).collect::<String>()
        ),
    }
}

/// An edit of the record through core's `Record` API (restore, resolve a conflict).
type RecordEdit = Box<dyn FnOnce(&mut Record, &mut EditContext<'_>) -> Result<Vec<Change>, StoreError>>;

/// The history of `record`, newest first, with restore and conflict choices.
#[component]
pub fn RecordHistory(record: Record, notice: Notice) -> impl IntoView {
    let id: RecordId = record.id();
    let run = move |label: String, edit: RecordEdit| {
        spawn_local(async move {
            let result = async { Store::open().await?.edit(id, edit).await }.await;
            notice.set(Some(result.map(|()| label).map_err(|err| err.to_string())));
        });
    };
    let conflicted: Vec<String> = record.conflicted_fields().into_iter().map(str::to_string).collect();
    let mut entries = record.history();
    entries.reverse();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let field = match &entry.slot {
                Slot::Field(name) => Some(name.clone()),
                Slot::Deleted => None,
            };
            let restore = match (&field, entry.is_current) {
                (Some(name), false) => {
                    let name = name.clone();
                    let stamp = entry.stamp;
                    Some(view! {
                        <button type="button" class="button secondary" on:click=move |_| {
                            let name = name.clone();
                            run(format!("Restored the earlier {name}."), Box::new(move |record, ctx| {
                                Ok(vec![record.restore(ctx, &name, &stamp).map_err(|err| StoreError::Invalid(err.to_string()))?])
                            }));
                        }>"Restore"</button>
                    })
                }
                _ => None,
            };
            let keep = match (&field, entry.unresolved_conflict || (entry.is_current && field.as_ref().is_some_and(|f| conflicted.contains(f)))) {
                (Some(name), true) => {
                    let name = name.clone();
                    let value = entry.new.clone();
                    Some(view! {
                        <button type="button" class="button" on:click=move |_| {
                            let name = name.clone();
                            let value = value.clone();
                            run(format!("Kept this value of {name}."), Box::new(move |record, ctx| {
                                Ok(vec![record.resolve_conflict(ctx, &name, value).map_err(|err| StoreError::Invalid(err.to_string()))?])
                            }));
                        }>"Keep this value"</button>
                    })
                }
                _ => None,
            };
            let slot = field.clone().unwrap_or_else(|| "deleted".to_string());
            view! {
                <li class="history-entry" class:current=entry.is_current>
                    <span class="hint">{format!("{} · {}", when(entry.stamp.millis), who(&entry))}</span>
                    <span class="history-field">
                        {slot}{entry.is_current.then_some(" (current)")}{entry.unresolved_conflict.then_some(" (conflict)")}
                    </span>
                    <span>
                        <span class="history-old">{value_text(entry.old.as_ref())}</span>
                        " → "
                        <span class="history-new">{value_text(Some(&entry.new))}</span>
                    </span>
                    {restore}{keep}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card history">
            <h2>"History"</h2>
            {(!conflicted.is_empty()).then(|| view! {
                <p class="notice warn" role="status">
                    {format!("Edited on two devices at once: {}. Pick the value to keep below.", conflicted.join(", "))}
                </p>
            })}
            <ul class="history-list">{rows}</ul>
        </section>
    }
}

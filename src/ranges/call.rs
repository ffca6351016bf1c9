//! One logged critical call and its history: who changed which field, when, from what to what.

use benchmate_core::ranges::CriticalCall;
use benchmate_core::record::{HistoryEntry, RecordId, Slot};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::time::show;
use crate::store::{revision, Store};

/// A JSON value as a person reads it: text without its quotes.
fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => "(empty)".into(),
        other => other.to_string(),
    }
}

/// One history row: when, who, what, old, new.
fn row(entry: &HistoryEntry) -> [String; 5] {
    let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(entry.stamp.millis as f64));
    let when = String::from(when.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED));
    let who = match &entry.author {
        Some(user) => user.as_str().to_string(),
        None => format!("device {}", &entry.stamp.device.simple()[..8]),
    };
    let what = match &entry.slot {
        Slot::Field(name) => name.replace('_', " "),
        Slot::Deleted => "deleted".into(),
    };
    [
        when,
        who,
        what,
        entry.old.as_ref().map(plain).unwrap_or_default(),
        plain(&entry.new),
    ]
}

async fn load(id: String) -> Result<Option<(CriticalCall, Vec<[String; 5]>)>, String> {
    let id: RecordId = id.parse().map_err(|e: benchmate_core::record::IdError| e.to_string())?;
    let store = Store::open().await.map_err(|e| e.to_string())?;
    let Some(record) = store.get(id).await.map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    let call = record.body::<CriticalCall>().map_err(|e| e.to_string())?;
    Ok(Some((call, record.history().iter().map(row).collect())))
}

#[component]
pub fn CallPage() -> impl IntoView {
    let params = use_params_map();
    let loaded = LocalResource::new(move || {
        revision().track();
        load(params.with(|p| p.get("id")).unwrap_or_default())
    });
    view! {
        <section data-section="ranges">
            <p class="breadcrumb"><A href="/ranges/calls">"Critical calls"</A></p>
            <Suspense fallback=|| view! { <p class="muted">"Loading the call..."</p> }>
                {move || loaded.get().map(|result| match result {
                    Ok(Some((call, history))) => view! {
                        <h1>{format!("{} {} {}", call.analyte_name, call.value, call.unit)}</h1>
                        <dl class="call-facts card">
                            <dt>"Flag"</dt><dd><strong>{call.flag.clone()}</strong></dd>
                            <dt>"Result time"</dt><dd>{show(&call.result_time)}</dd>
                            <dt>"Call time"</dt><dd>{format!("{} ({} min after the result)", show(&call.call_time), call.minutes_to_call())}</dd>
                            <dt>"Person notified"</dt><dd>{format!("{} ({})", call.notified_name, call.notified_role)}</dd>
                            <dt>"Read back"</dt><dd>{if call.read_back { "yes" } else { "no" }}</dd>
                            <dt>"Called by"</dt><dd>{call.caller.clone()}</dd>
                            <dt>"Accession"</dt><dd>{call.accession.clone().unwrap_or_else(|| "none given".into())}</dd>
                        </dl>
                        <h2>"History"</h2>
                        <div class="table-scroll">
                            <table class="history">
                                <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"Field"</th><th scope="col">"Old"</th><th scope="col">"New"</th></tr></thead>
                                <tbody>
                                    {history.into_iter().map(|[when, who, what, old, new]| view! {
                                        <tr><td>{when}</td><td>{who}</td><td>{what}</td><td>{old}</td><td>{new}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Ok(None) => view! { <h1>"Call not found"</h1><p>"There is no call at this address on this device."</p> }.into_any(),
                    Err(why) => view! { <h1>"Call not available"</h1><p class="notice danger" role="alert">{why}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

//! One logged critical call and its history (the shared history view, with restore).

use benchmate_core::ranges::CriticalCall;
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::time::show;
use crate::records::RecordHistory;
use crate::store::{revision, Store};

async fn load(id: String) -> Result<Option<(CriticalCall, RecordId)>, String> {
    let id: RecordId = id.parse().map_err(|e: benchmate_core::record::IdError| e.to_string())?;
    let store = Store::open().await.map_err(|e| e.to_string())?;
    let Some(record) = store.get(id).await.map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    let call = record.body::<CriticalCall>().map_err(|e| e.to_string())?;
    Ok(Some((call, record.id())))
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
                    Ok(Some((call, id))) => view! {
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
                        <RecordHistory id=id />
                    }.into_any(),
                    Ok(None) => view! { <h1>"Call not found"</h1><p>"There is no call at this address on this device."</p> }.into_any(),
                    Err(why) => view! { <h1>"Call not available"</h1><p class="notice danger" role="alert">{why}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

//! The pages around one CE entry: quick entry of a new one, and an entry's own page with its
//! edit form, its certificates and its history.

use benchmate_core::portfolio::CeEntry;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::ce_form::CeForm;
use super::delete::DeleteRecord;
use super::{load_record, parse_id, show_notice, Notice};
use crate::records::RecordHistory;
use crate::store::revision;

#[component]
pub fn NewCePage() -> impl IntoView {
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio">"Portfolio"</A></nav>
            <h1>"Log a CE course"</h1>
            <CeForm editing=None />
            <p><A href="/portfolio/ce">"All CE entries"</A></p>
        </section>
    }
}

#[component]
pub fn CeEntryPage() -> impl IntoView {
    let params = use_params_map();
    let notice: Notice = RwSignal::new(None);
    let loaded = LocalResource::new(move || {
        revision().track();
        load_record::<CeEntry>(params.with(|p| p.get("id").and_then(|text| parse_id(&text))))
    });
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio/ce">"CE entries"</A></nav>
            <Suspense fallback=|| view! { <p class="hint">"Loading..."</p> }>
                {move || loaded.get().map(|result| match result {
                    Ok(Some((record, entry))) => view! {
                        <h1>{entry.title.clone()}</h1>
                        {show_notice(notice)}
                        <DeleteRecord id=record.id() deleted=record.is_deleted() noun="entry" />
                        <CeForm editing=Some((record.id(), entry)) notice=notice />
                        <RecordHistory id=record.id() />
                    }.into_any(),
                    Ok(None) => view! { <h1>"Entry not found"</h1><p>"This CE entry is not on this device."</p> }.into_any(),
                    Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

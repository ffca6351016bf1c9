//! One credential's own page: edit its program, cycle dates, roles and number, delete it (or
//! undo the delete), and read its history.

use benchmate_core::portfolio::Credential;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::credential_form::CredentialForm;
use super::delete::DeleteRecord;
use super::{load_record, parse_id, show_notice, Notice};
use crate::records::RecordHistory;
use crate::store::revision;

#[component]
pub fn CredentialPage() -> impl IntoView {
    let params = use_params_map();
    let notice: Notice = RwSignal::new(None);
    let loaded = LocalResource::new(move || {
        revision().track();
        load_record::<Credential>(params.with(|p| p.get("id").and_then(|text| parse_id(&text))))
    });
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio">"Portfolio"</A></nav>
            <Suspense fallback=|| view! { <p class="hint">"Loading..."</p> }>
                {move || loaded.get().map(|result| match result {
                    Ok(Some((record, credential))) => view! {
                        <h1>{credential.label.clone()}</h1>
                        {show_notice(notice)}
                        <DeleteRecord id=record.id() deleted=record.is_deleted() noun="credential" />
                        <CredentialForm editing=Some((record.id(), credential)) notice=notice />
                        <RecordHistory id=record.id() />
                    }.into_any(),
                    Ok(None) => view! {
                        <h1>"Credential not found"</h1>
                        <p>"This credential is not on this device."</p>
                    }.into_any(),
                    Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

//! One analyte's page: what it is (synonyms, LOINC, specimen), the patient, the intervals
//! that apply, and "flag a result".

use benchmate_core::ranges::Patient;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::book::use_book;
use super::flag::FlagCard;
use super::intervals::IntervalsCard;
use super::patient::PatientFields;

#[component]
pub fn AnalytePage() -> impl IntoView {
    let params = use_params_map();
    let book = use_book();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    view! {
        <section data-section="ranges">
            <p class="breadcrumb"><A href="/ranges">"All analytes"</A></p>
            <Suspense fallback=|| view! { <p class="muted">"Loading the range table..."</p> }>
                {move || book.get().map(|loaded| {
                    let id = id();
                    match loaded.book.analyte(&id).cloned() {
                        Some(analyte) => {
                            let patient = RwSignal::new(Patient::default());
                            let names = analyte.abbreviations.iter().chain(&analyte.synonyms).cloned().collect::<Vec<_>>().join(", ");
                            view! {
                                <h1>{analyte.name.clone()}</h1>
                                <dl class="analyte-facts">
                                    {(!names.is_empty()).then(|| view! { <dt>"Also called"</dt><dd>{names}</dd> })}
                                    <dt>"LOINC"</dt><dd>{if analyte.loinc.is_empty() { "none".to_string() } else { analyte.loinc.clone() }}</dd>
                                    <dt>"Specimen"</dt><dd>{analyte.specimen.clone()}</dd>
                                </dl>
                                {loaded.lab_error.clone().map(|why| view! { <p class="notice danger" role="alert">{why}</p> })}
                                <PatientFields patient=patient />
                                <IntervalsCard book=loaded.book.clone() analyte=analyte.clone() patient=patient />
                                <FlagCard book=loaded.book.clone() analyte=analyte patient=patient />
                            }.into_any()
                        }
                        None => view! {
                            <h1>"Analyte not found"</h1>
                            <p>"There is no analyte at this address."</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

//! One analyte's page: what it is (synonyms, LOINC, specimen), the patient, the intervals
//! that apply, "flag a result", and the lab's own intervals with their editor.
//!
//! The page is built once per analyte: a store write (saving a call from this page, or the
//! lab's table changing in another tab) swaps the book under the same components, so what
//! the user typed and the "Saved" notice stay on screen.

use std::sync::Arc;

use benchmate_core::ranges::{Patient, RangeBook};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::book::use_book;
use super::flag::FlagCard;
use super::intervals::IntervalsCard;
use super::lab_intervals::LabIntervalsCard;
use super::patient::PatientFields;

#[component]
pub fn AnalytePage() -> impl IntoView {
    let params = use_params_map();
    let loaded = use_book();
    let current = RwSignal::new(None::<Arc<RangeBook>>);
    let lab_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(l) = loaded.get() {
            current.set(Some(l.book));
            lab_error.set(l.lab_error);
        }
    });
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    // `None` while the book loads; `Some(None)` when it has no such analyte.
    let analyte = Memo::new(move |_| {
        let id = id();
        current.with(|book| book.as_ref().map(|b| b.analyte(&id).cloned()))
    });
    let book = Signal::derive(move || current.get().unwrap_or_default());
    view! {
        <section data-section="ranges">
            <p class="breadcrumb"><A href="/ranges">"All analytes"</A></p>
            {move || match analyte.get() {
                None => view! { <p class="muted">"Loading the range table..."</p> }.into_any(),
                Some(None) => view! {
                    <h1>"Analyte not found"</h1>
                    <p>"There is no analyte at this address."</p>
                }.into_any(),
                Some(Some(analyte)) => {
                    let patient = RwSignal::new(Patient::default());
                    let (conditions, gestation) = current.with_untracked(|book| {
                        book.as_ref().map_or((Vec::new(), false), |b| (b.conditions(&analyte.id), b.uses_gestation(&analyte.id)))
                    });
                    let names = analyte.abbreviations.iter().chain(&analyte.synonyms).cloned().collect::<Vec<_>>().join(", ");
                    view! {
                        <h1>{analyte.name.clone()}</h1>
                        <dl class="analyte-facts">
                            {(!names.is_empty()).then(|| view! { <dt>"Also called"</dt><dd>{names}</dd> })}
                            <dt>"LOINC"</dt><dd>{if analyte.loinc.is_empty() { "none".to_string() } else { analyte.loinc.clone() }}</dd>
                            <dt>"Specimen"</dt><dd>{analyte.specimen.clone()}</dd>
                        </dl>
                        {move || lab_error.get().map(|why| view! { <p class="notice danger" role="alert">{why}</p> })}
                        <PatientFields patient=patient conditions=conditions gestation=gestation />
                        <IntervalsCard book=book analyte=analyte.clone() patient=patient />
                        <FlagCard book=book analyte=analyte.clone() patient=patient />
                        <LabIntervalsCard analyte=analyte />
                    }.into_any()
                }
            }}
        </section>
    }
}

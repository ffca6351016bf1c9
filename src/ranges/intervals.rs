//! The intervals that apply to the patient, in the user's unit system, each saying whether
//! it is the lab's own or a default, and its source.

use std::sync::Arc;

use benchmate_core::prefs::UnitSystem;
use benchmate_core::ranges::{
    interval_in_unit, preferred_unit, Analyte, NoMatch, Patient, Provenance, RangeBook, Shown, UcumConverter,
    DEFAULTS_NOTICE,
};
use leptos::prelude::*;

use crate::settings::use_preferences;

/// One category's line as shown.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    title: &'static str,
    limits: Result<String, String>,
    partition: String,
    provenance: Option<Provenance>,
    source: String,
    note: String,
}

fn partition(shown: &Shown<'_>) -> String {
    let interval = shown.interval;
    let mut parts = vec![interval.age.to_string()];
    if interval.sex.code() != "any" {
        parts.push(interval.sex.code().to_string());
    }
    if let Some(condition) = &interval.condition {
        parts.push(condition.clone());
    }
    parts.join(", ")
}

fn line(
    book: &RangeBook,
    analyte: &Analyte,
    title: &'static str,
    selected: Result<Shown<'_>, NoMatch>,
    unit: &str,
) -> Line {
    match selected {
        Ok(shown) => {
            // A limit that cannot be converted to the preferred unit is shown as written.
            let interval = interval_in_unit(analyte, shown.interval, unit, &UcumConverter)
                .unwrap_or_else(|_| shown.interval.clone());
            Line {
                title,
                limits: Ok(interval.describe_limits(analyte.decimals_for(&interval.unit))),
                partition: partition(&shown),
                provenance: Some(shown.provenance),
                source: book.source_text(&shown.interval.source).to_string(),
                note: shown.interval.note.clone(),
            }
        }
        Err(why) => Line {
            title,
            limits: Err(super::sentence(&why.to_string())),
            partition: String::new(),
            provenance: None,
            source: String::new(),
            note: String::new(),
        },
    }
}

fn lines(book: &RangeBook, analyte: &Analyte, patient: &Patient, system: UnitSystem) -> Vec<Line> {
    let unit = preferred_unit(analyte, system);
    let selection = book.select(&analyte.id, patient);
    let mut lines = vec![
        line(book, analyte, "Reference interval", selection.reference, unit),
        line(book, analyte, "Critical limits", selection.critical, unit),
    ];
    if let Ok(absolute) = selection.absolute {
        lines.push(line(book, analyte, "Reportable range", Ok(absolute), unit));
    }
    lines
}

#[component]
pub fn IntervalsCard(book: Signal<Arc<RangeBook>>, analyte: Analyte, patient: RwSignal<Patient>) -> impl IntoView {
    let prefs = use_preferences();
    let shown = Memo::new(move |_| {
        let system = prefs.with(|p| p.unit_system);
        book.with(|book| patient.with(|p| lines(book, &analyte, p, system)))
    });
    view! {
        <div class="card intervals" aria-live="polite">
            <h2>"For this patient"</h2>
            <p class="hint">{move || match prefs.with(|p| p.unit_system) {
                UnitSystem::Si => "Shown in SI units (change in Settings).",
                UnitSystem::Conventional => "Shown in conventional units (change in Settings).",
            }}</p>
            <dl class="interval-lines">
                {move || shown.get().into_iter().map(|l| {
                    let is_default = l.provenance == Some(Provenance::Default);
                    view! {
                        <dt>{l.title}</dt>
                        <dd>
                            {match l.limits {
                                Ok(limits) => view! { <strong class="limits">{limits}</strong> }.into_any(),
                                Err(why) => view! { <span class="notice warn">{why}</span> }.into_any(),
                            }}
                            {(!l.partition.is_empty()).then(|| view! { <span class="hint">{format!(" ({})", l.partition)}</span> })}
                            {l.provenance.map(|p| view! {
                                <span class=if is_default { "provenance default" } else { "provenance lab" }>
                                    {match p { Provenance::Lab => "Shown: the lab's own interval".to_string(), Provenance::Default => "Shown: Benchmate default, verify locally".to_string() }}
                                </span>
                            })}
                            {(!l.source.is_empty()).then(|| view! { <span class="hint source">{format!("Source: {}", l.source)}</span> })}
                            {(!l.note.is_empty()).then(|| view! { <span class="hint">{l.note.clone()}</span> })}
                        </dd>
                    }
                }).collect_view()}
            </dl>
            <Show when=move || shown.with(|s| s.iter().any(|l| l.provenance == Some(Provenance::Default)))>
                <p class="hint">{DEFAULTS_NOTICE}</p>
            </Show>
        </div>
    }
}

//! "Flag a result": a value and its unit (any commensurable unit) flagged for the patient,
//! in colour and in words, with whatever stands in the way said plainly; from a critical
//! flag, one tap opens the call form.

use std::sync::Arc;

use benchmate_core::ranges::{flag_result, preferred_unit, Analyte, Flag, Patient, RangeBook, UcumConverter};
use leptos::prelude::*;

use super::call_form::{CallForm, CallPrefill};
use crate::settings::use_preferences;
use crate::widgets::QuantityField;

/// The unit picker's choice that reveals a free unit field.
const OTHER: &str = "other";

/// What the flag area shows.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Empty,
    Invalid(String),
    Flagged {
        flag: Option<Flag>,
        value: f64,
        unit: String,
        in_reference_unit: Option<String>,
        notices: Vec<String>,
    },
}

/// Reads a typed number, with a decimal comma accepted.
pub fn read_number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("Value: '{text}' is not a number.")),
    }
}

fn evaluate(book: &RangeBook, analyte: &Analyte, text: &str, unit: &str, patient: &Patient) -> Outcome {
    let value = match read_number(text) {
        Ok(None) => return Outcome::Empty,
        Ok(Some(v)) => v,
        Err(why) => return Outcome::Invalid(why),
    };
    if unit.trim().is_empty() {
        return Outcome::Invalid("Unit: choose or type the unit of the result.".into());
    }
    match flag_result(book, &analyte.id, value, unit.trim(), patient, &UcumConverter) {
        Ok(report) => Outcome::Flagged {
            flag: report.flag,
            value,
            unit: unit.trim().to_string(),
            in_reference_unit: report
                .value_in_reference_unit
                .zip(report.reference.map(|r| r.interval.unit.clone()))
                .filter(|(_, u)| u != unit.trim())
                .map(|(v, u)| analyte.format_value(v, &u)),
            notices: report.notices.iter().map(|n| super::sentence(&n.to_string())).collect(),
        },
        Err(why) => Outcome::Invalid(super::sentence(&why.to_string())),
    }
}

#[component]
pub fn FlagCard(book: Signal<Arc<RangeBook>>, analyte: Analyte, patient: RwSignal<Patient>) -> impl IntoView {
    let prefs = use_preferences();
    let start_unit = preferred_unit(&analyte, prefs.with_untracked(|p| p.unit_system)).to_string();
    let units: Vec<(String, String)> = analyte
        .units()
        .map(|u| (u.to_string(), u.to_string()))
        .chain(std::iter::once((OTHER.to_string(), "other unit...".to_string())))
        .collect();
    let text = RwSignal::new(String::new());
    let picked = RwSignal::new(start_unit);
    let other = RwSignal::new(String::new());
    let calling = RwSignal::new(false);
    let unit = move || {
        if picked.get() == OTHER {
            other.get()
        } else {
            picked.get()
        }
    };
    let outcome = {
        let analyte = analyte.clone();
        Memo::new(move |_| {
            let (text, unit) = (text.get(), unit());
            book.with(|book| patient.with(|p| evaluate(book, &analyte, &text, &unit, p)))
        })
    };
    // A changed result is a new result: a call form opened for the old one closes.
    Effect::new(move |_| {
        outcome.track();
        calling.set(false);
    });
    let analyte_id = analyte.id.clone();
    let analyte_name = analyte.name.clone();
    view! {
        <div class="card flag-card">
            <h2>"Flag a result"</h2>
            <QuantityField
                id="flag-value".to_string()
                label="Result".to_string()
                unit_label="Unit of the result".to_string()
                unit_id="flag-unit".to_string()
                units=units
                value=text
                on_input=Callback::new(move |typed| text.set(typed))
                unit=picked
                on_unit=Callback::new(move |chosen| picked.set(chosen))
                invalid=Signal::derive(move || matches!(outcome.get(), Outcome::Invalid(_)))
            />
            <Show when=move || picked.get() == OTHER>
                <div class="field">
                    <label for="flag-unit-other">"Unit (UCUM or as written: mg/dL, umol/L, mEq/L)"</label>
                    <input id="flag-unit-other" autocomplete="off" autocapitalize="off" prop:value=other on:input=move |ev| other.set(event_target_value(&ev)) />
                </div>
            </Show>
            <div class="flag-outcome" role="status" aria-live="polite">
                {move || match outcome.get() {
                    Outcome::Empty => view! { <p class="hint">"Type the result to flag it for this patient."</p> }.into_any(),
                    Outcome::Invalid(why) => view! { <p class="notice danger">{why}</p> }.into_any(),
                    Outcome::Flagged { flag, in_reference_unit, notices, .. } => view! {
                        {match flag {
                            Some(flag) => view! {
                                <p class=format!("flag flag-{}", flag.code().to_lowercase())>
                                    <span class="flag-code" aria-hidden="true">{flag.code()}</span>
                                    <strong class="flag-text">{flag.text()}</strong>
                                    {in_reference_unit.map(|v| view! { <span class="hint">{format!(" = {v}")}</span> })}
                                </p>
                            }.into_any(),
                            None => view! { <p class="flag flag-none"><strong class="flag-text">"Not flagged"</strong></p> }.into_any(),
                        }}
                        <ul class="flag-notices">
                            {notices.into_iter().map(|n| view! { <li class="notice warn">{n}</li> }).collect_view()}
                        </ul>
                    }.into_any(),
                }}
            </div>
            {
                let (analyte_id, analyte_name) = (analyte_id.clone(), analyte_name.clone());
                move || match outcome.get() {
                    Outcome::Flagged { flag: Some(flag), value, unit, .. } if flag.is_critical() => {
                        let prefill = CallPrefill {
                            analyte_id: analyte_id.clone(),
                            analyte_name: analyte_name.clone(),
                            value,
                            unit,
                            flag: flag.text().to_string(),
                        };
                        view! {
                            <Show
                                when=move || calling.get()
                                fallback=move || view! {
                                    <button id="log-call" class="button danger" on:click=move |_| calling.set(true)>"Log the critical call"</button>
                                }
                            >
                                <CallForm prefill=prefill.clone() />
                            </Show>
                        }.into_any()
                    }
                    _ => ().into_any(),
                }
            }
        </div>
    }
}

//! The patient's age (with its unit: days, months, years) and sex, as selection needs them.

use benchmate_core::ranges::{AgeUnit, Patient, PatientSex};
use leptos::prelude::*;

/// What the age field holds: nothing, an age in days, or why the text is not an age.
#[derive(Clone, Debug, PartialEq)]
pub enum AgeEntry {
    Empty,
    Days(u32),
    Bad(String),
}

/// Reads the age field: a whole number of `unit`s.
pub fn read_age(text: &str, unit: &str) -> AgeEntry {
    let text = text.trim();
    if text.is_empty() {
        return AgeEntry::Empty;
    }
    let Some(unit) = AgeUnit::parse(unit) else {
        return AgeEntry::Bad(format!("Age unit '{unit}' is not days, months or years."));
    };
    match text.parse::<u32>() {
        Ok(amount) if amount <= 130 * 365 => AgeEntry::Days(unit.to_days(amount)),
        Ok(_) => AgeEntry::Bad("Age: that is older than any patient.".into()),
        Err(_) => AgeEntry::Bad(format!("Age: '{text}' is not a whole number.")),
    }
}

fn read_sex(text: &str) -> PatientSex {
    match text {
        "male" => PatientSex::Male,
        "female" => PatientSex::Female,
        _ => PatientSex::Unknown,
    }
}

/// The age and sex fields; returns the patient they describe (an unreadable age is unknown,
/// and is said under the field).
#[component]
pub fn PatientFields(patient: RwSignal<Patient>) -> impl IntoView {
    let age_text = RwSignal::new(String::new());
    let age_unit = RwSignal::new("years".to_string());
    let sex = RwSignal::new("unknown".to_string());
    let age = Memo::new(move |_| read_age(&age_text.get(), &age_unit.get()));
    Effect::new(move |_| {
        let age_days = match age.get() {
            AgeEntry::Days(days) => Some(days),
            _ => None,
        };
        patient.set(Patient::new(age_days, read_sex(&sex.get())));
    });
    view! {
        <fieldset class="card patient">
            <legend>"Patient"</legend>
            <div class="field">
                <label for="patient-age">"Age"</label>
                <div class="quantity">
                    <input
                        id="patient-age"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=age_text
                        aria-invalid=move || matches!(age.get(), AgeEntry::Bad(_)).to_string()
                        on:input=move |ev| age_text.set(event_target_value(&ev))
                    />
                    <label class="visually-hidden" for="patient-age-unit">"Age unit"</label>
                    <select id="patient-age-unit" on:change=move |ev| age_unit.set(event_target_value(&ev))>
                        <option value="days">"days"</option>
                        <option value="months">"months"</option>
                        <option value="years" selected>"years"</option>
                    </select>
                </div>
                {move || match age.get() {
                    AgeEntry::Bad(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
                    AgeEntry::Empty => view! { <p class="hint">"Leave empty if unknown: an age-dependent interval then says so."</p> }.into_any(),
                    AgeEntry::Days(_) => ().into_any(),
                }}
            </div>
            <div class="field">
                <label for="patient-sex">"Sex"</label>
                <select id="patient-sex" on:change=move |ev| sex.set(event_target_value(&ev))>
                    <option value="unknown" selected>"Unknown"</option>
                    <option value="female">"Female"</option>
                    <option value="male">"Male"</option>
                </select>
            </div>
        </fieldset>
    }
}

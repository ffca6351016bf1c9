//! The patient's age (with its unit: days, months, years), sex and, where the analyte's rows
//! need them, condition and gestational age at birth, as selection needs them.

use benchmate_core::ranges::{parse_gestation_weeks, AgeUnit, Patient, PatientSex};
use leptos::prelude::*;

use crate::widgets::QuantityField;

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

/// A condition as a person reads it: "fasting" -> "Fasting".
fn condition_label(condition: &str) -> String {
    let mut chars = condition.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The age, sex and, where the analyte's rows depend on them, condition and gestational age
/// fields; `patient` is kept to what they describe (an unreadable age or gestational age is
/// unknown, and is said under its field). `conditions` are the ones the analyte's rows name.
#[component]
pub fn PatientFields(
    patient: RwSignal<Patient>,
    #[prop(optional)] conditions: Vec<String>,
    #[prop(optional)] gestation: bool,
) -> impl IntoView {
    let age_text = RwSignal::new(String::new());
    let age_unit = RwSignal::new("years".to_string());
    let sex = RwSignal::new("unknown".to_string());
    let condition = RwSignal::new(String::new());
    let gestation_text = RwSignal::new(String::new());
    let age = Memo::new(move |_| read_age(&age_text.get(), &age_unit.get()));
    let gestation_weeks = Memo::new(move |_| parse_gestation_weeks(&gestation_text.get()));
    Effect::new(move |_| {
        let age_days = match age.get() {
            AgeEntry::Days(days) => Some(days),
            _ => None,
        };
        let mut described = Patient::new(age_days, read_sex(&sex.get()));
        let condition = condition.get();
        if !condition.is_empty() {
            described = described.with_condition(&condition);
        }
        described.gestation_weeks = gestation_weeks.get().ok().flatten();
        patient.set(described);
    });
    let age_units = ["days", "months", "years"]
        .map(|u| (u.to_string(), u.to_string()))
        .to_vec();
    view! {
        <fieldset class="card patient">
            <legend>"Patient"</legend>
            <QuantityField
                id="patient-age".to_string()
                label="Age".to_string()
                unit_label="Age unit".to_string()
                units=age_units
                value=age_text
                on_input=Callback::new(move |typed| age_text.set(typed))
                unit=age_unit
                on_unit=Callback::new(move |chosen| age_unit.set(chosen))
                invalid=Signal::derive(move || matches!(age.get(), AgeEntry::Bad(_)))
                inputmode="numeric"
            >
                {move || match age.get() {
                    AgeEntry::Bad(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
                    AgeEntry::Empty => view! { <p class="hint">"Leave empty if unknown: an age-dependent interval then says so."</p> }.into_any(),
                    AgeEntry::Days(_) => ().into_any(),
                }}
            </QuantityField>
            <div class="field">
                <label for="patient-sex">"Sex"</label>
                <select id="patient-sex" on:change=move |ev| sex.set(event_target_value(&ev))>
                    <option value="unknown" selected>"Unknown"</option>
                    <option value="female">"Female"</option>
                    <option value="male">"Male"</option>
                </select>
            </div>
            {(!conditions.is_empty()).then(|| view! {
                <div class="field">
                    <label for="patient-condition">"Condition"</label>
                    <select id="patient-condition" on:change=move |ev| condition.set(event_target_value(&ev))>
                        <option value="" selected>"None of these"</option>
                        {conditions.into_iter().map(|c| view! { <option value=c.clone()>{condition_label(&c)}</option> }).collect_view()}
                    </select>
                    <p class="hint">"Some intervals are for a condition only (fasting, pregnancy, a cycle phase)."</p>
                </div>
            })}
            {gestation.then(|| view! {
                <div class="field">
                    <label for="patient-gestation">"Gestational age at birth (completed weeks)"</label>
                    <input id="patient-gestation" inputmode="numeric" autocomplete="off"
                        prop:value=gestation_text
                        aria-invalid=move || gestation_weeks.get().is_err().to_string()
                        on:input=move |ev| gestation_text.set(event_target_value(&ev)) />
                    {move || gestation_weeks.get().err().map(|why| view! { <p class="notice danger" role="alert">{why}</p> })}
                </div>
            })}
        </fieldset>
    }
}

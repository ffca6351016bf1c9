//! The form for one of the lab's intervals: category, sex, ages, condition, gestation, limits,
//! unit, source and note, as the import format names them. Core's `edit_lab_analyte` reads
//! what is typed, by the import's rules.

use benchmate_core::ranges::{Analyte, Category, IntervalFields};
use leptos::prelude::*;

/// One text field of the form, bound to a part of the fields.
#[component]
fn FormText(
    fields: RwSignal<IntervalFields>,
    id: &'static str,
    label: &'static str,
    read: fn(&IntervalFields) -> &String,
    write: fn(&mut IntervalFields) -> &mut String,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id inputmode=inputmode autocomplete="off"
                prop:value=move || fields.with(|f| read(f).clone())
                on:input=move |ev| fields.update(|f| *write(f) = event_target_value(&ev)) />
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
        </div>
    }
}

/// A choice among fixed values, bound to a part of the fields.
#[component]
fn FormChoice(
    fields: RwSignal<IntervalFields>,
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    read: fn(&IntervalFields) -> &String,
    write: fn(&mut IntervalFields) -> &mut String,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| fields.update(|f| *write(f) = event_target_value(&ev))>
                {options.into_iter().map(|(value, text)| {
                    let mine = value.clone();
                    view! { <option value=value selected=move || fields.with(|f| *read(f) == mine)>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The fields of one interval; saving and cancelling are the caller's buttons.
#[component]
pub fn IntervalForm(fields: RwSignal<IntervalFields>, analyte: Analyte) -> impl IntoView {
    let categories = Category::ALL
        .map(|c| (c.code().to_string(), c.noun().to_string()))
        .to_vec();
    let sexes = [("any", "Any"), ("female", "Female"), ("male", "Male")]
        .map(|(v, t)| (v.to_string(), t.to_string()))
        .to_vec();
    let units = analyte
        .units()
        .map(|u| (u.to_string(), u.to_string()))
        .collect::<Vec<_>>();
    view! {
        <div class="interval-form">
            <FormChoice fields=fields id="interval-category" label="Kind" options=categories
                read=|f| &f.category write=|f| &mut f.category />
            <FormChoice fields=fields id="interval-sex" label="Sex" options=sexes
                read=|f| &f.sex write=|f| &mut f.sex />
            <div class="field-row">
                <FormText fields=fields id="interval-age-from" label="From age (included)"
                    read=|f| &f.age_from write=|f| &mut f.age_from hint="e.g. 7d, 6mo, 18y; empty: from birth" />
                <FormText fields=fields id="interval-age-to" label="To age (not included)"
                    read=|f| &f.age_to write=|f| &mut f.age_to hint="empty: no upper age" />
            </div>
            <div class="field-row">
                <FormText fields=fields id="interval-low" label="Low" inputmode="decimal"
                    read=|f| &f.low write=|f| &mut f.low />
                <FormText fields=fields id="interval-high" label="High" inputmode="decimal"
                    read=|f| &f.high write=|f| &mut f.high />
                <FormChoice fields=fields id="interval-unit" label="Unit" options=units
                    read=|f| &f.unit write=|f| &mut f.unit />
            </div>
            <FormText fields=fields id="interval-source" label="Source"
                read=|f| &f.source write=|f| &mut f.source hint="Where the lab's interval comes from: its verification study, the insert, a textbook." />
            <details>
                <summary>"Condition, gestational age and note (optional)"</summary>
                <FormText fields=fields id="interval-condition" label="Condition"
                    read=|f| &f.condition write=|f| &mut f.condition hint="e.g. pregnancy or fasting; empty: everyone" />
                <div class="field-row">
                    <FormText fields=fields id="interval-gest-from" label="Gestation from (weeks)" inputmode="numeric"
                        read=|f| &f.gest_from write=|f| &mut f.gest_from />
                    <FormText fields=fields id="interval-gest-to" label="Gestation to (weeks, not included)" inputmode="numeric"
                        read=|f| &f.gest_to write=|f| &mut f.gest_to />
                </div>
                <FormText fields=fields id="interval-note" label="Note"
                    read=|f| &f.note write=|f| &mut f.note />
            </details>
        </div>
    }
}

//! One input of a calculator form: a number with its unit picker, or a choice.

use std::collections::BTreeMap;

use benchmate_core::calc::{Calculator, InputKind, InputSpec};
use benchmate_core::units::label;
use leptos::prelude::*;

use super::outcome::Evaluation;

/// What the user has entered for one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldState {
    /// The number as typed, or the chosen option.
    pub text: String,
    /// The unit (a UCUM code) for numbers.
    pub unit: String,
}

type Fields = RwSignal<BTreeMap<&'static str, FieldState>>;

#[component]
pub fn Field(
    calculator: &'static Calculator,
    input: &'static InputSpec,
    fields: Fields,
    result: Memo<Evaluation>,
) -> impl IntoView {
    let id = format!("{}-{}", calculator.id, input.name);
    let invalid = move || result.with(|r| r.input_in_error() == Some(input.name));
    let label_text = if input.required {
        input.label.to_string()
    } else {
        format!("{} (optional)", input.label)
    };
    match input.kind {
        InputKind::Quantity { unit, units, .. } | InputKind::FreeQuantity { unit, units } => {
            let mut offered: Vec<&'static str> = vec![unit];
            offered.extend(units.iter().copied().filter(|u| *u != unit));
            let unit_id = format!("{id}-unit");
            view! {
                <div class="field">
                    <label for=id.clone()>{label_text}</label>
                    <div class="quantity">
                        <input
                            id=id
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            aria-invalid=move || invalid().to_string()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                fields.update(|f| {
                                    if let Some(state) = f.get_mut(input.name) {
                                        state.text = text;
                                    }
                                })
                            }
                        />
                        <label class="visually-hidden" for=unit_id.clone()>{format!("{} unit", input.label)}</label>
                        <select
                            id=unit_id
                            on:change=move |ev| {
                                let unit = event_target_value(&ev);
                                fields.update(|f| {
                                    if let Some(state) = f.get_mut(input.name) {
                                        state.unit = unit;
                                    }
                                })
                            }
                        >
                            {offered.into_iter().map(|u| view! { <option value=u>{label(u)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
            }
            .into_any()
        }
        InputKind::Choice { options, .. } => view! {
            <fieldset class="field">
                <legend>{label_text}</legend>
                <div class="choices">
                    {options
                        .iter()
                        .map(|option| {
                            let option: &'static str = option;
                            view! {
                                <label>
                                    <input
                                        type="radio"
                                        name=id.clone()
                                        prop:checked=move || fields.with(|f| f.get(input.name).is_some_and(|s| s.text == option))
                                        on:change=move |_| fields.update(|f| {
                                            if let Some(state) = f.get_mut(input.name) {
                                                state.text = option.to_string();
                                            }
                                        })
                                    />
                                    {option.replace('_', " ")}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        }
        .into_any(),
    }
}

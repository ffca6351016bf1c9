//! One input of a calculator form: a number with its unit picker, or a choice.

use std::collections::BTreeMap;

use benchmate_core::calc::{Calculator, InputKind, InputSpec};
use benchmate_core::units::label;
use leptos::prelude::*;

use super::outcome::Evaluation;
use crate::widgets::QuantityField;

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
            let units: Vec<(String, String)> = offered.into_iter().map(|u| (u.to_string(), label(u).to_string())).collect();
            let state = move |read: fn(&FieldState) -> String| {
                Signal::derive(move || fields.with(|f| f.get(input.name).map(read).unwrap_or_default()))
            };
            let update = move |write: fn(&mut FieldState, String)| {
                Callback::new(move |text: String| {
                    fields.update(|f| {
                        if let Some(state) = f.get_mut(input.name) {
                            write(state, text);
                        }
                    })
                })
            };
            view! {
                <QuantityField
                    id=id
                    label=label_text
                    unit_label=format!("{} unit", input.label)
                    units=units
                    value=state(|s| s.text.clone())
                    on_input=update(|s, text| s.text = text)
                    unit=state(|s| s.unit.clone())
                    on_unit=update(|s, unit| s.unit = unit)
                    invalid=Signal::derive(invalid)
                />
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

//! Evaluating a calculator form and showing the result: the values a lab reports, the
//! warnings beside them, a bench table for plans, or a message naming the input to fix.

use std::collections::BTreeMap;

use benchmate_core::calc::{compute, CalcError, Calculator, InputKind, Inputs, Outcome};
use benchmate_core::units::label;
use leptos::prelude::*;

use super::field::FieldState;
use super::parse_number;

/// Where a form stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Evaluation {
    /// Required inputs are still empty (their labels).
    Waiting(Vec<&'static str>),
    Done(Outcome),
    /// The inputs cannot give a result: the message, and the input it is about.
    Refused {
        message: String,
        input: Option<String>,
    },
}

impl Evaluation {
    pub fn input_in_error(&self) -> Option<&str> {
        match self {
            Evaluation::Refused { input, .. } => input.as_deref(),
            _ => None,
        }
    }
}

/// Computes the result from what is typed; the full-precision values stay in `Outcome`.
pub fn evaluate(calculator: &Calculator, fields: &BTreeMap<&'static str, FieldState>) -> Evaluation {
    let mut inputs = Inputs::new();
    let mut waiting = Vec::new();
    for input in calculator.inputs {
        let Some(state) = fields.get(input.name) else { continue };
        if state.text.trim().is_empty() {
            let has_default = matches!(input.kind, InputKind::Quantity { default: Some(_), .. });
            if input.required && !has_default {
                waiting.push(input.label);
            }
            continue;
        }
        match input.kind {
            InputKind::Choice { .. } => inputs = inputs.with_text(input.name, &state.text),
            _ => match parse_number(&state.text) {
                Some(value) => inputs = inputs.with(input.name, value, &state.unit),
                None => {
                    return Evaluation::Refused {
                        message: format!("{}: \"{}\" is not a number.", input.label, state.text.trim()),
                        input: Some(input.name.to_string()),
                    }
                }
            },
        }
    }
    if !waiting.is_empty() {
        return Evaluation::Waiting(waiting);
    }
    match compute(calculator.id, &inputs) {
        Ok(outcome) => Evaluation::Done(outcome),
        Err(error) => refused(calculator, error),
    }
}

fn refused(calculator: &Calculator, error: CalcError) -> Evaluation {
    let input = error.input().map(str::to_string);
    let message = match input.as_deref().and_then(|name| calculator.input(name)) {
        Some(spec) => format!("{}: {error}", spec.label),
        None => error.to_string(),
    };
    Evaluation::Refused { message, input }
}

#[component]
pub fn OutcomeView(result: Memo<Evaluation>) -> impl IntoView {
    move || match result.get() {
        Evaluation::Waiting(missing) => view! {
            <div class="result card" aria-live="polite">
                <p class="muted">{format!("Enter {} to see the result.", missing.join(", "))}</p>
            </div>
        }
        .into_any(),
        Evaluation::Refused { message, .. } => view! {
            <div class="result notice danger" role="alert">{message}</div>
        }
        .into_any(),
        Evaluation::Done(outcome) => view! { <Done outcome=outcome /> }.into_any(),
    }
}

#[component]
fn Done(outcome: Outcome) -> impl IntoView {
    let mut outputs = outcome.outputs.into_iter();
    let primary = outputs.next();
    view! {
        <div class="result card" aria-live="polite">
            {primary.map(|p| view! {
                <p class="result-label">{p.label}</p>
                <p class="result-primary"><output>{p.display}</output>" "<span class="unit">{label(&p.unit)}</span></p>
            })}
            <dl class="result-more">
                {outputs.map(|o| view! { <dt>{o.label}</dt><dd>{o.display}" "{label(&o.unit)}</dd> }).collect_view()}
            </dl>
            {outcome.warnings.into_iter().map(|w| view! { <p class="notice warn">{w}</p> }).collect_view()}
            {outcome.table.map(|table| view! {
                <div class="table-scroll">
                    <table>
                        <thead><tr>{table.columns.iter().map(|c| {
                            let unit = if c.unit.is_empty() || c.unit == "1" { String::new() } else { format!(" ({})", label(&c.unit)) };
                            view! { <th scope="col">{format!("{}{unit}", c.label)}</th> }
                        }).collect_view()}</tr></thead>
                        <tbody>{table.rows.iter().map(|row| view! {
                            <tr>{row.iter().zip(table.columns.iter()).map(|(value, column)| view! {
                                <td>{benchmate_core::calc::display(*value, column.decimals)}</td>
                            }).collect_view()}</tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
            })}
        </div>
    }
}

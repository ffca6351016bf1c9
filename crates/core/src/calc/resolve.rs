//! Turns given inputs into the numbers a formula needs: units converted to the formula's unit,
//! plausible ranges checked, choices matched; then checks and rounds what the formula returns.

use std::collections::BTreeMap;

use super::outcome::display;
use super::{CalcError, Calculator, Column, Computed, InputKind, InputSpec, InputValue, Inputs, Outcome, Output};
use crate::units;

/// A value in a unit the calculator relates itself (a `FreeQuantity` input).
#[derive(Clone, Debug, PartialEq)]
pub struct FreeValue {
    pub value: f64,
    /// UCUM code.
    pub unit: String,
}

/// The checked inputs a formula reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Values {
    quantities: BTreeMap<&'static str, f64>,
    free: BTreeMap<&'static str, FreeValue>,
    choices: BTreeMap<&'static str, &'static str>,
}

impl Values {
    /// A quantity in the formula's unit; missing is an error naming the input.
    pub fn get(&self, name: &str) -> Result<f64, CalcError> {
        self.opt(name).ok_or_else(|| CalcError::MissingInput {
            input: name.to_string(),
        })
    }

    /// A quantity in the formula's unit, if given (or defaulted).
    pub fn opt(&self, name: &str) -> Option<f64> {
        self.quantities.get(name).copied()
    }

    /// A free quantity, if given.
    pub fn free(&self, name: &str) -> Option<&FreeValue> {
        self.free.get(name)
    }

    /// The chosen option.
    pub fn choice(&self, name: &str) -> Result<&'static str, CalcError> {
        self.choices.get(name).copied().ok_or_else(|| CalcError::MissingInput {
            input: name.to_string(),
        })
    }
}

/// Checks every input against the calculator's declaration.
pub fn resolve(calculator: &Calculator, inputs: &Inputs) -> Result<Values, CalcError> {
    if let Some(unknown) = inputs.0.keys().find(|k| calculator.input(k).is_none()) {
        return Err(CalcError::UnknownInput { input: unknown.clone() });
    }
    let mut values = Values::default();
    for spec in calculator.inputs {
        match (inputs.0.get(spec.name), spec.kind) {
            (Some(given), InputKind::Quantity { .. }) => {
                let value = quantity(spec, given)?;
                values.quantities.insert(spec.name, value);
            }
            (None, InputKind::Quantity { default: Some(d), .. }) => {
                values.quantities.insert(spec.name, d);
            }
            (Some(given), InputKind::FreeQuantity { unit, .. }) => {
                values.free.insert(spec.name, free_quantity(spec, given, unit)?);
            }
            (Some(given), InputKind::Choice { options, .. }) => {
                values.choices.insert(spec.name, choose(spec, given, options)?);
            }
            (None, InputKind::Choice { default: Some(d), .. }) => {
                values.choices.insert(spec.name, d);
            }
            (None, _) if spec.required => {
                return Err(CalcError::MissingInput {
                    input: spec.name.to_string(),
                })
            }
            (None, _) => {}
        }
    }
    Ok(values)
}

fn number(spec: &InputSpec, given: &InputValue) -> Result<(f64, Option<String>), CalcError> {
    match given {
        InputValue::Number { value, unit } if value.is_finite() => Ok((*value, unit.clone())),
        InputValue::Number { value, .. } => Err(CalcError::NotANumber {
            input: spec.name.to_string(),
            text: value.to_string(),
        }),
        InputValue::Text(text) => Err(CalcError::NotANumber {
            input: spec.name.to_string(),
            text: text.clone(),
        }),
    }
}

fn quantity(spec: &InputSpec, given: &InputValue) -> Result<f64, CalcError> {
    let InputKind::Quantity {
        unit: formula_unit,
        min,
        max,
        analyte,
        ..
    } = spec.kind
    else {
        return Err(CalcError::invalid(spec.name, "not a quantity input"));
    };
    let (value, unit) = number(spec, given)?;
    let context = analyte.and_then(units::analyte).map(|a| a.molar_context());
    let converted = match unit.as_deref() {
        None => value,
        Some(unit) => {
            units::convert(value, unit, formula_unit, context.as_ref()).map_err(|error| CalcError::BadUnit {
                input: spec.name.to_string(),
                error,
            })?
        }
    };
    if !(min..=max).contains(&converted) {
        return Err(CalcError::OutOfRange {
            input: spec.name.to_string(),
            value: round_for_message(converted),
            unit: formula_unit.to_string(),
            min,
            max,
        });
    }
    Ok(converted)
}

/// Keeps error messages readable (96 umol/L is 1.0859728506787332 mg/dL).
fn round_for_message(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let digits = 6 - value.abs().log10().ceil() as i32;
    let scale = 10f64.powi(digits.clamp(-300, 300));
    (value * scale).round() / scale
}

fn free_quantity(spec: &InputSpec, given: &InputValue, default_unit: &str) -> Result<FreeValue, CalcError> {
    let (value, unit) = number(spec, given)?;
    if value <= 0.0 {
        return Err(CalcError::invalid(spec.name, "must be greater than zero"));
    }
    let unit = units::normalize(unit.as_deref().unwrap_or(default_unit)).map_err(|error| CalcError::BadUnit {
        input: spec.name.to_string(),
        error,
    })?;
    Ok(FreeValue { value, unit })
}

fn choose(spec: &InputSpec, given: &InputValue, options: &'static [&'static str]) -> Result<&'static str, CalcError> {
    let text = match given {
        InputValue::Text(text) => text.trim().to_lowercase(),
        InputValue::Number { value, .. } => value.to_string(),
    };
    let exact = options.iter().find(|o| o.eq_ignore_ascii_case(&text));
    let mut by_prefix = options.iter().filter(|o| !text.is_empty() && o.starts_with(&text));
    match (exact, by_prefix.next(), by_prefix.next()) {
        (Some(option), _, _) | (None, Some(option), None) => Ok(option),
        _ => Err(CalcError::BadChoice {
            input: spec.name.to_string(),
            value: text,
            allowed: options.iter().map(|o| o.to_string()).collect(),
        }),
    }
}

/// Checks the formula's results (finite; negative only where the output is signed) and
/// rounds them for display, primary output first.
pub fn finish(calculator: &Calculator, computed: Computed) -> Result<Outcome, CalcError> {
    let mut outputs = Vec::new();
    for spec in calculator.outputs {
        let Some(value) = computed.values.iter().find(|v| v.name == spec.name) else {
            continue;
        };
        if !value.value.is_finite() {
            return Err(CalcError::NoResult {
                reason: format!("{} is not a finite number for these inputs", spec.name),
            });
        }
        if value.value < 0.0 && !spec.signed {
            return Err(CalcError::NoResult {
                reason: format!("{} would be negative; check the inputs", spec.name),
            });
        }
        outputs.push(Output {
            name: spec.name,
            label: value.label.clone().unwrap_or_else(|| spec.label.to_string()),
            unit: value.unit.clone().unwrap_or_else(|| spec.unit.to_string()),
            value: value.value,
            decimals: spec.decimals,
            display: display(value.value, spec.decimals),
        });
    }
    if let Some(table) = &computed.table {
        let bad_cell = table.rows.iter().flatten().any(|cell| !cell.is_finite() || *cell < 0.0);
        if bad_cell {
            return Err(CalcError::NoResult {
                reason: "the plan would need a negative or impossible volume".to_string(),
            });
        }
    }
    Ok(Outcome {
        id: calculator.id,
        outputs,
        warnings: computed.warnings,
        table: computed.table,
    })
}

/// A table column; shorthand for the planners.
pub fn column(name: &'static str, label: &'static str, unit: &str, decimals: u8) -> Column {
    Column {
        name,
        label,
        unit: unit.to_string(),
        decimals,
    }
}

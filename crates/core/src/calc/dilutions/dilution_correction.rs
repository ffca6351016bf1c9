//! A result measured on a diluted sample, multiplied back by the dilution factor.

use super::super::spec::{free_quantity, output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "dilution-correction",
    title: "Correct a result for dilution",
    category: Category::Dilutions,
    inputs: &[
        free_quantity(
            "result",
            "Result measured on the diluted sample",
            "mg/dL",
            &["mg/dL", "mmol/L", "U/L", "1"],
        ),
        quantity(
            "dilution_factor",
            "Dilution factor",
            "1",
            &["1"],
            (1.0, 1_000_000.0),
            None,
        ),
    ],
    outputs: &[output("corrected", "Result corrected for dilution", "mg/dL", 2)],
    formula: "corrected = measured x DF",
    source: "Standard practice (CLSI EP34: extending the measuring interval by dilution)",
    validity: &["Only within the dilution the method's package insert validates"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let result = values.free("result").ok_or_else(|| CalcError::MissingInput {
        input: "result".to_string(),
    })?;
    let corrected = result.value * values.get("dilution_factor")?;
    Ok(Computed::default().with_labelled("corrected", corrected, None, Some(result.unit.clone())))
}

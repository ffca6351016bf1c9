//! HOMA-IR: fasting glucose [mg/dL] x insulin [uIU/mL] / 405.

use super::super::common::{GLUCOSE, INSULIN};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "homa-ir",
    title: "HOMA-IR (insulin resistance)",
    category: Category::Endocrine,
    inputs: &[GLUCOSE, INSULIN],
    outputs: &[output("homa_ir", "HOMA-IR", "1", 2)],
    formula: "HOMA-IR = glucose [mg/dL] x insulin [uIU/mL] / 405",
    source: "Matthews DR et al. Diabetologia 1985;28:412-9",
    validity: &["Fasting samples only; cut-offs depend on the insulin assay"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "homa_ir",
        values.get("glucose")? * values.get("insulin")? / 405.0,
    ))
}

//! Mentzer index: MCV / RBC, a screen for thalassaemia trait against iron deficiency.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "mentzer-index",
    title: "Mentzer index",
    category: Category::Hematology,
    inputs: &[
        quantity("mcv", "MCV", "fL", &["fL"], (40.0, 150.0), None),
        quantity(
            "rbc",
            "RBC count",
            "10*12/L",
            &["10*12/L", "10*6/uL"],
            (0.1, 15.0),
            None,
        ),
    ],
    outputs: &[output("mentzer_index", "Mentzer index", "1", 1)],
    formula: "Mentzer index = MCV [fL] / RBC [10^12/L]; below 13 suggests thalassaemia trait, above 13 iron deficiency",
    source: "Mentzer WC. Differentiation of iron deficiency from thalassaemia trait. Lancet 1973;1:882",
    validity: &["A screen only: confirm with iron studies and haemoglobin analysis"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "mentzer_index",
        values.get("mcv")? / values.get("rbc")?,
    ))
}

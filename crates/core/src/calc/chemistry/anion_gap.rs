//! Anion gap: Na - (Cl + HCO3).

use super::super::common::{BICARBONATE, CHLORIDE, SODIUM};
use super::super::spec::{signed_output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "anion-gap",
    title: "Anion gap",
    category: Category::Chemistry,
    inputs: &[SODIUM, CHLORIDE, BICARBONATE],
    outputs: &[signed_output("anion_gap", "Anion gap", "mmol/L", 1)],
    formula: "AG = Na - (Cl + HCO3)",
    source: "Emmett M, Narins RG. Clinical use of the anion gap. Medicine 1977;56:38-54 (as in MDCalc)",
    validity: &["Reference interval depends on the analyser (ion-selective electrodes give lower gaps)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single("anion_gap", super::anion_gap(values)?))
}

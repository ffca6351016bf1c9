//! Delta gap: AG - 12.

use super::super::common::{BICARBONATE, CHLORIDE, SODIUM};
use super::super::spec::{signed_output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "delta-gap",
    title: "Delta gap",
    category: Category::Chemistry,
    inputs: &[SODIUM, CHLORIDE, BICARBONATE],
    outputs: &[
        signed_output("delta_gap", "Delta gap", "mmol/L", 1),
        signed_output("anion_gap", "Anion gap", "mmol/L", 1),
    ],
    formula: "Delta gap = AG - 12, AG = Na - (Cl + HCO3)",
    source: "Wrenn K. The delta gap. Ann Emerg Med 1990;19:1310-3 (normal AG 12 as in MDCalc)",
    validity: &["Assumes a normal anion gap of 12 mmol/L; use the lab's own"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let gap = super::anion_gap(values)?;
    Ok(Computed::single("delta_gap", gap - super::NORMAL_ANION_GAP).with("anion_gap", gap))
}

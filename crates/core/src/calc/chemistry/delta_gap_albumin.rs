//! Albumin-corrected delta gap: corrected AG - 12.

use super::super::common::{ALBUMIN, BICARBONATE, CHLORIDE, SODIUM};
use super::super::spec::{signed_output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "delta-gap-albumin-corrected",
    title: "Delta gap, albumin-corrected",
    category: Category::Chemistry,
    inputs: &[SODIUM, CHLORIDE, BICARBONATE, ALBUMIN],
    outputs: &[
        signed_output("delta_gap_corrected", "Albumin-corrected delta gap", "mmol/L", 2),
        signed_output("anion_gap_corrected", "Albumin-corrected anion gap", "mmol/L", 1),
    ],
    formula: "AGc = Na - (Cl + HCO3) + 2.5 x (4.0 - albumin [g/dL]); delta gap = AGc - 12",
    source: "Figge 1998 correction with the delta gap of Wrenn 1990 (as in MDCalc)",
    validity: &["Assumes a normal anion gap of 12 mmol/L"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let gap = super::albumin_corrected_gap(values)?;
    Ok(Computed::single("delta_gap_corrected", gap - super::NORMAL_ANION_GAP).with("anion_gap_corrected", gap))
}

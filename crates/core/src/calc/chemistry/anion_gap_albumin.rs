//! Albumin-corrected anion gap: AG + 2.5 x (4.0 - albumin).

use super::super::common::{ALBUMIN, BICARBONATE, CHLORIDE, SODIUM};
use super::super::spec::{signed_output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "anion-gap-albumin-corrected",
    title: "Anion gap, albumin-corrected",
    category: Category::Chemistry,
    inputs: &[SODIUM, CHLORIDE, BICARBONATE, ALBUMIN],
    outputs: &[
        signed_output("anion_gap_corrected", "Albumin-corrected anion gap", "mmol/L", 1),
        signed_output("anion_gap", "Anion gap (uncorrected)", "mmol/L", 1),
    ],
    formula: "AGc = Na - (Cl + HCO3) + 2.5 x (4.0 - albumin [g/dL])",
    source: "Figge J et al. Anion gap and hypoalbuminemia. Crit Care Med 1998;26:1807-10",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(
        Computed::single("anion_gap_corrected", super::albumin_corrected_gap(values)?)
            .with("anion_gap", super::anion_gap(values)?),
    )
}

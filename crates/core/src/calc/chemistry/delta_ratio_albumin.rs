//! Albumin-corrected delta ratio: (corrected AG - 12) / (24 - HCO3).

use super::super::common::{ALBUMIN, BICARBONATE, CHLORIDE, SODIUM};
use super::super::spec::{signed_output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "delta-ratio-albumin-corrected",
    title: "Delta ratio, albumin-corrected",
    category: Category::Chemistry,
    inputs: &[SODIUM, CHLORIDE, BICARBONATE, ALBUMIN],
    outputs: &[
        signed_output("delta_ratio_corrected", "Albumin-corrected delta ratio", "1", 2),
        signed_output("anion_gap_corrected", "Albumin-corrected anion gap", "mmol/L", 1),
    ],
    formula: "(AGc - 12) / (24 - HCO3), AGc = Na - (Cl + HCO3) + 2.5 x (4.0 - albumin [g/dL])",
    source: "Figge 1998 correction with the delta ratio of Rastegar 2007 (as in MDCalc)",
    validity: &["Undefined at HCO3 = 24 mmol/L"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let gap = super::albumin_corrected_gap(values)?;
    Ok(Computed::single("delta_ratio_corrected", super::delta_ratio(gap, values)?).with("anion_gap_corrected", gap))
}

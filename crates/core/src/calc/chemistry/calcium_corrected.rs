//! Calcium corrected for albumin (Payne): Ca + 0.8 x (4.0 - albumin).

use super::super::common::{ALBUMIN, CALCIUM};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "calcium-corrected-albumin",
    title: "Calcium corrected for albumin",
    category: Category::Chemistry,
    inputs: &[CALCIUM, ALBUMIN],
    outputs: &[output("calcium_corrected", "Corrected calcium", "mg/dL", 1)],
    formula: "Ca corrected = Ca [mg/dL] + 0.8 x (4.0 - albumin [g/dL])",
    source: "Payne RB et al. Interpretation of serum calcium. BMJ 1973;4:643-6",
    validity: &["Poor agreement with ionized calcium in critical illness and renal failure: measure ionized calcium"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let corrected = values.get("calcium")? + 0.8 * (super::NORMAL_ALBUMIN - values.get("albumin")?);
    Ok(Computed::single("calcium_corrected", corrected))
}

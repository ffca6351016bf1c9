//! LDL cholesterol by Friedewald: TC - HDL - TG/5.

use super::super::common::{HDL, TOTAL_CHOLESTEROL, TRIGLYCERIDES};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "ldl-friedewald",
    title: "LDL cholesterol, Friedewald",
    category: Category::Lipids,
    inputs: &[TOTAL_CHOLESTEROL, HDL, TRIGLYCERIDES],
    outputs: &[output("ldl", "LDL cholesterol (Friedewald)", "mg/dL", 0)],
    formula: "LDL = TC - HDL - TG/5 (mg/dL)",
    source: "Friedewald WT, Levy RI, Fredrickson DS. Clin Chem 1972;18:499-502",
    validity: &[
        "Not valid at triglycerides >= 400 mg/dL: measure LDL directly",
        "Fasting sample",
    ],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let (total, hdl, tg) = super::lipids(values)?;
    Ok(Computed::single("ldl", total - hdl - tg / 5.0).warn_if(
        tg >= 400.0,
        "Not valid: triglycerides >= 400 mg/dL (4.52 mmol/L); measure LDL directly",
    ))
}

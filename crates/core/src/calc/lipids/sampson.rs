//! LDL cholesterol by the Sampson / NIH equation 2.

use super::super::common::{HDL, TOTAL_CHOLESTEROL, TRIGLYCERIDES};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "ldl-sampson",
    title: "LDL cholesterol, Sampson (NIH equation 2)",
    category: Category::Lipids,
    inputs: &[TOTAL_CHOLESTEROL, HDL, TRIGLYCERIDES],
    outputs: &[output("ldl", "LDL cholesterol (Sampson)", "mg/dL", 0)],
    formula: "LDL = TC/0.948 - HDL/0.971 - (TG/8.56 + TG x nonHDL/2140 - TG^2/16100) - 9.44 (mg/dL)",
    source: "Sampson M et al. A new equation for calculation of LDL-C. JAMA Cardiol 2020;5:540-8",
    validity: &["Validated up to triglycerides of 800 mg/dL"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let (total, hdl, tg) = super::lipids(values)?;
    let non_hdl = total - hdl;
    let ldl = total / 0.948 - hdl / 0.971 - (tg / 8.56 + tg * non_hdl / 2140.0 - tg * tg / 16100.0) - 9.44;
    Ok(Computed::single("ldl", ldl).warn_if(
        tg > 800.0,
        "Not valid: triglycerides above 800 mg/dL; measure LDL directly",
    ))
}

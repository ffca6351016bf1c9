//! eGFR by the race-free CKD-EPI 2021 creatinine equation.

use super::super::common::{AGE, CREATININE, SEX};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "egfr-ckd-epi-2021-cr",
    title: "eGFR, CKD-EPI 2021 (creatinine)",
    category: Category::Renal,
    inputs: &[SEX, AGE, CREATININE],
    outputs: &[output("egfr", "eGFR", "mL/min/{1.73_m2}", 0)],
    formula: "142 x min(Scr/k, 1)^a x max(Scr/k, 1)^-1.200 x 0.9938^age x 1.012 [female]; k = 0.7 (F) / 0.9 (M), a = -0.241 (F) / -0.302 (M)",
    source: "Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-49",
    validity: &[super::ADULTS_ONLY, "Not for unstable creatinine (acute kidney injury)"],
    compute,
};

/// The equation itself, creatinine in mg/dL.
pub fn egfr(female: bool, age: f64, creatinine: f64) -> f64 {
    let (kappa, alpha, sex_factor) = if female {
        (0.7, -0.241, 1.012)
    } else {
        (0.9, -0.302, 1.0)
    };
    let ratio = creatinine / kappa;
    142.0 * ratio.min(1.0).powf(alpha) * ratio.max(1.0).powf(-1.200) * 0.9938f64.powf(age) * sex_factor
}

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let age = values.get("age")?;
    let female = values.choice("sex")? == "female";
    Ok(Computed::single("egfr", egfr(female, age, values.get("creatinine")?)).warn_if(age < 18.0, super::ADULTS_ONLY))
}

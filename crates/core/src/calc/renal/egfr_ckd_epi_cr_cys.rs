//! eGFR by the race-free CKD-EPI 2021 creatinine-cystatin C equation.

use super::super::common::{AGE, CREATININE, CYSTATIN_C, SEX};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "egfr-ckd-epi-2021-cr-cys",
    title: "eGFR, CKD-EPI 2021 (creatinine and cystatin C)",
    category: Category::Renal,
    inputs: &[SEX, AGE, CREATININE, CYSTATIN_C],
    outputs: &[output("egfr", "eGFR", "mL/min/{1.73_m2}", 0)],
    formula: "135 x min(Scr/k, 1)^a x max(Scr/k, 1)^-0.544 x min(Scys/0.8, 1)^-0.323 x max(Scys/0.8, 1)^-0.778 x 0.9961^age x 0.963 [female]; k = 0.7 (F) / 0.9 (M), a = -0.219 (F) / -0.144 (M)",
    source: "Inker LA et al. N Engl J Med 2021;385:1737-49",
    validity: &[super::ADULTS_ONLY, "Cystatin C must be standardized to ERM-DA471/IFCC"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let age = values.get("age")?;
    let female = values.choice("sex")? == "female";
    let (kappa, alpha, sex_factor) = if female {
        (0.7, -0.219, 0.963)
    } else {
        (0.9, -0.144, 1.0)
    };
    let creatinine = values.get("creatinine")? / kappa;
    let cystatin = values.get("cystatin_c")? / 0.8;
    let egfr = 135.0
        * creatinine.min(1.0).powf(alpha)
        * creatinine.max(1.0).powf(-0.544)
        * cystatin.min(1.0).powf(-0.323)
        * cystatin.max(1.0).powf(-0.778)
        * 0.9961f64.powf(age)
        * sex_factor;
    Ok(Computed::single("egfr", egfr).warn_if(age < 18.0, super::ADULTS_ONLY))
}

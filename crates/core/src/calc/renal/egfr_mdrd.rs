//! eGFR by the IDMS-traceable 4-variable MDRD equation.

use super::super::common::{AGE, CREATININE, SEX};
use super::super::spec::{choice, output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "egfr-mdrd",
    title: "eGFR, MDRD (IDMS-traceable)",
    category: Category::Renal,
    inputs: &[
        SEX,
        AGE,
        CREATININE,
        // Left out means "other": the race coefficient is applied only when asked for.
        choice("race", "Race (MDRD coefficient)", &["black", "other"], Some("other")),
    ],
    outputs: &[output("egfr", "eGFR", "mL/min/{1.73_m2}", 0)],
    formula: "175 x Scr^-1.154 x age^-0.203 x 0.742 [female] x 1.212 [Black]",
    source: "Levey AS et al. Clin Chem 2007;53:766-72 (re-expressed for IDMS creatinine)",
    validity: &[
        super::ADULTS_ONLY,
        "Underestimates GFR above 60 mL/min/1.73 m2: report values above 60 as '> 60'",
        "Superseded by the race-free CKD-EPI 2021 equation (NKF-ASN 2021)",
    ],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let age = values.get("age")?;
    if age < 1.0 {
        return Err(CalcError::invalid(
            "age",
            "MDRD needs an age of at least 1 year (age^-0.203)",
        ));
    }
    let female = values.choice("sex")? == "female";
    let black = values.choice("race")? == "black";
    let egfr = 175.0
        * values.get("creatinine")?.powf(-1.154)
        * age.powf(-0.203)
        * if female { 0.742 } else { 1.0 }
        * if black { 1.212 } else { 1.0 };
    Ok(Computed::single("egfr", egfr)
        .warn_if(age < 18.0, super::ADULTS_ONLY)
        .warn_if(
            egfr > 60.0,
            "MDRD underestimates GFR above 60 mL/min/1.73 m2: report as '> 60'",
        ))
}

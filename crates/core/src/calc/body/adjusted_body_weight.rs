//! Adjusted body weight: IBW + 0.4 x (actual - IBW).

use super::super::common::{HEIGHT, SEX, WEIGHT};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "adjusted-body-weight",
    title: "Adjusted body weight",
    category: Category::Body,
    inputs: &[SEX, WEIGHT, HEIGHT],
    outputs: &[output("adjusted_body_weight", "Adjusted body weight", "kg", 1)],
    formula: "ABW = IBW + 0.4 x (actual weight - IBW); IBW by Devine",
    source: "Devine 1974 (IBW); 0.4 correction factor as in MDCalc and MedCalc-Bench",
    validity: &["Meant for patients above their ideal body weight"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let female = values.choice("sex")? == "female";
    let (actual, height) = (values.get("weight")?, values.get("height")?);
    let ideal = super::ideal_body_weight(female, height);
    if ideal <= 0.0 {
        return Err(CalcError::invalid(
            "height",
            "too short for the Devine formula (no positive weight)",
        ));
    }
    Ok(Computed::single(
        "adjusted_body_weight",
        super::adjusted_body_weight(female, height, actual),
    )
    .warn_if(
        actual < ideal,
        "Actual weight is below the ideal body weight: use the actual weight",
    ))
}

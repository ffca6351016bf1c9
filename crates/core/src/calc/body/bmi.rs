//! Body mass index.

use super::super::common::{HEIGHT, WEIGHT};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "bmi",
    title: "Body mass index (BMI)",
    category: Category::Body,
    inputs: &[WEIGHT, HEIGHT],
    outputs: &[output("bmi", "BMI", "kg/m2", 1)],
    formula: "BMI = weight [kg] / height [m]^2",
    source: "WHO. Obesity: preventing and managing the global epidemic. TRS 894, 2000",
    validity: &["Adult categories do not apply to children (use BMI-for-age)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "bmi",
        super::body_mass_index(values.get("weight")?, values.get("height")?),
    ))
}

//! Body surface area by Mosteller.

use super::super::common::{HEIGHT, WEIGHT};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "bsa-mosteller",
    title: "Body surface area (Mosteller)",
    category: Category::Body,
    inputs: &[WEIGHT, HEIGHT],
    outputs: &[output("bsa", "Body surface area", "m2", 2)],
    formula: "BSA = sqrt(height [cm] x weight [kg] / 3600)",
    source: "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "bsa",
        (values.get("height")? * values.get("weight")? / 3600.0).sqrt(),
    ))
}

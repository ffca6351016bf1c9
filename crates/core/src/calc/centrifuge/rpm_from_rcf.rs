//! Rotor speed needed for a relative centrifugal force at a radius.

use super::super::common::{RADIUS, RCF};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "rpm-from-rcf",
    title: "RPM from RCF",
    category: Category::Centrifuge,
    inputs: &[RCF, RADIUS],
    outputs: &[output("rpm", "Speed", "/min", 0)],
    formula: "rpm = sqrt(RCF / (1.118e-5 x radius [cm]))",
    source: "Standard rotor formula (rotor manufacturers' nomograms)",
    validity: &["Never exceed the rotor's rated maximum speed"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "rpm",
        super::rpm(values.get("rcf")?, values.get("radius")?),
    ))
}

//! Relative centrifugal force from rotor speed and radius.

use super::super::common::{RADIUS, RPM};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "rcf-from-rpm",
    title: "RCF from RPM",
    category: Category::Centrifuge,
    inputs: &[RPM, RADIUS],
    outputs: &[output("rcf", "Relative centrifugal force (x g)", "[g]", 0)],
    formula: "RCF = 1.118e-5 x radius [cm] x rpm^2",
    source: "Standard rotor formula (rotor manufacturers' nomograms; passetra.com worked example)",
    validity: &["Use the radius to the point of interest (maximum radius for the tube bottom)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "rcf",
        super::rcf(values.get("rpm")?, values.get("radius")?),
    ))
}

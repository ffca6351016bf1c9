//! Mass of solute for a stock of given mass concentration.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};
use super::volume;

pub const CALCULATOR: Calculator = Calculator {
    id: "stock-mass",
    title: "Stock solution by mass concentration",
    category: Category::Solutions,
    inputs: &[
        quantity(
            "concentration",
            "Mass concentration",
            "g/L",
            &["g/L", "mg/mL", "ug/mL", "mg/dL"],
            (1e-12, 2000.0),
            None,
        ),
        volume("volume", "Final volume"),
    ],
    outputs: &[output("mass", "Mass to weigh", "g", 4)],
    formula: "mass [g] = concentration [g/L] x volume [L]; dissolve and make up to the volume",
    source: "Definition of mass concentration",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "mass",
        values.get("concentration")? * values.get("volume")? / 1000.0,
    ))
}

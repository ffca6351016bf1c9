//! Calculated serum osmolality: 2 Na + glucose/18 + BUN/2.8 (+ ethanol/3.7).

use super::super::common::{BUN, GLUCOSE, SODIUM};
use super::super::spec::{output, quantity, Calculator, Category, InputSpec};
use super::super::{CalcError, Computed, Values};

pub const ETHANOL: InputSpec = quantity(
    "ethanol",
    "Ethanol",
    "mg/dL",
    &["mg/dL", "mmol/L"],
    (0.0, 1500.0),
    Some("ethanol"),
)
.optional();

pub const CALCULATOR: Calculator = Calculator {
    id: "osmolality-calculated",
    title: "Osmolality, calculated",
    category: Category::Chemistry,
    inputs: &[SODIUM, GLUCOSE, BUN, ETHANOL],
    outputs: &[output("osmolality", "Calculated osmolality", "mosm/kg", 0)],
    formula: "2 x Na + glucose [mg/dL] / 18 + BUN [mg/dL] / 2.8 (+ ethanol [mg/dL] / 3.7)",
    source: "Dorwart WV, Chalmers L. Clin Chem 1975;21:190-4; ethanol term Purssell RA et al. 2001",
    validity: &[],
    compute,
};

/// The calculated osmolality, shared with the osmolal gap.
pub fn calculated(values: &Values) -> Result<f64, CalcError> {
    let ethanol = values.opt("ethanol").unwrap_or(0.0);
    Ok(2.0 * values.get("sodium")? + values.get("glucose")? / 18.0 + values.get("bun")? / 2.8 + ethanol / 3.7)
}

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single("osmolality", calculated(values)?))
}

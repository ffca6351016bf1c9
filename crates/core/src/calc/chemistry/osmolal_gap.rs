//! Osmolal gap: measured - calculated osmolality.

use super::super::common::{BUN, GLUCOSE, SODIUM};
use super::super::spec::{output, quantity, signed_output, Calculator, Category, InputSpec};
use super::super::{CalcError, Computed, Values};
use super::osmolality::{calculated, ETHANOL};

const MEASURED: InputSpec = quantity(
    "osmolality_measured",
    "Measured osmolality",
    "mosm/kg",
    &["mosm/kg"],
    (150.0, 600.0),
    None,
);

pub const CALCULATOR: Calculator = Calculator {
    id: "osmolal-gap",
    title: "Osmolal gap",
    category: Category::Chemistry,
    inputs: &[MEASURED, SODIUM, GLUCOSE, BUN, ETHANOL],
    outputs: &[
        signed_output("osmolal_gap", "Osmolal gap", "mosm/kg", 0),
        output("osmolality", "Calculated osmolality", "mosm/kg", 0),
    ],
    formula: "gap = measured - (2 x Na + glucose/18 + BUN/2.8 (+ ethanol/3.7))",
    source: "Dorwart WV, Chalmers L. Clin Chem 1975;21:190-4",
    validity: &["Measured osmolality by freezing point depression (vapour pressure misses volatile alcohols)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let calculated = calculated(values)?;
    Ok(Computed::single("osmolal_gap", values.get("osmolality_measured")? - calculated).with("osmolality", calculated))
}

//! Dilutions and solutions: C1V1, dilution factor, serial dilutions, correcting a result,
//! stock preparation by molarity or mass, percent solutions and standard-curve plans.

pub mod c1v1;
pub mod dilution_correction;
pub mod dilution_factor;
pub mod percent_solution;
pub mod serial_dilution;
pub mod standard_curve;
pub mod stock_mass;
pub mod stock_molar;

use super::spec::{quantity, InputSpec};
use super::{CalcError, FreeValue};
use crate::units;

/// Volumes below this (2 uL) are beyond what most air-displacement pipettes deliver well.
const SMALLEST_ACCURATE_VOLUME_ML: f64 = 0.002;
const SMALL_VOLUME_WARNING: &str =
    "A volume in this plan is below 2 uL: most pipettes are inaccurate there; prepare an intermediate dilution";

/// A volume input in mL (also accepts uL and L).
const fn volume(name: &'static str, label: &'static str) -> InputSpec {
    quantity(name, label, "mL", &["mL", "uL", "L"], (0.000_1, 1_000_000.0), None)
}

/// `value` expressed in the unit of `reference`, or an error naming `input`.
fn in_unit_of(value: &FreeValue, reference: &FreeValue, input: &str) -> Result<f64, CalcError> {
    units::convert(value.value, &value.unit, &reference.unit, None).map_err(|error| CalcError::BadUnit {
        input: input.to_string(),
        error,
    })
}

/// A whole count (tubes, levels) read from a quantity input.
fn whole(value: f64, input: &str) -> Result<usize, CalcError> {
    if value.fract() != 0.0 {
        return Err(CalcError::invalid(input, "must be a whole number"));
    }
    Ok(value as usize)
}

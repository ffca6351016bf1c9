//! Chemistry calculators: anion gap family, corrected calcium and sodium, osmolality,
//! iron saturation, HbA1c and HOMA-IR.

pub mod anion_gap;
pub mod anion_gap_albumin;
pub mod calcium_corrected;
pub mod delta_gap;
pub mod delta_gap_albumin;
pub mod delta_ratio;
pub mod delta_ratio_albumin;
pub mod hba1c;
pub mod homa_ir;
pub mod osmolal_gap;
pub mod osmolality;
pub mod sodium_corrected;
pub mod transferrin_saturation;

use super::{CalcError, Values};

/// The normal anion gap and bicarbonate the delta calculations compare with (MDCalc,
/// MedCalc-Bench: 12 and 24 mmol/L).
const NORMAL_ANION_GAP: f64 = 12.0;
const NORMAL_BICARBONATE: f64 = 24.0;
/// Normal albumin for the albumin corrections, g/dL (Figge; Payne).
const NORMAL_ALBUMIN: f64 = 4.0;

/// Na - (Cl + HCO3), mmol/L.
fn anion_gap(values: &Values) -> Result<f64, CalcError> {
    Ok(values.get("sodium")? - (values.get("chloride")? + values.get("bicarbonate")?))
}

/// AG + 2.5 x (4.0 - albumin g/dL) (Figge 1998).
fn albumin_corrected_gap(values: &Values) -> Result<f64, CalcError> {
    Ok(anion_gap(values)? + 2.5 * (NORMAL_ALBUMIN - values.get("albumin")?))
}

/// (gap - 12) / (24 - HCO3); undefined at a bicarbonate of exactly 24.
fn delta_ratio(gap: f64, values: &Values) -> Result<f64, CalcError> {
    let bicarbonate_drop = NORMAL_BICARBONATE - values.get("bicarbonate")?;
    if bicarbonate_drop.abs() < 1e-9 {
        return Err(CalcError::invalid(
            "bicarbonate",
            "at 24 mmol/L (normal) the delta ratio divides by zero and is undefined",
        ));
    }
    Ok((gap - NORMAL_ANION_GAP) / bicarbonate_drop)
}

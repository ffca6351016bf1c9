//! LDL cholesterol estimates: Friedewald, Martin-Hopkins and Sampson (NIH equation 2).

pub mod friedewald;
pub mod martin_hopkins;
mod martin_hopkins_factors;
pub mod sampson;

pub use martin_hopkins_factors::{FACTORS, NON_HDL_LOWER_BOUNDS, TG_STRATA};

use super::{CalcError, Values};

/// The three lipid inputs in mg/dL, with HDL checked against total cholesterol.
fn lipids(values: &Values) -> Result<(f64, f64, f64), CalcError> {
    let total = values.get("total_cholesterol")?;
    let hdl = values.get("hdl")?;
    if hdl >= total {
        return Err(CalcError::invalid("hdl", "must be lower than total_cholesterol"));
    }
    Ok((total, hdl, values.get("triglycerides")?))
}

//! Units: UCUM validation and conversion, and the clinical layer UCUM lacks (molar mass,
//! valence, the spellings people type, and refusing mol-vs-count conversions).
//!
//! ```text
//! normalize("mEq/L") == Ok("meq/L")
//! convert(90.0, "mg/dL", "mmol/L", Some(&analyte("glucose").molar_context())) ~= 5.0
//! ```

mod analyte;
mod convert;
mod error;
mod spelling;
mod terms;
pub mod ucum;

pub use analyte::{analyte, Analyte, FactorSource, ANALYTES};
pub use convert::{convert, MolarContext};
pub use error::UnitError;
pub use spelling::normalize;

/// Checks that `code` is a valid UCUM code (case-sensitive, as written; no spelling repair).
pub fn validate(code: &str) -> Result<(), UnitError> {
    ucum::validate(code)
}

/// True when a value in `from` can be converted to `to` with this context.
pub fn commensurable(from: &str, to: &str, context: Option<&MolarContext>) -> bool {
    convert(1.0, from, to, context).is_ok()
}

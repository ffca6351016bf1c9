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
mod label;
mod spelling;
mod terms;
pub mod ucum;

pub use analyte::{analyte, Analyte, FactorSource, ANALYTES};
pub use convert::{convert, MolarContext};
pub use error::UnitError;
pub use label::label;
pub use spelling::normalize;

/// Checks that `code` is a valid UCUM code (case-sensitive, as written; no spelling repair).
pub fn validate(code: &str) -> Result<(), UnitError> {
    ucum::validate(code)
}

/// True when a value in `from` can be converted to `to` with this context.
pub fn commensurable(from: &str, to: &str, context: Option<&MolarContext>) -> bool {
    convert(1.0, from, to, context).is_ok()
}

/// Rounds to `digits` significant digits, so that f64 artefacts of a chain of factors
/// (1 mg/dL = 0.009999999999999998 g/L) never reach a screen or a script.
pub fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let scale = 10f64.powi((digits - 1 - magnitude).clamp(-300, 300));
    let rounded = (value * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_significant_digits() {
        let cases = [
            (0.009999999999999998, 12, 0.01),
            (5.000100001, 3, 5.0),
            (123456.0, 2, 120000.0),
            (-0.0012345, 2, -0.0012),
            (0.0, 5, 0.0),
        ];
        for (value, digits, want) in cases {
            assert_eq!(round_significant(value, digits), want, "{value}");
        }
    }
}

//! The thin layer over the `ucum-units` crate: input limits, validation and analysis.
//!
//! Why `ucum-units` and not `octofhir-ucum`: both pass every validation (529) and conversion
//! (30) case of the official UCUM functional tests (see `tests/ucum_conformance.rs`), but
//! `ucum-units` costs about 59 KB of gzipped wasm against about 107 KB for `octofhir-ucum`
//! (domain-facts.md, measured with opt-level z, LTO and wasm-opt), and the whole app has a
//! 350 KB budget. Its plain `f64` arithmetic (1 mg/dL = 0.009999999999999998 g/L) is
//! harmless because results are rounded for display; what it lacks (arbitrary units such as
//! `[IU]` scaled by a prefix, mass <-> substance, spellings) is added in this module's siblings.

use super::UnitError;

/// The longest unit text accepted. Real units are under 30 characters; `ucum-units` recurses
/// once per nesting level and overflowed the wasm stack on about 10 KB of input, so anything
/// long is refused before it reaches the parser.
pub const MAX_UNIT_LEN: usize = 128;

/// Refuses empty and over-long text before it reaches the parser.
pub fn check_length(text: &str) -> Result<(), UnitError> {
    if text.is_empty() {
        return Err(UnitError::Empty);
    }
    if text.len() > MAX_UNIT_LEN {
        return Err(UnitError::TooLong {
            length: text.len(),
            max: MAX_UNIT_LEN,
        });
    }
    Ok(())
}

/// Checks that `code` is a valid case-sensitive UCUM code (grammar and known atoms).
pub fn validate(code: &str) -> Result<(), UnitError> {
    check_length(code)?;
    ucum::validate(code).map_err(|e| UnitError::Unrecognized {
        text: code.to_string(),
        reason: e.to_string(),
    })
}

/// The dimension and factor to UCUM base units of a valid code.
pub fn analyze(code: &str) -> Result<ucum::Analysis, UnitError> {
    check_length(code)?;
    ucum::analyze(code).map_err(|e| UnitError::Unrecognized {
        text: code.to_string(),
        reason: e.to_string(),
    })
}

/// True when `atom` (a bare bracketed atom such as `[IU]`) is one of UCUM's arbitrary units,
/// which UCUM declares commensurable with nothing, not even themselves.
pub fn is_arbitrary_atom(atom: &str) -> bool {
    matches!(ucum::is_comparable(atom, atom), Ok(false)) && ucum::validate(atom).is_ok()
}

/// Plain UCUM conversion, errors translated for people.
pub fn convert(value: f64, from: &str, to: &str) -> Result<f64, UnitError> {
    ucum::convert(value, from, to).map_err(|e| match e {
        ucum::UcumError::NotComparable { .. } => UnitError::NotCommensurable {
            from: from.to_string(),
            to: to.to_string(),
            why: "they measure different kinds of quantity".to_string(),
        },
        ucum::UcumError::UnsupportedSpecial { unit } => UnitError::Unsupported {
            reason: "it is an arbitrary or special unit with no fixed conversion here".to_string(),
            unit,
        },
        other => UnitError::Unrecognized {
            text: format!("{from} -> {to}"),
            reason: other.to_string(),
        },
    })
}

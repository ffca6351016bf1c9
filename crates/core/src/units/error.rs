//! The one error type of the units layer: every refusal says which unit and why.

use std::fmt;

/// Why a unit could not be read, validated or converted.
#[derive(Clone, Debug, PartialEq)]
pub enum UnitError {
    /// Nothing was typed where a unit was expected.
    Empty,
    /// The text is longer than any real unit; refused before parsing (see `ucum::MAX_UNIT_LEN`).
    TooLong { length: usize, max: usize },
    /// The text is not a UCUM code and not a spelling the clinical layer knows.
    Unrecognized { text: String, reason: String },
    /// The value to convert is not a finite number.
    NotFinite,
    /// The two units measure different things.
    NotCommensurable { from: String, to: String, why: String },
    /// Mass and amount of substance meet, so a molar mass (g/mol) is needed.
    NeedsMolarMass { from: String, to: String },
    /// Equivalents and moles meet, so the valence (charge) is needed.
    NeedsValence { from: String, to: String },
    /// The molar mass or valence given is not usable.
    BadContext { reason: String },
    /// The unit is valid but has no multiplicative conversion (e.g. an arbitrary unit such as
    /// `[arb'U]` against another unit, or a special unit like `Cel` inside a compound unit).
    Unsupported { unit: String, reason: String },
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnitError::Empty => write!(f, "no unit given"),
            UnitError::TooLong { length, max } => {
                write!(f, "unit text is {length} characters long; at most {max} are accepted")
            }
            UnitError::Unrecognized { text, reason } => {
                write!(f, "'{text}' is not a unit Benchmate recognizes: {reason}")
            }
            UnitError::NotFinite => write!(f, "the value is not a finite number"),
            UnitError::NotCommensurable { from, to, why } => {
                write!(f, "cannot convert {from} to {to}: {why}")
            }
            UnitError::NeedsMolarMass { from, to } => write!(
                f,
                "converting {from} to {to} needs the molar mass (g/mol): name the analyte or give its molecular weight"
            ),
            UnitError::NeedsValence { from, to } => write!(
                f,
                "converting {from} to {to} needs the valence (charge): name the analyte or give its charge"
            ),
            UnitError::BadContext { reason } => write!(f, "{reason}"),
            UnitError::Unsupported { unit, reason } => write!(f, "cannot convert {unit}: {reason}"),
        }
    }
}

impl std::error::Error for UnitError {}

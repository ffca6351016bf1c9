//! The calculator error: which input was wrong, and why.

use std::fmt;

use crate::units::UnitError;

/// Why a calculation gave no result.
#[derive(Clone, Debug, PartialEq)]
pub enum CalcError {
    UnknownCalculator {
        id: String,
    },
    UnknownInput {
        input: String,
    },
    MissingInput {
        input: String,
    },
    /// A number was expected.
    NotANumber {
        input: String,
        text: String,
    },
    /// The unit could not be read or converted to what the formula needs.
    BadUnit {
        input: String,
        error: UnitError,
    },
    /// Outside the plausible range (in the formula's unit).
    OutOfRange {
        input: String,
        value: f64,
        unit: String,
        min: f64,
        max: f64,
    },
    BadChoice {
        input: String,
        value: String,
        allowed: Vec<String>,
    },
    /// The value is possible alone but impossible here (HDL above total cholesterol).
    Invalid {
        input: String,
        reason: String,
    },
    /// A `NAME=VALUE[UNIT]` argument could not be read.
    BadAssignment {
        text: String,
        reason: String,
    },
    /// The inputs were accepted but the formula has no meaningful result for them.
    NoResult {
        reason: String,
    },
}

impl CalcError {
    /// The input the error is about, if it is about one.
    pub fn input(&self) -> Option<&str> {
        match self {
            CalcError::UnknownInput { input }
            | CalcError::MissingInput { input }
            | CalcError::NotANumber { input, .. }
            | CalcError::BadUnit { input, .. }
            | CalcError::OutOfRange { input, .. }
            | CalcError::BadChoice { input, .. }
            | CalcError::Invalid { input, .. } => Some(input),
            _ => None,
        }
    }

    /// An `Invalid` error for `input`.
    pub fn invalid(input: &str, reason: impl Into<String>) -> CalcError {
        CalcError::Invalid {
            input: input.to_string(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for CalcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalcError::UnknownCalculator { id } => write!(f, "no calculator is called '{id}'"),
            CalcError::UnknownInput { input } => {
                write!(f, "{input}: this calculator has no input of that name")
            }
            CalcError::MissingInput { input } => write!(f, "{input}: required, but not given"),
            CalcError::NotANumber { input, text } => {
                write!(f, "{input}: '{text}' is not a number")
            }
            CalcError::BadUnit { input, error } => write!(f, "{input}: {error}"),
            CalcError::OutOfRange {
                input,
                value,
                unit,
                min,
                max,
            } => write!(
                f,
                "{input}: {value} {unit} is outside the plausible range {min} to {max} {unit}"
            ),
            CalcError::BadChoice { input, value, allowed } => {
                write!(f, "{input}: '{value}' is not one of {}", allowed.join(", "))
            }
            CalcError::Invalid { input, reason } => write!(f, "{input}: {reason}"),
            CalcError::BadAssignment { text, reason } => write!(f, "'{text}': {reason}"),
            CalcError::NoResult { reason } => write!(f, "no result: {reason}"),
        }
    }
}

impl std::error::Error for CalcError {}

//! What can be wrong with one row of a range table, worded for the person fixing the file.

use super::age::AgeParseError;
use std::fmt;

/// What is wrong with one row (or, for the header and CSV faults, with the file).
#[derive(Clone, Debug, PartialEq)]
pub enum RowError {
    /// The CSV itself cannot be read.
    Csv(String),
    /// The JSON itself cannot be read, or lacks the expected shape.
    Json(String),
    /// A required column is not in the header.
    MissingColumn(&'static str),
    /// The header has a column this format does not know (a typo would otherwise be ignored).
    UnknownColumn(String),
    /// The row has more or fewer fields than the header.
    FieldCount {
        expected: usize,
        found: usize,
    },
    /// A required value is empty.
    Missing(&'static str),
    UnknownAnalyte {
        given: String,
        suggestion: Option<String>,
    },
    UnknownUnit {
        unit: String,
        analyte: String,
        allowed: Vec<String>,
    },
    NotANumber {
        column: &'static str,
        text: String,
    },
    LowAboveHigh {
        low: f64,
        high: f64,
    },
    NoLimits,
    BadSex(String),
    BadCategory(String),
    BadSection(String),
    BadAge {
        column: &'static str,
        error: AgeParseError,
    },
    EmptyAgeRange {
        from: String,
        to: String,
    },
    BadGestation {
        column: &'static str,
        text: String,
    },
    BadLoinc(String),
    BadId(String),
    BadDecimals {
        column: &'static str,
        text: String,
    },
    BadFactor(String),
    /// The same analyte and partition appears twice.
    Duplicate {
        first: String,
    },
    /// Two rows of one category could both apply to one patient.
    Overlap {
        other: String,
    },
    DuplicateAnalyte {
        first: String,
    },
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowError::Csv(why) | RowError::Json(why) => write!(f, "{why}"),
            RowError::MissingColumn(c) => write!(f, "the header has no '{c}' column"),
            RowError::UnknownColumn(c) => write!(f, "unknown column '{c}' (see FORMAT.md for the columns)"),
            RowError::FieldCount { expected, found } => {
                write!(f, "{found} fields where the header has {expected}")
            }
            RowError::Missing(c) => write!(f, "missing {c}"),
            RowError::UnknownAnalyte { given, suggestion } => {
                write!(f, "unknown analyte '{given}'")?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean '{s}'?)"),
                    None => Ok(()),
                }
            }
            RowError::UnknownUnit { unit, analyte, allowed } => write!(
                f,
                "unknown unit '{unit}' for {analyte} (use {})",
                allowed.join(" or ")
            ),
            RowError::NotANumber { column, text } => {
                write!(f, "{column} '{text}' is not a number")
            }
            RowError::LowAboveHigh { low, high } => write!(f, "low {low} is above high {high}"),
            RowError::NoLimits => write!(f, "neither low nor high is given"),
            RowError::BadSex(s) => write!(f, "bad sex '{s}' (use any, male or female)"),
            RowError::BadCategory(s) => {
                write!(f, "bad category '{s}' (use reference, critical or absolute)")
            }
            RowError::BadSection(s) => write!(
                f,
                "bad section '{s}' (use one of chemistry, hematology, coagulation, urinalysis, blood-gas, endocrine, drugs, other)"
            ),
            RowError::BadAge { column, error } => match error {
                AgeParseError::BadUnit(_) => write!(f, "bad age unit in {column}: {error}"),
                AgeParseError::BadAmount(_) => write!(f, "bad {column}: {error}"),
            },
            RowError::EmptyAgeRange { from, to } => {
                write!(f, "age_from {from} is not below age_to {to}")
            }
            RowError::BadGestation { column, text } => {
                write!(f, "bad {column} '{text}' (whole weeks, e.g. 37)")
            }
            RowError::BadLoinc(s) => {
                write!(f, "LOINC code '{s}' is not valid (form 2823-3, check digit must match)")
            }
            RowError::BadId(s) => {
                write!(f, "id '{s}' must be lowercase letters, digits and dashes")
            }
            RowError::BadDecimals { column, text } => {
                write!(f, "{column} '{text}' must be a whole number from 0 to 6")
            }
            RowError::BadFactor(s) => write!(f, "si_factor '{s}' must be a positive number"),
            RowError::Duplicate { first } => write!(f, "duplicate of {first}"),
            RowError::Overlap { other } => write!(
                f,
                "overlaps {other}: a patient would match both rows (split the ages or sexes)"
            ),
            RowError::DuplicateAnalyte { first } => write!(f, "analyte id already defined at {first}"),
        }
    }
}

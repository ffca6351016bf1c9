//! Everything that can be wrong with scanned GS1 data, each fault naming the AI concerned.

use std::fmt;

use super::lint::LintFault;

/// Why scanned or typed data could not be read as GS1 data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gs1Error {
    /// Nothing was scanned.
    Empty,
    /// Raw data continues with digits that are not an AI Benchmate reads.
    UnknownAi { at: String },
    /// A well-formed AI that Benchmate does not read (or that GS1 does not define).
    UnsupportedAi { ai: String },
    /// Bracketed data whose brackets or AI digits are malformed.
    MalformedAi { detail: String },
    /// An AI with nothing after it.
    EmptyValue { ai: String },
    /// A value whose length does not fit the AI's format.
    BadLength {
        ai: String,
        title: String,
        value: String,
        format: String,
    },
    /// A value that breaks one of the AI's content rules.
    BadValue {
        ai: String,
        title: String,
        value: String,
        fault: LintFault,
    },
    /// A two-digit year that gives a date that does not exist in the century the GS1 rule picks.
    DateOutOfRange { ai: String, value: String },
    /// The same AI twice with different values.
    RepeatedAi { ai: String, first: String, second: String },
    /// Two AIs that must not appear together.
    ExclusiveAis { ai: String, other: String },
    /// An AI whose required companion is missing.
    MissingCompanion { ai: String, needs: String },
    /// A scanner prefix (`]C1`, `]d2`, ...) that is unknown or carries no GS1 data.
    Symbology { prefix: String, detail: String },
    /// A GS1 Digital Link URI that breaks the URI syntax rules.
    DigitalLink { detail: String },
    /// A HIBC (Health Industry Bar Code) fault.
    Hibc { detail: String },
}

impl fmt::Display for Gs1Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gs1Error::Empty => write!(f, "no barcode data"),
            Gs1Error::UnknownAi { at } => write!(
                f,
                "unknown or unsupported Application Identifier at {at:?}: the data does not \
                 start with an AI Benchmate reads"
            ),
            Gs1Error::UnsupportedAi { ai } => {
                write!(f, "AI ({ai}) is not an Application Identifier Benchmate reads")
            }
            Gs1Error::MalformedAi { detail } => write!(f, "malformed element string: {detail}"),
            Gs1Error::EmptyValue { ai } => write!(f, "AI ({ai}) has no value"),
            Gs1Error::BadLength {
                ai,
                title,
                value,
                format,
            } => write!(
                f,
                "AI ({ai}) {title}: value {value:?} has {} characters, which does not fit the \
                 format {format}",
                value.chars().count()
            ),
            Gs1Error::BadValue {
                ai,
                title,
                value,
                fault,
            } => {
                write!(f, "AI ({ai}) {title}: value {value:?}: {fault}")
            }
            Gs1Error::DateOutOfRange { ai, value } => {
                write!(
                    f,
                    "AI ({ai}): date {value:?} does not exist in the century GS1's rule picks"
                )
            }
            Gs1Error::RepeatedAi { ai, first, second } => write!(
                f,
                "AI ({ai}) appears twice with different values ({first:?} and {second:?})"
            ),
            Gs1Error::ExclusiveAis { ai, other } => {
                write!(f, "AI ({ai}) must not appear together with AI ({other})")
            }
            Gs1Error::MissingCompanion { ai, needs } => {
                write!(f, "AI ({ai}) needs {needs} in the same data")
            }
            Gs1Error::Symbology { prefix, detail } => {
                write!(f, "scanner prefix {prefix:?}: {detail}")
            }
            Gs1Error::DigitalLink { detail } => write!(f, "GS1 Digital Link URI: {detail}"),
            Gs1Error::Hibc { detail } => write!(f, "HIBC barcode: {detail}"),
        }
    }
}

impl std::error::Error for Gs1Error {}

//! What can be wrong with portfolio input, program rules and attachments, each said plainly
//! with the field or rule it concerns.

use std::fmt;

use chrono::NaiveDate;

/// One problem with portfolio input. `Display` writes a sentence a user can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum PortfolioError {
    /// A required text field is empty.
    MissingField { field: &'static str },
    /// A text field is longer than its limit.
    TooLong {
        field: &'static str,
        max_chars: usize,
        actual: usize,
    },
    /// The credit amount is not a number, zero or negative, or absurdly large.
    InvalidAmount { value: f64, reason: &'static str },
    /// A date that cannot be in the future is after today.
    DateInFuture {
        field: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    /// An end date is before its start date.
    DatesOutOfOrder {
        start_field: &'static str,
        start: NaiveDate,
        end_field: &'static str,
        end: NaiveDate,
    },
    /// A content category cannot be used.
    InvalidCategory { text: String, reason: &'static str },
    /// The same category is listed twice on one record.
    DuplicateCategory { category: String },
    /// An attachment reference is not a SHA-256 digest in lowercase hex.
    InvalidAttachmentHash { hash: String },
    /// An attachment's media type is not one the app stores.
    UnsupportedMediaType { media_type: String },
    /// An attachment is bigger than the policy allows.
    AttachmentTooLarge { bytes: u64, max_bytes: u64 },
    /// An image has a zero width or height.
    InvalidImageSize { width: u32, height: u32 },
    /// A credential names a program that the catalogue does not hold.
    UnknownProgram { id: String },
    /// The rules passed in are not the ones the credential follows.
    ProgramMismatch { credential: String, rules: String },
    /// A credential carries a role flag its program does not define.
    UnknownRole { role: String, program: String },
    /// A program with per-specialty requirements needs the credential's specialties.
    MissingSpecialties { program: String },
    /// A program's rule data is wrong: which program, which rule, and why.
    InvalidRules {
        program: String,
        rule: String,
        reason: String,
    },
    /// The bundled rule file could not be read.
    RulesFile { reason: String },
}

impl fmt::Display for PortfolioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PortfolioError::MissingField { field } => write!(f, "{field} is required"),
            PortfolioError::TooLong {
                field,
                max_chars,
                actual,
            } => write!(f, "{field} is {actual} characters long; at most {max_chars} are kept"),
            PortfolioError::InvalidAmount { value, reason } => {
                write!(f, "credit amount {value} is not usable: {reason}")
            }
            PortfolioError::DateInFuture { field, date, today } => {
                write!(f, "{field} {date} is after today ({today})")
            }
            PortfolioError::DatesOutOfOrder {
                start_field,
                start,
                end_field,
                end,
            } => write!(f, "{end_field} {end} is before {start_field} {start}"),
            PortfolioError::InvalidCategory { text, reason } => {
                write!(f, "category {text:?} cannot be used: {reason}")
            }
            PortfolioError::DuplicateCategory { category } => {
                write!(f, "category {category:?} is listed twice")
            }
            PortfolioError::InvalidAttachmentHash { hash } => write!(
                f,
                "attachment reference {hash:?} is not a SHA-256 digest (64 lowercase hex digits)"
            ),
            PortfolioError::UnsupportedMediaType { media_type } => write!(
                f,
                "attachment type {media_type:?} is not stored: use a JPEG, PNG or WebP image or a PDF"
            ),
            PortfolioError::AttachmentTooLarge { bytes, max_bytes } => {
                write!(f, "attachment is {bytes} bytes; the limit is {max_bytes} bytes")
            }
            PortfolioError::InvalidImageSize { width, height } => {
                write!(f, "image size {width}x{height} has no pixels")
            }
            PortfolioError::UnknownProgram { id } => {
                write!(f, "no CE program with id {id:?} is known")
            }
            PortfolioError::ProgramMismatch { credential, rules } => write!(
                f,
                "the credential follows program {credential:?} but rules for {rules:?} were given"
            ),
            PortfolioError::UnknownRole { role, program } => {
                write!(f, "role {role:?} is not defined by program {program:?}")
            }
            PortfolioError::MissingSpecialties { program } => write!(
                f,
                "program {program:?} needs the credential's licensed categories (specialties)"
            ),
            PortfolioError::InvalidRules { program, rule, reason } => {
                write!(f, "program {program:?}, rule {rule:?}: {reason}")
            }
            PortfolioError::RulesFile { reason } => {
                write!(f, "the CE program rule file cannot be read: {reason}")
            }
        }
    }
}

impl std::error::Error for PortfolioError {}

/// All the problems found on one record, so a form can mark every bad field at once.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<PortfolioError>);

impl Problems {
    /// `Ok` when nothing was found.
    pub fn into_result(self) -> Result<(), Problems> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

impl From<PortfolioError> for Problems {
    fn from(error: PortfolioError) -> Problems {
        Problems(vec![error])
    }
}

/// Checks a required text field: present after trimming, and not over its limit.
pub(crate) fn check_required_text(
    problems: &mut Vec<PortfolioError>,
    field: &'static str,
    text: &str,
    max_chars: usize,
) {
    if text.trim().is_empty() {
        problems.push(PortfolioError::MissingField { field });
    } else {
        check_optional_text(problems, field, Some(text), max_chars);
    }
}

/// Checks an optional text field against its length limit.
pub(crate) fn check_optional_text(
    problems: &mut Vec<PortfolioError>,
    field: &'static str,
    text: Option<&str>,
    max_chars: usize,
) {
    if let Some(text) = text {
        let actual = text.chars().count();
        if actual > max_chars {
            problems.push(PortfolioError::TooLong {
                field,
                max_chars,
                actual,
            });
        }
    }
}

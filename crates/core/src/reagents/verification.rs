//! New-lot verification after CLSI EP26: the same samples measured on the current and the new
//! lot, the difference judged against an acceptance limit per analyte, and a supervisor's
//! sign-off.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::record::RecordBody;

/// How far the new lot may differ from the current one for an analyte.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum AcceptanceLimit {
    /// In the analyte's unit: |new - current| <= limit.
    Absolute(f64),
    /// In percent of the current lot's result: |new - current| / current * 100 <= limit.
    Percent(f64),
}

/// What was measured on both lots. EP26 prefers patient samples, as control materials may not
/// be commutable between reagent lots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SampleKind {
    #[default]
    PatientSample,
    QcMaterial,
}

/// One sample (QC material or a patient sample without identifiers) measured on both lots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VerificationSample {
    #[serde(default)]
    pub kind: SampleKind,
    /// A label without patient identifiers, e.g. "QC level 2" or "Sample 3".
    pub label: String,
    pub analyte: String,
    pub current_lot_result: f64,
    pub new_lot_result: f64,
}

/// Who approved the verification and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub by: String,
    pub at: NaiveDateTime,
    #[serde(default)]
    pub comment: String,
}

/// A new-lot verification record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LotVerification {
    pub new_lot_id: String,
    pub current_lot_id: String,
    pub limits: BTreeMap<String, AcceptanceLimit>,
    pub samples: Vec<VerificationSample>,
    pub performed_by: String,
    pub performed_at: NaiveDateTime,
    #[serde(default)]
    pub sign_off: Option<SignOff>,
}

impl RecordBody for LotVerification {
    const KIND: &'static str = "lot_verification";
}

/// The judgement of one sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleJudgement {
    pub label: String,
    pub analyte: String,
    /// new - current, in the analyte's unit.
    pub difference: f64,
    /// The difference in percent of the current result, when the current result is not zero.
    pub percent_difference: Option<f64>,
    pub limit: AcceptanceLimit,
    pub pass: bool,
}

/// The judgement of the whole verification: it passes when every sample passes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VerificationOutcome {
    pub samples: Vec<SampleJudgement>,
    pub pass: bool,
}

/// Why a verification cannot be judged or signed.
#[derive(Clone, Debug, PartialEq)]
pub enum VerificationError {
    NoSamples,
    NoLimit {
        analyte: String,
    },
    BadLimit {
        analyte: String,
        limit: f64,
    },
    NotANumber {
        label: String,
    },
    /// A percent limit cannot judge a sample whose current-lot result is zero.
    PercentOfZero {
        label: String,
    },
    MissingSigner,
    AlreadySigned {
        by: String,
    },
}

impl fmt::Display for VerificationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerificationError::NoSamples => write!(f, "the verification has no samples"),
            VerificationError::NoLimit { analyte } => {
                write!(f, "no acceptance limit is set for {analyte}")
            }
            VerificationError::BadLimit { analyte, limit } => write!(
                f,
                "the acceptance limit {limit} for {analyte} must be a positive number"
            ),
            VerificationError::NotANumber { label } => {
                write!(f, "sample {label:?} has a result that is not a finite number")
            }
            VerificationError::PercentOfZero { label } => write!(
                f,
                "sample {label:?}: a percent limit cannot judge a current-lot result of zero; \
                 use an absolute limit"
            ),
            VerificationError::MissingSigner => write!(f, "the sign-off must say who signed"),
            VerificationError::AlreadySigned { by } => {
                write!(f, "the verification is already signed off by {by}")
            }
        }
    }
}

impl std::error::Error for VerificationError {}

impl LotVerification {
    /// Judges every sample against its analyte's limit. A difference exactly at the limit passes.
    pub fn evaluate(&self) -> Result<VerificationOutcome, VerificationError> {
        if self.samples.is_empty() {
            return Err(VerificationError::NoSamples);
        }
        let judged = self
            .samples
            .iter()
            .map(|s| self.judge(s))
            .collect::<Result<Vec<_>, _>>()?;
        let pass = judged.iter().all(|j| j.pass);
        Ok(VerificationOutcome { samples: judged, pass })
    }

    fn judge(&self, sample: &VerificationSample) -> Result<SampleJudgement, VerificationError> {
        let limit = *self
            .limits
            .get(&sample.analyte)
            .ok_or_else(|| VerificationError::NoLimit {
                analyte: sample.analyte.clone(),
            })?;
        let (AcceptanceLimit::Absolute(bound) | AcceptanceLimit::Percent(bound)) = limit;
        if !bound.is_finite() || bound <= 0.0 {
            return Err(VerificationError::BadLimit {
                analyte: sample.analyte.clone(),
                limit: bound,
            });
        }
        let (current, new) = (sample.current_lot_result, sample.new_lot_result);
        if !current.is_finite() || !new.is_finite() {
            return Err(VerificationError::NotANumber {
                label: sample.label.clone(),
            });
        }
        let difference = new - current;
        let percent_difference = (current != 0.0).then(|| difference / current.abs() * 100.0);
        // Results are decimals stored in binary floating point, so 10.3 - 10.0 is 0.30000000000000071;
        // a difference at the limit within a billionth of it counts as at the limit.
        let within = |value: f64| value <= bound * (1.0 + 1e-9);
        let pass = match limit {
            AcceptanceLimit::Absolute(_) => within(difference.abs()),
            AcceptanceLimit::Percent(_) => match percent_difference {
                Some(percent) => within(percent.abs()),
                None => {
                    return Err(VerificationError::PercentOfZero {
                        label: sample.label.clone(),
                    })
                }
            },
        };
        Ok(SampleJudgement {
            label: sample.label.clone(),
            analyte: sample.analyte.clone(),
            difference,
            percent_difference,
            limit,
            pass,
        })
    }

    /// Records the supervisor's sign-off; a verification is signed once.
    pub fn sign(&mut self, by: &str, at: NaiveDateTime, comment: &str) -> Result<(), VerificationError> {
        if let Some(existing) = &self.sign_off {
            return Err(VerificationError::AlreadySigned {
                by: existing.by.clone(),
            });
        }
        if by.trim().is_empty() {
            return Err(VerificationError::MissingSigner);
        }
        self.sign_off = Some(SignOff {
            by: by.trim().to_string(),
            at,
            comment: comment.trim().to_string(),
        });
        Ok(())
    }
}

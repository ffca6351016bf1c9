//! A lot's status lifecycle: received (quarantine) -> verified -> in use -> depleted, discarded
//! or expired, with the allowed moves enforced and each move recorded with who, when and why.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::expiry::effective_expiry;
use super::model::Lot;
use super::verification::LotVerification;

/// Where a lot is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LotStatus {
    /// Received and waiting for verification.
    Quarantine,
    /// Verified against the current lot, ready to use.
    Verified,
    /// Opened and in use.
    InUse,
    /// Used up.
    Depleted,
    /// Thrown away before use was complete (damage, failed verification, recall).
    Discarded,
    /// Past its effective expiry.
    Expired,
}

impl LotStatus {
    /// Whether the lot can still change status.
    pub fn is_final(self) -> bool {
        matches!(self, LotStatus::Depleted | LotStatus::Discarded | LotStatus::Expired)
    }

    /// The moves the lifecycle allows, before any further condition.
    pub fn can_move_to(self, to: LotStatus) -> bool {
        use LotStatus::*;
        match (self, to) {
            (Quarantine, Verified | InUse) => true,
            (Verified, InUse) => true,
            (InUse, Depleted) => true,
            (from, Discarded | Expired) => !from.is_final(),
            _ => false,
        }
    }
}

impl fmt::Display for LotStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LotStatus::Quarantine => "received (quarantine)",
            LotStatus::Verified => "verified",
            LotStatus::InUse => "in use",
            LotStatus::Depleted => "depleted",
            LotStatus::Discarded => "discarded",
            LotStatus::Expired => "expired",
        })
    }
}

/// One recorded status change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub from: LotStatus,
    pub to: LotStatus,
    pub by: String,
    pub at: NaiveDateTime,
    /// Why; required when a lot goes into use without verification.
    pub reason: String,
    /// True when the lot went into use without a passed verification.
    #[serde(default)]
    pub verification_skipped: bool,
}

/// A requested status change.
#[derive(Clone, Debug)]
pub struct TransitionRequest<'a> {
    pub to: LotStatus,
    pub by: &'a str,
    pub at: NaiveDateTime,
    pub reason: &'a str,
    /// The signed-off verification, needed to move to `Verified`.
    pub verification: Option<&'a LotVerification>,
    /// The reagent's in-use stability, to know whether the lot has expired.
    pub in_use_stability_days: Option<u32>,
}

/// Why a status change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LotError {
    NotAllowed {
        from: LotStatus,
        to: LotStatus,
    },
    MissingPerson,
    /// Going into use without verification needs a recorded reason.
    MissingReason,
    /// The lot is past its effective expiry and cannot go into use.
    PastExpiry {
        effective: NaiveDate,
    },
    VerificationMissing,
    VerificationForAnotherLot {
        verification_lot: String,
    },
    VerificationNotSignedOff,
    VerificationFailed,
}

impl fmt::Display for LotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LotError::NotAllowed { from, to } => {
                write!(f, "a lot that is {from} cannot become {to}")
            }
            LotError::MissingPerson => write!(f, "the change must say who made it"),
            LotError::MissingReason => write!(
                f,
                "putting a lot into use before it is verified needs a recorded reason"
            ),
            LotError::PastExpiry { effective } => {
                write!(f, "the lot expired on {effective} and cannot be used")
            }
            LotError::VerificationMissing => {
                write!(f, "a lot becomes verified only with its verification record")
            }
            LotError::VerificationForAnotherLot { verification_lot } => {
                write!(f, "the verification is for lot {verification_lot:?}, not this one")
            }
            LotError::VerificationNotSignedOff => {
                write!(f, "the verification has not been signed off by a supervisor")
            }
            LotError::VerificationFailed => write!(f, "the verification did not pass"),
        }
    }
}

impl std::error::Error for LotError {}

impl Lot {
    /// Applies a status change if the lifecycle and its conditions allow it, and records it.
    /// Going into use for the first time also records the opened date.
    pub fn transition(&mut self, request: &TransitionRequest) -> Result<(), LotError> {
        let (from, to) = (self.status, request.to);
        if !from.can_move_to(to) {
            return Err(LotError::NotAllowed { from, to });
        }
        if request.by.trim().is_empty() {
            return Err(LotError::MissingPerson);
        }
        let today = request.at.date();
        let mut verification_skipped = false;
        if to == LotStatus::Verified {
            self.check_verification(request.verification)?;
        }
        if to == LotStatus::InUse {
            let effective = effective_expiry(self, request.in_use_stability_days);
            if effective < today {
                return Err(LotError::PastExpiry { effective });
            }
            if from == LotStatus::Quarantine {
                if request.reason.trim().is_empty() {
                    return Err(LotError::MissingReason);
                }
                verification_skipped = true;
            }
        }
        if to == LotStatus::InUse && self.opened_on.is_none() {
            self.opened_on = Some(today);
        }
        self.status = to;
        self.history.push(Transition {
            from,
            to,
            by: request.by.trim().to_string(),
            at: request.at,
            reason: request.reason.trim().to_string(),
            verification_skipped,
        });
        Ok(())
    }

    fn check_verification(&self, verification: Option<&LotVerification>) -> Result<(), LotError> {
        let verification = verification.ok_or(LotError::VerificationMissing)?;
        if verification.new_lot_id != self.id {
            return Err(LotError::VerificationForAnotherLot {
                verification_lot: verification.new_lot_id.clone(),
            });
        }
        if verification.sign_off.is_none() {
            return Err(LotError::VerificationNotSignedOff);
        }
        match verification.evaluate() {
            Ok(outcome) if outcome.pass => Ok(()),
            _ => Err(LotError::VerificationFailed),
        }
    }
}

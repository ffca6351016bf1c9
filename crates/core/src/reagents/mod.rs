//! Reagents and their lots: expiry and the lab's alert thresholds, status lifecycle, inventory
//! views and new-lot verification.
//!
//! Everything here is pure: callers pass "today" or "now" in, and get values back to show or
//! store. The store keeps the records and their history; these functions hold the rules.

mod audit;
mod expiry;
mod lifecycle;
mod model;
mod settings;
mod verification;
mod views;

#[cfg(test)]
mod record_tests;
#[cfg(test)]
mod tests;

pub use audit::{audit_csv, audit_rows, AuditRow};
pub use expiry::{effective_expiry, expiry_bucket, ExpiryBucket, ExpiryThresholds};
pub use lifecycle::{LotError, LotStatus, Transition, TransitionRequest};
pub use model::{Lot, LotFieldError, Reagent};
pub use settings::{ThresholdError, MAX_THRESHOLD_DAYS};
pub use verification::{
    AcceptanceLimit, LotVerification, SampleJudgement, SampleKind, SignOff, VerificationError, VerificationOutcome,
    VerificationSample,
};
pub use views::{
    find_reagent_by_gtin, lot_effective_expiry, lots_by_expiry, lots_by_location, lots_by_status, lots_to_mark_expired,
    low_stock, use_first, LowStock,
};

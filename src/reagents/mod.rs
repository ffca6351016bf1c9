//! The Reagents section: receiving lots by barcode, reagents and their lots with real expiry
//! and status, QC with Levey-Jennings charts and Westgard rules, and the audit trail. Lab data
//! (`store::lab_scope()`); the rules are in `benchmate_core::reagents`, `gs1` and `qc`.

mod audit;
mod camera;
mod chart;
mod data;
mod establish;
mod expiring;
mod field;
mod lot;
mod lot_row;
mod overview;
mod qc;
mod reagent;
mod receive;
mod thresholds;
mod verify;

pub use expiring::ExpiringLots;
pub use lot::LotPage;
pub use overview::ReagentsPage;
pub use qc::QcPage;
pub use reagent::ReagentPage;
pub use receive::ReceivePage;
pub use verify::VerifyPage;

//! The professional portfolio: CE entries, credentials and their programs' rules (as data),
//! the rule engine that measures progress per credential and cycle, portfolio items,
//! audit transcripts with their CSV rendering, and the size policy for certificates.
//!
//! Everything here is pure: the caller passes today's date and the stored records.

mod allocation;
pub mod attachment;
pub mod catalogue;
pub mod category;
pub mod credential;
pub mod credit;
pub mod csv;
pub mod engine;
pub mod entry;
pub mod error;
pub mod export;
pub mod item;
pub mod item_form;
mod max_flow;
pub mod requirements;
pub mod rules;
mod rules_check;
pub mod standing;
pub mod synthetic;
pub mod transcript;

pub use attachment::{AttachmentKind, AttachmentPolicy, AttachmentRef, ImageSize};
pub use catalogue::Catalogue;
pub use category::ContentCategory;
pub use credential::{Credential, ProgramChoice};
pub use credit::{CreditAmount, CreditType, CreditUnit, Points};
pub use engine::{evaluate, evaluate_portfolio, CycleEvaluation, EntryOutcome, Exclusion, KeyedEntry};
pub use entry::CeEntry;
pub use error::{PortfolioError, Problems};
pub use export::{portfolio_csv, transcript_csv};
pub use item::{ItemDetails, PortfolioItem, PublicationKind};
pub use item_form::{ItemFields, ItemKind};
pub use requirements::{Contribution, RequirementKind, RequirementStatus};
pub use rules::ProgramRules;
pub use standing::{Standing, Timing, WarningPolicy};
pub use synthetic::synthetic_portfolio;
pub use transcript::Transcript;

/// Saves `body` as a new personal-scope record, as the app's store does, for the tests that
/// check each portfolio body type is a record kind that reads back unchanged.
#[cfg(test)]
pub(crate) fn stored_for_test<T: crate::record::RecordBody>(body: &T) -> crate::record::Record {
    use crate::record::{DeviceId, EditContext, Hlc, Record, RecordId, Scope, UserId};
    let mut clock = Hlc::new(DeviceId::from_random_bytes([7; 16]));
    let mut ctx = EditContext {
        clock: &mut clock,
        now_millis: 1_764_000_000_000,
        author: Some(UserId::new("ana").expect("valid user id")),
    };
    let id = RecordId::new_v7(1_764_000_000_000, [1; 10]).expect("valid id");
    let scope: Scope = "personal:local".parse().expect("valid scope");
    let (record, changes) = Record::create(&mut ctx, id, scope, body).expect("body is an object");
    assert!(!changes.is_empty(), "creating a record writes its fields");
    record
}

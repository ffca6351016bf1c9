//! The sync client: signing in to the lab's Benchmate server, pushing this device's outbox
//! and pulling the records of the user and the followed lab, with status for the UI.
//!
//! The rules live elsewhere: the protocol, merge, adoption, status text and back-off in
//! `benchmate_core::sync`, and every transaction in `store` (`store::exchange`). Here are the
//! HTTP calls (`api.rs`), the account kept on the device (`account.rs`), one run of sync
//! (`engine.rs`), when runs happen (`triggers.rs`), sign-in and lab choice (`session.rs`),
//! the page-lifetime signals (`state.rs`), and the components: the header's indicator
//! (`indicator.rs`) and the Settings section (`settings_card.rs`, `sign_in_form.rs`,
//! `lab_choice.rs`, `sync_details.rs`).

mod account;
mod api;
mod engine;
mod indicator;
mod lab_choice;
mod session;
mod settings_card;
mod sign_in_form;
mod state;
mod sync_details;
mod triggers;

pub use indicator::SyncIndicator;
pub use settings_card::SyncSettings;
pub use triggers::start;

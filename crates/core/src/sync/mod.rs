//! The sync protocol shared by the app and the server: the messages ([`Mutation`],
//! [`PushRequest`], [`PullPage`], ...), the device's [`Outbox`], and the pure server-side
//! step that applies a mutation to a stored record.
//!
//! A device sends its own writes as mutations numbered per device (`seq` 1, 2, ...); the
//! server merges each into the stored record with the same merge as everywhere else, skips
//! a mutation whose (device, seq) it has already applied, and gives every changed record a
//! new sequence number in its scope. A device pulls whole records changed after its
//! cursor, merges them, and stores the new cursor only after the page is applied.

mod adopt;
mod apply;
mod client;
mod mutation;
mod outbox;
mod protocol;

pub use adopt::{is_local_scope, local_lab_scope, local_personal_scope, Adoption};
pub use apply::{apply_mutation, classify_seq, merge_pulled, Applied, ApplyError, SeqStatus};
pub use client::{changes, referenced_attachments, retry_delay_secs, SyncStatus};
pub use mutation::Mutation;
pub use outbox::{Outbox, OutboxError};
pub use protocol::{Cursor, PullPage, PullRequest, PulledRecord, PushError, PushRequest, PushResponse, Rejected};

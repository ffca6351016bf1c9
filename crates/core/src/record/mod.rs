//! The record model every feature stores its data in, and the merge that makes copies of a
//! record on different devices converge.
//!
//! A [`Record`] has a client-made id ([`RecordId`], UUIDv7), a [`Kind`], a [`Scope`], and
//! fields, each a [`Register`] of versioned [`Write`]s stamped by a hybrid logical clock
//! ([`Hlc`], [`Stamp`]). Merging is per field, last writer wins by stamp, and keeps every
//! losing or overwritten value in the field's history; a field two devices edited
//! concurrently is reported by [`Record::conflicted_fields`] until a user settles it with
//! [`Record::resolve_conflict`]. Features work with typed bodies through [`RecordBody`].
//! [`Backup`] is the export file, imported with the same merge.
//!
//! # Adding a record kind
//!
//! A feature declares its body as a serde struct and names its kind; storage, history,
//! conflicts, backup and sync then work on it unchanged. A local write is the record plus
//! its outbox entry, which the store saves in one transaction:
//!
//! ```
//! use benchmate_core::record::{DeviceId, EditContext, Hlc, Record, RecordBody, RecordId, Scope, UserId};
//! use benchmate_core::sync::Outbox;
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct CeEntry { title: String, hours: f64 }
//! impl RecordBody for CeEntry { const KIND: &'static str = "ce_entry"; }
//!
//! let device = DeviceId::from_random_bytes([7; 16]); // random bytes from the platform
//! let (mut clock, mut outbox) = (Hlc::new(device), Outbox::new(device));
//! let user = UserId::new("u-42").unwrap();
//! let now = 1_795_564_800_000; // Date.now() in the app
//! let mut ctx = EditContext { clock: &mut clock, now_millis: now, author: Some(user.clone()) };
//! let id = RecordId::new_v7(now, [3; 10]).unwrap();
//! let body = CeEntry { title: "Hematology update".into(), hours: 1.5 };
//! let (record, changes) = Record::create(&mut ctx, id, Scope::Personal(user), &body).unwrap();
//! outbox.enqueue(&record, changes); // store: put record + mutation + clock, one transaction
//! assert_eq!(record.body::<CeEntry>().unwrap().hours, 1.5);
//! ```

mod attachment;
mod backup;
mod body;
mod edit;
mod envelope;
mod history;
mod hlc;
mod ids;
mod register;
mod value_order;

pub use attachment::{Attachment, AttachmentError, ContentHash};
pub use backup::{Backup, BackupError, ImportReport, LocalData, BACKUP_FORMAT, BACKUP_FORMAT_VERSION};
pub use body::{BodyError, RecordBody};
pub(crate) use edit::check_field_name;
pub use edit::{Change, EditContext, EditError};
pub use envelope::{MergeError, Record};
pub use history::{HistoryEntry, Slot};
pub use hlc::{Hlc, HlcError, Stamp, MAX_FORWARD_DRIFT_MILLIS};
pub use ids::{DeviceId, IdError, Kind, LabId, RecordId, Scope, UserId};
pub use register::{Register, Write};
pub use value_order::FieldValue;

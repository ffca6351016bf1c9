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
pub use backup::{
    Backup, BackupError, ImportReport, LocalData, BACKUP_FORMAT, BACKUP_FORMAT_VERSION,
};
pub use body::{BodyError, RecordBody};
pub(crate) use edit::check_field_name;
pub use edit::{Change, EditContext, EditError};
pub use envelope::{MergeError, Record};
pub use history::{HistoryEntry, Slot};
pub use hlc::{Hlc, HlcError, Stamp, MAX_FORWARD_DRIFT_MILLIS};
pub use ids::{DeviceId, IdError, Kind, LabId, RecordId, Scope, UserId};
pub use register::{Register, Write};
pub use value_order::{json_cmp, FieldValue};

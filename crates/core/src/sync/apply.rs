//! The server's pure step (also used by the device for pulled records): merge an incoming
//! mutation or record into what is stored, and tell a replayed mutation from a new one.

use std::fmt;

use crate::record::{check_field_name, Change, EditError, HlcError, MergeError, Record};

use super::mutation::Mutation;

/// The record after a merge, and whether it differs from what was stored (when it does not,
/// the server stores nothing and gives out no new sequence number).
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub record: Record,
    pub changed: bool,
}

/// Why a mutation was refused. The device keeps its data either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    Empty {
        seq: u64,
    },
    /// A write in the mutation is stamped by another device than the one that sent it.
    ForeignStamp {
        seq: u64,
        field: String,
    },
    FarFuture {
        seq: u64,
        error: HlcError,
    },
    BadField {
        seq: u64,
        error: EditError,
    },
    Clash {
        seq: u64,
        error: MergeError,
    },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Empty { seq } => write!(f, "mutation {seq} has no changes"),
            ApplyError::ForeignStamp { seq, field } => write!(
                f,
                "mutation {seq} writes {field} with another device's stamp; a device sends only its own writes"
            ),
            ApplyError::FarFuture { seq, error } => write!(f, "mutation {seq}: {error}"),
            ApplyError::BadField { seq, error } => write!(f, "mutation {seq}: {error}"),
            ApplyError::Clash { seq, error } => write!(f, "mutation {seq}: {error}"),
        }
    }
}

impl std::error::Error for ApplyError {}

/// Merges `mutation` into the stored record (or creates the record when there is none),
/// after checking that it is well formed and not stamped far in the future of `now_millis`.
///
/// What this cannot check, the server checks before calling it: that the signed-in user may
/// write `mutation.scope` (the merge itself refuses a record changing scope), and that the
/// writes claim no other author ([`Mutation::authors_are_at_most`]).
pub fn apply_mutation(stored: Option<&Record>, mutation: &Mutation, now_millis: u64) -> Result<Applied, ApplyError> {
    let seq = mutation.seq;
    if mutation.changes.is_empty() {
        return Err(ApplyError::Empty { seq });
    }
    for change in &mutation.changes {
        let (field, stamp) = match change {
            Change::Field { field, write } => (field.as_str(), write.stamp),
            Change::Tombstone { write } => ("the deleted flag", write.stamp),
        };
        if let Change::Field { field, .. } = change {
            check_field_name(field).map_err(|error| ApplyError::BadField { seq, error })?;
        }
        if stamp.device != mutation.device {
            return Err(ApplyError::ForeignStamp {
                seq,
                field: field.to_string(),
            });
        }
        stamp
            .check_not_far_future(now_millis)
            .map_err(|error| ApplyError::FarFuture { seq, error })?;
    }
    merge_pulled(stored, &mutation.to_record()).map_err(|error| ApplyError::Clash { seq, error })
}

/// Merges a whole record (from a pull page or another copy) into the stored one.
pub fn merge_pulled(stored: Option<&Record>, incoming: &Record) -> Result<Applied, MergeError> {
    match stored {
        None => Ok(Applied {
            record: incoming.clone(),
            changed: true,
        }),
        Some(stored) => {
            let mut record = stored.clone();
            let changed = record.absorb(incoming)?;
            Ok(Applied { record, changed })
        }
    }
}

/// Where a mutation's `seq` stands against the highest seq the server has applied from
/// its device (0 when none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeqStatus {
    /// Already applied: acknowledge it again and skip it.
    AlreadyApplied,
    /// The next one expected.
    Next,
    /// Later than the next one expected. Apply it anyway: the merge does not depend on
    /// order, and refusing would wedge a device whose earlier mutations were acknowledged
    /// by a server that was since restored from an older database backup.
    AfterGap { first_missing: u64 },
}

pub fn classify_seq(highest_applied: u64, seq: u64) -> SeqStatus {
    if seq <= highest_applied {
        SeqStatus::AlreadyApplied
    } else if seq == highest_applied.saturating_add(1) {
        SeqStatus::Next
    } else {
        SeqStatus::AfterGap {
            first_missing: highest_applied.saturating_add(1),
        }
    }
}

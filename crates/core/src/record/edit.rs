//! Local edits of a record: set a field, delete, undelete, settle a conflict, restore an
//! earlier value. Each is an ordinary versioned write, returned as a [`Change`] to send.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::envelope::Record;
use super::hlc::{Hlc, Stamp};
use super::ids::UserId;
use super::register::Write;

/// What an edit needs from the outside world: this device's clock, the wall time, and who
/// is signed in (`None` with no account).
pub struct EditContext<'c> {
    pub clock: &'c mut Hlc,
    pub now_millis: u64,
    pub author: Option<UserId>,
}

impl EditContext<'_> {
    /// A stamp later than both the clock and `after` (the slot's current write), so a local
    /// edit always becomes the current value on this device.
    fn stamp_after(&mut self, after: Option<&Stamp>) -> Stamp {
        if let Some(stamp) = after {
            self.clock.witness(stamp);
        }
        self.clock.tick(self.now_millis)
    }
}

/// One write made by a local edit: what goes into the outbox (see `sync::Mutation`).
/// In JSON: `{"slot": "field", "field": "lot", "write": {...}}` or
/// `{"slot": "tombstone", "write": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "slot", rename_all = "snake_case")]
pub enum Change {
    Field { field: String, write: Write<Value> },
    Tombstone { write: Write<bool> },
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Field names are 1 to 128 characters without control characters.
    BadFieldName { field: String },
    /// The field has never been written, so there is nothing to settle or restore.
    NoSuchField { field: String },
    /// The field's history has no write with this stamp.
    NoSuchVersion { field: String, stamp: Stamp },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::BadFieldName { field } => write!(
                f,
                "field name {field:?} is not valid: use 1 to 128 characters and no control characters"
            ),
            EditError::NoSuchField { field } => write!(f, "the record has no field {field:?}"),
            EditError::NoSuchVersion { field, stamp } => {
                write!(f, "field {field:?} has no earlier value with version {stamp}")
            }
        }
    }
}

impl std::error::Error for EditError {}

pub(crate) fn check_field_name(field: &str) -> Result<(), EditError> {
    let length = field.chars().count();
    if (1..=128).contains(&length) && !field.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(EditError::BadFieldName {
            field: field.to_string(),
        })
    }
}

impl Record {
    /// Sets a field (a `null` value clears it). Returns `None` when the field already holds
    /// exactly this value, so saving an unchanged form adds nothing to the history.
    pub fn set(&mut self, ctx: &mut EditContext<'_>, field: &str, value: Value) -> Result<Option<Change>, EditError> {
        check_field_name(field)?;
        let register = self.field(field);
        let unchanged = match register {
            Some(r) => r.current().value == value,
            // Clearing a field that was never written changes nothing.
            None => value.is_null(),
        };
        if unchanged {
            return Ok(None);
        }
        let seen = register.map(|r| r.heads(false)).unwrap_or_default();
        let write = Write {
            value,
            stamp: ctx.stamp_after(seen.last()),
            author: ctx.author.clone(),
            seen,
        };
        Ok(Some(self.apply_field_write(field, write)))
    }

    /// Settles a conflict on `field` by keeping `value` (one of the competing values, or a
    /// new one): a write that has seen every competing write, so the conflict is gone on
    /// every replica once this write reaches it.
    pub fn resolve_conflict(
        &mut self,
        ctx: &mut EditContext<'_>,
        field: &str,
        value: Value,
    ) -> Result<Change, EditError> {
        let register = self.field(field).ok_or_else(|| EditError::NoSuchField {
            field: field.to_string(),
        })?;
        let seen = register.heads(true);
        let current = register.current().stamp;
        let write = Write {
            value,
            stamp: ctx.stamp_after(Some(&current)),
            author: ctx.author.clone(),
            seen,
        };
        Ok(self.apply_field_write(field, write))
    }

    /// Makes an earlier value of `field` (the write with stamp `version`) current again, as a
    /// new write: the value it replaces stays in history, so a restore can be undone too.
    pub fn restore(&mut self, ctx: &mut EditContext<'_>, field: &str, version: &Stamp) -> Result<Change, EditError> {
        let register = self.field(field).ok_or_else(|| EditError::NoSuchField {
            field: field.to_string(),
        })?;
        let earlier = register.find(version).ok_or_else(|| EditError::NoSuchVersion {
            field: field.to_string(),
            stamp: *version,
        })?;
        let seen = register.heads(false);
        let write = Write {
            value: earlier.value.clone(),
            stamp: ctx.stamp_after(seen.last()),
            author: ctx.author.clone(),
            seen,
        };
        Ok(self.apply_field_write(field, write))
    }

    /// Marks the record deleted. Its fields stay, so it can be undeleted with everything.
    pub fn delete(&mut self, ctx: &mut EditContext<'_>) -> Option<Change> {
        self.set_tombstone(ctx, true)
    }

    pub fn undelete(&mut self, ctx: &mut EditContext<'_>) -> Option<Change> {
        self.set_tombstone(ctx, false)
    }

    fn set_tombstone(&mut self, ctx: &mut EditContext<'_>, deleted: bool) -> Option<Change> {
        if self.is_deleted() == deleted {
            return None;
        }
        let seen = self.tombstone().map(|r| r.heads(false)).unwrap_or_default();
        let write = Write {
            value: deleted,
            stamp: ctx.stamp_after(seen.last()),
            author: ctx.author.clone(),
            seen,
        };
        self.put_tombstone_write(write.clone());
        Some(Change::Tombstone { write })
    }

    fn apply_field_write(&mut self, field: &str, write: Write<Value>) -> Change {
        self.put_field_write(field, write.clone());
        Change::Field {
            field: field.to_string(),
            write,
        }
    }

    /// Applies changes (local or received) to this record; says whether anything was new.
    pub fn apply_changes(&mut self, changes: &[Change]) -> bool {
        let mut changed = false;
        for change in changes {
            changed |= match change {
                Change::Field { field, write } => self.put_field_write(field, write.clone()),
                Change::Tombstone { write } => self.put_tombstone_write(write.clone()),
            };
        }
        changed
    }
}

//! The record envelope: id, kind, scope, versioned fields and tombstone, and the merge that
//! brings two copies of one record together.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::edit::{check_field_name, EditError};
use super::hlc::Stamp;
use super::ids::{Kind, RecordId, Scope};
use super::register::{Register, Write};

/// One record as stored on a device, on the server and in a backup.
///
/// Each top-level field of the body is a [`Register`]: its current value plus every earlier
/// or losing value. Deleting sets the tombstone register to `true`; the fields stay, so an
/// undelete (or a restore from history) brings everything back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(try_from = "RecordRepr", into = "RecordRepr")]
pub struct Record {
    id: RecordId,
    kind: Kind,
    scope: Scope,
    fields: BTreeMap<String, Register<Value>>,
    tombstone: Option<Register<bool>>,
}

/// Why two records could not be merged: they are not copies of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    DifferentId { left: RecordId, right: RecordId },
    DifferentKind { id: RecordId, left: Kind, right: Kind },
    DifferentScope { id: RecordId, left: Scope, right: Scope },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::DifferentId { left, right } => {
                write!(f, "cannot merge record {left} with a different record {right}")
            }
            MergeError::DifferentKind { id, left, right } => write!(
                f,
                "record {id} is a {left} here but a {right} in the incoming copy; a record never changes kind"
            ),
            MergeError::DifferentScope { id, left, right } => write!(
                f,
                "record {id} belongs to {left} here but to {right} in the incoming copy; a record never changes scope"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

impl Record {
    /// An empty record: no fields, not deleted. Fill it with [`Record::set`] or a body.
    pub fn new(id: RecordId, kind: Kind, scope: Scope) -> Record {
        Record {
            id,
            kind,
            scope,
            fields: BTreeMap::new(),
            tombstone: None,
        }
    }

    pub fn id(&self) -> RecordId {
        self.id
    }

    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The same record in another scope. Only for adopting records that were never synced
    /// (made on a device before it signed in, in `personal:local` or `lab:local`): no other
    /// copy of them exists, so no merge can see the scope change. Merge itself still refuses
    /// two copies of a record in different scopes.
    pub fn moved_to_scope(&self, scope: Scope) -> Record {
        Record { scope, ..self.clone() }
    }

    /// The current value of a field; `None` when it was never written or was cleared (null).
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields
            .get(field)
            .map(|register| &register.current().value)
            .filter(|value| !value.is_null())
    }

    /// Every field's register, by name.
    pub fn fields(&self) -> &BTreeMap<String, Register<Value>> {
        &self.fields
    }

    pub fn field(&self, field: &str) -> Option<&Register<Value>> {
        self.fields.get(field)
    }

    /// The tombstone register; `None` when the record was never deleted.
    pub fn tombstone(&self) -> Option<&Register<bool>> {
        self.tombstone.as_ref()
    }

    pub fn is_deleted(&self) -> bool {
        self.tombstone.as_ref().is_some_and(|t| t.current().value)
    }

    /// The fields two devices edited concurrently, still waiting for the user to pick a value.
    pub fn conflicted_fields(&self) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(_, register)| register.has_conflict())
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Whether any field or the tombstone has an unsettled concurrent edit.
    pub fn is_conflicted(&self) -> bool {
        !self.conflicted_fields().is_empty() || self.tombstone.as_ref().is_some_and(Register::has_conflict)
    }

    /// The greatest stamp in the record: what a device's clock must observe after taking
    /// the record in, so its next write to the record wins.
    pub fn max_stamp(&self) -> Option<Stamp> {
        let field_stamps = self.fields.values().map(|r| r.current().stamp);
        let tombstone_stamp = self.tombstone.iter().map(|r| r.current().stamp);
        field_stamps.chain(tombstone_stamp).max()
    }

    /// Checks that `other` is a copy of this record (same id, kind and scope).
    pub fn check_same_record(&self, other: &Record) -> Result<(), MergeError> {
        if self.id != other.id {
            return Err(MergeError::DifferentId {
                left: self.id,
                right: other.id,
            });
        }
        if self.kind != other.kind {
            return Err(MergeError::DifferentKind {
                id: self.id,
                left: self.kind.clone(),
                right: other.kind.clone(),
            });
        }
        if self.scope != other.scope {
            return Err(MergeError::DifferentScope {
                id: self.id,
                left: self.scope.clone(),
                right: other.scope.clone(),
            });
        }
        Ok(())
    }

    /// Takes in every write of `other` (another copy of this record, or a partial copy such
    /// as a mutation) and says whether this record changed. The same function runs on the
    /// devices, on the server and on import.
    pub fn absorb(&mut self, other: &Record) -> Result<bool, MergeError> {
        self.check_same_record(other)?;
        let mut changed = false;
        for (name, theirs) in &other.fields {
            match self.fields.get_mut(name) {
                Some(ours) => changed |= ours.absorb(theirs),
                None => {
                    self.fields.insert(name.clone(), theirs.clone());
                    changed = true;
                }
            }
        }
        if let Some(theirs) = &other.tombstone {
            match &mut self.tombstone {
                Some(ours) => changed |= ours.absorb(theirs),
                None => {
                    self.tombstone = Some(theirs.clone());
                    changed = true;
                }
            }
        }
        Ok(changed)
    }

    /// The merge of two copies of one record, as a new value. Commutative, associative and
    /// idempotent (the property tests in `tests/record_merge_props.rs` check it).
    pub fn merge(&self, other: &Record) -> Result<Record, MergeError> {
        let mut merged = self.clone();
        merged.absorb(other)?;
        Ok(merged)
    }

    /// Adds one write to a field (used by edits and by mutations); says whether it was new.
    pub(crate) fn put_field_write(&mut self, field: &str, write: Write<Value>) -> bool {
        match self.fields.get_mut(field) {
            Some(register) => register.absorb(&Register::new(write)),
            None => {
                self.fields.insert(field.to_string(), Register::new(write));
                true
            }
        }
    }

    /// Adds one write to the tombstone; says whether it was new.
    pub(crate) fn put_tombstone_write(&mut self, write: Write<bool>) -> bool {
        match &mut self.tombstone {
            Some(register) => register.absorb(&Register::new(write)),
            None => {
                self.tombstone = Some(Register::new(write));
                true
            }
        }
    }
}

/// The stored form of a record. `conflicted_fields` is written for stores to index and for
/// people reading a backup; it is recomputed from the writes, never trusted, when read.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
struct RecordRepr {
    id: RecordId,
    kind: Kind,
    scope: Scope,
    #[serde(default)]
    fields: BTreeMap<String, Register<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tombstone: Option<Register<bool>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    conflicted_fields: Vec<String>,
}

impl From<Record> for RecordRepr {
    fn from(record: Record) -> RecordRepr {
        let conflicted_fields = record.conflicted_fields().into_iter().map(str::to_string).collect();
        RecordRepr {
            id: record.id,
            kind: record.kind,
            scope: record.scope,
            fields: record.fields,
            tombstone: record.tombstone,
            conflicted_fields,
        }
    }
}

impl TryFrom<RecordRepr> for Record {
    type Error = EditError;

    /// Field names are checked as an edit would check them, so a hand-made file cannot
    /// bring in a field no edit could have made.
    fn try_from(repr: RecordRepr) -> Result<Record, EditError> {
        repr.fields.keys().try_for_each(|name| check_field_name(name))?;
        Ok(Record {
            id: repr.id,
            kind: repr.kind,
            scope: repr.scope,
            fields: repr.fields,
            tombstone: repr.tombstone,
        })
    }
}

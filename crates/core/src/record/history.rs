//! The history of a record as people read it: who changed which field, when, from what to
//! what, and which values lost a concurrent edit.

use serde::Serialize;
use serde_json::Value;

use super::envelope::Record;
use super::hlc::Stamp;
use super::ids::UserId;
use super::register::Register;
use super::value_order::FieldValue;

/// Which part of a record a history entry is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    Field(String),
    /// The record's deleted flag (`new` is `true` for a delete, `false` for an undelete).
    Deleted,
}

/// One write, in the words of the history screen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub slot: Slot,
    /// The value the writer replaced, as it saw it; `None` for a slot's first write.
    pub old: Option<Value>,
    pub new: Value,
    /// When and on which device (`stamp.millis` is the wall time, `stamp.device` the device).
    pub stamp: Stamp,
    pub author: Option<UserId>,
    /// Whether this write is the slot's value now.
    pub is_current: bool,
    /// Whether this write lost to a concurrent edit that had not seen it, and the user has
    /// not yet picked a value: the record shows as conflicted until then.
    pub unresolved_conflict: bool,
}

impl Record {
    /// Every write to every field and to the tombstone, oldest first. `old` is derived from
    /// each write's `seen` stamps rather than stored, because what a replica held before a
    /// write arrived depends on delivery order, and history must be the same everywhere.
    pub fn history(&self) -> Vec<HistoryEntry> {
        let mut entries = Vec::new();
        for (name, register) in self.fields() {
            push_entries(&mut entries, Slot::Field(name.clone()), register, |v| v.clone());
        }
        if let Some(register) = self.tombstone() {
            push_entries(&mut entries, Slot::Deleted, register, |v| Value::Bool(*v));
        }
        entries.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.slot.cmp(&b.slot)));
        entries
    }

    /// The history of one field, oldest first.
    pub fn field_history(&self, field: &str) -> Vec<HistoryEntry> {
        let mut entries = Vec::new();
        if let Some(register) = self.field(field) {
            push_entries(&mut entries, Slot::Field(field.to_string()), register, |v| v.clone());
        }
        entries
    }
}

fn push_entries<V: FieldValue>(
    entries: &mut Vec<HistoryEntry>,
    slot: Slot,
    register: &Register<V>,
    to_json: impl Fn(&V) -> Value,
) {
    let current = register.current().stamp;
    let conflicting: Vec<Stamp> = register.conflicting().iter().map(|w| w.stamp).collect();
    for write in register.writes() {
        // The replaced value is the newest of the writes this one had seen.
        let old = write
            .seen
            .iter()
            .rev()
            .find_map(|stamp| register.find(stamp))
            .map(|w| to_json(&w.value));
        entries.push(HistoryEntry {
            slot: slot.clone(),
            old,
            new: to_json(&write.value),
            stamp: write.stamp,
            author: write.author.clone(),
            is_current: write.stamp == current,
            unresolved_conflict: conflicting.contains(&write.stamp),
        });
    }
}

//! One versioned slot of a record (a field, or the tombstone): every write ever made to it,
//! the newest one current, the rest its history, and whether two devices wrote it concurrently.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::hlc::Stamp;
use super::ids::UserId;
use super::value_order::FieldValue;

/// One write to a slot: the value, its version stamp (which names the device), who made it,
/// and the stamps of the slot's writes the device had when it wrote (`seen`), which is how a
/// concurrent edit is told apart from a later one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema), schemars(rename = "Write_{V}"))]
pub struct Write<V> {
    pub value: V,
    pub stamp: Stamp,
    /// The signed-in user who made the write; `None` on a device with no account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<UserId>,
    /// The writes this one replaces, as the writer saw them: empty for a slot's first write,
    /// usually the one current write, or all the competing writes when resolving a conflict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<Stamp>,
}

impl<V: FieldValue> Write<V> {
    /// The order that decides the current value: the stamp, and only for two writes with
    /// one stamp (which a correct clock never makes) the content, so the choice is the same
    /// on every replica.
    fn order(&self, other: &Write<V>) -> Ordering {
        self.stamp
            .cmp(&other.stamp)
            .then_with(|| self.value.total_cmp(&other.value))
            .then_with(|| self.author.cmp(&other.author))
            .then_with(|| self.seen.cmp(&other.seen))
    }
}

/// Every write made to one slot, kept sorted so the last is the current value.
///
/// Merging two registers is the union of their writes. Union is commutative, associative
/// and idempotent, and everything shown (current value, history, conflict) is a function of
/// the set alone, so replicas that hold the same writes show the same thing, whatever order
/// the writes came in. Nothing is ever removed, so no written value is ever lost.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "openapi",
    derive(schemars::JsonSchema),
    schemars(with = "RegisterRepr<V>", rename = "Register_{V}")
)]
pub struct Register<V> {
    /// Sorted by [`Write::order`], without duplicates, never empty.
    writes: Vec<Write<V>>,
}

impl<V: FieldValue> Register<V> {
    pub fn new(write: Write<V>) -> Register<V> {
        let mut register = Register { writes: vec![write] };
        register.normalize();
        register
    }

    /// A register holding `writes` (in any order, duplicates allowed); `None` when empty.
    pub fn from_writes(writes: Vec<Write<V>>) -> Option<Register<V>> {
        let mut register = Register { writes };
        register.normalize();
        (!register.writes.is_empty()).then_some(register)
    }

    /// Sorts each write's `seen` list, then the writes; drops duplicates.
    fn normalize(&mut self) {
        for write in &mut self.writes {
            write.seen.sort();
            write.seen.dedup();
        }
        self.sort_writes();
    }

    /// Sorts the writes and drops duplicates; for writes whose `seen` lists are sorted.
    fn sort_writes(&mut self) {
        self.writes.sort_by(|a, b| a.order(b));
        self.writes.dedup_by(|a, b| a.order(b) == Ordering::Equal);
    }

    /// The write that wins: the one with the greatest stamp.
    pub fn current(&self) -> &Write<V> {
        // `writes` is never empty: every constructor checks it and nothing removes writes.
        &self.writes[self.writes.len() - 1]
    }

    /// Every write that is not current, oldest first: overwritten and losing values alike.
    pub fn history(&self) -> &[Write<V>] {
        &self.writes[..self.writes.len() - 1]
    }

    /// Every write, oldest first; the last is current.
    pub fn writes(&self) -> &[Write<V>] {
        &self.writes
    }

    /// The write with this stamp, if the register has it.
    pub fn find(&self, stamp: &Stamp) -> Option<&Write<V>> {
        self.writes.iter().find(|w| &w.stamp == stamp)
    }

    /// Adds the writes of `other` that this register lacks; says whether anything was added.
    pub fn absorb(&mut self, other: &Register<V>) -> bool {
        let before = self.writes.len();
        let missing: Vec<Write<V>> = other.writes.iter().filter(|w| !self.contains(w)).cloned().collect();
        // Writes from another register are already normalized, so only the order is redone.
        self.writes.extend(missing);
        self.sort_writes();
        self.writes.len() != before
    }

    fn contains(&self, write: &Write<V>) -> bool {
        self.writes.binary_search_by(|w| w.order(write)).is_ok()
    }

    /// The stamps the current write replaced, directly or through earlier writes.
    fn ancestors_of_current(&self) -> BTreeSet<Stamp> {
        let mut seen = BTreeSet::new();
        let mut to_visit: Vec<Stamp> = self.current().seen.clone();
        while let Some(stamp) = to_visit.pop() {
            if seen.insert(stamp) {
                for write in self.writes.iter().filter(|w| w.stamp == stamp) {
                    to_visit.extend(write.seen.iter().copied());
                }
            }
        }
        seen
    }

    /// The writes that no later write has seen: the losers of concurrent edits.
    fn unseen(&self) -> Vec<&Write<V>> {
        let ancestors = self.ancestors_of_current();
        self.history()
            .iter()
            .filter(|w| !ancestors.contains(&w.stamp))
            .collect()
    }

    /// The writes that lost a concurrent edit (no later write has seen them) and whose value
    /// differs from the current one. A concurrent write of the same value is no conflict:
    /// nothing the user would see differs.
    pub fn conflicting(&self) -> Vec<&Write<V>> {
        let current = &self.current().value;
        self.unseen().into_iter().filter(|w| &w.value != current).collect()
    }

    pub fn has_conflict(&self) -> bool {
        !self.conflicting().is_empty()
    }

    /// The stamps a new write lists as `seen`. An ordinary edit has seen the current write
    /// and any concurrent write of the same value (the user saw that value); settling a
    /// conflict has seen every concurrent write, so none of them can show as a conflict
    /// again once the settling write is current.
    pub(crate) fn heads(&self, settle_conflict: bool) -> Vec<Stamp> {
        let current = self.current();
        let mut heads: Vec<Stamp> = self
            .unseen()
            .into_iter()
            .filter(|w| settle_conflict || w.value == current.value)
            .map(|w| w.stamp)
            .collect();
        heads.push(current.stamp);
        heads.sort();
        heads
    }
}

/// The stored form: the current write's fields at the top, the rest under `history`, so a
/// reader of the JSON sees the value first.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(bound(deserialize = "V: Deserialize<'de>"))]
struct RegisterRepr<V> {
    value: V,
    stamp: Stamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<UserId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    seen: Vec<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Write<V>>,
}

impl<V: FieldValue + Serialize> Serialize for Register<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let current = self.current().clone();
        RegisterRepr {
            value: current.value,
            stamp: current.stamp,
            author: current.author,
            seen: current.seen,
            history: self.history().to_vec(),
        }
        .serialize(serializer)
    }
}

impl<'de, V: FieldValue + Deserialize<'de>> Deserialize<'de> for Register<V> {
    /// Reads any set of writes and puts it in order, so a hand-edited file whose "current"
    /// is not the newest write still loads as the same state as the original.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = RegisterRepr::<V>::deserialize(deserializer)?;
        let mut writes = repr.history;
        writes.push(Write {
            value: repr.value,
            stamp: repr.stamp,
            author: repr.author,
            seen: repr.seen,
        });
        Register::from_writes(writes).ok_or_else(|| serde::de::Error::custom("a register needs at least one write"))
    }
}

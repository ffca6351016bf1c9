//! A mutation: the writes one local edit made to one record, numbered for replay detection.

use serde::{Deserialize, Serialize};

use crate::record::{Change, DeviceId, Kind, Record, RecordId, Scope, UserId};

/// What a device pushes: its edit of one record, as the writes it made. Every write in it
/// carries a stamp from `device`'s clock. (`device`, `seq`) names the mutation uniquely,
/// which is what lets the server skip a replayed one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Mutation {
    pub device: DeviceId,
    /// 1 for the device's first mutation, then one more for each.
    pub seq: u64,
    pub record: RecordId,
    pub kind: Kind,
    pub scope: Scope,
    pub changes: Vec<Change>,
}

impl Mutation {
    /// The mutation for `changes` just made to `record` on `device`.
    pub fn new(device: DeviceId, seq: u64, record: &Record, changes: Vec<Change>) -> Mutation {
        Mutation {
            device,
            seq,
            record: record.id(),
            kind: record.kind().clone(),
            scope: record.scope().clone(),
            changes,
        }
    }

    /// Whether every write names `user` as its author, or no author (a write made before the
    /// device was signed in). The server refuses a mutation that claims someone else.
    pub fn authors_are_at_most(&self, user: &UserId) -> bool {
        self.changes.iter().all(|change| {
            let author = match change {
                Change::Field { write, .. } => write.author.as_ref(),
                Change::Tombstone { write } => write.author.as_ref(),
            };
            author.is_none_or(|a| a == user)
        })
    }

    /// The mutation as a partial record holding only its writes, ready to merge.
    pub fn to_record(&self) -> Record {
        let mut record = Record::new(self.record, self.kind.clone(), self.scope.clone());
        record.apply_changes(&self.changes);
        record
    }
}

//! The device's outbox: its mutations not yet acknowledged by the server, numbered in order,
//! resent until acknowledged, so a lost request or response never loses or doubles a write.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::record::{Change, DeviceId, Record};

use super::mutation::Mutation;
use super::protocol::PushRequest;

/// Pending mutations of one device, oldest first, and the seq the next one gets. The store
/// keeps it beside the records and writes both in one transaction. The device id and the
/// seq counter belong together and must be stored together: if the counter were lost while
/// the server still remembers a higher seq for the device id, the server would skip new
/// mutations as replays. [`Outbox::acknowledge`] notices when the server's acknowledgement
/// runs past every seq made here, but not when a new batch reaches past the old counter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    device: DeviceId,
    next_seq: u64,
    pending: Vec<Mutation>,
}

/// An acknowledgement the outbox cannot have earned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutboxError {
    /// The server acknowledged seqs this device never made, so it skipped this device's
    /// pending mutations as replays: the device id was used before with a higher counter
    /// (say, the counter was lost). Recover with [`Outbox::renumber_after`] and push again.
    AckBeyondSent { acknowledged: u64, last_made: u64 },
}

impl fmt::Display for OutboxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutboxError::AckBeyondSent {
                acknowledged,
                last_made,
            } => write!(
                f,
                "the server acknowledged changes up to number {acknowledged}, but this device has made only {last_made}: \
                 the pending changes were skipped and must be renumbered and sent again"
            ),
        }
    }
}

impl std::error::Error for OutboxError {}

impl Outbox {
    pub fn new(device: DeviceId) -> Outbox {
        Outbox {
            device,
            next_seq: 1,
            pending: Vec::new(),
        }
    }

    /// An outbox rebuilt from a store that keeps each mutation as its own row (so a write
    /// does not rewrite the whole queue). Rows may come in any order; `next_seq` is raised
    /// past the highest pending seq, so a lost counter can never reuse a seq.
    pub fn from_parts(device: DeviceId, next_seq: u64, mut pending: Vec<Mutation>) -> Outbox {
        pending.sort_by_key(|m| m.seq);
        pending.dedup_by_key(|m| m.seq);
        let after_pending = pending.last().map_or(1, |m| m.seq.saturating_add(1));
        Outbox {
            device,
            next_seq: next_seq.max(after_pending),
            pending,
        }
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// The seq the next mutation will get.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Waiting mutations, oldest first.
    pub fn pending(&self) -> &[Mutation] {
        &self.pending
    }

    /// Records `changes` just made to `record`; `None` (and no seq used) when there are none.
    pub fn enqueue(&mut self, record: &Record, changes: Vec<Change>) -> Option<&Mutation> {
        if changes.is_empty() {
            return None;
        }
        let mutation = Mutation::new(self.device, self.next_seq, record, changes);
        self.next_seq = self.next_seq.saturating_add(1);
        self.pending.push(mutation);
        self.pending.last()
    }

    /// The oldest `max` pending mutations as a push; the same batch again until acknowledged.
    pub fn next_batch(&self, max: usize) -> PushRequest {
        PushRequest {
            device: self.device,
            mutations: self.pending.iter().take(max).cloned().collect(),
        }
    }

    /// Renumbers every pending mutation to follow `acknowledged`, the seq the server says it
    /// has applied up to, after [`OutboxError::AckBeyondSent`]. The writes inside keep their
    /// stamps, so resending them is an ordinary, idempotent push.
    pub fn renumber_after(&mut self, acknowledged: u64) {
        let mut seq = acknowledged;
        for mutation in &mut self.pending {
            seq = seq.saturating_add(1);
            mutation.seq = seq;
        }
        self.next_seq = seq.saturating_add(1);
    }

    /// Drops the mutations acknowledged up to `up_to` and says how many. A stale or
    /// repeated acknowledgement drops nothing more.
    pub fn acknowledge(&mut self, up_to: u64) -> Result<usize, OutboxError> {
        let last_made = self.next_seq.saturating_sub(1);
        if up_to > last_made {
            return Err(OutboxError::AckBeyondSent {
                acknowledged: up_to,
                last_made,
            });
        }
        let before = self.pending.len();
        self.pending.retain(|m| m.seq > up_to);
        Ok(before - self.pending.len())
    }
}

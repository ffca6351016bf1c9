//! The device's outbox: its mutations not yet acknowledged by the server, numbered in order,
//! resent until acknowledged, so a lost request or response never loses or doubles a write.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::record::{Change, DeviceId, Record};

use super::mutation::Mutation;
use super::protocol::PushRequest;

/// Pending mutations of one device, oldest first, and the seq the next one gets. The store
/// keeps it beside the records and writes both in one transaction. The device id and the
/// seq counter belong together: a device that loses its counter must take a new device id,
/// or the server would skip its new mutations as replays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    device: DeviceId,
    next_seq: u64,
    pending: Vec<Mutation>,
}

/// An acknowledgement the outbox cannot have earned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutboxError {
    /// The server acknowledged seqs this device never made: another installation uses the
    /// same device id, so this one must take a new id before pushing again.
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
                 its device id is used by another installation and must be replaced"
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

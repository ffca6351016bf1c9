//! The push and pull messages of `/api/v1/sync`, as serde types shared by app and server.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::record::{DeviceId, Record, RecordId, Scope};

use super::mutation::Mutation;

/// A batch of one device's mutations, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PushRequest {
    pub device: DeviceId,
    pub mutations: Vec<Mutation>,
}

/// Why a push was refused as a whole (a 4xx); nothing in it is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PushError {
    TooLarge {
        count: usize,
        max: usize,
    },
    WrongDevice {
        seq: u64,
    },
    /// Seqs start at 1 and must strictly increase within a batch.
    OutOfOrder {
        seq: u64,
    },
}

impl fmt::Display for PushError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PushError::TooLarge { count, max } => {
                write!(f, "a push holds at most {max} mutations, this one has {count}")
            }
            PushError::WrongDevice { seq } => write!(f, "mutation {seq} names another device than the push it came in"),
            PushError::OutOfOrder { seq } => write!(
                f,
                "mutation {seq} is out of order: seqs start at 1 and increase within a push"
            ),
        }
    }
}

impl std::error::Error for PushError {}

impl PushRequest {
    /// The most mutations one push may hold (the server may choose a smaller bound).
    pub const MAX_MUTATIONS: usize = 500;

    /// Checks the batch's shape before anything is applied.
    pub fn validate(&self, max_mutations: usize) -> Result<(), PushError> {
        if self.mutations.len() > max_mutations {
            return Err(PushError::TooLarge {
                count: self.mutations.len(),
                max: max_mutations,
            });
        }
        let mut previous = 0;
        for mutation in &self.mutations {
            if mutation.device != self.device {
                return Err(PushError::WrongDevice { seq: mutation.seq });
            }
            if mutation.seq <= previous {
                return Err(PushError::OutOfOrder { seq: mutation.seq });
            }
            previous = mutation.seq;
        }
        Ok(())
    }

    /// The mutations the server has not applied yet, given the highest seq it applied
    /// from this device: a retried push skips straight past what already went in.
    pub fn unapplied(&self, highest_applied: u64) -> impl Iterator<Item = &Mutation> {
        self.mutations.iter().filter(move |m| m.seq > highest_applied)
    }
}

/// A mutation the server refused for good (bad shape, a scope the user may not write): it
/// is acknowledged so the outbox moves on, and the device shows the reason. Its data stays
/// on the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Rejected {
    pub seq: u64,
    pub record: RecordId,
    pub reason: String,
}

/// The server's answer to a push.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PushResponse {
    /// Every mutation of this device with a seq up to this one is durably applied (or
    /// rejected, listed below); the outbox may drop them. 0 when none.
    pub acknowledged_up_to: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
}

/// A position in a scope's change feed: the server sequence number of the last change the
/// device has applied. Start from [`Cursor::START`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Cursor(pub u64);

impl Cursor {
    pub const START: Cursor = Cursor(0);
}

/// Asks for the records of one scope changed after `cursor`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PullRequest {
    pub scope: Scope,
    pub cursor: Cursor,
    pub limit: u32,
}

impl PullRequest {
    /// The largest page the server sends, whatever `limit` asks for.
    pub const MAX_LIMIT: u32 = 500;

    /// `limit` brought into 1..=[`Self::MAX_LIMIT`].
    pub fn effective_limit(&self) -> usize {
        self.limit.clamp(1, Self::MAX_LIMIT) as usize
    }
}

/// One changed record in a pull page: its whole current state, and the scope sequence
/// number the server gave its latest change. A record appears once, at its latest change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PulledRecord {
    pub server_seq: u64,
    pub record: Record,
}

/// One page of a scope's change feed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PullPage {
    pub scope: Scope,
    pub changes: Vec<PulledRecord>,
    /// Store this after applying every change in the page, and pull from it next.
    pub next_cursor: Cursor,
    pub has_more: bool,
}

impl PullPage {
    /// Builds the page from the rows after `request.cursor`, in ascending server seq, as the
    /// server read them: ask the database for `effective_limit() + 1` rows, and the extra
    /// one (dropped here) tells whether there is more.
    pub fn from_rows(request: &PullRequest, rows: Vec<(u64, Record)>) -> PullPage {
        let limit = request.effective_limit();
        let has_more = rows.len() > limit;
        let changes: Vec<PulledRecord> = rows
            .into_iter()
            .take(limit)
            .map(|(server_seq, record)| PulledRecord { server_seq, record })
            .collect();
        let next_cursor = changes.last().map_or(request.cursor, |c| Cursor(c.server_seq));
        PullPage {
            scope: request.scope.clone(),
            changes,
            next_cursor,
            has_more,
        }
    }
}

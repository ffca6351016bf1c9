//! A reference sync server kept in memory: what `crates/server` does with its database,
//! reduced to maps, built only from the pure pieces in `benchmate_core::sync`.

use std::collections::BTreeMap;

use benchmate_core::record::{DeviceId, Record, RecordId};
use benchmate_core::sync::{apply_mutation, PullPage, PullRequest, PushRequest, PushResponse, Rejected};

#[derive(Default)]
pub struct MemoryServer {
    /// Each record with the scope sequence number of its latest change (one scope here).
    pub records: BTreeMap<RecordId, (u64, Record)>,
    pub last_seq: u64,
    /// The highest seq applied per device: how a replayed mutation is recognised.
    pub applied: BTreeMap<DeviceId, u64>,
}

impl MemoryServer {
    /// Applies a push as one transaction would: every new mutation in order, skipping the
    /// ones already applied, and answers with the acknowledgement.
    pub fn push(&mut self, request: &PushRequest, now_millis: u64) -> PushResponse {
        // Requests cross the wire as JSON, so the test sends them that way.
        let request: PushRequest = wire(request);
        request
            .validate(PushRequest::MAX_MUTATIONS)
            .expect("the outbox makes well-formed pushes");
        let highest = self.applied.get(&request.device).copied().unwrap_or(0);
        let mut rejected = Vec::new();
        let mut acknowledged = highest;
        for mutation in request.unapplied(highest) {
            let stored = self.records.get(&mutation.record).map(|(_, r)| r);
            match apply_mutation(stored, mutation, now_millis) {
                Ok(applied) if applied.changed => {
                    self.last_seq += 1;
                    self.records.insert(mutation.record, (self.last_seq, applied.record));
                }
                Ok(_) => {}
                Err(error) => rejected.push(Rejected {
                    seq: mutation.seq,
                    record: mutation.record,
                    reason: error.to_string(),
                }),
            }
            acknowledged = mutation.seq;
        }
        self.applied.insert(request.device, acknowledged);
        PushResponse {
            acknowledged_up_to: acknowledged,
            rejected,
        }
    }

    /// Answers a pull: the records changed after the cursor, oldest change first. With
    /// `over_json` the page makes a trip through JSON, as over HTTP; the property test does
    /// that for the final pulls only, because in a debug build it triples the test's time.
    pub fn pull(&self, request: &PullRequest, over_json: bool) -> PullPage {
        let mut rows: Vec<(u64, Record)> = self
            .records
            .values()
            .filter(|(seq, _)| *seq > request.cursor.0)
            .cloned()
            .collect();
        rows.sort_by_key(|(seq, _)| *seq);
        rows.truncate(request.effective_limit() + 1);
        let page = PullPage::from_rows(request, rows);
        if over_json {
            wire(&page)
        } else {
            page
        }
    }
}

/// A message after a trip through JSON, as the HTTP API carries it.
fn wire<T: serde::Serialize + serde::de::DeserializeOwned>(message: &T) -> T {
    let text = serde_json::to_string(message).expect("messages serialize");
    serde_json::from_str(&text).expect("messages read back")
}

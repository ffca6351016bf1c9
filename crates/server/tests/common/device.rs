//! A simulated device: core's clock, records and outbox, syncing through the HTTP API the
//! way the app does (push the outbox in batches, pull each scope page by page, store the
//! cursor only after applying a page).

use std::collections::BTreeMap;

use benchmate_core::record::{DeviceId, EditContext, Hlc, Kind, Record, RecordId, Scope, UserId};
use benchmate_core::sync::{merge_pulled, Cursor, Outbox, PullPage, PushResponse};
use benchmate_server::auth::credentials::random_bytes;
use benchmate_server::auth::now_millis;
use serde_json::Value;

use super::{Account, TestServer};

pub struct Device {
    pub account: Account,
    pub clock: Hlc,
    pub outbox: Outbox,
    pub records: BTreeMap<RecordId, Record>,
    pub cursors: BTreeMap<Scope, Cursor>,
}

impl Device {
    pub fn new(account: &Account) -> Device {
        let device = DeviceId::from_random_bytes(random_bytes().unwrap());
        Device {
            account: account.clone(),
            clock: Hlc::new(device),
            outbox: Outbox::new(device),
            records: BTreeMap::new(),
            cursors: BTreeMap::new(),
        }
    }

    fn author(&self) -> Option<UserId> {
        Some(self.account.id.clone())
    }

    /// Creates a record in `scope` with these fields, offline.
    pub fn create(&mut self, scope: &Scope, fields: &[(&str, Value)]) -> RecordId {
        let now = now_millis();
        let id = RecordId::new_v7(now, random_bytes().unwrap()).unwrap();
        let mut record = Record::new(id, Kind::new("ce_entry").unwrap(), scope.clone());
        self.records.insert(id, record.clone());
        let author = self.author();
        let mut ctx = EditContext {
            clock: &mut self.clock,
            now_millis: now,
            author,
        };
        let changes: Vec<_> = fields
            .iter()
            .filter_map(|(field, value)| record.set(&mut ctx, field, value.clone()).unwrap())
            .collect();
        self.outbox.enqueue(&record, changes);
        self.records.insert(id, record);
        id
    }

    /// Sets one field of a record this device holds, offline.
    pub fn set(&mut self, id: RecordId, field: &str, value: Value) {
        let author = self.author();
        let record = self.records.get_mut(&id).expect("the device holds the record");
        let mut ctx = EditContext {
            clock: &mut self.clock,
            now_millis: now_millis(),
            author,
        };
        if let Some(change) = record.set(&mut ctx, field, value).unwrap() {
            let snapshot = record.clone();
            self.outbox.enqueue(&snapshot, vec![change]);
        }
    }

    /// Pushes the whole outbox in batches of `batch`, as acknowledged.
    pub async fn push(&mut self, server: &TestServer, batch: usize) -> Vec<PushResponse> {
        let mut responses = Vec::new();
        while !self.outbox.pending().is_empty() {
            let request = self.outbox.next_batch(batch);
            let (status, body) = server
                .post_json(
                    "/api/v1/sync/push",
                    Some(&self.account.token),
                    &serde_json::to_value(&request).unwrap(),
                )
                .await;
            assert_eq!(status, 200, "push: {body}");
            let response: PushResponse = serde_json::from_value(body).unwrap();
            self.outbox.acknowledge(response.acknowledged_up_to).unwrap();
            responses.push(response);
        }
        responses
    }

    /// Pulls every page of `scope` after the stored cursor and merges it in.
    pub async fn pull(&mut self, server: &TestServer, scope: &Scope, limit: u32) {
        loop {
            let cursor = self.cursors.get(scope).copied().unwrap_or(Cursor::START);
            let path = format!("/api/v1/sync/pull?scope={scope}&cursor={}&limit={limit}", cursor.0);
            let (status, body) = server.get(&path, Some(&self.account.token)).await;
            assert_eq!(status, 200, "pull {path}: {body}");
            let page: PullPage = serde_json::from_value(body).unwrap();
            for pulled in &page.changes {
                let merged = merge_pulled(self.records.get(&pulled.record.id()), &pulled.record).unwrap();
                if let Some(stamp) = merged.record.max_stamp() {
                    self.clock.witness(&stamp);
                }
                self.records.insert(pulled.record.id(), merged.record);
            }
            self.cursors.insert(scope.clone(), page.next_cursor);
            if !page.has_more {
                break;
            }
        }
    }

    /// Push, then pull each scope.
    pub async fn sync(&mut self, server: &TestServer, scopes: &[Scope]) {
        self.push(server, 50).await;
        for scope in scopes {
            self.pull(server, scope, 50).await;
        }
    }
}

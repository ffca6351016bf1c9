//! The store's side of sync, each step one IndexedDB transaction: adopting local records at
//! sign-in, reading a batch of the outbox, dropping what the server acknowledged, and
//! applying a pulled page together with its cursor.

use benchmate_core::record::{Hlc, Record, Scope, UserId};
use benchmate_core::sync::{is_local_scope, merge_pulled, Adoption, Cursor, Mutation, Outbox, OutboxError, PullPage};
use idb::{Query, TransactionMode, TransactionResult};
use wasm_bindgen::JsValue;

use super::database::{Database, META, OUTBOX, RECORDS};
use super::device::DeviceState;
use super::rows;
use super::StoreError;

/// What acknowledging a push did to the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Acknowledged {
    /// This many outbox entries were dropped.
    Dropped(usize),
    /// The server had already seen higher numbers from this device id (its counter was lost),
    /// so the pending entries were renumbered after them and must be pushed again.
    Renumbered,
}

/// What applying one pulled page changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageApplied {
    /// Records that are new or changed on this device.
    pub changed: usize,
    /// Records that could not be merged (a copy in another scope or of another kind), each
    /// with the reason; the local copy is kept as it is.
    pub refused: Vec<String>,
}

async fn commit(tx: idb::Transaction, what: &str) -> Result<(), StoreError> {
    match tx.commit()?.await? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(StoreError::Browser(format!("{what} was interrupted; nothing changed"))),
    }
}

async fn load_device(meta: &idb::ObjectStore) -> Result<DeviceState, StoreError> {
    let stored = meta.get(Query::from(JsValue::from_str(rows::DEVICE_KEY)))?.await?;
    match stored.as_ref().and_then(rows::device_from_row) {
        Some(device) => Ok(device),
        None => DeviceState::new(),
    }
}

impl Database {
    /// Moves local-scope records and their outbox entries into the account's scopes and
    /// names `user` as the author of later writes: all in one transaction, or nothing.
    /// Returns how many records moved.
    pub async fn adopt(&self, adoption: &Adoption, user: Option<&UserId>) -> Result<usize, StoreError> {
        let tx = self
            .db
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let records = tx.object_store(RECORDS)?;
        let outbox = tx.object_store(OUTBOX)?;
        let meta = tx.object_store(META)?;
        let mut moved = 0;
        let by_scope = records.index("scope")?;
        let locals = [
            benchmate_core::sync::local_personal_scope(),
            benchmate_core::sync::local_lab_scope(),
        ];
        for local in &locals {
            let found = by_scope
                .get_all(Some(Query::from(JsValue::from_str(&local.to_string()))), None)?
                .await?;
            for record in found.iter().filter_map(rows::record_from_row) {
                if let Some(adopted) = adoption.adopt_record(&record) {
                    records.put(&rows::record_row(&adopted), None)?.await?;
                    moved += 1;
                }
            }
        }
        let mut device = load_device(&meta).await?;
        // A record and its outbox entries always share a scope (they are written together), so
        // when no record moved no entry needs to, and the outbox is not read at all.
        if moved > 0 {
            let keys = outbox.get_all_keys(None, None)?.await?;
            let entries = outbox.get_all(None, None)?.await?;
            for (key, row) in keys.iter().zip(entries.iter()) {
                if let Some(mut adopted) = rows::mutation_from_row(row).and_then(|m| adoption.adopt_mutation(&m)) {
                    // A moved entry goes to the end of the queue with a new number: the server
                    // may already have applied later numbers of this device (pushed while this
                    // entry waited in a local scope) and would skip the old one as a replay.
                    // Its writes keep their stamps, so this changes no merge.
                    adopted.seq = device.next_seq;
                    device.next_seq += 1;
                    outbox.delete(Query::from(key.clone()))?.await?;
                    outbox.add(&rows::outbox_row(&adopted), None)?.await?;
                }
            }
        }
        device.user = user.map(|u| u.to_string());
        meta.put(&rows::device_row(&device), None)?.await?;
        commit(tx, "adopting this device's records").await?;
        Ok(moved)
    }

    /// The oldest `max` outbox entries that may be pushed (those in local scopes wait for
    /// adoption), with this device's id.
    pub async fn outbox_batch(
        &self,
        max: u32,
    ) -> Result<(benchmate_core::record::DeviceId, Vec<Mutation>), StoreError> {
        let tx = self.db.transaction(&[OUTBOX, META], TransactionMode::ReadOnly)?;
        let device = load_device(&tx.object_store(META)?).await?;
        let entries = tx.object_store(OUTBOX)?.get_all(None, None)?.await?;
        let batch = entries
            .iter()
            .filter_map(rows::mutation_from_row)
            .filter(|m| !is_local_scope(&m.scope))
            .take(max as usize)
            .collect();
        Ok((device.id, batch))
    }

    /// Drops the outbox entries the server acknowledged (seq up to `up_to`), in one
    /// transaction with any renumbering core's [`Outbox`] asks for.
    pub async fn acknowledge(&self, up_to: u64) -> Result<Acknowledged, StoreError> {
        let tx = self.db.transaction(&[OUTBOX, META], TransactionMode::ReadWrite)?;
        let outbox_store = tx.object_store(OUTBOX)?;
        let meta = tx.object_store(META)?;
        let mut device = load_device(&meta).await?;
        let keys = outbox_store.get_all_keys(None, None)?.await?;
        let entries = outbox_store.get_all(None, None)?.await?;
        let pending: Vec<(JsValue, Mutation)> = keys
            .into_iter()
            .zip(entries.iter())
            .filter_map(|(key, row)| Some((key, rows::mutation_from_row(row)?)))
            .collect();
        let mut outbox = Outbox::from_parts(
            device.id,
            device.next_seq,
            pending.iter().map(|(_, m)| m.clone()).collect(),
        );
        let result = match outbox.acknowledge(up_to) {
            Ok(_) => {
                let mut dropped = 0;
                for (key, mutation) in &pending {
                    // Entries in local scopes were not sent, whatever their number.
                    if mutation.seq <= up_to && !is_local_scope(&mutation.scope) {
                        outbox_store.delete(Query::from(key.clone()))?.await?;
                        dropped += 1;
                    }
                }
                Acknowledged::Dropped(dropped)
            }
            Err(OutboxError::AckBeyondSent { acknowledged, .. }) => {
                outbox.renumber_after(acknowledged);
                outbox_store.clear()?.await?;
                for mutation in outbox.pending() {
                    outbox_store.add(&rows::outbox_row(mutation), None)?.await?;
                }
                device.next_seq = outbox.next_seq();
                meta.put(&rows::device_row(&device), None)?.await?;
                Acknowledged::Renumbered
            }
        };
        commit(tx, "clearing sent changes").await?;
        Ok(result)
    }

    /// Merges every record of a pulled page into the store and stores the page's cursor, in
    /// one transaction: a page is applied whole with its cursor, or not at all.
    pub async fn apply_page(&self, page: &PullPage) -> Result<PageApplied, StoreError> {
        let tx = self.db.transaction(&[RECORDS, META], TransactionMode::ReadWrite)?;
        let records = tx.object_store(RECORDS)?;
        let meta = tx.object_store(META)?;
        let mut applied = PageApplied::default();
        let mut device = load_device(&meta).await?;
        let mut clock = match device.latest {
            Some(latest) => Hlc::resume(device.id, latest),
            None => Hlc::new(device.id),
        };
        for pulled in &page.changes {
            let row = records
                .get(Query::from(JsValue::from_str(&pulled.record.id().to_string())))?
                .await?;
            let stored: Option<Record> = row.as_ref().and_then(rows::record_from_row);
            match merge_pulled(stored.as_ref(), &pulled.record) {
                Ok(merged) if merged.changed => {
                    records.put(&rows::record_row(&merged.record), None)?.await?;
                    applied.changed += 1;
                }
                Ok(_) => {}
                Err(err) => applied.refused.push(err.to_string()),
            }
            if let Some(stamp) = pulled.record.max_stamp() {
                clock.witness(&stamp);
            }
        }
        // Later local edits are stamped after everything seen here.
        device.latest = Some(clock.latest());
        meta.put(&rows::device_row(&device), None)?.await?;
        let key = rows::cursor_key(&page.scope);
        meta.put(&rows::cursor_row(&key, page.next_cursor.0), None)?.await?;
        commit(tx, "saving pulled records").await?;
        Ok(applied)
    }

    /// How many outbox entries a push would send (those in local scopes wait for adoption).
    pub async fn pushable_count(&self) -> Result<u32, StoreError> {
        let tx = self.db.transaction(&[OUTBOX], TransactionMode::ReadOnly)?;
        let entries = tx.object_store(OUTBOX)?.get_all(None, None)?.await?;
        Ok(entries.iter().filter(|row| !rows::outbox_row_is_local(row)).count() as u32)
    }

    /// Where the last applied pull of `scope` ended ([`Cursor::START`] if never).
    pub async fn cursor(&self, scope: &Scope) -> Result<Cursor, StoreError> {
        let tx = self.db.transaction(&[META], TransactionMode::ReadOnly)?;
        let row = tx
            .object_store(META)?
            .get(Query::from(JsValue::from_str(&rows::cursor_key(scope))))?
            .await?;
        Ok(Cursor(row.as_ref().and_then(rows::cursor_from_row).unwrap_or(0)))
    }
}

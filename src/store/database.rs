//! The IndexedDB database: its name, schema versions and upgrades, and the transactions the store runs.

use benchmate_core::record::{
    Attachment, Backup, ContentHash, EditContext, Hlc, ImportReport, LocalData, Record, RecordId,
};
use benchmate_core::sync::Mutation;
use idb::{Factory, KeyPath, ObjectStoreParams, Query, TransactionMode, TransactionResult};
use wasm_bindgen::JsValue;

use super::device::{now_millis, DeviceState};
use super::rows;
use super::{Edit, StoreError};

pub const NAME: &str = "benchmate";
/// The schema version this build writes. Raise it with a new step in `upgrade`.
pub const VERSION: u32 = 2;

pub const RECORDS: &str = "records";
pub const OUTBOX: &str = "outbox";
pub const META: &str = "meta";
pub const ATTACHMENTS: &str = "attachments";

pub struct Database {
    pub(super) db: idb::Database,
}

impl Database {
    /// Opens `name` at `version`, running the upgrade steps from whatever version is on disk.
    pub async fn open(name: &str, version: u32) -> Result<Database, StoreError> {
        let factory = Factory::new().map_err(|err| StoreError::Unavailable(err.to_string()))?;
        let mut request = factory
            .open(name, Some(version))
            .map_err(|err| StoreError::Unavailable(err.to_string()))?;
        request.on_upgrade_needed(move |event| {
            use idb::{DatabaseEvent, Event, Request};
            let old = event.old_version().unwrap_or(0);
            let (Ok(db), Ok(target)) = (event.database(), event.target()) else {
                return;
            };
            let Some(tx) = target.transaction() else { return };
            if let Err(err) = upgrade(&db, &tx, old, version) {
                web_sys::console::error_1(&format!("Benchmate: database upgrade failed: {err}").into());
                // Aborting leaves the database at its old version, with everything in it.
                let _ = tx.abort();
            }
        });
        request.on_blocked(|_| super::live::report_blocked());
        let mut db = request.await.map_err(|err| StoreError::Unavailable(err.to_string()))?;
        // A newer version of the app opened in another tab needs this connection closed.
        db.on_version_change(move |_| {
            super::close_for_upgrade();
            super::live::report_newer_version();
        });
        Ok(Database { db })
    }

    /// Reads record `id` and this device's clock, runs `edit`, and stores the record, the
    /// mutation and the advanced clock: all in one transaction, or nothing.
    pub async fn write(&self, id: RecordId, fresh: Option<Record>, edit: Edit<'_>) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(&[RECORDS, OUTBOX, META], TransactionMode::ReadWrite)?;
        let records = tx.object_store(RECORDS)?;
        let outbox = tx.object_store(OUTBOX)?;
        let meta = tx.object_store(META)?;
        let mut record = match fresh {
            Some(record) => record,
            None => {
                let row = records.get(Query::from(JsValue::from_str(&id.to_string())))?.await?;
                row.as_ref()
                    .and_then(rows::record_from_row)
                    .ok_or(StoreError::NotFound(id))?
            }
        };
        let stored = meta.get(Query::from(JsValue::from_str(rows::DEVICE_KEY)))?.await?;
        let mut device = match stored.as_ref().and_then(rows::device_from_row) {
            Some(device) => device,
            None => DeviceState::new()?,
        };
        let mut clock = match device.latest {
            Some(latest) => Hlc::resume(device.id, latest),
            None => Hlc::new(device.id),
        };
        let edited = {
            let mut ctx = EditContext {
                clock: &mut clock,
                now_millis: now_millis(),
                author: device.author(),
            };
            edit(&mut record, &mut ctx)
        };
        let changes = match edited {
            Ok(changes) => changes,
            Err(err) => {
                let _ = tx.abort();
                return Err(err);
            }
        };
        if changes.is_empty() {
            let _ = tx.abort();
            return Ok(());
        }
        device.latest = Some(clock.latest());
        let mutation = Mutation::new(device.id, device.next_seq, &record, changes);
        device.next_seq += 1;
        records.put(&rows::record_row(&record), None)?.await?;
        outbox.add(&rows::outbox_row(&mutation), None)?.await?;
        meta.put(&rows::device_row(&device), None)?.await?;
        match tx.commit()?.await? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(StoreError::Browser("the save was interrupted".into())),
        }
    }

    pub async fn get_record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        let tx = self.db.transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let row = tx
            .object_store(RECORDS)?
            .get(Query::from(JsValue::from_str(&id.to_string())))?
            .await?;
        Ok(row.as_ref().and_then(rows::record_from_row))
    }

    /// Every record of one kind, deleted ones included, in id (so creation-time) order.
    pub async fn records_of_kind(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        let tx = self.db.transaction(&[RECORDS], TransactionMode::ReadOnly)?;
        let index = tx.object_store(RECORDS)?.index("kind")?;
        let rows = index.get_all(Some(Query::from(JsValue::from_str(kind))), None)?.await?;
        Ok(rows.iter().filter_map(rows::record_from_row).collect())
    }

    /// Everything on this device, for "Export everything".
    pub async fn local_data(&self) -> Result<LocalData, StoreError> {
        let tx = self
            .db
            .transaction(&[RECORDS, ATTACHMENTS], TransactionMode::ReadOnly)?;
        let rows = tx.object_store(RECORDS)?.get_all(None, None)?.await?;
        let attachment_rows = tx.object_store(ATTACHMENTS)?.get_all(None, None)?.await?;
        let mut data = LocalData::default();
        for record in rows.iter().filter_map(rows::record_from_row) {
            data.records.insert(record.id(), record);
        }
        for attachment in attachment_rows.iter().filter_map(rows::attachment_from_row) {
            data.attachments.insert(attachment.hash(), attachment);
        }
        Ok(data)
    }

    /// Merges a backup into the store in one transaction: all of it, or (on any error) none.
    pub async fn import(&self, backup: &Backup) -> Result<ImportReport, StoreError> {
        let tx = self
            .db
            .transaction(&[RECORDS, ATTACHMENTS], TransactionMode::ReadWrite)?;
        let records = tx.object_store(RECORDS)?;
        let attachments = tx.object_store(ATTACHMENTS)?;
        let mut local = LocalData::default();
        for incoming in &backup.records {
            let row = records
                .get(Query::from(JsValue::from_str(&incoming.id().to_string())))?
                .await?;
            if let Some(existing) = row.as_ref().and_then(rows::record_from_row) {
                local.records.insert(existing.id(), existing);
            }
        }
        let before = local.clone();
        let report = match backup.import_into(&mut local) {
            Ok(report) => report,
            Err(err) => {
                let _ = tx.abort();
                return Err(StoreError::BadBackup(err.to_string()));
            }
        };
        for (id, record) in &local.records {
            if before.records.get(id) != Some(record) {
                records.put(&rows::record_row(record), None)?.await?;
            }
        }
        for attachment in local.attachments.values() {
            attachments.put(&rows::attachment_row(attachment), None)?.await?;
        }
        match tx.commit()?.await? {
            TransactionResult::Committed => Ok(report),
            TransactionResult::Aborted => Err(StoreError::Browser(
                "the import was interrupted; nothing was changed".into(),
            )),
        }
    }

    /// Stores a file by its content hash, in one transaction. Storing the same bytes again
    /// changes nothing, since the key is the hash of the bytes.
    pub async fn put_attachment(&self, attachment: &Attachment) -> Result<(), StoreError> {
        let tx = self.db.transaction(&[ATTACHMENTS], TransactionMode::ReadWrite)?;
        tx.object_store(ATTACHMENTS)?
            .put(&rows::attachment_row(attachment), None)?
            .await?;
        match tx.commit()?.await? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(StoreError::Browser("the save was interrupted".into())),
        }
    }

    pub async fn get_attachment(&self, hash: ContentHash) -> Result<Option<Attachment>, StoreError> {
        let tx = self.db.transaction(&[ATTACHMENTS], TransactionMode::ReadOnly)?;
        let row = tx
            .object_store(ATTACHMENTS)?
            .get(Query::from(JsValue::from_str(&hash.to_string())))?
            .await?;
        Ok(row.as_ref().and_then(rows::attachment_from_row))
    }

    pub async fn outbox_len(&self) -> Result<u32, StoreError> {
        let tx = self.db.transaction(&[OUTBOX], TransactionMode::ReadOnly)?;
        Ok(tx.object_store(OUTBOX)?.count(None)?.await?)
    }

    pub fn close(&self) {
        self.db.close();
    }
}

/// The schema, one step per version, so any older database is brought up to date in order.
fn upgrade(db: &idb::Database, tx: &idb::Transaction, old: u32, new: u32) -> Result<(), idb::Error> {
    if old < 1 && new >= 1 {
        // Version 1: records by id (indexed by kind), the outbox in write order, and this
        // device's identity, sequence counter and clock.
        let mut by_id = ObjectStoreParams::new();
        by_id.key_path(Some(KeyPath::new_single("id")));
        let records = db.create_object_store(RECORDS, by_id)?;
        records.create_index("kind", KeyPath::new_single("kind"), None)?;
        let mut in_order = ObjectStoreParams::new();
        in_order.auto_increment(true);
        db.create_object_store(OUTBOX, in_order)?;
        let mut by_key = ObjectStoreParams::new();
        by_key.key_path(Some(KeyPath::new_single("key")));
        db.create_object_store(META, by_key)?;
    }
    if old < 2 && new >= 2 {
        // Version 2: records indexed by scope (what sync pushes and pulls), and attachments
        // (certificate photos and PDFs) by content hash.
        tx.object_store(RECORDS)?
            .create_index("scope", KeyPath::new_single("scope"), None)?;
        let mut by_hash = ObjectStoreParams::new();
        by_hash.key_path(Some(KeyPath::new_single("hash")));
        db.create_object_store(ATTACHMENTS, by_hash)?;
    }
    Ok(())
}

//! The local record store: every record of every feature, in IndexedDB, on this device.
//!
//! Features never write storage code: they declare a body type (`RecordBody` in core) and
//! call `create`, `update`, `delete`, `get` and `list` here. A write runs as one IndexedDB
//! transaction that reads the record and this device's clock, applies the edit (core's
//! `Record` API), and stores the record, its outbox entry (the mutation sync will push) and
//! the advanced clock together; the future resolves only after the transaction committed, so
//! "saved" on screen means saved on disk. Doing the edit inside the transaction also keeps
//! two tabs of the app from handing out the same sequence number or clock stamp.
//!
//! Every write bumps `revision()`, here and in other tabs, so live lists refresh by themselves.

mod database;
mod device;
mod error;
mod exchange;
mod live;
mod rows;

pub use database::VERSION as SCHEMA_VERSION;
pub use device::{lab_scope, personal_scope, set_account_scopes};
pub use error::StoreError;
pub use exchange::{Acknowledged, PageApplied};
pub(crate) use live::page_lifetime;
pub use live::revision;
pub use live::{health, StoreHealth};
pub mod persistence;

use std::cell::RefCell;
use std::rc::Rc;

use benchmate_core::record::{
    Attachment, Backup, Change, ContentHash, DeviceId, EditContext, ImportReport, Record, RecordBody, RecordId, Scope,
    UserId,
};
use benchmate_core::sync::{Adoption, Cursor, Mutation, PullPage};

use database::Database;

/// The open store, shared by every screen of the page (`Store::open` opens it once).
pub struct Store {
    db: Database,
}

thread_local! {
    static OPEN: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
}

/// An edit of a record, run inside the write transaction.
type Edit<'a> = Box<dyn FnOnce(&mut Record, &mut EditContext<'_>) -> Result<Vec<Change>, StoreError> + 'a>;

/// Closes this page's connection so a newer version of the app (another tab) can upgrade.
fn close_for_upgrade() {
    if let Some(store) = OPEN.with(|open| open.borrow_mut().take()) {
        store.db.close();
    }
}

impl Store {
    /// Opens the store once per page and returns it.
    pub async fn open() -> Result<Rc<Store>, StoreError> {
        if let Some(store) = OPEN.with(|open| open.borrow().clone()) {
            return Ok(store);
        }
        let store = Rc::new(Store::open_named(database::NAME, database::VERSION).await?);
        OPEN.with(|open| *open.borrow_mut() = Some(store.clone()));
        live::listen_to_other_tabs();
        Ok(store)
    }

    /// Opens a database by name at a schema version, apart from the page's shared store: for
    /// tests (an old schema, a second device) and tools.
    pub async fn open_named(name: &str, version: u32) -> Result<Store, StoreError> {
        Ok(Store {
            db: Database::open(name, version).await?,
        })
    }

    /// Saves a new record of `T`'s kind and returns its id.
    pub async fn create<T: RecordBody>(&self, scope: Scope, body: &T) -> Result<RecordId, StoreError> {
        let kind = T::kind().map_err(|err| StoreError::Invalid(err.to_string()))?;
        let id = device::new_record_id()?;
        let fresh = Record::new(id, kind, scope);
        self.db
            .write(id, Some(fresh), Box::new(|record, ctx| Ok(record.set_body(ctx, body)?)))
            .await?;
        live::announce_write();
        Ok(id)
    }

    /// Saves `body` as the new state of record `id`: only changed fields get new versions.
    pub async fn update<T: RecordBody>(&self, id: RecordId, body: &T) -> Result<(), StoreError> {
        self.edit(id, Box::new(|record, ctx| Ok(record.set_body(ctx, body)?)))
            .await
    }

    /// Marks record `id` deleted: a tombstone, so the deletion syncs and can be undone.
    pub async fn delete(&self, id: RecordId) -> Result<(), StoreError> {
        self.edit(id, Box::new(|record, ctx| Ok(record.delete(ctx).into_iter().collect())))
            .await
    }

    /// Runs any edit of core's `Record` API (restore an earlier value, settle a conflict, ...).
    pub async fn edit(&self, id: RecordId, edit: Edit<'_>) -> Result<(), StoreError> {
        self.db.write(id, None, edit).await?;
        live::announce_write();
        Ok(())
    }

    /// The record with this id, deleted or not.
    pub async fn get(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        self.db.get_record(id).await
    }

    /// Every record of `T`'s kind that is not deleted, with its typed body, oldest first.
    pub async fn list<T: RecordBody>(&self) -> Result<Vec<(Record, T)>, StoreError> {
        let kind = T::kind().map_err(|err| StoreError::Invalid(err.to_string()))?;
        let records = self.db.records_of_kind(kind.as_str()).await?;
        // A record this version cannot read (written by a newer app) is skipped, not fatal.
        Ok(records
            .into_iter()
            .filter(|record| !record.is_deleted())
            .filter_map(|record| record.body::<T>().ok().map(|body| (record, body)))
            .collect())
    }

    /// Every record on this device, deleted ones included.
    pub async fn all_records(&self) -> Result<Vec<Record>, StoreError> {
        Ok(self.db.local_data().await?.records.into_values().collect())
    }

    /// Closes the connection (tests use it to reopen a database at another version).
    pub fn close(&self) {
        self.db.close();
    }

    /// "Export everything": every record and attachment as one versioned JSON file.
    pub async fn export_json(&self) -> Result<String, StoreError> {
        let data = self.db.local_data().await?;
        let now = chrono::DateTime::from_timestamp_millis(device::now_millis() as i64).unwrap_or_default();
        Ok(Backup::export(&data, now).to_json())
    }

    /// "Import": merges a backup file with the same merge as sync, so importing a file twice
    /// changes nothing and an older backup never overwrites newer data. A damaged file is
    /// refused whole, with the reason, and nothing stored is touched.
    pub async fn import_json(&self, text: &str) -> Result<ImportReport, StoreError> {
        let backup = Backup::from_json(text).map_err(|err| StoreError::BadBackup(err.to_string()))?;
        let report = self.db.import(&backup).await?;
        live::announce_write();
        Ok(report)
    }

    /// Stores a file (a certificate photo, a PDF) by its content hash; records refer to it by
    /// that hash. Resolves once the transaction committed. It does not bump `revision()`: a
    /// file alone changes no record, and the record that refers to it announces its own write
    /// (so a form being filled in is not reloaded under the user's fingers).
    pub async fn put_attachment(&self, attachment: &Attachment) -> Result<ContentHash, StoreError> {
        self.db.put_attachment(attachment).await?;
        Ok(attachment.hash())
    }

    /// The stored file with this content hash, if this device has it.
    pub async fn get_attachment(&self, hash: ContentHash) -> Result<Option<Attachment>, StoreError> {
        self.db.get_attachment(hash).await
    }

    /// How many changes wait in the outbox for the next sync.
    pub async fn pending_changes(&self) -> Result<u32, StoreError> {
        self.db.outbox_len().await
    }

    /// Signing in: moves the records made with no account (and their outbox entries) into
    /// the account's scopes, and names `user` as the author of later writes (`None` when
    /// signing out). One transaction; returns how many records moved.
    pub async fn adopt(&self, adoption: &Adoption, user: Option<&UserId>) -> Result<usize, StoreError> {
        let moved = self.db.adopt(adoption, user).await?;
        if moved > 0 {
            live::announce_write();
        }
        Ok(moved)
    }

    /// The oldest `max` changes waiting to be pushed, and this device's id.
    pub async fn outbox_batch(&self, max: u32) -> Result<(DeviceId, Vec<Mutation>), StoreError> {
        self.db.outbox_batch(max).await
    }

    /// Drops the outbox entries the server has acknowledged, up to seq `up_to`.
    pub async fn acknowledge(&self, up_to: u64) -> Result<Acknowledged, StoreError> {
        self.db.acknowledge(up_to).await
    }

    /// Merges a pulled page into the store and stores its cursor, in one transaction.
    /// Bumps `revision()` when a record changed, so open lists show it.
    pub async fn apply_page(&self, page: &PullPage) -> Result<PageApplied, StoreError> {
        let applied = self.db.apply_page(page).await?;
        if applied.changed > 0 {
            live::announce_write();
        }
        Ok(applied)
    }

    /// How many changes the next sync would send: the outbox, less the changes that wait in
    /// local scopes until their records are adopted (a lab record while no lab is followed).
    pub async fn pushable_changes(&self) -> Result<u32, StoreError> {
        self.db.pushable_count().await
    }

    /// Where the next pull of `scope` starts.
    pub async fn cursor(&self, scope: &Scope) -> Result<Cursor, StoreError> {
        self.db.cursor(scope).await
    }
}

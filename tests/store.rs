//! Browser tests of the local store against the real IndexedDB of headless Chromium.
#![cfg(target_arch = "wasm32")]

use benchmate_app::store::{personal_scope, Store, SCHEMA_VERSION};
use benchmate_core::record::RecordBody;
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Note {
    title: String,
    hours: f64,
}

impl RecordBody for Note {
    const KIND: &'static str = "test_note";
}

fn note(title: &str, hours: f64) -> Note {
    Note {
        title: title.into(),
        hours,
    }
}

/// A database of its own for each test, so tests never see each other's records.
async fn fresh(name: &str) -> Store {
    let factory = idb::Factory::new().unwrap();
    let _ = factory.delete(name).unwrap().await;
    Store::open_named(name, SCHEMA_VERSION).await.unwrap()
}

#[wasm_bindgen_test]
async fn create_update_delete_and_the_outbox() {
    let store = fresh("test-crud").await;
    let id = store.create(personal_scope(), &note("Safety", 1.0)).await.unwrap();
    let other = store.create(personal_scope(), &note("Ethics", 2.0)).await.unwrap();
    assert_eq!(
        store.get(id).await.unwrap().unwrap().body::<Note>().unwrap(),
        note("Safety", 1.0)
    );
    assert_eq!(
        store.pending_changes().await.unwrap(),
        2,
        "each write leaves one outbox entry"
    );

    store.update(id, &note("Lab safety", 1.0)).await.unwrap();
    let record = store.get(id).await.unwrap().unwrap();
    assert_eq!(record.body::<Note>().unwrap().title, "Lab safety");
    assert_eq!(
        record.field_history("title").len(),
        2,
        "the old title stays in the history"
    );

    // Saving the same body again changes nothing and sends nothing.
    store.update(id, &note("Lab safety", 1.0)).await.unwrap();
    assert_eq!(store.pending_changes().await.unwrap(), 3);

    store.delete(other).await.unwrap();
    let listed: Vec<Note> = store
        .list::<Note>()
        .await
        .unwrap()
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(listed, vec![note("Lab safety", 1.0)]);
    assert!(
        store.get(other).await.unwrap().unwrap().is_deleted(),
        "a delete is a tombstone"
    );
}

#[wasm_bindgen_test]
async fn a_database_of_the_previous_schema_upgrades_without_loss() {
    let name = "test-upgrade";
    let factory = idb::Factory::new().unwrap();
    let _ = factory.delete(name).unwrap().await;
    let old = Store::open_named(name, SCHEMA_VERSION - 1).await.unwrap();
    let id = old
        .create(personal_scope(), &note("Written by the old schema", 3.0))
        .await
        .unwrap();
    old.close();

    let new = Store::open_named(name, SCHEMA_VERSION).await.unwrap();
    let kept = new.get(id).await.unwrap().expect("the record survives the upgrade");
    assert_eq!(kept.body::<Note>().unwrap(), note("Written by the old schema", 3.0));
    assert_eq!(new.pending_changes().await.unwrap(), 1, "the outbox survives too");
    // The new schema's stores work: an export includes the attachments store.
    assert!(new.export_json().await.unwrap().contains("\"attachments\""));
}

#[wasm_bindgen_test]
async fn export_then_import_into_an_empty_store_gives_identical_records() {
    let source = fresh("test-export").await;
    let a = source.create(personal_scope(), &note("One", 1.0)).await.unwrap();
    source.create(personal_scope(), &note("Two", 2.5)).await.unwrap();
    source.update(a, &note("One, edited", 1.0)).await.unwrap();
    let backup = source.export_json().await.unwrap();

    let target = fresh("test-import").await;
    let report = target.import_json(&backup).await.unwrap();
    assert_eq!(report.records_added, 2);
    let mut left = source.all_records().await.unwrap();
    let mut right = target.all_records().await.unwrap();
    left.sort_by_key(|r| r.id());
    right.sort_by_key(|r| r.id());
    assert_eq!(left, right);

    let again = target.import_json(&backup).await.unwrap();
    assert_eq!(
        (again.records_added, again.records_updated, again.records_unchanged),
        (0, 0, 2)
    );

    let damaged = target
        .import_json("{\"format\": \"benchmate-backup\", \"records\": [")
        .await;
    assert!(damaged.is_err(), "a damaged file is refused");
    assert_eq!(
        target.all_records().await.unwrap().len(),
        2,
        "and nothing stored is lost"
    );
}

#[wasm_bindgen_test]
async fn an_attachment_is_stored_by_its_hash_and_exported_with_the_records() {
    use benchmate_core::record::{Attachment, ContentHash};
    let store = fresh("test-attachment").await;
    let bytes = vec![0xff, 0xd8, 0xff, 0xe0, 1, 2, 3];
    let attachment = Attachment::new("image/jpeg", bytes.clone());
    let hash = store.put_attachment(&attachment).await.unwrap();
    assert_eq!(hash, ContentHash::of(&bytes), "the key is the SHA-256 of the bytes");
    let back = store.get_attachment(hash).await.unwrap().expect("stored");
    assert_eq!(back.data(), &bytes[..]);
    assert_eq!(back.media_type(), "image/jpeg");
    // The same bytes again are the same file: still one attachment.
    store
        .put_attachment(&Attachment::new("image/jpeg", bytes.clone()))
        .await
        .unwrap();
    let other = ContentHash::of(b"not stored");
    assert!(store.get_attachment(other).await.unwrap().is_none());
    let backup = store.export_json().await.unwrap();
    let target = fresh("test-attachment-import").await;
    target.import_json(&backup).await.unwrap();
    assert_eq!(
        target.get_attachment(hash).await.unwrap().expect("imported").data(),
        &bytes[..],
        "a backup carries its attachments"
    );
}

#[wasm_bindgen_test]
async fn live_lists_keep_updating_after_the_first_screen_that_read_them_is_gone() {
    use benchmate_app::store::revision;
    use leptos::prelude::{GetUntracked, Owner};
    // A route reads `revision()` first, then the user leaves it: its owner is disposed.
    let route = Owner::new();
    route.with(|| revision().get_untracked());
    route.cleanup();
    drop(route);
    let store = fresh("test-live").await;
    let before = revision().get_untracked();
    store.create(personal_scope(), &note("Live", 1.0)).await.unwrap();
    assert_eq!(
        revision().get_untracked(),
        before + 1,
        "a write still bumps the revision"
    );
}

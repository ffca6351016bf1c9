//! Browser tests of the store's sync steps against the real IndexedDB of headless Chromium:
//! adopting local records at sign-in, reading and acknowledging the outbox, and applying a
//! pulled page with its cursor.
#![cfg(target_arch = "wasm32")]

use benchmate_app::store::{
    lab_scope, personal_scope, revision, set_account_scopes, Acknowledged, Store, SCHEMA_VERSION,
};
use benchmate_core::record::{RecordBody, Scope, UserId};
use benchmate_core::sync::{Adoption, Cursor, PullPage, PulledRecord};
use leptos::prelude::GetUntracked;
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Note {
    title: String,
}

impl RecordBody for Note {
    const KIND: &'static str = "test_sync_note";
}

fn note(title: &str) -> Note {
    Note { title: title.into() }
}

fn scope(text: &str) -> Scope {
    text.parse().unwrap()
}

async fn fresh(name: &str) -> Store {
    let factory = idb::Factory::new().unwrap();
    let _ = factory.delete(name).unwrap().await;
    Store::open_named(name, SCHEMA_VERSION).await.unwrap()
}

#[wasm_bindgen_test]
async fn signing_in_adopts_local_records_with_their_outbox_entries() {
    set_account_scopes(None, None);
    let store = fresh("test-sync-adopt").await;
    assert_eq!(
        (personal_scope(), lab_scope()),
        (scope("personal:local"), scope("lab:local"))
    );
    let mine = store.create(personal_scope(), &note("CE course")).await.unwrap();
    let lab = store.create(lab_scope(), &note("Reagent lot")).await.unwrap();
    let user = UserId::new("u-1").unwrap();

    // Signed in, following no lab: only the personal record moves.
    let signed_in = Adoption {
        personal: scope("personal:u-1"),
        lab: None,
    };
    assert_eq!(store.adopt(&signed_in, Some(&user)).await.unwrap(), 1);
    assert_eq!(store.get(mine).await.unwrap().unwrap().scope(), &scope("personal:u-1"));
    assert_eq!(store.get(lab).await.unwrap().unwrap().scope(), &scope("lab:local"));
    // Only the adopted entry may be pushed; it was renumbered after the device's last number
    // (a server may have seen later ones), and the lab entry waits on the device.
    let pushable = |batch: Vec<benchmate_core::sync::Mutation>| {
        batch.iter().map(|m| (m.scope.to_string(), m.seq)).collect::<Vec<_>>()
    };
    let (_, batch) = store.outbox_batch(10).await.unwrap();
    assert_eq!(pushable(batch), [("personal:u-1".to_string(), 3)]);
    // Acknowledging past the waiting lab entry's number leaves it in the outbox.
    assert_eq!(store.acknowledge(3).await.unwrap(), Acknowledged::Dropped(1));
    assert_eq!(store.pending_changes().await.unwrap(), 1);
    assert_eq!(
        store.pushable_changes().await.unwrap(),
        0,
        "nothing is shown as waiting to be sent"
    );

    // Following a lab moves the lab record and its entry; adopting again moves nothing more.
    let following = Adoption {
        personal: scope("personal:u-1"),
        lab: Some(scope("lab:l-7")),
    };
    assert_eq!(store.adopt(&following, Some(&user)).await.unwrap(), 1);
    assert_eq!(store.get(lab).await.unwrap().unwrap().scope(), &scope("lab:l-7"));
    assert_eq!(store.adopt(&following, Some(&user)).await.unwrap(), 0);
    let (_, batch) = store.outbox_batch(10).await.unwrap();
    assert_eq!(pushable(batch), [("lab:l-7".to_string(), 4)]);
    assert_eq!(store.pushable_changes().await.unwrap(), 1);

    // New records go to the account's scopes, and writes name the user as author.
    set_account_scopes(Some(scope("personal:u-1")), Some(scope("lab:l-7")));
    let later = store.create(personal_scope(), &note("Ethics")).await.unwrap();
    set_account_scopes(None, None);
    let record = store.get(later).await.unwrap().unwrap();
    assert_eq!(record.scope(), &scope("personal:u-1"));
    let author = record.field("title").unwrap().current().author.clone();
    assert_eq!(author, Some(user));
}

#[wasm_bindgen_test]
async fn the_outbox_is_read_in_batches_and_dropped_when_acknowledged() {
    let store = fresh("test-sync-outbox").await;
    for title in ["one", "two", "three"] {
        store.create(scope("personal:u-1"), &note(title)).await.unwrap();
    }
    let (device, batch) = store.outbox_batch(2).await.unwrap();
    assert_eq!(batch.iter().map(|m| m.seq).collect::<Vec<_>>(), [1, 2]);
    assert!(batch.iter().all(|m| m.device == device));

    let check = |got: Acknowledged, expect: Acknowledged| assert_eq!(got, expect);
    check(store.acknowledge(2).await.unwrap(), Acknowledged::Dropped(2));
    assert_eq!(store.pending_changes().await.unwrap(), 1);
    // A stale or repeated acknowledgement drops nothing more.
    check(store.acknowledge(1).await.unwrap(), Acknowledged::Dropped(0));
    assert_eq!(store.pending_changes().await.unwrap(), 1);
    // The server has seen higher numbers from this device id: renumber after them, keep the change.
    check(store.acknowledge(10).await.unwrap(), Acknowledged::Renumbered);
    let (_, batch) = store.outbox_batch(10).await.unwrap();
    assert_eq!(batch.iter().map(|m| m.seq).collect::<Vec<_>>(), [11]);
    let next = store.create(scope("personal:u-1"), &note("four")).await.unwrap();
    let (_, batch) = store.outbox_batch(10).await.unwrap();
    assert_eq!(
        batch.iter().map(|m| (m.seq, m.record == next)).collect::<Vec<_>>(),
        [(11, false), (12, true)]
    );
}

#[wasm_bindgen_test]
async fn a_pulled_page_is_merged_with_its_cursor_and_shows_conflicts() {
    let here = fresh("test-sync-pull-here").await;
    let there = fresh("test-sync-pull-there").await;
    let shared = scope("lab:l-7");
    let id = there.create(shared.clone(), &note("Lot A1")).await.unwrap();
    let page = |record, seq| PullPage {
        scope: shared.clone(),
        changes: vec![PulledRecord {
            server_seq: seq,
            record,
        }],
        next_cursor: Cursor(seq),
        has_more: false,
    };
    assert_eq!(here.cursor(&shared).await.unwrap(), Cursor::START);

    let before = revision().get_untracked();
    let first = page(there.get(id).await.unwrap().unwrap(), 4);
    let applied = here.apply_page(&first).await.unwrap();
    assert_eq!((applied.changed, applied.refused.len()), (1, 0));
    assert!(revision().get_untracked() > before, "open lists refresh after a pull");
    assert_eq!(here.cursor(&shared).await.unwrap(), Cursor(4));
    assert_eq!(here.list::<Note>().await.unwrap()[0].1, note("Lot A1"));
    assert_eq!(
        here.pending_changes().await.unwrap(),
        0,
        "pulled records are not pushed back"
    );

    // The same page again changes nothing.
    assert_eq!(here.apply_page(&first).await.unwrap().changed, 0);

    // Both devices change the title: the pulled edit meets the local one as a conflict.
    here.update(id, &note("Lot A1 (here)")).await.unwrap();
    there.update(id, &note("Lot A1 (there)")).await.unwrap();
    let second = page(there.get(id).await.unwrap().unwrap(), 9);
    assert_eq!(here.apply_page(&second).await.unwrap().changed, 1);
    assert_eq!(here.cursor(&shared).await.unwrap(), Cursor(9));
    let merged = here.get(id).await.unwrap().unwrap();
    assert_eq!(merged.conflicted_fields(), ["title"]);
    assert_eq!(merged.field_history("title").len(), 3, "no value is lost");

    // A copy in another scope is refused, and the local record is kept as it is.
    let foreign = merged.moved_to_scope(scope("lab:l-8"));
    let refused = here.apply_page(&page(foreign, 10)).await.unwrap();
    assert_eq!((refused.changed, refused.refused.len()), (0, 1));
    assert_eq!(here.get(id).await.unwrap().unwrap(), merged);
}

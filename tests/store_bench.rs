//! The store's benchmark, also run as a correctness test: bulk put of 10,000 records (a backup
//! import, one transaction) and opening the store to render the first page of a 10,000-record
//! list. Timings are printed, never asserted; `cargo xtask bench` runs it optimized.
#![cfg(target_arch = "wasm32")]

use benchmate_app::store::{personal_scope, Store, SCHEMA_VERSION};
use benchmate_core::record::{Backup, EditContext, Hlc, LocalData, Record, RecordBody, RecordId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RECORDS: usize = 10_000;
const PAGE: usize = 50;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    title: String,
    hours: f64,
}

impl RecordBody for Entry {
    const KIND: &'static str = "bench_entry";
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// A backup holding `RECORDS` entries, as another device would export it.
fn backup() -> String {
    let device = benchmate_core::record::DeviceId::from_random_bytes([7; 16]);
    let mut clock = Hlc::new(device);
    let mut data = LocalData::default();
    for n in 0..RECORDS {
        let millis = 1_764_000_000_000 + n as u64;
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&(n as u64).to_le_bytes());
        let id = RecordId::new_v7(millis, random).unwrap();
        let mut ctx = EditContext {
            clock: &mut clock,
            now_millis: millis,
            author: None,
        };
        let body = Entry {
            title: format!("Course {n}"),
            hours: (n % 7) as f64,
        };
        let (record, _) = Record::create(&mut ctx, id, personal_scope(), &body).unwrap();
        data.records.insert(id, record);
    }
    Backup::export(
        &data,
        chrono::DateTime::from_timestamp_millis(1_764_000_000_000).unwrap(),
    )
    .to_json()
}

#[wasm_bindgen_test]
async fn ten_thousand_records() {
    let name = "bench-10k";
    let _ = idb::Factory::new().unwrap().delete(name).unwrap().await;
    let file = backup();

    let store = Store::open_named(name, SCHEMA_VERSION).await.unwrap();
    let started = now();
    let report = store.import_json(&file).await.unwrap();
    let bulk_put = now() - started;
    assert_eq!(report.records_added, RECORDS);
    store.close();

    let started = now();
    let store = Store::open_named(name, SCHEMA_VERSION).await.unwrap();
    let mut entries: Vec<Entry> = store
        .list::<Entry>()
        .await
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let loaded = now() - started;
    assert_eq!(entries.len(), RECORDS);
    entries.truncate(PAGE);
    let first_page = entries.clone();
    leptos::mount::mount_to_body(move || {
        view! {
            <ul id="bench-list">
                <For each=move || first_page.clone() key=|e| e.title.clone() let(entry)>
                    <li>{entry.title}" "{entry.hours}</li>
                </For>
            </ul>
        }
    });
    let rendered = now() - started;
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        document.get_element_by_id("bench-list").unwrap().child_element_count() as usize,
        PAGE
    );

    web_sys::console::log_1(
        &format!(
            "store benchmark: bulk put of {RECORDS} records {bulk_put:.0} ms; open + read {RECORDS} records {loaded:.0} ms; \
             open + read + render the first page of {PAGE} {rendered:.0} ms"
        )
        .into(),
    );
}

//! Browser test of the shared history view: a conflict made by two devices is shown, and the
//! value the user picks is kept; an earlier value can be restored.
#![cfg(target_arch = "wasm32")]

use benchmate_app::records::RecordHistory;
use benchmate_app::store::{personal_scope, Store, SCHEMA_VERSION};
use benchmate_core::record::RecordBody;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Note {
    title: String,
}

impl RecordBody for Note {
    const KIND: &'static str = "test_note";
}

async fn settle() {
    for _ in 0..20 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn button(text: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let buttons = document.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.inner_text().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?} in {}", document.body().unwrap().inner_html()))
}

#[wasm_bindgen_test]
async fn a_conflict_is_shown_and_the_picked_value_kept() {
    // Device A is a database of its own; device B is the page's store, which the view reads.
    let factory = idb::Factory::new().unwrap();
    let _ = factory.delete("history-device-a").unwrap().await;
    let device_a = Store::open_named("history-device-a", SCHEMA_VERSION).await.unwrap();
    let device_b = Store::open().await.unwrap();
    let id = device_a
        .create(personal_scope(), &Note { title: "Draft".into() })
        .await
        .unwrap();
    device_b
        .import_json(&device_a.export_json().await.unwrap())
        .await
        .unwrap();
    // Both devices edit the title offline, then B imports A's backup.
    device_a.update(id, &Note { title: "From A".into() }).await.unwrap();
    device_b.update(id, &Note { title: "From B".into() }).await.unwrap();
    device_b
        .import_json(&device_a.export_json().await.unwrap())
        .await
        .unwrap();
    assert!(device_b.get(id).await.unwrap().unwrap().is_conflicted());

    leptos::mount::mount_to_body(move || view! { <RecordHistory id=id /> });
    settle().await;
    button("Keep \"From A\"").click();
    settle().await;
    let record = device_b.get(id).await.unwrap().unwrap();
    assert!(!record.is_conflicted(), "picking a value settles the conflict");
    assert_eq!(record.body::<Note>().unwrap().title, "From A");

    // Restore the very first value from the history table.
    let restore = {
        let document = web_sys::window().unwrap().document().unwrap();
        let rows = document.query_selector_all("table.history tbody tr").unwrap();
        let draft_row = (0..rows.length())
            .filter_map(|i| rows.item(i))
            .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
            .find(|row| row.inner_text().contains("Draft") && !row.inner_text().contains("From"))
            .expect("the first write is in the history");
        draft_row
            .query_selector("button")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
    };
    restore.click();
    settle().await;
    assert_eq!(
        device_b.get(id).await.unwrap().unwrap().body::<Note>().unwrap().title,
        "Draft"
    );
}

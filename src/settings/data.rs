//! Settings, "Your data": whether the browser keeps the data for good, how much space it
//! uses, and "Export everything" / "Import" of a backup file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::files::download;
use crate::store::persistence::{self, format_bytes};
use crate::store::{revision, Store};

/// The outcome of the last export or import, as shown under the buttons.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Done(String),
    Failed(String),
}

#[component]
pub fn DataCard() -> impl IntoView {
    let status = LocalResource::new(move || {
        revision().track();
        persistence::status()
    });
    let notice = RwSignal::new(None::<Notice>);
    let export = move |_| {
        spawn_local(async move {
            let result = async { Store::open().await?.export_json().await }.await;
            notice.set(Some(match result {
                Ok(json) => match download("benchmate-backup.json", "application/json", &json) {
                    Ok(()) => Notice::Done("Backup saved as benchmate-backup.json.".into()),
                    Err(why) => Notice::Failed(why),
                },
                Err(err) => Notice::Failed(err.to_string()),
            }));
        })
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let text = match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                Some(text) => text,
                None => return notice.set(Some(Notice::Failed("The file could not be read.".into()))),
            };
            let result = async { Store::open().await?.import_json(&text).await }.await;
            notice.set(Some(match result {
                Ok(report) => Notice::Done(format!(
                    "Imported: {} new, {} updated, {} already here{}.",
                    report.records_added,
                    report.records_updated,
                    report.records_unchanged,
                    if report.conflicted.is_empty() {
                        String::new()
                    } else {
                        format!("; {} to review for conflicting edits", report.conflicted.len())
                    }
                )),
                Err(err) => Notice::Failed(format!("Nothing was imported. {err}")),
            }));
        })
    };
    view! {
        <h2>"Your data"</h2>
        <div class="card" id="your-data">
            <Suspense fallback=|| view! { <p class="muted">"Checking storage..."</p> }>
                {move || status.get().map(|s| {
                    let kept = match s.persisted {
                        Some(true) => "The browser keeps Benchmate's data even when space runs low.",
                        Some(false) => "The browser may clear Benchmate's data when space runs low: export a backup now and then, or install the app.",
                        None => "This browser does not say whether it keeps Benchmate's data.",
                    };
                    let space = match (s.used_bytes, s.quota_bytes) {
                        (Some(used), Some(quota)) => format!("{} used of {} available.", format_bytes(used), format_bytes(quota)),
                        _ => "Space used: unknown.".to_string(),
                    };
                    view! { <p id="storage-persisted">{kept}</p> <p id="storage-space">{space}</p> }
                })}
            </Suspense>
            <div class="toolbar">
                <button class="button" on:click=export>"Export everything"</button>
                <label class="button secondary" for="import-file">"Import a backup"</label>
                <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" on:change=import />
            </div>
            <p class="hint">"Import merges a backup with what is here: nothing newer is overwritten, and importing the same file twice changes nothing."</p>
            {move || notice.get().map(|n| match n {
                Notice::Done(text) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
                Notice::Failed(text) => view! { <p class="notice danger" role="alert">{text}</p> }.into_any(),
            })}
        </div>
    }
}

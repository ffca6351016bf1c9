//! Deleting a portfolio record (a CE entry, a credential, an item) and undoing it. A delete is
//! a tombstone in the store, so it syncs and keeps every field; "Undo delete" brings the
//! record back as it was. Deleting asks once more before it happens.

use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::{Store, StoreError};

/// Deletes record `id`, or undeletes it when `undo` is set.
async fn set_deleted(id: RecordId, undo: bool) -> Result<(), StoreError> {
    let store = Store::open().await?;
    if undo {
        store
            .edit(
                id,
                Box::new(|record, ctx| Ok(record.undelete(ctx).into_iter().collect())),
            )
            .await
    } else {
        store.delete(id).await
    }
}

/// The delete button with its confirmation, or (for a deleted record) the notice and "Undo
/// delete". `noun` names the record in the text ("credential", "item").
#[component]
pub fn DeleteRecord(id: RecordId, deleted: bool, noun: &'static str) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let run = move |undo: bool| {
        spawn_local(async move {
            match set_deleted(id, undo).await {
                Ok(()) => {
                    confirming.set(false);
                    problem.set(None);
                }
                Err(err) => problem.set(Some(format!("Nothing was changed: {err}"))),
            }
        });
    };
    let controls = if deleted {
        view! {
            <p class="notice warn" role="status">{format!("This {noun} was deleted.")}</p>
            <button type="button" class="button secondary" on:click=move |_| run(true)>"Undo delete"</button>
        }
        .into_any()
    } else {
        view! {
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(true)>
                        {format!("Delete this {noun}")}
                    </button>
                }
            >
                <p role="alert">{format!("Delete this {noun}? You can undo it from this page.")}</p>
                <button type="button" class="button danger" on:click=move |_| run(false)>"Yes, delete"</button>
                <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>"Keep it"</button>
            </Show>
        }
        .into_any()
    };
    view! {
        <div class="toolbar delete-record">
            {controls}
            {move || problem.get().map(|why| view! { <p class="notice danger" role="alert">{why}</p> })}
        </div>
    }
}

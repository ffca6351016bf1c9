//! The portfolio items page (competencies signed off, training given and received, rotations,
//! quality-improvement projects, publications and presentations): the form for a new item,
//! or with `?edit=ID` the chosen item's form, delete and history; then the list.

use benchmate_core::portfolio::PortfolioItem;
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::delete::DeleteRecord;
use super::item_card::ItemCard;
use super::item_form::ItemForm;
use super::{load_record, parse_id, show_notice, Notice, PortfolioData};
use crate::records::RecordHistory;
use crate::store::revision;

/// The item being edited, deleted or not, read afresh after every write.
#[component]
fn EditItem(id: RecordId, notice: Notice) -> impl IntoView {
    let loaded = LocalResource::new(move || {
        revision().track();
        load_record::<PortfolioItem>(Some(id))
    });
    view! {
        <Suspense fallback=|| view! { <p class="hint">"Loading..."</p> }>
            {move || loaded.get().map(|result| match result {
                Ok(Some((record, item))) => view! {
                    <h2>{format!("Editing: {}", item.headline())}</h2>
                    <DeleteRecord id=record.id() deleted=record.is_deleted() noun="item" />
                    <ItemForm editing=Some((record.id(), item)) notice=notice />
                    <RecordHistory id=record.id() />
                }.into_any(),
                Ok(None) => view! { <p class="notice warn">"This item is not on this device."</p> }.into_any(),
                Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
            })}
        </Suspense>
        <p><A href="/portfolio/items">"Add a new item instead"</A></p>
    }
}

#[component]
pub fn ItemsPage() -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("edit").map(|text| parse_id(&text).ok_or(text))));
    let notice: Notice = RwSignal::new(None);
    // A notice belongs to the item it was about.
    Effect::new(move |_| {
        editing.track();
        notice.set(None);
    });
    let data = LocalResource::new(move || {
        revision().track();
        PortfolioData::load()
    });
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio">"Portfolio"</A></nav>
            <h1>"Competencies, training and more"</h1>
            {show_notice(notice)}
            {move || match editing.get() {
                None => view! { <h2>"Add an item"</h2><ItemForm editing=None notice=notice /> }.into_any(),
                Some(Ok(id)) => view! { <EditItem id=id notice=notice /> }.into_any(),
                Some(Err(text)) => view! {
                    <p class="notice danger" role="alert">{format!("\"{text}\" is not an item's id.")}</p>
                    <p><A href="/portfolio/items">"Add a new item instead"</A></p>
                }.into_any(),
            }}
            <h2>"Your items"</h2>
            <Suspense fallback=|| ()>
                {move || data.get().map(|result| match result {
                    Ok(data) => {
                        let mut items = data.items;
                        items.sort_by_key(|(_, item)| std::cmp::Reverse(item.date));
                        if items.is_empty() {
                            return view! { <p class="hint">"No items yet."</p> }.into_any();
                        }
                        view! {
                            <ul class="entry-list">
                                {items.into_iter().map(|(record, item)| view! {
                                    <ItemCard id=record.id().to_string() item=item />
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                    Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

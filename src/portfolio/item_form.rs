//! The portfolio item form, for a new item or an edited one: the kind, its own fields (core's
//! `ItemKind::labels` says what each means), dates, notes and attachments. Core's
//! `ItemFields::to_item` turns the fields into a checked item.

use benchmate_core::portfolio::{ItemFields, ItemKind, PortfolioItem, PublicationKind};
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::certificate::CertificatePicker;
use super::{parse_date, today, Notice};
use crate::store::{personal_scope, Store};

/// The form's fields as typed, one signal each.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<ItemKind>,
    main: RwSignal<String>,
    second: RwSignal<String>,
    third: RwSignal<String>,
    publication_kind: RwSignal<PublicationKind>,
    date: RwSignal<String>,
    end: RwSignal<String>,
    notes: RwSignal<String>,
    attachments: RwSignal<Vec<benchmate_core::portfolio::AttachmentRef>>,
}

impl Fields {
    fn new(form: ItemFields) -> Fields {
        let date_text = |date: Option<chrono::NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
        Fields {
            kind: RwSignal::new(form.kind),
            main: RwSignal::new(form.main),
            second: RwSignal::new(form.second),
            third: RwSignal::new(form.third),
            publication_kind: RwSignal::new(form.publication_kind),
            date: RwSignal::new(date_text(form.date)),
            end: RwSignal::new(date_text(form.end_date)),
            notes: RwSignal::new(form.notes),
            attachments: RwSignal::new(form.attachments),
        }
    }

    fn form(&self) -> ItemFields {
        ItemFields {
            kind: self.kind.get_untracked(),
            main: self.main.get_untracked(),
            second: self.second.get_untracked(),
            third: self.third.get_untracked(),
            publication_kind: self.publication_kind.get_untracked(),
            date: parse_date(&self.date.get_untracked()),
            end_date: parse_date(&self.end.get_untracked()),
            notes: self.notes.get_untracked(),
            attachments: self.attachments.get_untracked(),
        }
    }

    /// Empties the form after a new item is saved, keeping the kind and date for the next.
    fn clear(&self) {
        for text in [self.main, self.second, self.third, self.end, self.notes] {
            text.set(String::new());
        }
        self.attachments.set(Vec::new());
    }
}

/// The form; `editing` is the item being edited (the outcome then goes to the page's
/// `notice`, since the page re-renders after the save), or `None` for a new one.
#[component]
pub fn ItemForm(editing: Option<(RecordId, PortfolioItem)>, notice: Notice) -> impl IntoView {
    let id = editing.as_ref().map(|(id, _)| *id);
    let fields = Fields::new(match &editing {
        Some((_, item)) => ItemFields::from_item(item),
        None => ItemFields::new(ItemKind::Competency, today()),
    });
    let labels = move || fields.kind.get().labels();
    let working = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let item = match fields.form().to_item(today()) {
            Ok(item) => item,
            Err(problems) => return notice.set(Some(Err(problems.to_string()))),
        };
        working.set(true);
        spawn_local(async move {
            let saved = async {
                let store = Store::open().await?;
                match id {
                    Some(id) => store.update(id, &item).await,
                    None => store.create(personal_scope(), &item).await.map(|_| ()),
                }
            }
            .await;
            working.set(false);
            match saved {
                Ok(()) => {
                    if id.is_none() {
                        fields.clear();
                    }
                    notice.set(Some(Ok("Saved on this device".to_string())));
                }
                Err(err) => notice.set(Some(Err(err.to_string()))),
            }
        });
    };
    view! {
        <form class="card item-form" on:submit=submit novalidate>
            <div class="field">
                <label for="item-kind">"Kind"</label>
                <select id="item-kind" on:change=move |ev| {
                    if let Some(kind) = ItemKind::from_id(&event_target_value(&ev)) {
                        fields.kind.set(kind);
                    }
                }>
                    {ItemKind::ALL.into_iter().map(|kind| view! {
                        <option value=kind.id() selected=move || fields.kind.get() == kind>{kind.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || fields.kind.get() == ItemKind::Publication>
                <div class="field">
                    <label for="item-publication-kind">"Publication kind"</label>
                    <select id="item-publication-kind" on:change=move |ev| {
                        if let Some(kind) = PublicationKind::from_id(&event_target_value(&ev)) {
                            fields.publication_kind.set(kind);
                        }
                    }>
                        {PublicationKind::ALL.into_iter().map(|kind| view! {
                            <option value=kind.id() selected=move || fields.publication_kind.get() == kind>{kind.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <div class="field">
                <label for="item-main">{move || labels().main}</label>
                <input id="item-main" type="text" bind:value=fields.main />
            </div>
            <div class="field">
                <label for="item-second">{move || labels().second}</label>
                <input id="item-second" type="text" bind:value=fields.second />
            </div>
            {move || labels().third.map(|label| view! {
                <div class="field">
                    <label for="item-third">{label}</label>
                    <input id="item-third" type="text" bind:value=fields.third />
                </div>
            })}
            <div class="field">
                <label for="item-date">{move || labels().date}</label>
                <input id="item-date" type="date" bind:value=fields.date />
            </div>
            {move || labels().end_date.map(|label| view! {
                <div class="field">
                    <label for="item-end">{label}</label>
                    <input id="item-end" type="date" bind:value=fields.end />
                </div>
            })}
            <div class="field">
                <label for="item-notes">"Notes"</label>
                <textarea id="item-notes" rows="2" bind:value=fields.notes></textarea>
            </div>
            <CertificatePicker attachments=fields.attachments id="item-attachment" title="Attachments" />
            <div class="toolbar">
                <button class="button" type="submit" disabled=move || working.get()>
                    {if id.is_some() { "Save changes" } else { "Save item" }}
                </button>
            </div>
        </form>
    }
}

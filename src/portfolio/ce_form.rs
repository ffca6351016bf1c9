//! The CE entry form: title, date, amount with its credit type and a category on one screen,
//! the certificate beside them, and the optional fields under "More details". It creates a
//! new entry or saves an edited one.

use benchmate_core::portfolio::category::BUILTIN_CATEGORIES;
use benchmate_core::portfolio::{AttachmentRef, CeEntry, ContentCategory, CreditAmount, CreditType};
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::certificate::CertificatePicker;
use super::{parse_date, today, Notice};
use crate::calculators::parse_number;
use crate::store::{personal_scope, Store};

#[derive(Clone, Debug, PartialEq)]
enum Saving {
    Idle,
    Working,
    Created(RecordId),
    Updated,
    Failed(String),
}

/// The form's fields as typed.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    date: RwSignal<String>,
    amount: RwSignal<String>,
    credit_type: RwSignal<CreditType>,
    category: RwSignal<String>,
    more_categories: RwSignal<String>,
    provider: RwSignal<String>,
    accreditation: RwSignal<String>,
    tracking: RwSignal<String>,
    notes: RwSignal<String>,
    attachments: RwSignal<Vec<AttachmentRef>>,
}

impl Fields {
    fn new(entry: Option<&CeEntry>) -> Fields {
        let text = |value: Option<&String>| value.cloned().unwrap_or_default();
        let (category, more) = match entry {
            Some(entry) => {
                let first = entry.categories.iter().find(|c| c.is_builtin());
                let rest: Vec<&str> = entry
                    .categories
                    .iter()
                    .filter(|c| Some(*c) != first)
                    .map(|c| c.label())
                    .collect();
                (first.map(|c| c.id().to_string()).unwrap_or_default(), rest.join(", "))
            }
            None => (String::new(), String::new()),
        };
        Fields {
            title: RwSignal::new(entry.map(|e| e.title.clone()).unwrap_or_default()),
            date: RwSignal::new(entry.map_or(today(), |e| e.completed_on).to_string()),
            amount: RwSignal::new(entry.map(|e| e.amount.value.to_string()).unwrap_or_default()),
            credit_type: RwSignal::new(entry.map_or(CreditType::PaceContactHour, |e| e.amount.credit_type)),
            category: RwSignal::new(category),
            more_categories: RwSignal::new(more),
            provider: RwSignal::new(text(entry.and_then(|e| e.provider.as_ref()))),
            accreditation: RwSignal::new(text(entry.and_then(|e| e.accreditation.as_ref()))),
            tracking: RwSignal::new(text(entry.and_then(|e| e.tracking_number.as_ref()))),
            notes: RwSignal::new(entry.map(|e| e.notes.clone()).unwrap_or_default()),
            attachments: RwSignal::new(entry.map(|e| e.attachments.clone()).unwrap_or_default()),
        }
    }

    /// The entry the fields describe, checked by core, or every problem in one sentence.
    fn entry(&self) -> Result<CeEntry, String> {
        let date = parse_date(&self.date.get_untracked()).ok_or("Date completed: pick a date.")?;
        let value = parse_number(&self.amount.get_untracked()).ok_or("Amount: enter a number, such as 1.5.")?;
        let mut entry = CeEntry::quick(
            self.title.get_untracked().trim(),
            date,
            CreditAmount::new(value, self.credit_type.get_untracked()),
        );
        let optional =
            |signal: RwSignal<String>| Some(signal.get_untracked().trim().to_string()).filter(|t| !t.is_empty());
        entry.provider = optional(self.provider);
        entry.accreditation = optional(self.accreditation);
        entry.tracking_number = optional(self.tracking);
        entry.notes = self.notes.get_untracked().trim().to_string();
        entry.attachments = self.attachments.get_untracked();
        let mut categories: Vec<ContentCategory> = Vec::new();
        let typed = self.more_categories.get_untracked();
        let picked = self.category.get_untracked();
        for text in std::iter::once(picked.as_str()).chain(typed.split(',')) {
            if text.trim().is_empty() {
                continue;
            }
            let category = ContentCategory::parse(text).map_err(|err| err.to_string())?;
            if !categories.contains(&category) {
                categories.push(category);
            }
        }
        entry.categories = categories;
        entry.validate(today()).map_err(|problems| problems.to_string())?;
        Ok(entry)
    }

    fn clear(&self) {
        self.title.set(String::new());
        self.amount.set(String::new());
        self.category.set(String::new());
        self.more_categories.set(String::new());
        self.provider.set(String::new());
        self.accreditation.set(String::new());
        self.tracking.set(String::new());
        self.notes.set(String::new());
        self.attachments.set(Vec::new());
    }
}

/// The form; `editing` is the entry being edited, or `None` for a new one. When editing, the
/// outcome goes to the page's `notice`, since the page re-renders after the save.
#[component]
pub fn CeForm(editing: Option<(RecordId, CeEntry)>, #[prop(optional)] notice: Option<Notice>) -> impl IntoView {
    let fields = Fields::new(editing.as_ref().map(|(_, entry)| entry));
    let id = editing.map(|(id, _)| id);
    let state = RwSignal::new(Saving::Idle);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entry = match fields.entry() {
            Ok(entry) => entry,
            Err(why) => return state.set(Saving::Failed(why)),
        };
        state.set(Saving::Working);
        spawn_local(async move {
            let saved = async {
                let store = Store::open().await?;
                match id {
                    Some(id) => store.update(id, &entry).await.map(|()| Saving::Updated),
                    None => store.create(personal_scope(), &entry).await.map(Saving::Created),
                }
            }
            .await;
            match saved {
                Ok(Saving::Updated) if notice.is_some() => {
                    state.set(Saving::Idle);
                    if let Some(notice) = notice {
                        notice.set(Some(Ok("Saved on this device".to_string())));
                    }
                }
                Ok(done) => {
                    if matches!(done, Saving::Created(_)) {
                        fields.clear();
                    }
                    state.set(done);
                }
                Err(err) => state.set(Saving::Failed(err.to_string())),
            }
        });
    };
    view! {
        <form class="card ce-form" on:submit=submit novalidate>
            <div class="field">
                <label for="ce-title">"Title"</label>
                <input id="ce-title" type="text" required autocomplete="off" bind:value=fields.title />
            </div>
            <div class="field">
                <label for="ce-date">"Date completed"</label>
                <input id="ce-date" type="date" required bind:value=fields.date />
            </div>
            <div class="field">
                <label for="ce-amount">"Credit"</label>
                <div class="quantity">
                    <input id="ce-amount" type="text" inputmode="decimal" required bind:value=fields.amount />
                    <label for="ce-credit-type" class="visually-hidden">"Credit type"</label>
                    <select
                        id="ce-credit-type"
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            if let Some(t) = CreditType::ALL.into_iter().find(|t| t.id() == id) {
                                fields.credit_type.set(t);
                            }
                        }
                    >
                        {CreditType::ALL.into_iter().map(|t| view! {
                            <option value=t.id() selected=move || fields.credit_type.get() == t>{t.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="ce-category">"Category"</label>
                <select id="ce-category" bind:value=fields.category>
                    <option value="">"(none)"</option>
                    {BUILTIN_CATEGORIES.iter().map(|(id, label)| view! {
                        <option value=*id selected=move || fields.category.get() == *id>{*label}</option>
                    }).collect_view()}
                </select>
            </div>
            <CertificatePicker attachments=fields.attachments />
            <details>
                <summary>"More details (optional)"</summary>
                <div class="field">
                    <label for="ce-more-categories">"More categories"</label>
                    <input id="ce-more-categories" type="text" bind:value=fields.more_categories />
                    <span class="hint">"Separate them with commas; your own names are kept too."</span>
                </div>
                <div class="field">
                    <label for="ce-provider">"Provider"</label>
                    <input id="ce-provider" type="text" bind:value=fields.provider />
                </div>
                <div class="field">
                    <label for="ce-accreditation">"Accreditation or approval body"</label>
                    <input id="ce-accreditation" type="text" bind:value=fields.accreditation />
                </div>
                <div class="field">
                    <label for="ce-tracking">"Tracking or certificate number"</label>
                    <input id="ce-tracking" type="text" bind:value=fields.tracking />
                </div>
                <div class="field">
                    <label for="ce-notes">"Notes"</label>
                    <textarea id="ce-notes" rows="3" bind:value=fields.notes></textarea>
                </div>
            </details>
            <div class="toolbar">
                <button class="button" type="submit" disabled=move || state.get() == Saving::Working>
                    {if id.is_some() { "Save changes" } else { "Save entry" }}
                </button>
                {move || match state.get() {
                    Saving::Created(id) => view! {
                        <span class="notice ok" role="status">
                            "Saved on this device. " <A href=format!("/portfolio/ce/{id}")>"Open the entry"</A>
                        </span>
                    }.into_any(),
                    Saving::Updated => view! { <span class="notice ok" role="status">"Saved on this device"</span> }.into_any(),
                    Saving::Failed(why) => view! { <span class="notice danger" role="alert">{why}</span> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
        </form>
    }
}

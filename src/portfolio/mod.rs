//! The Portfolio section: CE entries (quick entry, list, each entry's page with its history),
//! credentials with their progress and their own edit pages, certificates, transcripts and
//! CSV exports, and portfolio items with their attachments. The rules and the arithmetic are
//! core's (`benchmate_core::portfolio`); these components load the records, call core, and
//! show the result.

mod ce_form;
mod ce_list;
mod ce_page;
mod certificate;
mod credential_card;
mod credential_form;
mod credential_page;
mod delete;
mod home;
mod image;
mod item_card;
mod item_form;
mod items;
mod progress;
mod transcript;

pub use ce_list::CeListPage;
pub use ce_page::{CeEntryPage, NewCePage};
pub use credential_form::NewCredentialPage;
pub use credential_page::CredentialPage;
pub use home::PortfolioPage;
pub use items::ItemsPage;
pub use transcript::TranscriptPage;

use std::sync::OnceLock;

use benchmate_core::portfolio::{Catalogue, CeEntry, Credential, KeyedEntry, PortfolioItem};
use benchmate_core::record::{Record, RecordId};
use chrono::NaiveDate;

use crate::store::{Store, StoreError};

/// The bundled CE programs, parsed once per page.
pub fn catalogue() -> Result<&'static Catalogue, String> {
    static CATALOGUE: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::bundled().map_err(|err| err.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// Today on this device's calendar (local time): the day the rules count to.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// Reads a date as `<input type=date>` gives it (`2026-11-25`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Reads a record id from a route parameter.
pub fn parse_id(text: &str) -> Option<RecordId> {
    text.parse().ok()
}

/// The record a page shows and its typed body, read again after every write: `id` is the
/// record's id (from the route), `None` when it is not a valid one. `Ok(None)` means the
/// record is not on this device; a deleted record is returned (its page offers the undo).
pub async fn load_record<T: benchmate_core::record::RecordBody>(
    id: Option<RecordId>,
) -> Result<Option<(Record, T)>, StoreError> {
    let Some(id) = id else { return Ok(None) };
    let Some(record) = Store::open().await?.get(id).await? else {
        return Ok(None);
    };
    let body = record.body::<T>().map_err(StoreError::from)?;
    Ok(Some((record, body)))
}

/// Everything the rule engine needs, read from the store in one go.
#[derive(Clone)]
pub struct PortfolioData {
    /// Entries keyed by record id, sorted by completion date, newest first.
    pub entries: Vec<KeyedEntry>,
    pub credentials: Vec<(Record, Credential)>,
    pub items: Vec<(Record, PortfolioItem)>,
}

impl PortfolioData {
    pub async fn load() -> Result<PortfolioData, StoreError> {
        let store = Store::open().await?;
        let mut entries: Vec<KeyedEntry> = store
            .list::<CeEntry>()
            .await?
            .into_iter()
            .map(|(record, entry)| KeyedEntry {
                id: record.id().to_string(),
                entry,
            })
            .collect();
        entries.sort_by_key(|keyed| std::cmp::Reverse(keyed.entry.completed_on));
        Ok(PortfolioData {
            entries,
            credentials: store.list::<Credential>().await?,
            items: store.list::<PortfolioItem>().await?,
        })
    }
}

/// A page's outcome line ("Saved on this device", or the error), kept by the page so that it
/// survives the page re-rendering from the store after the very write it reports.
pub type Notice = leptos::prelude::RwSignal<Option<Result<String, String>>>;

/// Shows a page's notice, if any.
pub fn show_notice(notice: Notice) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    move || {
        notice.get().map(|result| match result {
            Ok(text) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
            Err(why) => view! { <p class="notice danger" role="alert">{why}</p> }.into_any(),
        })
    }
}

/// Human text for a number of days left in a cycle.
pub fn days_left_text(days: i64) -> String {
    match days {
        d if d < 0 => format!("ended {} days ago", -d),
        0 => "last day today".to_string(),
        1 => "1 day left".to_string(),
        d => format!("{d} days left"),
    }
}

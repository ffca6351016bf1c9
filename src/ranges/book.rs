//! The range book the screens read: Benchmate's defaults with the lab's own table from the
//! local store, rebuilt whenever the store changes (here or in another tab).

use std::sync::{Arc, OnceLock};

use benchmate_core::ranges::{load_defaults, Defaults, LabAnalyteRanges, LabTable, RangeBook};
use leptos::prelude::*;

use crate::store::{revision, Store, StoreError};

/// The bundled table, parsed once per page.
fn defaults() -> &'static Defaults {
    static DEFAULTS: OnceLock<Defaults> = OnceLock::new();
    DEFAULTS.get_or_init(load_defaults)
}

/// The book and, when the lab's table could not be read, why (the defaults are still shown).
#[derive(Clone)]
pub struct LoadedBook {
    pub book: Arc<RangeBook>,
    pub lab_error: Option<String>,
}

/// The lab's stored table.
pub async fn lab_table() -> Result<LabTable, StoreError> {
    let bodies: Vec<LabAnalyteRanges> = Store::open()
        .await?
        .list::<LabAnalyteRanges>()
        .await?
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    Ok(LabTable::from_bodies(&bodies))
}

/// A live resource holding the book: the defaults at once, the lab's rows as they are read.
pub fn use_book() -> LocalResource<LoadedBook> {
    LocalResource::new(move || {
        revision().track();
        async move {
            match lab_table().await {
                Ok(table) => LoadedBook {
                    book: Arc::new(RangeBook::new(defaults().clone(), Some(table))),
                    lab_error: None,
                },
                Err(err) => LoadedBook {
                    book: Arc::new(RangeBook::new(defaults().clone(), None)),
                    lab_error: Some(format!(
                        "The lab's own table could not be read ({err}); showing the defaults."
                    )),
                },
            }
        }
    })
}

/// The catalogue of the defaults alone: what an import is checked against.
pub fn default_catalogue() -> &'static benchmate_core::ranges::Catalogue {
    &defaults().catalogue
}

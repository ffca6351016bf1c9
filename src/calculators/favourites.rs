//! Favourite calculators, kept on this device: the handful a tech uses every shift, on top of the list.

use leptos::prelude::*;

const STORAGE_KEY: &str = "benchmate.calculator-favourites";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The favourite calculator ids, saved whenever they change.
pub fn use_favourites() -> RwSignal<Vec<String>> {
    if let Some(favourites) = use_context::<RwSignal<Vec<String>>>() {
        return favourites;
    }
    let saved = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
        .unwrap_or_default();
    let favourites = RwSignal::new(saved);
    Effect::new(move |_| {
        let text = favourites.with(|f| serde_json::to_string(f).unwrap_or_default());
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    });
    provide_context(favourites);
    favourites
}

/// Adds `id` to the favourites, or removes it if it is one.
pub fn toggle(favourites: RwSignal<Vec<String>>, id: &str) {
    favourites.update(|list| match list.iter().position(|f| f == id) {
        Some(at) => {
            list.remove(at);
        }
        None => list.push(id.to_string()),
    });
}

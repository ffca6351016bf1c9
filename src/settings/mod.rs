//! Settings: the preferences every section reads, kept on this device, and the Settings screen.
//!
//! Preferences are a few hundred bytes that must be there synchronously at start-up (the theme
//! is applied before the first paint), so they live in `localStorage`; records go to IndexedDB.

mod data;
mod page;

pub use page::SettingsPage;

use benchmate_core::prefs::{Preferences, Theme};
use leptos::prelude::*;

const STORAGE_KEY: &str = "benchmate.preferences";

/// Loads the preferences, shares them with every component, and saves and applies each change.
pub fn provide_preferences() -> RwSignal<Preferences> {
    let prefs = RwSignal::new(load());
    Effect::new(move |_| {
        prefs.with(|p| {
            save(p);
            apply_theme(p.theme);
        });
    });
    provide_context(prefs);
    prefs
}

/// The preferences provided by `App`.
pub fn use_preferences() -> RwSignal<Preferences> {
    expect_context::<RwSignal<Preferences>>()
}

fn storage() -> Option<web_sys::Storage> {
    // `local_storage` fails in some private modes; the app then runs with defaults.
    web_sys::window()?.local_storage().ok().flatten()
}

fn load() -> Preferences {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|text| Preferences::from_json(&text))
        .unwrap_or_default()
}

fn save(prefs: &Preferences) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &prefs.to_json());
    }
}

/// Sets `data-theme` on `<html>`; without it the CSS follows the system.
fn apply_theme(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
}

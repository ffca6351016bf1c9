//! A banner when the local store cannot be used safely: another tab holds an older version of
//! the database, or a newer version of the app took it over. Saving waits until it is settled.

use leptos::prelude::*;

use crate::store::{health, StoreHealth};

#[component]
pub fn StoreBanner() -> impl IntoView {
    move || {
        let message = match health().get() {
            StoreHealth::Ok => return ().into_any(),
            StoreHealth::Blocked => {
                "Benchmate is open in another tab with an older version. Close that tab (or reload it) so this one can save."
            }
            StoreHealth::NewerVersionOpen => {
                "A newer version of Benchmate was opened in another tab. Reload this tab to keep working: nothing saved is lost."
            }
        };
        view! {
            <div class="notice warn store-banner" role="alert">
                {message}
                " "
                <button class="button secondary" on:click=|_| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                }>"Reload"</button>
            </div>
        }
        .into_any()
    }
}

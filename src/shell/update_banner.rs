//! "A new version is ready": shown when a newer service worker is waiting, instead of running a stale app forever.

use leptos::prelude::*;

use crate::pwa::AppUpdate;

#[component]
pub fn UpdateBanner(update: AppUpdate) -> impl IntoView {
    view! {
        <Show when=move || update.ready.get()>
            <div class="update-banner" role="status">
                <span>"A new version of Benchmate is ready."</span>
                <button class="button" on:click=move |_| update.apply()>"Reload"</button>
            </div>
        </Show>
    }
}

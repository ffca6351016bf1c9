//! The frame around every screen: header, navigation, the update banner, and the not-found page.

mod nav;
mod not_found;
mod store_banner;
mod update_banner;

pub use not_found::NotFound;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::pwa::AppUpdate;
use crate::settings::use_preferences;

#[component]
pub fn Shell(update: AppUpdate, children: Children) -> impl IntoView {
    let prefs = use_preferences();
    let lab_name = move || prefs.with(|p| p.lab_name.clone());
    view! {
        <div class="shell">
            <header class="shell-header">
                <A href="/" attr:class="brand">
                    <img src="/icons/icon-192.png" alt="" width="32" height="32" />
                    "Benchmate"
                </A>
                <span class="lab-name">{lab_name}</span>
                <crate::sync::SyncIndicator />
                // The unit converter is needed mid-task anywhere, so it is one tap from every screen.
                <A href="/convert" attr:class="header-action">
                    <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
                        <path d="M7 7h11l-3-3 1.4-1.4L21.8 8l-5.4 5.4L15 12l3-3H7zm10 10H6l3 3-1.4 1.4L2.2 16l5.4-5.4L9 12l-3 3h11z" />
                    </svg>
                    <span>"Units"</span>
                </A>
            </header>
            <nav::NavBar />
            <main class="content" id="content">
                <store_banner::StoreBanner />
                {children()}
            </main>
            <update_banner::UpdateBanner update=update />
        </div>
    }
}

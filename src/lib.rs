//! The Benchmate app: a Leptos client-side app for the bench, offline first.
//!
//! `App` is the whole app: the router, the shell around every screen, and the app-wide
//! services (preferences, the service worker). Each section lives in its own folder
//! (`calculators/`, `ranges/`, `reagents/`, `portfolio/`, `settings/`) and keeps its logic in
//! `benchmate-core`, so the components here only show state and forward input.

mod calculators;
mod files;
mod home;
mod panic;
mod portfolio;
pub mod pwa;
mod ranges;
mod reagents;
pub mod records;
pub mod settings;
mod shell;
pub mod store;
pub mod sync;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    panic::show_panics_on_the_page();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    settings::provide_preferences();
    let update = pwa::register_service_worker();
    // Open the store early and ask the browser to keep its data: a lab's records must not be
    // evicted when the phone runs low on space. Settings shows whether it agreed.
    leptos::task::spawn_local(async {
        let _ = store::Store::open().await;
        let _ = store::persistence::request_persistence().await;
    });
    sync::start();
    view! {
        <Router>
            <shell::Shell update=update>
                <Routes fallback=shell::NotFound>
                    <Route path=path!("/") view=home::HomePage />
                    <Route path=path!("/calculators") view=calculators::CalculatorsPage />
                    <Route path=path!("/calculators/:id") view=calculators::CalculatorPage />
                    <Route path=path!("/convert") view=calculators::ConverterPage />
                    <Route path=path!("/ranges") view=ranges::RangesPage />
                    <Route path=path!("/ranges/calls") view=ranges::CallsPage />
                    <Route path=path!("/ranges/calls/:id") view=ranges::CallPage />
                    <Route path=path!("/ranges/lab") view=ranges::LabTablePage />
                    <Route path=path!("/ranges/:id") view=ranges::AnalytePage />
                    <Route path=path!("/reagents") view=reagents::ReagentsPage />
                    <Route path=path!("/reagents/receive") view=reagents::ReceivePage />
                    <Route path=path!("/reagents/items/:id") view=reagents::ReagentPage />
                    <Route path=path!("/reagents/lots/:id") view=reagents::LotPage />
                    <Route path=path!("/reagents/lots/:id/verify") view=reagents::VerifyPage />
                    <Route path=path!("/reagents/qc") view=reagents::QcPage />
                    <Route path=path!("/portfolio") view=portfolio::PortfolioPage />
                    <Route path=path!("/portfolio/ce") view=portfolio::CeListPage />
                    <Route path=path!("/portfolio/ce/new") view=portfolio::NewCePage />
                    <Route path=path!("/portfolio/ce/:id") view=portfolio::CeEntryPage />
                    <Route path=path!("/portfolio/credentials/new") view=portfolio::NewCredentialPage />
                    <Route path=path!("/portfolio/credentials/:id") view=portfolio::CredentialPage />
                    <Route path=path!("/portfolio/transcript/:id") view=portfolio::TranscriptPage />
                    <Route path=path!("/portfolio/items") view=portfolio::ItemsPage />
                    <Route path=path!("/settings") view=settings::SettingsPage />
                </Routes>
            </shell::Shell>
        </Router>
    }
}

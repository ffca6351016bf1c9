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
mod sections;
pub mod settings;
mod shell;
pub mod store;
pub mod sync;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};
use sections::*;

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
                    <Route path=path!("/calculators") view={Lazy::<CalculatorsRoute>::new()} />
                    <Route path=path!("/calculators/:id") view={Lazy::<CalculatorRoute>::new()} />
                    <Route path=path!("/convert") view={Lazy::<ConverterRoute>::new()} />
                    <Route path=path!("/ranges") view={Lazy::<RangesRoute>::new()} />
                    <Route path=path!("/ranges/calls") view={Lazy::<CallsRoute>::new()} />
                    <Route path=path!("/ranges/calls/:id") view={Lazy::<CallRoute>::new()} />
                    <Route path=path!("/ranges/lab") view={Lazy::<LabTableRoute>::new()} />
                    <Route path=path!("/ranges/:id") view={Lazy::<AnalyteRoute>::new()} />
                    <Route path=path!("/reagents") view={Lazy::<ReagentsRoute>::new()} />
                    <Route path=path!("/reagents/receive") view={Lazy::<ReceiveRoute>::new()} />
                    <Route path=path!("/reagents/items/:id") view={Lazy::<ReagentRoute>::new()} />
                    <Route path=path!("/reagents/lots/:id") view={Lazy::<LotRoute>::new()} />
                    <Route path=path!("/reagents/lots/:id/verify") view={Lazy::<VerifyRoute>::new()} />
                    <Route path=path!("/reagents/qc") view={Lazy::<QcRoute>::new()} />
                    <Route path=path!("/portfolio") view={Lazy::<PortfolioRoute>::new()} />
                    <Route path=path!("/portfolio/ce") view={Lazy::<CeListRoute>::new()} />
                    <Route path=path!("/portfolio/ce/new") view={Lazy::<NewCeRoute>::new()} />
                    <Route path=path!("/portfolio/ce/:id") view={Lazy::<CeEntryRoute>::new()} />
                    <Route path=path!("/portfolio/credentials/new") view={Lazy::<NewCredentialRoute>::new()} />
                    <Route path=path!("/portfolio/credentials/:id") view={Lazy::<CredentialRoute>::new()} />
                    <Route path=path!("/portfolio/transcript/:id") view={Lazy::<TranscriptRoute>::new()} />
                    <Route path=path!("/portfolio/items") view={Lazy::<ItemsRoute>::new()} />
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                </Routes>
            </shell::Shell>
        </Router>
    }
}

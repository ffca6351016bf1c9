//! The four sections and Settings as lazy routes: with the `split` feature each section's
//! screens are a wasm chunk of their own, downloaded when the section is first opened.
//!
//! A first visit then downloads the shell and the start page only (issue 2's 350 KB budget);
//! the service worker still precaches every chunk, so every section opens offline. The
//! chunks are cut by `cargo xtask` after the build (xtask/src/split.rs). Builds without the
//! feature (the wasm browser tests, `cargo clippy`) call the same functions directly, since
//! nothing there would serve the chunks.
//!
//! One lazy function per section, taking the screen to show, keeps one chunk per section:
//! the router's `Lazy<Route>` waits for that chunk before it leaves the current screen. A
//! chunk that cannot be fetched (offline before the service worker had saved it) shows
//! `SectionUnavailable` instead of stopping the app.

mod unavailable;

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::{calculators, portfolio, ranges, reagents, settings};
use unavailable::SectionUnavailable;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;

/// Why a section could not be shown: only a chunk that failed to load, with the `split` feature.
#[cfg(feature = "split")]
type LoadError = wasm_split_helpers::SplitLoaderError;
#[cfg(not(feature = "split"))]
type LoadError = std::convert::Infallible;

/// Awaits a section function with the `split` feature (where it loads the chunk first) and
/// calls it plainly without; a chunk that did not load becomes `SectionUnavailable`.
macro_rules! load {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let view = $call.await;
        #[cfg(not(feature = "split"))]
        let view = $call;
        view.unwrap_or_else(|_: LoadError| view! { <SectionUnavailable /> }.into_any())
    }};
}

/// Marks a section function as a split point with the `split` feature: the chunk is named
/// after the section, its preload function is `__preload_<function>`, and a failed load is an
/// `Err` (the default would be a panic, which replaces the whole page).
macro_rules! section {
    ($chunk:ident, $preload:ident, $item:item) => {
        #[cfg_attr(feature = "split", wasm_split($chunk, preload($preload), fallible))]
        $item
    };
}

/// Declares one route type per screen: `Route => section(Screen::Variant), its preload`.
macro_rules! lazy_routes {
    ($($route:ident => $section:ident($($screen:expr)?), $preload:ident;)*) => {$(
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                load!($section($($screen)?))
            }

            // Fetches the section's chunk without showing it (the router calls this before
            // navigating), so a slow network shows the old screen until the new one is ready.
            async fn preload() {
                // A failure shows when the screen is chosen; nothing to do here.
                #[cfg(feature = "split")]
                let _ = $preload().await;
            }
        }
    )*};
}

/// The Calculators section's screens.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Calculators {
    List,
    Calculator,
    Converter,
}

section! {
    calculators,
    __preload_calculators_section,
    fn calculators_section(screen: Calculators) -> Result<AnyView, LoadError> {
        Ok(match screen {
            Calculators::List => view! { <calculators::CalculatorsPage /> }.into_any(),
            Calculators::Calculator => view! { <calculators::CalculatorPage /> }.into_any(),
            Calculators::Converter => view! { <calculators::ConverterPage /> }.into_any(),
        })
    }
}

/// The Reference ranges section's screens.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Ranges {
    Book,
    Calls,
    Call,
    LabTable,
    Analyte,
}

section! {
    ranges,
    __preload_ranges_section,
    fn ranges_section(screen: Ranges) -> Result<AnyView, LoadError> {
        Ok(match screen {
            Ranges::Book => view! { <ranges::RangesPage /> }.into_any(),
            Ranges::Calls => view! { <ranges::CallsPage /> }.into_any(),
            Ranges::Call => view! { <ranges::CallPage /> }.into_any(),
            Ranges::LabTable => view! { <ranges::LabTablePage /> }.into_any(),
            Ranges::Analyte => view! { <ranges::AnalytePage /> }.into_any(),
        })
    }
}

/// The Reagents section's screens.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Reagents {
    Overview,
    Receive,
    Reagent,
    Lot,
    Verify,
    Qc,
}

section! {
    reagents,
    __preload_reagents_section,
    fn reagents_section(screen: Reagents) -> Result<AnyView, LoadError> {
        Ok(match screen {
            Reagents::Overview => view! { <reagents::ReagentsPage /> }.into_any(),
            Reagents::Receive => view! { <reagents::ReceivePage /> }.into_any(),
            Reagents::Reagent => view! { <reagents::ReagentPage /> }.into_any(),
            Reagents::Lot => view! { <reagents::LotPage /> }.into_any(),
            Reagents::Verify => view! { <reagents::VerifyPage /> }.into_any(),
            Reagents::Qc => view! { <reagents::QcPage /> }.into_any(),
        })
    }
}

/// The Portfolio section's screens.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Portfolio {
    Home,
    CeList,
    NewCe,
    CeEntry,
    NewCredential,
    Credential,
    Transcript,
    Items,
}

section! {
    portfolio,
    __preload_portfolio_section,
    fn portfolio_section(screen: Portfolio) -> Result<AnyView, LoadError> {
        Ok(match screen {
            Portfolio::Home => view! { <portfolio::PortfolioPage /> }.into_any(),
            Portfolio::CeList => view! { <portfolio::CeListPage /> }.into_any(),
            Portfolio::NewCe => view! { <portfolio::NewCePage /> }.into_any(),
            Portfolio::CeEntry => view! { <portfolio::CeEntryPage /> }.into_any(),
            Portfolio::NewCredential => view! { <portfolio::NewCredentialPage /> }.into_any(),
            Portfolio::Credential => view! { <portfolio::CredentialPage /> }.into_any(),
            Portfolio::Transcript => view! { <portfolio::TranscriptPage /> }.into_any(),
            Portfolio::Items => view! { <portfolio::ItemsPage /> }.into_any(),
        })
    }
}

// Settings has one screen.
section! {
    settings,
    __preload_settings_section,
    fn settings_section() -> Result<AnyView, LoadError> {
        Ok(view! { <settings::SettingsPage /> }.into_any())
    }
}

lazy_routes! {
    CalculatorsRoute => calculators_section(Calculators::List), __preload_calculators_section;
    CalculatorRoute => calculators_section(Calculators::Calculator), __preload_calculators_section;
    ConverterRoute => calculators_section(Calculators::Converter), __preload_calculators_section;
    RangesRoute => ranges_section(Ranges::Book), __preload_ranges_section;
    CallsRoute => ranges_section(Ranges::Calls), __preload_ranges_section;
    CallRoute => ranges_section(Ranges::Call), __preload_ranges_section;
    LabTableRoute => ranges_section(Ranges::LabTable), __preload_ranges_section;
    AnalyteRoute => ranges_section(Ranges::Analyte), __preload_ranges_section;
    ReagentsRoute => reagents_section(Reagents::Overview), __preload_reagents_section;
    ReceiveRoute => reagents_section(Reagents::Receive), __preload_reagents_section;
    ReagentRoute => reagents_section(Reagents::Reagent), __preload_reagents_section;
    LotRoute => reagents_section(Reagents::Lot), __preload_reagents_section;
    VerifyRoute => reagents_section(Reagents::Verify), __preload_reagents_section;
    QcRoute => reagents_section(Reagents::Qc), __preload_reagents_section;
    PortfolioRoute => portfolio_section(Portfolio::Home), __preload_portfolio_section;
    CeListRoute => portfolio_section(Portfolio::CeList), __preload_portfolio_section;
    NewCeRoute => portfolio_section(Portfolio::NewCe), __preload_portfolio_section;
    CeEntryRoute => portfolio_section(Portfolio::CeEntry), __preload_portfolio_section;
    NewCredentialRoute => portfolio_section(Portfolio::NewCredential), __preload_portfolio_section;
    CredentialRoute => portfolio_section(Portfolio::Credential), __preload_portfolio_section;
    TranscriptRoute => portfolio_section(Portfolio::Transcript), __preload_portfolio_section;
    ItemsRoute => portfolio_section(Portfolio::Items), __preload_portfolio_section;
    SettingsRoute => settings_section(), __preload_settings_section;
}

//! Shown in place of a section whose code could not be downloaded.

use leptos::prelude::*;
use leptos_router::components::A;

/// A section's chunk failed to load: offline before the service worker had saved it, or the
/// connection dropped. The rest of the app keeps working, and trying again fetches it anew.
#[component]
pub fn SectionUnavailable() -> impl IntoView {
    let try_again = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <section>
            <h1>"This section could not be loaded"</h1>
            <p role="alert">
                "Its code has not been saved on this device yet, and the network did not answer. "
                "Benchmate saves every section for offline use once it has been online for a "
                "moment. Connect to the network and try again; nothing you saved is lost."
            </p>
            <button type="button" class="button" on:click=try_again>"Try again"</button>
            " "
            <A href="/" attr:class="button">"Start page"</A>
        </section>
    }
}

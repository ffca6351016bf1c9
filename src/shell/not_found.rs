//! The page shown for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section>
            <h1>"Page not found"</h1>
            <p>"This address is not part of Benchmate. Choose a section below or go to the start page."</p>
            <A href="/" attr:class="button">"Start page"</A>
        </section>
    }
}

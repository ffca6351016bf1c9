//! An empty Leptos CSR app (a heading and a counter): the yardstick for Benchmate's size and start-up time.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <main data-app-root>
                <h1>"Empty Leptos app"</h1>
                <button on:click=move |_| *count.write() += 1>{count}</button>
            </main>
        }
    })
}

//! A last resort for bugs: a panic shows a message on the page instead of a blank screen.
//!
//! Release builds abort on panic, so nothing can be recovered; the hook runs before the abort
//! and replaces the page with a plain explanation. Records are already in IndexedDB by then:
//! the app only says "saved" after the database confirmed a write.

pub fn show_panics_on_the_page() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Benchmate stopped: {info}").into());
        let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
            return;
        };
        body.set_inner_html(
            "<main class=\"content\" role=\"alert\"><h1>Benchmate hit an internal error</h1>\
             <p>Everything you saved is still stored on this device. Reload the page to continue.</p>\
             <p><a class=\"button\" href=\"/\">Reload</a></p></main>",
        );
    }));
}

//! The Portfolio section.

use leptos::prelude::*;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! {
        <section data-section="portfolio">
            <h1>"Portfolio"</h1>
            <p>"Continuing-education credits counted against each credential's rules, certificates, competencies, and an audit-ready transcript."</p>
            <div class="notice warn">"This section is being built: it is not available in this version yet."</div>
        </section>
    }
}

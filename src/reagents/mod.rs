//! The Reagents section.

use leptos::prelude::*;

#[component]
pub fn ReagentsPage() -> impl IntoView {
    view! {
        <section data-section="reagents">
            <h1>"Reagents"</h1>
            <p>"Reagent lots received by barcode, their real expiry, new-lot verification, and QC with Levey-Jennings charts and Westgard rules."</p>
            <div class="notice warn">"This section is being built: it is not available in this version yet."</div>
        </section>
    }
}

//! The Calculators section.

use leptos::prelude::*;

#[component]
pub fn CalculatorsPage() -> impl IntoView {
    view! {
        <section data-section="calculators">
            <h1>"Calculators"</h1>
            <p>"Dilutions, solution preparation, unit conversion (conventional and SI), centrifuge speed, cell counts and the calculated values a lab reports."</p>
            <div class="notice warn">"This section is being built: it is not available in this version yet."</div>
        </section>
    }
}

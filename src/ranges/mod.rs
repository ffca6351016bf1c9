//! The Reference ranges section.

use leptos::prelude::*;

#[component]
pub fn RangesPage() -> impl IntoView {
    view! {
        <section data-section="ranges">
            <h1>"Reference ranges"</h1>
            <p>"Reference intervals and critical values for the patient's age and sex, in your lab's units, with a critical-call log."</p>
            <div class="notice warn">"This section is being built: it is not available in this version yet."</div>
        </section>
    }
}

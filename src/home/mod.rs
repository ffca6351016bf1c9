//! The start page: the four sections, one tap away.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section>
            <h1>"Benchmate"</h1>
            <p class="muted">"Your lab companion. Everything here works without a connection."</p>
            <h2>"Expiring soon"</h2>
            <crate::reagents::ExpiringLots />
            <div class="section-links">
                <A href="/calculators" attr:class="card">
                    <strong>"Calculators"</strong>
                    "Dilutions, solutions, unit conversion and clinical calculations."
                </A>
                <A href="/ranges" attr:class="card">
                    <strong>"Reference ranges"</strong>
                    "Intervals and critical values for the patient's age and sex."
                </A>
                <A href="/reagents" attr:class="card">
                    <strong>"Reagents"</strong>
                    "Lots, expiry, new-lot verification and QC."
                </A>
                <A href="/portfolio" attr:class="card">
                    <strong>"Portfolio"</strong>
                    "CE credits, credentials and competencies."
                </A>
            </div>
        </section>
    }
}

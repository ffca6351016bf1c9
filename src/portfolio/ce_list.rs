//! The list of CE entries, newest first, each linking to its page.

use benchmate_core::portfolio::credit::format_decimal;
use leptos::prelude::*;
use leptos_router::components::A;

use super::PortfolioData;
use crate::settings::use_preferences;
use crate::store::revision;

#[component]
pub fn CeListPage() -> impl IntoView {
    let prefs = use_preferences();
    let data = LocalResource::new(move || {
        revision().track();
        PortfolioData::load()
    });
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio">"Portfolio"</A></nav>
            <div class="title-row">
                <h1>"CE entries"</h1>
                <A href="/portfolio/ce/new" attr:class="button">"Log a CE course"</A>
            </div>
            <Suspense fallback=|| view! { <p class="hint">"Loading..."</p> }>
                {move || data.get().map(|result| match result {
                    Ok(data) if data.entries.is_empty() => view! {
                        <p>"No CE entries yet."</p>
                    }.into_any(),
                    Ok(data) => view! {
                        <ul class="entry-list">
                            {data.entries.into_iter().map(|keyed| {
                                let entry = keyed.entry;
                                let date = prefs.with_untracked(|p| p.format_date(entry.completed_on));
                                let credit = format!("{} {}", format_decimal(entry.amount.value), entry.amount.credit_type.label());
                                let categories = entry.categories.iter().map(|c| c.label().to_string()).collect::<Vec<_>>().join(", ");
                                let certificates = entry.attachments.len();
                                view! {
                                    <li class="card">
                                        <A href=format!("/portfolio/ce/{}", keyed.id)>{entry.title.clone()}</A>
                                        <span>{credit}</span>
                                        <span class="hint">{date}</span>
                                        <span class="hint">{categories}</span>
                                        {(certificates > 0).then(|| view! {
                                            <span class="hint">{format!("{certificates} certificate(s)")}</span>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

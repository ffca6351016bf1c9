//! The Portfolio home: each credential's progress at a glance, the way in to logging a CE
//! course, adding a credential, the lists, and the full-portfolio CSV export.

use benchmate_core::portfolio::{evaluate_portfolio, portfolio_csv, Credential};
use leptos::prelude::*;
use leptos_router::components::A;

use super::credential_card::CredentialCard;
use super::{catalogue, today, PortfolioData};
use crate::files::download;
use crate::settings::use_preferences;
use crate::store::revision;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let prefs = use_preferences();
    let data = LocalResource::new(move || {
        revision().track();
        PortfolioData::load()
    });
    let export_note = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some(Ok(data)) = data.get_untracked() else { return };
        let credentials: Vec<(String, Credential)> = data
            .credentials
            .iter()
            .map(|(record, credential)| (record.id().to_string(), credential.clone()))
            .collect();
        let items: Vec<_> = data
            .items
            .iter()
            .map(|(record, item)| (record.id().to_string(), item.clone()))
            .collect();
        let mut saved = Vec::new();
        for file in portfolio_csv(&data.entries, &credentials, &items) {
            match download(&format!("benchmate-{}", file.name), "text/csv", &file.text) {
                Ok(()) => saved.push(file.name),
                Err(why) => return export_note.set(Some(why)),
            }
        }
        export_note.set(Some(format!("Saved {}.", saved.join(", "))));
    };
    let lead_days = move || prefs.with(|p| p.ce_warning_policy().lead_days.to_string());
    view! {
        <section data-section="portfolio">
            <h1>"Portfolio"</h1>
            <div class="toolbar">
                <A href="/portfolio/ce/new" attr:class="button">"Log a CE course"</A>
                <A href="/portfolio/credentials/new" attr:class="button secondary">"Add a credential"</A>
                <A href="/portfolio/ce" attr:class="button secondary">"CE entries"</A>
                <A href="/portfolio/items" attr:class="button secondary">"Competencies and more"</A>
            </div>
            <Suspense fallback=|| view! { <p class="hint">"Loading..."</p> }>
                {move || data.get().map(|result| match result {
                    Ok(data) => {
                        let policy = prefs.with(|p| p.ce_warning_policy());
                        let credentials: Vec<Credential> = data.credentials.iter().map(|(_, c)| c.clone()).collect();
                        let ids: Vec<String> = data.credentials.iter().map(|(r, _)| r.id().to_string()).collect();
                        let entries = StoredValue::new(data.entries.clone());
                        let cards = match catalogue() {
                            Err(why) => view! { <p class="notice danger">{why}</p> }.into_any(),
                            Ok(catalogue) => evaluate_portfolio(catalogue, &credentials, &data.entries, today(), &policy)
                                .into_iter()
                                .zip(ids)
                                .zip(credentials.iter())
                                .map(|((evaluation, id), credential)| match evaluation {
                                    Ok(evaluation) => view! { <CredentialCard id=id evaluation=evaluation entries=entries /> }.into_any(),
                                    Err(problems) => view! {
                                        <article class="card">
                                            <h2>{credential.label.clone()}</h2>
                                            <p class="notice danger">{format!("This credential cannot be evaluated: {problems}")}</p>
                                        </article>
                                    }.into_any(),
                                })
                                .collect_view()
                                .into_any(),
                        };
                        view! {
                            {data.credentials.is_empty().then(|| view! {
                                <p class="card">"Add a credential (MLS(ASCP), a state license, ...) to see how your CE counts toward it."</p>
                            })}
                            {cards}
                            <p class="hint">{format!("{} CE entries logged on this device.", data.entries.len())}</p>
                        }.into_any()
                    }
                    Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
            <details class="card">
                <summary>"Settings and export"</summary>
                <div class="field">
                    <label for="ce-warning-days">"Warn when a cycle ends within (days)"</label>
                    <input id="ce-warning-days" type="number" inputmode="numeric" min="0" max="1826"
                        prop:value=lead_days
                        on:change=move |ev| {
                            if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
                                prefs.update(|p| p.ce_warning_days = Some(days));
                            }
                        } />
                </div>
                <button type="button" class="button secondary" on:click=export>"Export the whole portfolio (CSV)"</button>
                {move || export_note.get().map(|text| view! { <p role="status">{text}</p> })}
            </details>
        </section>
    }
}

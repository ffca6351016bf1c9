//! The Reference ranges home: search as you type over names, abbreviations, synonyms and
//! LOINC codes, with the defaults plainly labelled as defaults each lab must verify.

use benchmate_core::ranges::DEFAULTS_NOTICE;
use leptos::prelude::*;
use leptos_router::components::A;

use super::book::use_book;

/// How many results the list shows.
const SHOWN: usize = 25;

/// One line of the result list.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    name: String,
    detail: String,
}

#[component]
pub fn RangesPage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let book = use_book();
    let rows = move || -> Vec<Row> {
        let Some(loaded) = book.get() else {
            return Vec::new();
        };
        query.with(|q| {
            loaded
                .book
                .search(q, SHOWN)
                .into_iter()
                .map(|(analyte, hit)| {
                    let mut detail = vec![analyte.specimen.clone()];
                    if !analyte.abbreviations.is_empty() {
                        detail.push(analyte.abbreviations.join(", "));
                    }
                    if !analyte.loinc.is_empty() {
                        detail.push(format!("LOINC {}", analyte.loinc));
                    }
                    if hit.matched != analyte.name
                        && !analyte.abbreviations.contains(&hit.matched)
                        && hit.matched != analyte.loinc
                    {
                        detail.push(format!("matched \u{201c}{}\u{201d}", hit.matched));
                    }
                    Row {
                        id: analyte.id.clone(),
                        name: analyte.name.clone(),
                        detail: detail.join(" \u{b7} "),
                    }
                })
                .collect()
        })
    };
    let count = move || book.get().map(|l| l.book.catalogue().len()).unwrap_or_default();
    view! {
        <section data-section="ranges">
            <h1>"Reference ranges"</h1>
            <div class="toolbar">
                <label class="visually-hidden" for="range-search">"Search analytes"</label>
                <input
                    id="range-search"
                    type="search"
                    placeholder="Search: K, Hgb, troponin, 2823-3..."
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <A href="/ranges/calls" attr:class="button secondary">"Critical calls"</A>
                <A href="/ranges/lab" attr:class="button secondary">"Lab table"</A>
            </div>
            <p class="notice warn" id="defaults-notice">{DEFAULTS_NOTICE}</p>
            {move || book.get().and_then(|l| l.lab_error).map(|why| view! { <p class="notice danger" role="alert">{why}</p> })}
            <Show
                when=move || !query.with(|q| q.trim().is_empty())
                fallback=move || view! { <p class="muted">{move || format!("{} analytes. Type a name, an abbreviation or a LOINC code.", count())}</p> }
            >
                <ul class="analyte-list" aria-label="Matching analytes">
                    <For each=rows key=|row| row.id.clone() let(row)>
                        <li>
                            <A href=format!("/ranges/{}", row.id)>
                                <span class="analyte-name">{row.name.clone()}</span>
                                <span class="hint">{row.detail.clone()}</span>
                            </A>
                        </li>
                    </For>
                </ul>
                <Show when=move || rows().is_empty()>
                    <p class="muted">"No analyte matches. Try another spelling, an abbreviation or the LOINC code."</p>
                </Show>
            </Show>
        </section>
    }
}

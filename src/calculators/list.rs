//! The list of calculators: search as you type, favourites first, then by category.

use benchmate_core::calc::{registry, Calculator};
use leptos::prelude::*;
use leptos_router::components::A;

use super::favourites::use_favourites;

/// True when every word of the query is in the calculator's title, id or category.
fn matches(calculator: &Calculator, query: &str) -> bool {
    let haystack = format!("{} {} {}", calculator.title, calculator.id, calculator.category.title()).to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

#[component]
pub fn CalculatorsPage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let favourites = use_favourites();
    let shown = move || -> Vec<&'static Calculator> {
        query.with(|q| registry().iter().copied().filter(|c| matches(c, q)).collect())
    };
    let favourite_list = move || {
        shown()
            .into_iter()
            .filter(|c| favourites.with(|f| f.iter().any(|id| id == c.id)))
            .collect::<Vec<_>>()
    };
    let groups = move || {
        let mut groups: Vec<(&'static str, Vec<&'static Calculator>)> = Vec::new();
        for calculator in shown() {
            let title = calculator.category.title();
            match groups.iter_mut().find(|(t, _)| *t == title) {
                Some((_, list)) => list.push(calculator),
                None => groups.push((title, vec![calculator])),
            }
        }
        groups
    };
    view! {
        <section data-section="calculators">
            <h1>"Calculators"</h1>
            <div class="toolbar">
                <label class="visually-hidden" for="calc-search">"Search calculators"</label>
                <input
                    id="calc-search"
                    type="search"
                    placeholder="Search: dilution, eGFR, anion gap..."
                    autocomplete="off"
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <A href="/convert" attr:class="button secondary">"Unit converter"</A>
            </div>
            <super::recent::RecentList />
            <Show when=move || !favourite_list().is_empty()>
                <h2>"Favourites"</h2>
                <CalculatorLinks calculators=Signal::derive(favourite_list) />
            </Show>
            <For each=groups key=|(title, list)| (*title, list.len()) let((title, list))>
                <h2>{title}</h2>
                <CalculatorLinks calculators=Signal::derive(move || list.clone()) />
            </For>
            <Show when=move || shown().is_empty()>
                <p class="muted">"No calculator matches. Try another word, such as \"dilution\" or \"creatinine\"."</p>
            </Show>
        </section>
    }
}

#[component]
fn CalculatorLinks(calculators: Signal<Vec<&'static Calculator>>) -> impl IntoView {
    view! {
        <ul class="link-list">
            <For each=move || calculators.get() key=|c| c.id let(calculator)>
                <li>
                    <A href=format!("/calculators/{}", calculator.id)>{calculator.title}</A>
                </li>
            </For>
        </ul>
    }
}

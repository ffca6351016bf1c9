//! One calculator's page: a form generated from its registry entry, the result updating as
//! you type, and the formula and source one tap away.

use std::collections::BTreeMap;

use benchmate_core::calc::{find, Calculator, InputKind};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::favourites::{toggle, use_favourites};
use super::field::{Field, FieldState};
use super::outcome::{evaluate, OutcomeView};

#[component]
pub fn CalculatorPage() -> impl IntoView {
    let params = use_params_map();
    let calculator = move || params.with(|p| p.get("id")).and_then(|id| find(&id));
    move || match calculator() {
        Some(calculator) => view! { <CalculatorForm calculator=calculator /> }.into_any(),
        None => view! {
            <section>
                <h1>"Calculator not found"</h1>
                <p>"There is no calculator at this address."</p>
                <A href="/calculators" attr:class="button">"All calculators"</A>
            </section>
        }
        .into_any(),
    }
}

/// Each input starts empty, in the unit the formula uses (or at its default choice).
fn initial_fields(calculator: &Calculator) -> BTreeMap<&'static str, FieldState> {
    calculator
        .inputs
        .iter()
        .map(|input| {
            let state = match input.kind {
                InputKind::Quantity { unit, .. } | InputKind::FreeQuantity { unit, .. } => FieldState {
                    text: String::new(),
                    unit: unit.to_string(),
                },
                InputKind::Choice { default, .. } => FieldState {
                    text: default.unwrap_or_default().to_string(),
                    unit: String::new(),
                },
            };
            (input.name, state)
        })
        .collect()
}

#[component]
fn CalculatorForm(calculator: &'static Calculator) -> impl IntoView {
    let fields = RwSignal::new(initial_fields(calculator));
    let result = Memo::new(move |_| fields.with(|f| evaluate(calculator, f)));
    let favourites = use_favourites();
    let is_favourite = move || favourites.with(|f| f.iter().any(|id| id == calculator.id));
    view! {
        <section data-section="calculators">
            <p class="breadcrumb"><A href="/calculators">"Calculators"</A></p>
            <div class="title-row">
                <h1>{calculator.title}</h1>
                <button
                    class="button secondary"
                    aria-pressed=move || is_favourite().to_string()
                    on:click=move |_| toggle(favourites, calculator.id)
                >
                    {move || if is_favourite() { "★ Favourite" } else { "☆ Favourite" }}
                </button>
            </div>
            <form class="card" on:submit=|ev| ev.prevent_default()>
                {calculator
                    .inputs
                    .iter()
                    .map(|input| view! { <Field calculator=calculator input=input fields=fields result=result /> })
                    .collect_view()}
            </form>
            <OutcomeView result=result />
            <super::recent::KeepButton calculator=calculator fields=fields result=result />
            <details class="card">
                <summary>"Formula and source"</summary>
                <p class="formula">{calculator.formula}</p>
                <p><strong>"Source: "</strong>{calculator.source}</p>
                <Show when=move || !calculator.validity.is_empty()>
                    <p><strong>"Valid when: "</strong></p>
                    <ul>{calculator.validity.iter().map(|v| view! { <li>{*v}</li> }).collect_view()}</ul>
                </Show>
            </details>
        </section>
    }
}

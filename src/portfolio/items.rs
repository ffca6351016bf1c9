//! Portfolio items (competencies signed off, training given and received, rotations, quality
//! improvement projects, publications and presentations): a short form and the list.

use benchmate_core::portfolio::item::{PublicationKind, TrainingDirection};
use benchmate_core::portfolio::{ItemDetails, PortfolioItem};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::{parse_date, today, PortfolioData};
use crate::store::{personal_scope, revision, Store};

/// The kinds offered, with what the two text fields mean for each: (id, label, main, second).
const KINDS: [(&str, &str, &str, &str); 6] = [
    (
        "competency",
        "Competency signed off",
        "Procedure or instrument",
        "Assessor",
    ),
    ("training_received", "Training received", "Topic", "Trainer (optional)"),
    ("training_given", "Training given", "Topic", "Trainees (optional)"),
    ("rotation", "Rotation", "Department", "Site (optional)"),
    (
        "quality_improvement",
        "Quality-improvement project",
        "Title",
        "Your role (optional)",
    ),
    (
        "publication",
        "Publication or presentation",
        "Title",
        "Journal, meeting or event (optional)",
    ),
];

fn details(kind: &str, main: &str, second: &str) -> ItemDetails {
    let main = main.trim().to_string();
    let optional = Some(second.trim().to_string()).filter(|t| !t.is_empty());
    match kind {
        "competency" => ItemDetails::Competency {
            procedure_or_instrument: main,
            assessor: second.trim().to_string(),
            assessor_role: None,
        },
        "training_received" | "training_given" => ItemDetails::Training {
            direction: if kind == "training_given" {
                TrainingDirection::Given
            } else {
                TrainingDirection::Received
            },
            topic: main,
            with: optional,
        },
        "rotation" => ItemDetails::Rotation {
            department: main,
            site: optional,
        },
        "quality_improvement" => ItemDetails::QualityImprovement {
            title: main,
            role: optional,
            outcome: None,
        },
        _ => ItemDetails::Publication {
            publication_kind: PublicationKind::Other,
            title: main,
            venue: optional,
            authors: None,
        },
    }
}

#[component]
fn ItemForm() -> impl IntoView {
    let kind = RwSignal::new(KINDS[0].0.to_string());
    let main = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let date = RwSignal::new(today().to_string());
    let end = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let state = RwSignal::new(None::<Result<String, String>>);
    let labels = move || {
        let kind = kind.get();
        KINDS.iter().find(|k| k.0 == kind).map_or(("", ""), |k| (k.2, k.3))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(start) = parse_date(&date.get_untracked()) else {
            return state.set(Some(Err("Date: pick a date.".into())));
        };
        let mut item = PortfolioItem::new(
            details(&kind.get_untracked(), &main.get_untracked(), &second.get_untracked()),
            start,
        );
        item.end_date = parse_date(&end.get_untracked());
        item.notes = notes.get_untracked().trim().to_string();
        if let Err(problems) = item.validate(today()) {
            return state.set(Some(Err(problems.to_string())));
        }
        spawn_local(async move {
            let saved = async { Store::open().await?.create(personal_scope(), &item).await }.await;
            match saved {
                Ok(_) => {
                    main.set(String::new());
                    second.set(String::new());
                    notes.set(String::new());
                    state.set(Some(Ok("Saved on this device".into())));
                }
                Err(err) => state.set(Some(Err(err.to_string()))),
            }
        });
    };
    view! {
        <form class="card" on:submit=submit novalidate>
            <div class="field">
                <label for="item-kind">"Kind"</label>
                <select id="item-kind" bind:value=kind>
                    {KINDS.iter().map(|k| view! { <option value=k.0>{k.1}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="item-main">{move || labels().0}</label>
                <input id="item-main" type="text" bind:value=main />
            </div>
            <div class="field">
                <label for="item-second">{move || labels().1}</label>
                <input id="item-second" type="text" bind:value=second />
            </div>
            <div class="field">
                <label for="item-date">"Date"</label>
                <input id="item-date" type="date" bind:value=date />
            </div>
            <div class="field">
                <label for="item-end">"End date (optional)"</label>
                <input id="item-end" type="date" bind:value=end />
            </div>
            <div class="field">
                <label for="item-notes">"Notes"</label>
                <textarea id="item-notes" rows="2" bind:value=notes></textarea>
            </div>
            <div class="toolbar">
                <button class="button" type="submit">"Save item"</button>
                {move || state.get().map(|result| match result {
                    Ok(text) => view! { <span class="notice ok" role="status">{text}</span> }.into_any(),
                    Err(why) => view! { <span class="notice danger" role="alert">{why}</span> }.into_any(),
                })}
            </div>
        </form>
    }
}

#[component]
pub fn ItemsPage() -> impl IntoView {
    let data = LocalResource::new(move || {
        revision().track();
        PortfolioData::load()
    });
    view! {
        <section data-section="portfolio">
            <nav class="breadcrumb"><A href="/portfolio">"Portfolio"</A></nav>
            <h1>"Competencies, training and more"</h1>
            <ItemForm />
            <Suspense fallback=|| ()>
                {move || data.get().map(|result| match result {
                    Ok(data) => {
                        let mut items = data.items;
                        items.sort_by_key(|(_, item)| std::cmp::Reverse(item.date));
                        view! {
                            <ul class="entry-list">
                                {items.into_iter().map(|(_, item)| view! {
                                    <li class="card">
                                        <strong>{item.headline()}</strong>
                                        <span class="hint">{match item.end_date {
                                            Some(end) => format!("{} to {end}", item.date),
                                            None => item.date.to_string(),
                                        }}</span>
                                        {(!item.notes.is_empty()).then(|| view! { <span class="hint">{item.notes.clone()}</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                    Err(err) => view! { <p class="notice danger" role="alert">{err.to_string()}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

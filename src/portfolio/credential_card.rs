//! One credential on the Portfolio home: the total as a ring, each mandatory topic as a bar,
//! days left, the "behind" warning, and for each requirement (tap to open) the entries that
//! count and what is still needed. Unverified rules are marked as such.

use benchmate_core::portfolio::{CreditUnit, CycleEvaluation, KeyedEntry, RequirementStatus, Standing};
use leptos::prelude::*;
use leptos_router::components::A;

use super::days_left_text;
use super::progress::{ProgressBar, ProgressRing};

fn standing_text(standing: Standing) -> &'static str {
    match standing {
        Standing::Complete => "Complete",
        Standing::NotStarted => "Cycle not started yet",
        Standing::OnTrack => "On track",
        Standing::BehindPace => "Below a steady pace",
        Standing::Behind => "Behind",
        Standing::Overdue => "Overdue",
    }
}

/// One requirement: a summary line with its bar, and (opened) the counting entries.
#[component]
fn Requirement(
    requirement: RequirementStatus,
    unit: CreditUnit,
    entries: StoredValue<Vec<KeyedEntry>>,
) -> impl IntoView {
    let status = if requirement.waived {
        "waived".to_string()
    } else if requirement.met {
        "met".to_string()
    } else {
        format!("{} still needed", unit.amount_text(requirement.missing))
    };
    let counted = requirement
        .contributions
        .iter()
        .map(|c| {
            let title = entries.with_value(|list| {
                list.get(c.entry_index)
                    .map(|keyed| keyed.entry.title.clone())
                    .unwrap_or_default()
            });
            view! {
                <li>
                    <A href=format!("/portfolio/ce/{}", c.entry_id)>{title}</A>
                    {format!(": {}", unit.amount_text(c.points))}
                </li>
            }
        })
        .collect_view();
    let none_yet = requirement.contributions.is_empty();
    view! {
        <li class="requirement">
            <details>
                <summary>
                    <span class="requirement-label">
                        {requirement.label.clone()}
                        {(!requirement.verified).then(|| view! { <span class="unverified">" (unverified)"</span> })}
                    </span>
                    <span class="requirement-amount">
                        {format!("{} of {}: {status}", requirement.earned, unit.amount_text(requirement.needed))}
                    </span>
                    <ProgressBar fraction=requirement.progress() met=requirement.met />
                </summary>
                {requirement.note.clone().map(|note| view! { <p class="hint">{note}</p> })}
                {if none_yet {
                    view! { <p>"No entry counts toward this yet."</p> }.into_any()
                } else {
                    view! { <p>"Counting entries:"</p><ul>{counted}</ul> }.into_any()
                }}
                {(!requirement.met && !requirement.waived).then(|| view! {
                    <p><strong>{format!("Still needed: {}", unit.amount_text(requirement.missing))}</strong>
                    {(!requirement.categories.is_empty()).then(|| format!(
                        " in {}",
                        requirement.categories.iter().map(|c| c.label().to_string()).collect::<Vec<_>>().join(" or ")
                    ))}</p>
                })}
            </details>
        </li>
    }
}

#[component]
pub fn CredentialCard(id: String, evaluation: CycleEvaluation, entries: StoredValue<Vec<KeyedEntry>>) -> impl IntoView {
    let unit = evaluation.unit;
    let timing = evaluation.timing;
    let total = evaluation.total.clone();
    let warning = timing.standing.is_warning().then(|| {
        let text = match timing.standing {
            Standing::Overdue => format!(
                "Overdue: the cycle ended on {} with {} still missing.",
                evaluation.cycle_end,
                unit.amount_text(total.missing)
            ),
            _ => format!(
                "Behind: {} still needed and {}.",
                unit.amount_text(total.missing),
                days_left_text(timing.days_left)
            ),
        };
        view! { <p class="notice warn" role="status">{text}</p> }
    });
    let topics_missing = evaluation.topics.iter().filter(|t| !t.met && !t.waived).count();
    let requirements: Vec<RequirementStatus> = std::iter::once(evaluation.total.clone())
        .chain(evaluation.topics.iter().cloned())
        .collect();
    let has_unverified = requirements.iter().any(|r| !r.verified);
    view! {
        <article class="card credential" data-program=evaluation.program_id.clone()>
            <header class="credential-head">
                <ProgressRing
                    fraction=total.progress()
                    label=format!("{}/{}", total.earned, total.needed)
                    met=total.met
                />
                <div>
                    <h2>{evaluation.credential_label.clone()}</h2>
                    <p class="hint">{evaluation.program_name.clone()}</p>
                    <p class="credential-total">
                        {format!("{} of {}", unit.amount_text(total.earned), unit.amount_text(total.needed))}
                    </p>
                    <p>
                        <strong>{standing_text(timing.standing)}</strong>
                        {format!(" · {} · cycle {} to {}", days_left_text(timing.days_left), evaluation.cycle_start, evaluation.cycle_end)}
                    </p>
                    {(topics_missing > 0).then(|| view! {
                        <p class="hint">{format!("{topics_missing} mandatory topic(s) not met yet")}</p>
                    })}
                </div>
            </header>
            {warning}
            <ul class="requirements">
                {requirements.into_iter().map(|r| view! { <Requirement requirement=r unit=unit entries=entries /> }).collect_view()}
            </ul>
            {has_unverified.then(|| view! {
                <p class="hint">"Rules marked (unverified) come from secondary sources or memory: check them with the program before relying on them."</p>
            })}
            <div class="toolbar">
                <A href=format!("/portfolio/transcript/{id}") attr:class="button secondary">"Transcript"</A>
                <A href=format!("/portfolio/credentials/{id}") attr:class="button secondary">"Edit or delete"</A>
            </div>
        </article>
    }
}

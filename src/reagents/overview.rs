//! The section's start: receive, the lots by expiry, status or place, low stock, which lot to
//! use first, and the reagent list.

use benchmate_core::reagents::{lots_by_location, lots_by_status, low_stock, use_first, Lot};
use leptos::prelude::*;
use leptos_router::components::A;

use super::audit::DateRangeExport;
use super::data::{today, Inventory};
use super::expiring::ExpiringLots;
use super::lot_row::LotRow;
use super::thresholds::ThresholdsSettings;
use crate::store::revision;

#[component]
pub fn ReagentsPage() -> impl IntoView {
    let inventory = LocalResource::new(move || {
        revision().track();
        Inventory::load()
    });
    let group_by = RwSignal::new("expiry".to_string());
    view! {
        <section data-section="reagents">
            <h1>"Reagents"</h1>
            <div class="toolbar">
                <A href="/reagents/receive" attr:class="button">"Receive a lot"</A>
                <A href="/reagents/items/new" attr:class="button secondary">"New reagent"</A>
                <A href="/reagents/qc" attr:class="button secondary">"QC"</A>
            </div>
            <h2>"Lots"</h2>
            <div class="field">
                <label for="lots-group">"Group lots by"</label>
                <select id="lots-group" on:change=move |ev| group_by.set(event_target_value(&ev))>
                    <option value="expiry">"Expiry"</option>
                    <option value="status">"Status"</option>
                    <option value="location">"Location"</option>
                </select>
            </div>
            {move || match group_by.get().as_str() {
                "expiry" => view! { <ExpiringLots all=true /> }.into_any(),
                by => {
                    let by = by.to_string();
                    view! {
                        <Suspense fallback=|| ()>
                            {move || inventory.get().and_then(|r| r.ok()).map(|inv| grouped(&inv, &by))}
                        </Suspense>
                    }.into_any()
                }
            }}
            <Suspense fallback=|| ()>
                {move || inventory.get().map(|loaded| match loaded {
                    Err(err) => view! { <p class="notice warn">{format!("Reagents are not available: {err}")}</p> }.into_any(),
                    Ok(inv) => stock(&inv).into_any(),
                })}
            </Suspense>
            <ThresholdsSettings />
            <DateRangeExport />
        </section>
    }
}

/// Lots grouped by status or by location.
fn grouped(inventory: &Inventory, by: &str) -> impl IntoView {
    let lots = inventory.lot_bodies();
    let groups: Vec<(String, Vec<Lot>)> = if by == "status" {
        lots_by_status(&lots)
            .into_iter()
            .map(|(status, lots)| (status.to_string(), lots.into_iter().cloned().collect()))
            .collect()
    } else {
        lots_by_location(&lots)
            .into_iter()
            .map(|(place, lots)| {
                let place = if place.is_empty() {
                    "No location recorded"
                } else {
                    place
                };
                (place.to_string(), lots.into_iter().cloned().collect())
            })
            .collect()
    };
    if groups.is_empty() {
        return view! { <p class="muted">"No lots yet: receive one."</p> }.into_any();
    }
    groups
        .into_iter()
        .map(|(title, lots)| {
            let inventory = inventory.clone();
            view! {
                <h3>{title}</h3>
                <ul class="lot-list">
                    {lots.into_iter().map(|lot| view! { <LotRow lot=lot inventory=inventory.clone() /> }).collect_view()}
                </ul>
            }
        })
        .collect_view()
        .into_any()
}

/// Low stock, the lot to use first per reagent, and the reagent list.
fn stock(inventory: &Inventory) -> impl IntoView {
    let reagents = inventory.reagent_bodies();
    let lots = inventory.lot_bodies();
    let low = low_stock(&reagents, &lots, today());
    let first = use_first(&reagents, &lots, today());
    let inv = inventory.clone();
    view! {
        <h2>"Low stock"</h2>
        {if low.is_empty() {
            view! { <p class="muted">"No reagent is at or below its reorder level."</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {low.into_iter().map(|l| view! {
                        <li class="notice warn">{format!("{}: {} usable on hand, reorder at {}", inv.reagent_name(&l.reagent_id), l.on_hand, l.reorder_level)}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>"Reagents"</h2>
        {if inventory.reagents.is_empty() {
            view! { <p class="muted">"No reagents yet: add one, or receive a box and name it."</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list reagent-list">
                    {inventory.reagents.iter().map(|(_, r)| r.clone()).map(|r| {
                        let use_lot = first.get(&r.id).map(|l| format!("Use lot {} first", l.lot_number));
                        view! {
                            <li class="card">
                                <A href=format!("/reagents/items/{}", r.id)><strong>{r.name.clone()}</strong></A>
                                <span class="hint">{[r.manufacturer.clone(), r.serves.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}</span>
                                {use_lot.map(|t| view! { <span class="use-first">{t}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

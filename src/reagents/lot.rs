//! A lot's page: what it is and its real expiry, the status moves core allows (with who and
//! why), quantity and place, its status log, its record history and the audit export.

use benchmate_core::reagents::{lot_effective_expiry, Lot, LotStatus, TransitionRequest};
use benchmate_core::record::RecordId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::audit::RecordsExport;
use super::data::{now, Inventory};
use super::field::{optional_count, TextField};
use crate::settings::use_preferences;
use crate::store::{revision, Store};

/// The statuses a person can move a lot to, in the order of its life.
const MOVES: [(LotStatus, &str); 5] = [
    (LotStatus::Verified, "Mark verified"),
    (LotStatus::InUse, "Put into use"),
    (LotStatus::Depleted, "Mark depleted"),
    (LotStatus::Discarded, "Discard"),
    (LotStatus::Expired, "Mark expired"),
];

/// The outcome of the last change: what was saved, or why not.
type Notice = Result<String, String>;

/// Saves a changed lot and reports the outcome.
fn save(record_id: RecordId, lot: Lot, notice: RwSignal<Option<Notice>>, done: String) {
    spawn_local(async move {
        let saved = async { Store::open().await?.update(record_id, &lot).await }.await;
        notice.set(Some(saved.map(|_| done).map_err(|err| format!("Not saved: {err}"))));
    });
}

#[component]
pub fn LotPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let inventory = LocalResource::new(move || {
        revision().track();
        Inventory::load()
    });
    // Held here: the details are rebuilt when a saved change reloads the lot.
    let notice = RwSignal::new(None::<Notice>);
    let person = RwSignal::new(String::new());
    view! {
        <section data-section="reagents">
            <Suspense fallback=|| view! { <h1>"Lot"</h1> }>
                {move || inventory.get().map(|loaded| match loaded {
                    Err(err) => view! { <h1>"Lot"</h1><p class="notice danger">{format!("The lot cannot be read: {err}")}</p> }.into_any(),
                    Ok(inv) => match inv.lot(&id()).cloned() {
                        None => view! { <h1>"Lot not found"</h1><p><A href="/reagents">"Back to reagents"</A></p> }.into_any(),
                        Some((record, lot)) => view! { <LotDetails inventory=inv record_id=record.id() lot=lot notice=notice person=person /> <crate::records::RecordHistory id=record.id() /> }.into_any(),
                    },
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn LotDetails(
    inventory: Inventory,
    record_id: RecordId,
    lot: Lot,
    notice: RwSignal<Option<Notice>>,
    person: RwSignal<String>,
) -> impl IntoView {
    let prefs = use_preferences();
    let date = move |d| prefs.with_untracked(|p| p.format_date(d));
    let reagent = inventory.reagent(&lot.reagent_id).map(|(_, r)| r.clone());
    let stability = reagent.as_ref().and_then(|r| r.in_use_stability_days);
    let effective = lot_effective_expiry(&inventory.reagent_bodies(), &lot);
    let verification = inventory.verification_for(&lot.id).map(|(_, v)| v.clone());
    let reason = RwSignal::new(String::new());
    let quantity = RwSignal::new(lot.quantity.to_string());
    let location = RwSignal::new(lot.location.clone());

    let moves = MOVES
        .iter()
        .filter(|(to, _)| lot.status.can_move_to(*to))
        .map(|&(to, text)| {
            let lot = lot.clone();
            let verification = verification.clone();
            let go = move |_| {
                let mut changed = lot.clone();
                let request = TransitionRequest {
                    to,
                    by: &person.get_untracked(),
                    at: now(),
                    reason: &reason.get_untracked(),
                    verification: verification.as_ref(),
                    in_use_stability_days: stability,
                };
                match changed.transition(&request) {
                    Ok(()) => save(record_id, changed, notice, format!("Saved: the lot is now {to}.")),
                    Err(err) => notice.set(Some(Err(format!("Not changed: {err}.")))),
                }
            };
            view! { <button type="button" class="button secondary" on:click=go>{text}</button> }
        })
        .collect_view();
    let lot_for_stock = lot.clone();
    let save_stock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut changed = lot_for_stock.clone();
        match optional_count(&quantity.get_untracked(), "Quantity") {
            Ok(q) => changed.quantity = q.unwrap_or(0),
            Err(why) => return notice.set(Some(Err(why))),
        }
        changed.location = location.get_untracked().trim().to_string();
        save(record_id, changed, notice, "Saved.".into());
    };
    let in_quarantine = lot.status == LotStatus::Quarantine;
    let records = vec![(
        format!("Lot {}", lot.lot_number),
        inventory.lot(&lot.id).map(|(r, _)| r.clone()),
    )]
    .into_iter()
    .filter_map(|(label, r)| r.map(|r| (label, r)))
    .chain(
        inventory
            .verification_for(&lot.id)
            .map(|(r, _)| (format!("Verification of lot {}", lot.lot_number), r.clone())),
    )
    .collect::<Vec<_>>();
    view! {
        <h1>{format!("{} · lot {}", reagent.as_ref().map(|r| r.name.clone()).unwrap_or_else(|| "Unknown reagent".into()), lot.lot_number)}</h1>
        <dl class="card facts">
            <dt>"Status"</dt><dd class="lot-status">{lot.status.to_string()}</dd>
            <dt>"Use by"</dt><dd class="lot-effective">{date(effective)}{(effective < lot.expiry).then_some(" (in-use stability after opening)")}</dd>
            <dt>"Manufacturer's expiry"</dt><dd class="lot-expiry">{lot.expiry.to_string()}</dd>
            <dt>"Received"</dt><dd>{format!("{} by {}", date(lot.received_on), lot.received_by)}</dd>
            <dt>"Opened"</dt><dd>{lot.opened_on.map(date).unwrap_or_else(|| "not yet".into())}</dd>
            <dt>"Verification"</dt>
            <dd>{match &verification {
                Some(v) if v.sign_off.is_some() => "recorded and signed off".to_string(),
                Some(_) => "recorded, waiting for a supervisor's sign-off".to_string(),
                None => "none recorded".to_string(),
            }}</dd>
        </dl>
        <form class="card" on:submit=save_stock>
            <h2>"Stock"</h2>
            <div class="field-row">
                <TextField id="lot-quantity" label="Quantity on hand" value=quantity inputmode="numeric" />
                <TextField id="lot-location" label="Location" value=location />
            </div>
            <button type="submit" class="button secondary">"Save stock"</button>
        </form>
        <div class="card">
            <h2>"Change status"</h2>
            {lot.status.is_final().then(|| view! { <p class="muted">"This lot's life is over: its status no longer changes."</p> })}
            <TextField id="lot-person" label="Your name" value=person />
            <TextField id="lot-reason" label="Reason" value=reason
                hint="Needed to put a lot into use before it is verified; recorded with every change." />
            {in_quarantine.then(|| view! {
                <p class="hint">"A lot is verified with a signed-off new-lot verification: "
                    <A href=format!("/reagents/lots/{}/verify", lot.id)>"record the verification"</A>"."</p>
            })}
            <div class="toolbar">{moves}</div>
            {move || notice.get().map(|n| match n {
                Ok(t) => view! { <p class="notice ok" role="status">{t}</p> }.into_any(),
                Err(t) => view! { <p class="notice danger" role="alert">{t}</p> }.into_any(),
            })}
        </div>
        <h2>"Status log"</h2>
        <ul class="plain-list status-log">
            {lot.history.iter().rev().map(|t| view! {
                <li>{format!("{} → {}, {} by {}{}{}", t.from, t.to, t.at.format("%Y-%m-%d %H:%M"), t.by,
                    if t.reason.is_empty() { String::new() } else { format!(": {}", t.reason) },
                    if t.verification_skipped { " (without verification)" } else { "" })}</li>
            }).collect_view()}
        </ul>
        <RecordsExport records=records file=format!("audit-lot-{}.csv", lot.lot_number) />
    }
}

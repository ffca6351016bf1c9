//! One lot in a list: reagent, lot number, effective expiry, status, place and quantity.

use benchmate_core::reagents::{lot_effective_expiry, Lot};
use leptos::prelude::*;
use leptos_router::components::A;

use super::data::Inventory;
use crate::settings::use_preferences;

/// The text of a lot's line, shared by every list.
#[component]
pub fn LotRow(lot: Lot, inventory: Inventory) -> impl IntoView {
    let prefs = use_preferences();
    let effective = lot_effective_expiry(&inventory.reagent_bodies(), &lot);
    let expiry_note = if effective < lot.expiry {
        " (opened: in-use stability)"
    } else {
        ""
    };
    let place = if lot.location.is_empty() {
        String::new()
    } else {
        format!(" · {}", lot.location)
    };
    view! {
        <li class="lot-row">
            <A href=format!("/reagents/lots/{}", lot.id)>
                <strong>{inventory.reagent_name(&lot.reagent_id)}" · lot "{lot.lot_number.clone()}</strong>
            </A>
            <span>
                {format!("Use by {}{expiry_note}", prefs.with_untracked(|p| p.format_date(effective)))}
            </span>
            <span class="hint">{format!("{} · {} {}{place}", lot.status, lot.quantity, lot.unit)}</span>
        </li>
    }
}

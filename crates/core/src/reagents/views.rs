//! Pure views over the lab's lots: by status, by expiry bucket, by location, low stock, and the
//! lot to use first for each reagent.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::expiry::{effective_expiry, expiry_bucket, ExpiryBucket, ExpiryThresholds};
use super::lifecycle::LotStatus;
use super::model::{Lot, Reagent};

fn stability(reagents: &[Reagent], reagent_id: &str) -> Option<u32> {
    reagents
        .iter()
        .find(|r| r.id == reagent_id)
        .and_then(|r| r.in_use_stability_days)
}

/// A lot's effective expiry, with its reagent's in-use stability.
pub fn lot_effective_expiry(reagents: &[Reagent], lot: &Lot) -> NaiveDate {
    effective_expiry(lot, stability(reagents, &lot.reagent_id))
}

/// The reagent a scanned GTIN belongs to. GTINs are compared as GTIN-14, so a reagent saved
/// with its 13-digit EAN matches the 14-digit (01) from a GS1 barcode.
pub fn find_reagent_by_gtin<'a>(reagents: &'a [Reagent], gtin: &str) -> Option<&'a Reagent> {
    let as_14 = |g: &str| format!("{:0>14}", g.trim());
    let wanted = as_14(gtin);
    reagents
        .iter()
        .find(|r| r.gtin.as_deref().is_some_and(|g| as_14(g) == wanted))
}

/// Lots grouped by status.
pub fn lots_by_status(lots: &[Lot]) -> BTreeMap<LotStatus, Vec<&Lot>> {
    let mut groups: BTreeMap<LotStatus, Vec<&Lot>> = BTreeMap::new();
    for lot in lots {
        groups.entry(lot.status).or_default().push(lot);
    }
    groups
}

/// Active lots (quarantine, verified, in use) grouped by expiry bucket, soonest first within
/// each bucket. Lots already depleted, discarded or marked expired need no alert.
pub fn lots_by_expiry<'a>(
    reagents: &[Reagent],
    lots: &'a [Lot],
    today: NaiveDate,
    thresholds: ExpiryThresholds,
) -> BTreeMap<ExpiryBucket, Vec<&'a Lot>> {
    let mut active: Vec<(NaiveDate, &Lot)> = lots
        .iter()
        .filter(|l| l.is_active())
        .map(|l| (lot_effective_expiry(reagents, l), l))
        .collect();
    active.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.lot_number.cmp(&b.1.lot_number)));
    let mut groups: BTreeMap<ExpiryBucket, Vec<&Lot>> = BTreeMap::new();
    for (effective, lot) in active {
        groups
            .entry(expiry_bucket(effective, today, thresholds))
            .or_default()
            .push(lot);
    }
    groups
}

/// Active lots past their effective expiry: the ones to move to "expired" and take off the
/// shelf.
pub fn lots_to_mark_expired<'a>(reagents: &[Reagent], lots: &'a [Lot], today: NaiveDate) -> Vec<&'a Lot> {
    lots.iter()
        .filter(|l| l.is_active() && lot_effective_expiry(reagents, l) < today)
        .collect()
}

/// Active lots grouped by storage location.
pub fn lots_by_location(lots: &[Lot]) -> BTreeMap<&str, Vec<&Lot>> {
    let mut groups: BTreeMap<&str, Vec<&Lot>> = BTreeMap::new();
    for lot in lots.iter().filter(|l| l.is_active()) {
        groups.entry(lot.location.as_str()).or_default().push(lot);
    }
    groups
}

/// A reagent whose usable stock is at or below its reorder level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowStock {
    pub reagent_id: String,
    pub on_hand: u32,
    pub reorder_level: u32,
}

/// Reagents to reorder: usable stock counts active lots that have not reached their
/// effective expiry.
pub fn low_stock(reagents: &[Reagent], lots: &[Lot], today: NaiveDate) -> Vec<LowStock> {
    reagents
        .iter()
        .filter_map(|reagent| {
            let reorder_level = reagent.reorder_level?;
            let on_hand = lots
                .iter()
                .filter(|l| l.reagent_id == reagent.id && l.is_active())
                .filter(|l| effective_expiry(l, reagent.in_use_stability_days) >= today)
                .map(|l| l.quantity)
                .fold(0u32, u32::saturating_add);
            (on_hand <= reorder_level).then(|| LowStock {
                reagent_id: reagent.id.clone(),
                on_hand,
                reorder_level,
            })
        })
        .collect()
}

/// First-expiring-first-out: for each reagent, the usable lot (verified or in use, not past
/// its effective expiry, not empty) with the earliest effective expiry. On a tie the lot
/// already in use comes first, so no second box is opened needlessly.
pub fn use_first<'a>(reagents: &[Reagent], lots: &'a [Lot], today: NaiveDate) -> BTreeMap<String, &'a Lot> {
    let mut chosen: BTreeMap<String, (NaiveDate, bool, &Lot)> = BTreeMap::new();
    for lot in lots {
        if !matches!(lot.status, LotStatus::Verified | LotStatus::InUse) || lot.quantity == 0 {
            continue;
        }
        let effective = lot_effective_expiry(reagents, lot);
        if effective < today {
            continue;
        }
        // Sort key: earlier expiry, then "in use" (false sorts before true, hence the negation).
        let key = (effective, lot.status != LotStatus::InUse);
        let better = match chosen.get(&lot.reagent_id) {
            Some((date, not_in_use, _)) => key < (*date, *not_in_use),
            None => true,
        };
        if better {
            chosen.insert(lot.reagent_id.clone(), (key.0, key.1, lot));
        }
    }
    chosen.into_iter().map(|(id, (_, _, lot))| (id, lot)).collect()
}

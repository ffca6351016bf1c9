//! Lots by effective expiry: expired, today, and within the lab's two alert thresholds (7 and
//! 30 days unless the lab set others). The home page shows it too, so what expires soon is
//! the first thing a tech sees.

use benchmate_core::reagents::{lots_by_expiry, ExpiryBucket, ExpiryThresholds};
use leptos::prelude::*;

use super::data::{today, Inventory};
use super::lot_row::LotRow;
use crate::store::revision;

fn bucket_title(bucket: ExpiryBucket, t: ExpiryThresholds) -> String {
    match bucket {
        ExpiryBucket::Expired => "Expired: do not use".to_string(),
        ExpiryBucket::Today => "Expires today".to_string(),
        ExpiryBucket::Soon => format!("Within {} days", t.soon_days),
        ExpiryBucket::Later => format!("Within {} days", t.later_days),
        ExpiryBucket::Fine => format!("Later than {} days", t.later_days),
    }
}

/// Active lots grouped by expiry bucket; `all` includes the lots that expire later.
#[component]
pub fn ExpiringLots(#[prop(optional)] all: bool) -> impl IntoView {
    let inventory = LocalResource::new(move || {
        revision().track();
        Inventory::load()
    });
    view! {
        <Suspense fallback=|| ()>
            {move || inventory.get().map(|loaded| match loaded {
                Err(err) => view! { <p class="notice warn">{format!("Lots are not available: {err}")}</p> }.into_any(),
                Ok(inventory) => {
                    let thresholds = inventory.thresholds.1;
                    let lots = inventory.lot_bodies();
                    let groups = lots_by_expiry(&inventory.reagent_bodies(), &lots, today(), thresholds);
                    let shown: Vec<_> = groups
                        .into_iter()
                        .filter(|(bucket, _)| all || *bucket != ExpiryBucket::Fine)
                        .map(|(bucket, lots)| (bucket, lots.into_iter().cloned().collect::<Vec<_>>()))
                        .collect();
                    if shown.is_empty() {
                        return view! { <p class="muted expiring-none">{format!("No lot expires within {} days.", thresholds.later_days)}</p> }.into_any();
                    }
                    view! {
                        <div class="expiring">
                            {shown.into_iter().map(|(bucket, lots)| {
                                let inventory = inventory.clone();
                                view! {
                                    <h3 class=format!("bucket bucket-{bucket:?}").to_lowercase()>{bucket_title(bucket, thresholds)}</h3>
                                    <ul class="lot-list">
                                        {lots.into_iter().map(|lot| view! { <LotRow lot=lot inventory=inventory.clone() /> }).collect_view()}
                                    </ul>
                                }
                            }).collect_view()}
                        </div>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

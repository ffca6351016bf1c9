//! The section's data as the screens read it: reagents, lots, verifications and QC records from
//! the local store (lab scope), with the body ids the screens link by, and today's date.

use benchmate_core::qc::{ControlLot, QcResult};
use benchmate_core::reagents::{ExpiryThresholds, LotVerification, Reagent};
use benchmate_core::record::{Record, RecordId};
use chrono::{NaiveDate, NaiveDateTime};

pub use benchmate_core::reagents::Lot;

use crate::store::{Store, StoreError};

/// Everything the inventory screens show, read at once.
#[derive(Clone, Default)]
pub struct Inventory {
    pub reagents: Vec<(Record, Reagent)>,
    pub lots: Vec<(Record, Lot)>,
    pub verifications: Vec<(Record, LotVerification)>,
    /// The lab's expiry alert thresholds and the record holding them (none yet: defaults).
    pub thresholds: (Option<RecordId>, ExpiryThresholds),
}

impl Inventory {
    /// Reads the inventory from the store.
    pub async fn load() -> Result<Inventory, StoreError> {
        let store = Store::open().await?;
        let mut reagents = store.list::<Reagent>().await?;
        reagents.sort_by_key(|(_, r)| r.name.to_lowercase());
        Ok(Inventory {
            reagents,
            lots: store.list::<Lot>().await?,
            verifications: store.list::<LotVerification>().await?,
            thresholds: lab_thresholds(&store).await?,
        })
    }

    /// The reagent bodies alone, as core's views take them.
    pub fn reagent_bodies(&self) -> Vec<Reagent> {
        self.reagents.iter().map(|(_, r)| r.clone()).collect()
    }

    pub fn lot_bodies(&self) -> Vec<Lot> {
        self.lots.iter().map(|(_, l)| l.clone()).collect()
    }

    pub fn reagent(&self, id: &str) -> Option<&(Record, Reagent)> {
        self.reagents.iter().find(|(_, r)| r.id == id)
    }

    pub fn lot(&self, id: &str) -> Option<&(Record, Lot)> {
        self.lots.iter().find(|(_, l)| l.id == id)
    }

    /// The reagent's name, or a plain fallback when the reagent is gone.
    pub fn reagent_name(&self, id: &str) -> String {
        self.reagent(id)
            .map(|(_, r)| r.name.clone())
            .unwrap_or_else(|| "Unknown reagent".to_string())
    }

    /// The latest verification recorded for a lot.
    pub fn verification_for(&self, lot_id: &str) -> Option<&(Record, LotVerification)> {
        self.verifications
            .iter()
            .filter(|(_, v)| v.new_lot_id == lot_id)
            .max_by_key(|(_, v)| v.performed_at)
    }
}

/// The lab's expiry alert thresholds and the record holding them (none yet: the defaults).
pub async fn lab_thresholds(store: &Store) -> Result<(Option<RecordId>, ExpiryThresholds), StoreError> {
    let stored = store.list::<ExpiryThresholds>().await?;
    Ok(ExpiryThresholds::of_lab(
        stored.into_iter().map(|(record, thresholds)| (record.id(), thresholds)),
    ))
}

/// The QC records, read at once.
#[derive(Clone, Default)]
pub struct QcData {
    pub controls: Vec<(Record, ControlLot)>,
    pub results: Vec<QcResult>,
}

impl QcData {
    pub async fn load() -> Result<QcData, StoreError> {
        let store = Store::open().await?;
        let mut controls = store.list::<ControlLot>().await?;
        controls.sort_by(|a, b| (&a.1.material, &a.1.level).cmp(&(&b.1.material, &b.1.level)));
        let mut results: Vec<QcResult> = store.list::<QcResult>().await?.into_iter().map(|(_, r)| r).collect();
        results.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        Ok(QcData { controls, results })
    }
}

/// A new id for a body: the time and random bits in hex. Bodies link to each other by it.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", js_sys::Date::now() as u64)
}

/// The device's local date and time now, to the millisecond (results entered in one second
/// keep their order).
pub fn now() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_milli_opt(d.get_hours(), d.get_minutes(), d.get_seconds(), d.get_milliseconds()))
        .unwrap_or_default()
}

/// The device's local date.
pub fn today() -> NaiveDate {
    now().date()
}

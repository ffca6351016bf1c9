//! The reagent and lot records: what a lab keeps about each reagent and each box it receives.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lifecycle::{LotStatus, Transition};
use crate::record::RecordBody;

/// A reagent the lab stocks: one catalogue item, whatever lot it comes in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reagent {
    pub id: String,
    pub name: String,
    pub manufacturer: String,
    pub catalogue_number: String,
    /// The GTIN-14 printed in the barcode (AI 01), so a scan finds the reagent.
    #[serde(default)]
    pub gtin: Option<String>,
    /// As the insert says it, e.g. "2-8 °C".
    #[serde(default)]
    pub storage_temperature: String,
    /// The analyser or test the reagent serves.
    #[serde(default)]
    pub serves: String,
    /// Days the reagent stays usable once opened (on-board or in-use stability); `None` when
    /// the manufacturer's expiry alone applies.
    #[serde(default)]
    pub in_use_stability_days: Option<u32>,
    /// Order more when the usable quantity falls to this many units or below; `None` = no alert.
    #[serde(default)]
    pub reorder_level: Option<u32>,
}

impl RecordBody for Reagent {
    const KIND: &'static str = "reagent";
}

/// One lot (box or batch) of a reagent as received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lot {
    pub id: String,
    pub reagent_id: String,
    pub lot_number: String,
    /// The manufacturer's expiry: the last day the lot may be used unopened.
    pub expiry: NaiveDate,
    pub received_on: NaiveDate,
    pub received_by: String,
    /// The day the lot was first opened, if it has been.
    #[serde(default)]
    pub opened_on: Option<NaiveDate>,
    /// Units on hand (kits, vials, packs), counted in `unit`.
    pub quantity: u32,
    pub unit: String,
    /// Where it is kept, e.g. "Fridge 2, shelf B".
    #[serde(default)]
    pub location: String,
    pub status: LotStatus,
    /// Every status change, oldest first.
    #[serde(default)]
    pub history: Vec<Transition>,
}

impl RecordBody for Lot {
    const KIND: &'static str = "reagent_lot";
}

impl Lot {
    /// A lot just received: in quarantine until verified.
    pub fn received(
        id: &str,
        reagent_id: &str,
        lot_number: &str,
        expiry: NaiveDate,
        received_on: NaiveDate,
        received_by: &str,
    ) -> Lot {
        Lot {
            id: id.to_string(),
            reagent_id: reagent_id.to_string(),
            lot_number: lot_number.to_string(),
            expiry,
            received_on,
            received_by: received_by.to_string(),
            opened_on: None,
            quantity: 1,
            unit: "kit".to_string(),
            location: String::new(),
            status: LotStatus::Quarantine,
            history: Vec::new(),
        }
    }

    /// Checks the fields a person enters on receiving, so a bad lot is never stored.
    pub fn validate(&self) -> Result<(), LotFieldError> {
        if self.lot_number.trim().is_empty() {
            return Err(LotFieldError::MissingLotNumber);
        }
        if self.received_by.trim().is_empty() {
            return Err(LotFieldError::MissingReceiver);
        }
        if self.unit.trim().is_empty() {
            return Err(LotFieldError::MissingUnit);
        }
        match self.opened_on {
            Some(opened) if opened < self.received_on => Err(LotFieldError::OpenedBeforeReceived {
                opened,
                received: self.received_on,
            }),
            _ => Ok(()),
        }
    }

    /// Whether the lot still counts as stock: received, verified or in use.
    pub fn is_active(&self) -> bool {
        matches!(
            self.status,
            LotStatus::Quarantine | LotStatus::Verified | LotStatus::InUse
        )
    }
}

/// A lot field that cannot be stored as entered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LotFieldError {
    MissingLotNumber,
    MissingReceiver,
    MissingUnit,
    OpenedBeforeReceived { opened: NaiveDate, received: NaiveDate },
}

impl fmt::Display for LotFieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LotFieldError::MissingLotNumber => write!(f, "the lot number is missing"),
            LotFieldError::MissingReceiver => write!(f, "who received the lot is missing"),
            LotFieldError::MissingUnit => write!(f, "the quantity's unit is missing"),
            LotFieldError::OpenedBeforeReceived { opened, received } => write!(
                f,
                "the lot cannot be opened ({opened}) before it was received ({received})"
            ),
        }
    }
}

impl std::error::Error for LotFieldError {}

//! Control materials, their lots with target mean and SD per analyte, and QC results.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::stats::{z_score, StatsError};
use super::westgard::Observation;
use crate::record::RecordBody;

/// Where a target mean and SD came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetSource {
    /// Copied from the manufacturer's package insert.
    PackageInsert,
    /// Computed by the lab from its own runs.
    Established { runs: usize },
}

/// The expected mean and SD of a control lot for one analyte on one analyser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub analyte: String,
    pub analyser: String,
    pub unit: String,
    pub mean: f64,
    pub sd: f64,
    pub source: TargetSource,
}

/// A lot of a control material at one level (e.g. "Lyphochek Level 2, lot 26430").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ControlLot {
    pub id: String,
    /// The material's name, e.g. "Lyphochek Immunoassay Plus".
    pub material: String,
    /// The level as the maker names it, e.g. "1", "2", "Low", "High".
    pub level: String,
    pub lot_number: String,
    pub expiry: NaiveDate,
    pub targets: Vec<Target>,
}

impl RecordBody for ControlLot {
    const KIND: &'static str = "qc_control_lot";
}

impl ControlLot {
    /// The target for an analyte on an analyser.
    pub fn target(&self, analyte: &str, analyser: &str) -> Option<&Target> {
        self.targets
            .iter()
            .find(|t| t.analyte == analyte && t.analyser == analyser)
    }
}

/// One QC measurement, entered by hand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QcResult {
    pub id: String,
    pub control_lot_id: String,
    pub analyte: String,
    pub analyser: String,
    /// Results measured together (one analytical run) share a run id.
    pub run_id: String,
    pub at: NaiveDateTime,
    pub value: f64,
    pub entered_by: String,
}

impl RecordBody for QcResult {
    const KIND: &'static str = "qc_result";
}

impl QcResult {
    /// Places the result against its level's target, ready for the Westgard check.
    pub fn observe(&self, target: &Target) -> Result<Observation, StatsError> {
        Ok(Observation {
            result_id: self.id.clone(),
            level: self.control_lot_id.clone(),
            run_id: self.run_id.clone(),
            at: self.at,
            z: z_score(self.value, target.mean, target.sd)?,
        })
    }
}

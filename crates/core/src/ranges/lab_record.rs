//! The lab's own table as lab-scope records: one record per analyte.
//!
//! One record per analyte (rather than per interval row, or one for the whole table) because
//! an interval row has no identity that survives a re-import (a lab that narrows an age band
//! has changed its partition, not "edited row 7"), while the analyte does. Per analyte, the
//! store's field history says who changed that analyte's limits and when, a re-import that
//! leaves an analyte unchanged writes nothing for it, and two members editing different
//! analytes never conflict.

use super::model::{Analyte, Interval};
use super::report::LabTable;
use crate::record::RecordBody;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The lab's rows for one analyte, and the lab's own description of it when the lab added
/// the analyte or changed its units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabAnalyteRanges {
    pub analyte_id: String,
    #[serde(default)]
    pub analyte: Option<Analyte>,
    pub intervals: Vec<Interval>,
}

impl RecordBody for LabAnalyteRanges {
    const KIND: &'static str = "lab_ranges";
}

impl LabTable {
    /// The table split into one body per analyte, in analyte id order.
    pub fn by_analyte(&self) -> Vec<LabAnalyteRanges> {
        let mut grouped: BTreeMap<String, LabAnalyteRanges> = BTreeMap::new();
        let entry = |grouped: &mut BTreeMap<String, LabAnalyteRanges>, id: &str| {
            grouped.entry(id.to_string()).or_insert_with(|| LabAnalyteRanges {
                analyte_id: id.to_string(),
                analyte: None,
                intervals: Vec::new(),
            });
        };
        for analyte in &self.analytes {
            entry(&mut grouped, &analyte.id);
            if let Some(body) = grouped.get_mut(&analyte.id) {
                body.analyte = Some(analyte.clone());
            }
        }
        for interval in &self.intervals {
            entry(&mut grouped, &interval.analyte);
            if let Some(body) = grouped.get_mut(&interval.analyte) {
                body.intervals.push(interval.clone());
            }
        }
        grouped.into_values().collect()
    }

    /// The table held by the stored bodies.
    pub fn from_bodies<'a>(bodies: impl IntoIterator<Item = &'a LabAnalyteRanges>) -> LabTable {
        let mut table = LabTable::default();
        for body in bodies {
            table.analytes.extend(body.analyte.clone());
            table.intervals.extend(body.intervals.iter().cloned());
        }
        table
    }
}

/// What storing an imported table does to the lab's records: the import replaces the
/// lab's table, so analytes absent from the new file lose their lab rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan<Id> {
    pub create: Vec<LabAnalyteRanges>,
    /// Changed analytes only: an unchanged analyte is left alone (no history entry).
    pub update: Vec<(Id, LabAnalyteRanges)>,
    pub delete: Vec<Id>,
    pub unchanged: usize,
}

/// Plans the writes that turn the `existing` records into `table`.
pub fn plan_import<Id: Clone>(existing: &[(Id, LabAnalyteRanges)], table: &LabTable) -> ImportPlan<Id> {
    let mut plan = ImportPlan {
        create: Vec::new(),
        update: Vec::new(),
        delete: Vec::new(),
        unchanged: 0,
    };
    let new = table.by_analyte();
    for body in &new {
        match existing.iter().find(|(_, old)| old.analyte_id == body.analyte_id) {
            Some((_, old)) if old == body => plan.unchanged += 1,
            Some((id, _)) => plan.update.push((id.clone(), body.clone())),
            None => plan.create.push(body.clone()),
        }
    }
    for (id, old) in existing {
        if !new.iter().any(|b| b.analyte_id == old.analyte_id) {
            plan.delete.push(id.clone());
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranges::{validate_csv, ImportMode, RangeBook};

    const HEADER: &str = "analyte,category,sex,age_from,age_to,gest_from,gest_to,condition,low,high,unit,source,note\n";

    fn table(rows: &str) -> LabTable {
        let defaults = RangeBook::bundled();
        let csv = format!("{HEADER}{rows}");
        validate_csv(&csv, None, defaults.catalogue())
            .accept(ImportMode::AllOrNothing)
            .expect("clean file")
    }

    #[test]
    fn a_table_splits_into_one_body_per_analyte_and_back() {
        let lab = table(
            "potassium,reference,any,18y,,,,,3.6,5.0,mmol/L,Our lab 2026,\n\
             sodium,reference,any,18y,,,,,136,145,mmol/L,Our lab 2026,\n\
             potassium,critical,any,18y,,,,,2.5,6.0,mmol/L,Our policy,\n",
        );
        let bodies = lab.by_analyte();
        let ids: Vec<(&str, usize)> = bodies
            .iter()
            .map(|b| (b.analyte_id.as_str(), b.intervals.len()))
            .collect();
        assert_eq!(ids, [("potassium", 2), ("sodium", 1)]);
        let back = LabTable::from_bodies(&bodies);
        assert_eq!(back.intervals.len(), 3);
        assert!(back.intervals.iter().all(|i| lab.intervals.contains(i)));
    }

    #[test]
    fn an_import_creates_updates_and_deletes_only_what_changed() {
        let old = table(
            "potassium,reference,any,18y,,,,,3.6,5.0,mmol/L,Our lab 2026,\n\
             sodium,reference,any,18y,,,,,136,145,mmol/L,Our lab 2026,\n\
             chloride,reference,any,18y,,,,,98,107,mmol/L,Our lab 2026,\n",
        );
        let existing: Vec<(u32, LabAnalyteRanges)> =
            old.by_analyte().into_iter().zip(1..).map(|(b, id)| (id, b)).collect();
        // Ids by analyte order: chloride 1, potassium 2, sodium 3.
        let new = table(
            "potassium,reference,any,18y,,,,,3.5,5.1,mmol/L,Our lab 2026,\n\
             sodium,reference,any,18y,,,,,136,145,mmol/L,Our lab 2026,\n\
             glucose,reference,any,18y,,,,,70,99,mg/dL,Our lab 2026,\n",
        );
        let plan = plan_import(&existing, &new);
        assert_eq!(
            plan.create.iter().map(|b| b.analyte_id.as_str()).collect::<Vec<_>>(),
            ["glucose"]
        );
        assert_eq!(plan.update.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [2]);
        assert_eq!(plan.delete, [1]);
        assert_eq!(plan.unchanged, 1);
        let empty: Vec<(u32, LabAnalyteRanges)> = Vec::new();
        assert_eq!(plan_import(&empty, &new).create.len(), 3);
    }
}

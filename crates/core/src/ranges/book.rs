//! The range book: Benchmate's defaults and the lab's own table, looked up together.
//!
//! The lab wins: for each category, when the lab's table has rows for the analyte and one
//! of them applies to the patient, that row is shown, marked [`Provenance::Lab`]. Only when
//! the lab has no row of that category for the analyte, or none for this patient (say the
//! lab lists adult limits only and the patient is a neonate), is the default shown, marked
//! [`Provenance::Default`] so the screen can say it is a default to verify.

use super::bundled::{load_defaults, Defaults};
use super::catalogue::Catalogue;
use super::model::{Analyte, Category, Interval, Provenance};
use super::report::LabTable;
use super::search::{Hit, SearchIndex};
use super::select::{select_interval, NoMatch, Patient};
use std::collections::HashMap;

/// An interval chosen for display, with where it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown<'a> {
    pub interval: &'a Interval,
    pub provenance: Provenance,
}

/// The intervals of each category that apply to one patient, or why none does.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection<'a> {
    pub reference: Result<Shown<'a>, NoMatch>,
    pub critical: Result<Shown<'a>, NoMatch>,
    pub absolute: Result<Shown<'a>, NoMatch>,
}

#[derive(Clone, Debug, Default)]
pub struct RangeBook {
    catalogue: Catalogue,
    defaults: HashMap<String, Vec<Interval>>,
    lab: HashMap<String, Vec<Interval>>,
    sources: HashMap<String, String>,
    index: SearchIndex,
}

fn group(intervals: Vec<Interval>) -> HashMap<String, Vec<Interval>> {
    let mut by_analyte: HashMap<String, Vec<Interval>> = HashMap::new();
    for interval in intervals {
        by_analyte.entry(interval.analyte.clone()).or_default().push(interval);
    }
    by_analyte
}

impl RangeBook {
    /// The bundled defaults with the lab's table, if it has one.
    pub fn new(defaults: Defaults, lab: Option<LabTable>) -> RangeBook {
        let mut catalogue = defaults.catalogue;
        let lab = lab.unwrap_or_default();
        for analyte in lab.analytes {
            catalogue.insert(analyte);
        }
        let index = SearchIndex::build(catalogue.analytes());
        RangeBook {
            catalogue,
            defaults: group(defaults.intervals),
            lab: group(lab.intervals),
            sources: defaults.sources.into_iter().collect(),
            index,
        }
    }

    /// The bundled starter table alone.
    pub fn bundled() -> RangeBook {
        RangeBook::new(load_defaults(), None)
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn analyte(&self, id: &str) -> Option<&Analyte> {
        self.catalogue.get(id)
    }

    /// Search as you type; see [`SearchIndex`] for the ranking.
    pub fn search(&self, query: &str, limit: usize) -> Vec<(&Analyte, Hit)> {
        self.index
            .search(query, limit)
            .into_iter()
            .filter_map(|hit| self.catalogue.analytes().get(hit.analyte).map(|a| (a, hit)))
            .collect()
    }

    /// Every row shown for an analyte in the list view: the lab's rows, then the defaults.
    pub fn rows(&self, analyte_id: &str) -> Vec<Shown<'_>> {
        let lab = self.lab.get(analyte_id).into_iter().flatten().map(|interval| Shown {
            interval,
            provenance: Provenance::Lab,
        });
        let defaults = self
            .defaults
            .get(analyte_id)
            .into_iter()
            .flatten()
            .map(|interval| Shown {
                interval,
                provenance: Provenance::Default,
            });
        lab.chain(defaults).collect()
    }

    /// The conditions (`fasting`, `pregnancy`, ...) that some row of the analyte is for,
    /// sorted: what the patient's condition field offers on that analyte's page.
    pub fn conditions(&self, analyte_id: &str) -> Vec<String> {
        let mut conditions: Vec<String> = self
            .rows(analyte_id)
            .into_iter()
            .filter_map(|shown| shown.interval.condition.clone())
            .collect();
        conditions.sort();
        conditions.dedup();
        conditions
    }

    /// True when some row of the analyte is for a gestational age at birth, so the page
    /// asks for one.
    pub fn uses_gestation(&self, analyte_id: &str) -> bool {
        self.rows(analyte_id)
            .iter()
            .any(|shown| shown.interval.gestation.is_some())
    }

    /// The full citation for a row's source key; a lab's free-text source is returned as is.
    pub fn source_text<'a>(&'a self, source: &'a str) -> &'a str {
        self.sources.get(source).map_or(source, String::as_str)
    }

    pub fn select(&self, analyte_id: &str, patient: &Patient) -> Selection<'_> {
        Selection {
            reference: self.select_category(analyte_id, Category::Reference, patient),
            critical: self.select_category(analyte_id, Category::Critical, patient),
            absolute: self.select_category(analyte_id, Category::Absolute, patient),
        }
    }

    fn select_category(&self, analyte_id: &str, category: Category, patient: &Patient) -> Result<Shown<'_>, NoMatch> {
        let defaults = self.defaults.get(analyte_id).map_or(&[][..], Vec::as_slice);
        let from_default = || {
            select_interval(defaults, category, patient).map(|interval| Shown {
                interval,
                provenance: Provenance::Default,
            })
        };
        let lab = self.lab.get(analyte_id).map_or(&[][..], Vec::as_slice);
        if !lab.iter().any(|r| r.category == category) {
            return from_default();
        }
        match select_interval(lab, category, patient) {
            Ok(interval) => Ok(Shown {
                interval,
                provenance: Provenance::Lab,
            }),
            // The lab's own reason is the one to show when the default does not help either.
            Err(lab_reason) => from_default().map_err(|_| lab_reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranges::{validate_csv, ImportMode};

    #[test]
    fn the_conditions_and_gestation_an_analyte_page_asks_for() {
        let header = "analyte,category,sex,age_from,age_to,gest_from,gest_to,condition,low,high,unit,source,note\n";
        let rows = "bilirubin-total,reference,any,,7d,,37,,1,12,mg/dL,Our lab,preterm\n\
                    potassium,reference,any,18y,,,,dialysis,3.5,5.5,mmol/L,Our lab,\n";
        let lab = validate_csv(&format!("{header}{rows}"), None, RangeBook::bundled().catalogue())
            .accept(ImportMode::AllOrNothing)
            .expect("clean file");
        let book = RangeBook::new(load_defaults(), Some(lab));
        for (analyte, conditions, gestation) in [
            ("glucose", vec!["fasting"], false),
            ("hemoglobin", vec!["pregnancy"], false),
            ("lh", vec!["follicular", "luteal", "ovulatory", "postmenopausal"], false),
            ("potassium", vec!["dialysis"], false),
            ("sodium", vec![], false),
            ("bilirubin-total", vec![], true),
            ("no-such-analyte", vec![], false),
        ] {
            assert_eq!(book.conditions(analyte), conditions, "{analyte}");
            assert_eq!(book.uses_gestation(analyte), gestation, "{analyte}");
        }
    }
}

//! The list of known analytes, found by id, LOINC code or exact name.
//!
//! Import rows name their analyte in whichever way a lab's spreadsheet does, so a row's
//! `analyte` may be Benchmate's id (`potassium`), the LOINC code (`2823-3`) or the name or an
//! abbreviation written out in full (`Potassium`, `K`); case and spacing do not matter.

use super::model::Analyte;
use super::normalize::normalize;
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    analytes: Vec<Analyte>,
    by_key: HashMap<String, usize>,
}

impl Catalogue {
    pub fn new(analytes: Vec<Analyte>) -> Catalogue {
        let mut catalogue = Catalogue::default();
        for analyte in analytes {
            catalogue.insert(analyte);
        }
        catalogue
    }

    /// Adds an analyte, or replaces the one with the same id (a lab's own metadata wins).
    pub fn insert(&mut self, analyte: Analyte) {
        let index = match self.analytes.iter().position(|a| a.id == analyte.id) {
            Some(existing) => {
                self.analytes[existing] = analyte;
                existing
            }
            None => {
                self.analytes.push(analyte);
                self.analytes.len() - 1
            }
        };
        self.rebuild_keys_for(index);
    }

    fn rebuild_keys_for(&mut self, index: usize) {
        let analyte = &self.analytes[index];
        // Ids and LOINC codes are unique; names and abbreviations keep their first owner so
        // that an ambiguous abbreviation never silently moves to another analyte.
        let strong = [analyte.id.clone(), analyte.loinc.clone()];
        let weak: Vec<String> = std::iter::once(&analyte.name)
            .chain(&analyte.abbreviations)
            .cloned()
            .collect();
        for key in strong.iter().filter(|k| !k.is_empty()) {
            self.by_key.insert(key.to_ascii_lowercase(), index);
        }
        for key in weak {
            let key = normalize(&key);
            if !key.is_empty() {
                self.by_key.entry(key).or_insert(index);
            }
        }
    }

    pub fn analytes(&self) -> &[Analyte] {
        &self.analytes
    }

    pub fn len(&self) -> usize {
        self.analytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.analytes.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Analyte> {
        self.analytes.iter().find(|a| a.id == id)
    }

    /// Finds the analyte a table row names, by id, LOINC code, name or abbreviation.
    pub fn resolve(&self, text: &str) -> Option<&Analyte> {
        let text = text.trim();
        self.by_key
            .get(&text.to_ascii_lowercase())
            .or_else(|| self.by_key.get(&normalize(text)))
            .map(|&i| &self.analytes[i])
    }
}

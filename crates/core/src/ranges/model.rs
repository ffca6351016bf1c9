//! The analyte and interval model, after FHIR `ObservationDefinition.qualifiedInterval`.
//!
//! An [`Analyte`] says what is measured and in which units; an [`Interval`] is one row of a
//! range table: a category (reference, critical, absolute), limits in a unit, and the patient
//! partition it applies to (sex, age, gestational age, condition), with its source.

use super::age::AgeRange;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The bench section an analyte belongs to; it groups the search results and the counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    Chemistry,
    Hematology,
    Coagulation,
    Urinalysis,
    BloodGas,
    Endocrine,
    Drugs,
    Other,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Chemistry,
        Section::Hematology,
        Section::Coagulation,
        Section::Urinalysis,
        Section::BloodGas,
        Section::Endocrine,
        Section::Drugs,
        Section::Other,
    ];

    /// The word used in the table files.
    pub fn code(self) -> &'static str {
        match self {
            Section::Chemistry => "chemistry",
            Section::Hematology => "hematology",
            Section::Coagulation => "coagulation",
            Section::Urinalysis => "urinalysis",
            Section::BloodGas => "blood-gas",
            Section::Endocrine => "endocrine",
            Section::Drugs => "drugs",
            Section::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Section> {
        let text = text.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        let text = text.replace("haem", "hem");
        Section::ALL.into_iter().find(|s| s.code() == text)
    }
}

/// What kind of limits an interval row holds (FHIR `qualifiedInterval.category`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The reference interval: values from `low` to `high`, both included, are normal.
    Reference,
    /// Critical limits: a value below `low` or above `high` (strictly) is critical and must
    /// be called. Unlike FHIR, where a critical range is the critical zone itself, one row
    /// holds both limits, as a laboratory's critical-value list does.
    Critical,
    /// The absolute (reportable or plausible) range: a value outside it is checked before it
    /// is reported (re-run, dilute, or suspect a typing error).
    Absolute,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Reference, Category::Critical, Category::Absolute];

    pub fn code(self) -> &'static str {
        match self {
            Category::Reference => "reference",
            Category::Critical => "critical",
            Category::Absolute => "absolute",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        match text.trim().to_ascii_lowercase().as_str() {
            "reference" | "ref" | "normal" => Some(Category::Reference),
            "critical" | "crit" | "panic" => Some(Category::Critical),
            "absolute" | "reportable" | "amr" => Some(Category::Absolute),
            _ => None,
        }
    }

    /// "reference interval", "critical limits", "reportable range": words for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Category::Reference => "reference interval",
            Category::Critical => "critical limits",
            Category::Absolute => "reportable range",
        }
    }
}

/// The sex an interval applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Any,
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Any => "any",
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// Reads `any`/`both`/`all`/empty, `m`/`male`, `f`/`female`.
    pub fn parse(text: &str) -> Option<Sex> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "any" | "all" | "both" | "a" => Some(Sex::Any),
            "m" | "male" => Some(Sex::Male),
            "f" | "female" => Some(Sex::Female),
            _ => None,
        }
    }

    /// True when a row for `self` and a row for `other` could both apply to one patient.
    pub fn overlaps(self, other: Sex) -> bool {
        self == other || self == Sex::Any || other == Sex::Any
    }
}

/// A gestational age range in completed weeks: from (inclusive) to (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GestationRange {
    pub from_weeks: Option<u32>,
    pub to_weeks: Option<u32>,
}

impl GestationRange {
    pub fn contains(&self, weeks: u32) -> bool {
        self.from_weeks.is_none_or(|from| weeks >= from) && self.to_weeks.is_none_or(|to| weeks < to)
    }

    pub fn overlaps(&self, other: &GestationRange) -> bool {
        let a_from = self.from_weeks.unwrap_or(0);
        let b_from = other.from_weeks.unwrap_or(0);
        self.to_weeks.is_none_or(|to| b_from < to) && other.to_weeks.is_none_or(|to| a_from < to)
    }
}

/// What is measured, and how it is reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analyte {
    /// A stable key in lowercase with dashes (`potassium`, `troponin-i-hs`).
    pub id: String,
    pub name: String,
    pub abbreviations: Vec<String>,
    pub synonyms: Vec<String>,
    /// The LOINC code of the usual test, e.g. `2823-3`; empty when the lab has none.
    pub loinc: String,
    pub specimen: String,
    pub section: Section,
    /// The conventional unit as a UCUM code (`mg/dL`).
    pub unit: String,
    pub decimals: u8,
    /// The SI unit as a UCUM code (`mmol/L`); the same as `unit` when they agree.
    pub si_unit: String,
    pub si_decimals: u8,
    /// Conventional x factor = SI (domain-facts.md, "SI conversion factors").
    pub si_factor: f64,
    /// g/mol, where a mass-to-moles conversion needs it.
    pub molecular_weight: Option<f64>,
}

impl Analyte {
    /// The units a value or limit for this analyte may be written in directly.
    pub fn units(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.unit.as_str()).chain((self.si_unit != self.unit).then_some(self.si_unit.as_str()))
    }

    pub fn has_unit(&self, unit: &str) -> bool {
        self.units().any(|u| u == unit)
    }

    /// How many decimals a value in `unit` is reported with.
    pub fn decimals_for(&self, unit: &str) -> u8 {
        if unit == self.si_unit && unit != self.unit {
            self.si_decimals
        } else {
            self.decimals
        }
    }

    /// A value rounded and written as the lab reports it, e.g. `6.8 mmol/L`.
    pub fn format_value(&self, value: f64, unit: &str) -> String {
        let decimals = usize::from(self.decimals_for(unit));
        format!("{value:.decimals$} {unit}")
    }
}

/// One row of a range table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// The [`Analyte::id`] this row belongs to.
    pub analyte: String,
    pub category: Category,
    pub sex: Sex,
    pub age: AgeRange,
    pub gestation: Option<GestationRange>,
    /// A condition such as `pregnancy` or `fasting`, in lowercase; `None` applies to everyone.
    pub condition: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The UCUM unit the limits are written in: the analyte's conventional or SI unit.
    pub unit: String,
    /// A source key from the sources table, or the citation itself.
    pub source: String,
    pub note: String,
}

impl Interval {
    /// True when both rows could apply to the same patient: the rows of one category must
    /// not overlap, or a patient would have two intervals.
    pub fn partition_overlaps(&self, other: &Interval) -> bool {
        self.analyte == other.analyte
            && self.category == other.category
            && self.condition == other.condition
            && self.sex.overlaps(other.sex)
            && self.age.overlaps(&other.age)
            && match (&self.gestation, &other.gestation) {
                (Some(a), Some(b)) => a.overlaps(b),
                (None, None) => true,
                _ => false,
            }
    }

    /// The limits as a reader expects them, with the decimals the lab reports: "3.5 to 5.1
    /// mmol/L" or "≤ 5.0 ng/mL" for a reference row, "below 2.8 or above 6.2 mmol/L" for
    /// critical limits (which are strict: see [`Category::Critical`]).
    pub fn describe_limits(&self, decimals: u8) -> String {
        let d = usize::from(decimals);
        let unit = &self.unit;
        match (self.category, self.low, self.high) {
            (Category::Critical, Some(low), Some(high)) => {
                format!("below {low:.d$} or above {high:.d$} {unit}")
            }
            (Category::Critical, Some(low), None) => format!("below {low:.d$} {unit}"),
            (Category::Critical, None, Some(high)) => format!("above {high:.d$} {unit}"),
            (_, Some(low), Some(high)) => format!("{low:.d$} to {high:.d$} {unit}"),
            (_, Some(low), None) => format!("≥ {low:.d$} {unit}"),
            (_, None, Some(high)) => format!("≤ {high:.d$} {unit}"),
            (_, None, None) => format!("no limits ({unit})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(category: Category, low: Option<f64>, high: Option<f64>) -> Interval {
        Interval {
            analyte: "potassium".into(),
            category,
            sex: Sex::Any,
            age: AgeRange::ALL,
            gestation: None,
            condition: None,
            low,
            high,
            unit: "mmol/L".into(),
            source: "test".into(),
            note: String::new(),
        }
    }

    #[test]
    fn limits_are_described_in_words_with_the_reported_decimals() {
        for (category, low, high, expect) in [
            (Category::Reference, Some(3.5), Some(5.1), "3.5 to 5.1 mmol/L"),
            (Category::Reference, None, Some(5.0), "≤ 5.0 mmol/L"),
            (Category::Reference, Some(30.0), None, "≥ 30.0 mmol/L"),
            (
                Category::Critical,
                Some(2.8),
                Some(6.2),
                "below 2.8 or above 6.2 mmol/L",
            ),
            (Category::Critical, None, Some(15.0), "above 15.0 mmol/L"),
            (Category::Absolute, Some(1.0), Some(12.0), "1.0 to 12.0 mmol/L"),
        ] {
            assert_eq!(row(category, low, high).describe_limits(1), expect);
        }
    }

    #[test]
    fn rows_overlap_only_when_one_patient_could_match_both() {
        let mut adult = row(Category::Reference, Some(3.5), Some(5.1));
        adult.age.from = Some(super::super::age::AgeLimit::new(18, super::super::age::AgeUnit::Years));
        let mut male = adult.clone();
        male.sex = Sex::Male;
        let mut child = row(Category::Reference, Some(3.4), Some(4.7));
        child.age.to = adult.age.from;
        let mut pregnant = adult.clone();
        pregnant.condition = Some("pregnancy".into());
        let critical = row(Category::Critical, Some(2.8), Some(6.2));
        assert!(adult.partition_overlaps(&male), "any and male overlap");
        assert!(!adult.partition_overlaps(&child), "[0, 18y) and [18y, ...) do not");
        assert!(
            !adult.partition_overlaps(&pregnant),
            "a condition row is its own partition"
        );
        assert!(!adult.partition_overlaps(&critical), "categories never clash");
    }
}

/// Where a shown interval came from: the lab's own table or Benchmate's defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    Lab,
    Default,
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Provenance::Lab => "the lab's table",
            Provenance::Default => "Benchmate default (verify locally)",
        })
    }
}

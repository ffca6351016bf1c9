//! The bundled starter table: it loads clean through the import code, and it covers what
//! issue 6 asks for (at least 150 analytes across the sections, a source for every row,
//! critical limits for the analytes that usually have them).

use benchmate_core::ranges::bundled::{SOURCES_CSV, TEMPLATE_CSV};
use benchmate_core::ranges::rows::loinc_is_valid;
use benchmate_core::ranges::{load_defaults, validate_csv, Category, Section};
use std::collections::{BTreeMap, HashSet};

#[test]
fn bundled_table_loads_without_a_single_bad_row() {
    let defaults = load_defaults();
    let problems: Vec<String> = defaults.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "bad rows in the bundled table:\n{}",
        problems.join("\n")
    );
}

#[test]
fn bundled_table_covers_every_section_with_at_least_150_analytes() {
    let defaults = load_defaults();
    let mut per_section: BTreeMap<&str, usize> = BTreeMap::new();
    for analyte in defaults.catalogue.analytes() {
        *per_section.entry(analyte.section.code()).or_default() += 1;
    }
    let intervals_per_category =
        Category::ALL.map(|c| (c.code(), defaults.intervals.iter().filter(|i| i.category == c).count()));
    eprintln!("analytes per section: {per_section:?}; rows per category: {intervals_per_category:?}");
    assert!(defaults.catalogue.len() >= 150, "{} analytes", defaults.catalogue.len());
    for section in Section::ALL.into_iter().filter(|s| *s != Section::Other) {
        assert!(
            per_section.get(section.code()).copied().unwrap_or(0) >= 10,
            "too few in {}",
            section.code()
        );
    }
}

#[test]
fn every_analyte_has_a_reference_interval_a_valid_loinc_code_and_a_known_source() {
    let defaults = load_defaults();
    let source_keys: HashSet<&str> = defaults.sources.iter().map(|(k, _)| k.as_str()).collect();
    assert!(SOURCES_CSV.starts_with("key,citation"));
    for analyte in defaults.catalogue.analytes() {
        assert!(
            defaults
                .intervals
                .iter()
                .any(|i| i.analyte == analyte.id && i.category == Category::Reference),
            "{} has no reference interval",
            analyte.id
        );
        assert!(
            analyte.loinc.is_empty() || loinc_is_valid(&analyte.loinc),
            "{}",
            analyte.id
        );
        assert!(analyte.si_factor > 0.0, "{}", analyte.id);
    }
    for interval in &defaults.intervals {
        assert!(
            source_keys.contains(interval.source.as_str()),
            "{} cites unknown source {}",
            interval.analyte,
            interval.source
        );
    }
    let unused: Vec<&&str> = source_keys
        .iter()
        .filter(|k| !defaults.intervals.iter().any(|i| i.source == **k))
        .collect();
    assert!(unused.is_empty(), "sources never cited: {unused:?}");
}

#[test]
fn analytes_that_usually_have_critical_limits_have_them() {
    let defaults = load_defaults();
    let usual = [
        "sodium",
        "potassium",
        "chloride",
        "bicarbonate",
        "glucose",
        "calcium",
        "calcium-ionized",
        "magnesium",
        "phosphate",
        "hemoglobin",
        "hematocrit",
        "platelets",
        "wbc",
        "inr",
        "aptt",
        "fibrinogen",
        "ph-arterial",
        "pco2-arterial",
        "po2-arterial",
        "lactate",
        "digoxin",
        "lithium",
    ];
    for id in usual {
        assert!(
            defaults
                .intervals
                .iter()
                .any(|i| i.analyte == id && i.category == Category::Critical),
            "{id} has no critical limits"
        );
    }
}

#[test]
fn the_downloadable_template_imports_clean_against_the_defaults() {
    let defaults = load_defaults();
    let report = validate_csv(TEMPLATE_CSV, None, &defaults.catalogue);
    assert!(report.is_clean(), "{:?}", report.problems);
    assert_eq!(report.intervals.len(), 2);
}

//! Benchmate's starter table, compiled in from `crates/core/data/ranges/`.
//!
//! These are DEFAULTS THAT EACH LAB MUST VERIFY. The values were written by the Benchmate
//! team from general knowledge of the public sources named in `sources.csv`; they were not
//! copied from those tables and have not been checked against them line by line. They are
//! read by the same code that reads a lab's import, so they obey the same rules.

use super::catalogue::Catalogue;
use super::csv::read_records;
use super::import::validate_csv;
use super::model::Interval;
use super::report::{ImportMode, Problem};

pub const ANALYTES_CSV: &str = include_str!("../../data/ranges/analytes.csv");
pub const INTERVALS_CSV: &str = include_str!("../../data/ranges/intervals.csv");
pub const SOURCES_CSV: &str = include_str!("../../data/ranges/sources.csv");
/// The template a lab downloads to start its own table.
pub const TEMPLATE_CSV: &str = include_str!("../../data/ranges/template.csv");

/// What every screen showing a default interval must say.
pub const DEFAULTS_NOTICE: &str = "Benchmate default: written from public sources, not \
    verified for your analyser or population. Each lab must verify or establish its own \
    reference intervals and critical limits (CLSI EP28).";

/// The loaded starter table.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    pub catalogue: Catalogue,
    pub intervals: Vec<Interval>,
    /// Source key and full citation.
    pub sources: Vec<(String, String)>,
    /// Rows of the bundled files that failed validation; a test keeps this empty.
    pub problems: Vec<Problem>,
}

/// Reads the bundled files. Bad rows are left out and listed in `problems`.
pub fn load_defaults() -> Defaults {
    let report = validate_csv(INTERVALS_CSV, Some(ANALYTES_CSV), &Catalogue::default());
    let problems = report.problems.clone();
    let table = report.accept(ImportMode::GoodRowsOnly).unwrap_or_default();
    Defaults {
        catalogue: Catalogue::new(table.analytes),
        intervals: table.intervals,
        sources: load_sources(),
        problems,
    }
}

fn load_sources() -> Vec<(String, String)> {
    read_records(SOURCES_CSV)
        .unwrap_or_default()
        .into_iter()
        .skip(1)
        .filter_map(|r| {
            let mut fields = r.fields.into_iter();
            Some((fields.next()?, fields.next()?))
        })
        .collect()
}

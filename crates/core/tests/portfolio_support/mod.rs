//! Helpers shared by the CE rule-engine tests: building entries and credentials, running
//! the engine with the bundled rules, and comparing requirement tables.
#![allow(dead_code)]

use benchmate_core::portfolio::{
    evaluate, Catalogue, CeEntry, Credential, CreditAmount, CreditType, CycleEvaluation, Exclusion, KeyedEntry, Points,
    WarningPolicy,
};
use chrono::NaiveDate;

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub fn pts(value: f64) -> Points {
    Points::from_decimal(value).expect("finite")
}

pub fn entry(id: &str, date: &str, value: f64, credit_type: CreditType, categories: &[&str]) -> KeyedEntry {
    KeyedEntry {
        id: id.to_string(),
        entry: CeEntry::quick(id, day(date), CreditAmount::new(value, credit_type)).with_categories(categories),
    }
}

pub fn run(credential: &Credential, entries: &[KeyedEntry], today: &str) -> CycleEvaluation {
    let catalogue = Catalogue::bundled().expect("bundled rules");
    let rules = catalogue.rules_for(credential).expect("known program");
    evaluate(rules, credential, entries, day(today), &WarningPolicy::default()).expect("valid inputs")
}

/// (id, needed, earned, met) for the total and each topic, in order.
pub fn requirements(result: &CycleEvaluation) -> Vec<(String, Points, Points, bool)> {
    std::iter::once(&result.total)
        .chain(&result.topics)
        .map(|r| (r.id.clone(), r.needed, r.earned, r.met))
        .collect()
}

pub fn check_requirements(result: &CycleEvaluation, expect: &[(&str, f64, f64, bool)]) {
    let expect: Vec<(String, Points, Points, bool)> = expect
        .iter()
        .map(|(id, needed, earned, met)| (id.to_string(), pts(*needed), pts(*earned), *met))
        .collect();
    assert_eq!(requirements(result), expect);
}

pub fn counted(result: &CycleEvaluation, index: usize) -> (Points, Option<Exclusion>) {
    let outcome = &result.entries[index];
    (outcome.counted, outcome.excluded)
}

pub fn florida(roles: &[&str], specialties: &[&str]) -> Credential {
    let mut credential = Credential::new("FL license", "fl-64b3-11-001", day("2025-09-01"), day("2027-08-31"));
    credential.roles = roles.iter().map(|r| r.to_string()).collect();
    credential.specialties = specialties
        .iter()
        .map(|s| benchmate_core::portfolio::ContentCategory::parse(s).expect("category"))
        .collect();
    credential
}

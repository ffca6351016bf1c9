//! Interval selection: sex, age boundaries (from inclusive, to exclusive, in days by the
//! documented rule), neonatal ages in days, conditions, gestational age, missing partitions,
//! and the lab's table winning over the defaults.

use benchmate_core::ranges::{
    load_defaults, select_interval, validate_csv, AgeUnit, Category, ImportMode, Interval, LabTable, Patient,
    PatientSex, Provenance, RangeBook,
};

const HEADER: &str = "analyte,category,sex,age_from,age_to,gest_from,gest_to,condition,low,high,unit,source,note";

/// A small table in the lab import format: neonatal partitions in days, sex split for adults.
const TABLE: &str = "\
hemoglobin,reference,any,0d,7d,,,,14.5,22.5,g/dL,T,\n\
hemoglobin,reference,any,7d,1mo,,,,10.0,18.0,g/dL,T,\n\
hemoglobin,reference,any,1mo,18y,,,,11.0,14.0,g/dL,T,\n\
hemoglobin,reference,male,18y,,,,,13.5,17.5,g/dL,T,\n\
hemoglobin,reference,female,18y,,,,,12.0,16.0,g/dL,T,\n\
hemoglobin,reference,female,18y,,,,pregnancy,11.0,,g/dL,T,\n\
hemoglobin,reference,any,0d,7d,28,37,,13.0,20.0,g/dL,T,preterm\n\
hemoglobin,critical,any,18y,,,,,7.0,20.0,g/dL,T,\n";

fn rows() -> Vec<Interval> {
    let defaults = load_defaults();
    validate_csv(&format!("{HEADER}\n{TABLE}"), None, &defaults.catalogue)
        .accept(ImportMode::AllOrNothing)
        .expect("test table is clean")
        .intervals
}

fn years(n: u32) -> u32 {
    AgeUnit::Years.to_days(n)
}

/// `expect` is "low-high" of the chosen reference row, or the message when none applies.
fn check(rows: &[Interval], patient: Patient, expect: &str) {
    let got = match select_interval(rows, Category::Reference, &patient) {
        Ok(row) => format!(
            "{}-{}",
            row.low.map_or(String::new(), |v| v.to_string()),
            row.high.map_or(String::new(), |v| v.to_string())
        ),
        Err(why) => why.to_string(),
    };
    assert_eq!(got, expect, "patient {patient:?}");
}

#[test]
fn neonatal_partitions_in_days_include_their_start_and_exclude_their_end() {
    let rows = rows();
    let any = |days| Patient::new(Some(days), PatientSex::Unknown);
    check(&rows, any(0), "14.5-22.5");
    check(&rows, any(3), "14.5-22.5");
    check(&rows, any(6), "14.5-22.5");
    check(&rows, any(7), "10-18");
    // 1 mo = floor(30.4375) = 30 days: day 29 is still neonatal, day 30 is not.
    check(&rows, any(29), "10-18");
    check(&rows, any(30), "11-14");
}

#[test]
fn the_adult_boundary_at_18_years_is_6574_days() {
    let rows = rows();
    // 18 y = floor(18 x 365.25) = floor(6574.5) = 6574 days.
    check(&rows, Patient::new(Some(6573), PatientSex::Male), "11-14");
    check(&rows, Patient::new(Some(6574), PatientSex::Male), "13.5-17.5");
    check(&rows, Patient::new(Some(years(18)), PatientSex::Female), "12-16");
    check(&rows, Patient::new(Some(years(90)), PatientSex::Female), "12-16");
}

#[test]
fn sex_splits_need_the_sex_and_say_so() {
    let rows = rows();
    check(&rows, Patient::new(Some(years(40)), PatientSex::Male), "13.5-17.5");
    check(&rows, Patient::new(Some(years(40)), PatientSex::Female), "12-16");
    check(
        &rows,
        Patient::new(Some(years(40)), PatientSex::Unknown),
        "the reference interval depends on sex: enter the patient's sex",
    );
    // A child's row is for any sex, so an unknown sex is no obstacle.
    check(&rows, Patient::new(Some(years(5)), PatientSex::Unknown), "11-14");
}

#[test]
fn unknown_age_is_asked_for_when_the_rows_depend_on_it() {
    let rows = rows();
    check(
        &rows,
        Patient::new(None, PatientSex::Male),
        "the reference interval depends on age: enter the patient's age",
    );
}

#[test]
fn a_condition_row_wins_for_a_patient_with_that_condition_only() {
    let rows = rows();
    let adult_woman = Patient::new(Some(years(30)), PatientSex::Female);
    check(&rows, adult_woman.clone().with_condition("Pregnancy"), "11-");
    check(&rows, adult_woman.clone().with_condition("fasting"), "12-16");
    check(&rows, adult_woman, "12-16");
}

#[test]
fn gestational_rows_apply_only_when_the_gestation_is_known_and_inside() {
    let rows = rows();
    let mut preterm = Patient::new(Some(2), PatientSex::Male);
    preterm.gestation_weeks = Some(32);
    check(&rows, preterm.clone(), "13-20");
    preterm.gestation_weeks = Some(37);
    check(&rows, preterm.clone(), "14.5-22.5");
    preterm.gestation_weeks = None;
    check(&rows, preterm, "14.5-22.5");
}

#[test]
fn missing_partitions_are_said_in_the_patients_terms() {
    let defaults = load_defaults();
    let book = RangeBook::new(defaults, None);
    let says = |analyte: &str, patient: Patient| match book.select(analyte, &patient).reference {
        Ok(shown) => format!("{:?}-{:?}", shown.interval.low, shown.interval.high),
        Err(why) => why.to_string(),
    };
    // The starter table leaves neonatal total bilirubin to the hour-specific nomogram.
    assert_eq!(
        says("bilirubin-total", Patient::new(Some(3), PatientSex::Male)),
        "no reference interval for a 3-day-old"
    );
    // Age-specific PSA limits start at 40 years and are for men only.
    assert_eq!(
        says("psa", Patient::new(Some(years(30)), PatientSex::Male)),
        "no reference interval for a 30-year-old"
    );
    assert_eq!(
        says("psa", Patient::new(Some(years(55)), PatientSex::Female)),
        "no reference interval for a 55-year-old female"
    );
    assert_eq!(
        says("psa", Patient::new(Some(years(55)), PatientSex::Male)),
        "None-Some(3.5)"
    );
    // LH for women is given by cycle phase only: the message names the phases.
    assert_eq!(
        says("lh", Patient::new(Some(years(30)), PatientSex::Female)),
        "the reference interval is only given for follicular, luteal, ovulatory, postmenopausal"
    );
    assert_eq!(
        says(
            "lh",
            Patient::new(Some(years(30)), PatientSex::Female).with_condition("luteal")
        ),
        "Some(1.0)-Some(11.4)"
    );
    // Critical limits: none defined at all is its own message.
    let selection = book.select("alt", &Patient::new(Some(years(30)), PatientSex::Male));
    assert_eq!(
        selection.critical.expect_err("no critical ALT").to_string(),
        "no critical limits defined"
    );
}

#[test]
fn the_labs_row_wins_and_the_default_fills_the_partitions_the_lab_lacks() {
    let defaults = load_defaults();
    let lab_csv = format!("{HEADER}\npotassium,reference,any,18y,,,,,3.6,5.0,mmol/L,Our lab 2026,\n");
    let lab: LabTable = validate_csv(&lab_csv, None, &defaults.catalogue)
        .accept(ImportMode::AllOrNothing)
        .expect("clean");
    let book = RangeBook::new(defaults, Some(lab));
    let adult = book.select("potassium", &Patient::new(Some(years(40)), PatientSex::Male));
    let shown = adult.reference.expect("adult row");
    assert_eq!(
        (shown.interval.low, shown.interval.high, shown.provenance),
        (Some(3.6), Some(5.0), Provenance::Lab)
    );
    assert_eq!(book.source_text(&shown.interval.source), "Our lab 2026");
    // The lab gave no critical limits: the default's are shown, marked as the default.
    let critical = adult.critical.expect("default critical");
    assert_eq!(
        (critical.interval.high, critical.provenance),
        (Some(6.2), Provenance::Default)
    );
    assert!(book.source_text(&critical.interval.source).starts_with("Kost GJ."));
    // The lab's table has no child row: the default child row is shown, marked as such.
    let child = book
        .select("potassium", &Patient::new(Some(years(5)), PatientSex::Male))
        .reference
        .expect("child row");
    assert_eq!((child.interval.low, child.provenance), (Some(3.4), Provenance::Default));
    assert_eq!(Provenance::Default.to_string(), "Benchmate default (verify locally)");
    assert_eq!(
        book.rows("potassium")
            .iter()
            .filter(|s| s.provenance == Provenance::Lab)
            .count(),
        1
    );
}

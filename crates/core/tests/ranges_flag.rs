//! Flagging results against the starter table, in the lab's units or converted from others.
//!
//! Expected flags are worked by hand from the table's limits and the SI factors in
//! domain-facts.md (conventional x factor = SI); the working is written beside each case.

use benchmate_core::ranges::load_defaults;
use benchmate_core::ranges::{
    flag_result, flag_value, validate_csv, AgeUnit, Analyte, AnalyteFactorConverter, ConversionError, Flag, FlagError,
    ImportMode, Patient, PatientSex, RangeBook, UnitConverter,
};

fn adult(sex: PatientSex) -> Patient {
    Patient::new(Some(AgeUnit::Years.to_days(45)), sex)
}

/// `expect` is the flag text ("critical high") or "-" for no flag; `notices` the messages.
fn check(book: &RangeBook, analyte: &str, value: f64, unit: &str, patient: &Patient, expect: &str, notices: &[&str]) {
    let report = flag_result(book, analyte, value, unit, patient, &AnalyteFactorConverter).expect("flaggable");
    let got = report.flag.map_or("-", Flag::text);
    let got_notices: Vec<String> = report.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        (got, got_notices.iter().map(String::as_str).collect::<Vec<_>>()),
        (expect, notices.to_vec()),
        "{analyte} {value} {unit}"
    );
}

#[test]
fn potassium_limits_are_inclusive_for_normal_and_strict_for_critical() {
    let book = RangeBook::bundled();
    let man = adult(PatientSex::Male);
    // Adult reference 3.5 to 5.1 mmol/L; critical below 2.8 or above 6.2 mmol/L.
    for (value, expect) in [
        (2.7, "critical low"),
        (2.8, "low"),
        (3.4, "low"),
        (3.5, "normal"),
        (5.1, "normal"),
        (5.2, "high"),
        (6.2, "high"),
        (6.3, "critical high"),
        (6.8, "critical high"),
    ] {
        check(&book, "potassium", value, "mmol/L", &man, expect, &[]);
    }
}

#[test]
fn values_in_the_other_unit_are_converted_and_rounded_as_reported() {
    let book = RangeBook::bundled();
    let woman = adult(PatientSex::Female);
    let man = adult(PatientSex::Male);
    // Glucose (random) 70 to 140 mg/dL, critical 45 / 480; factor 0.05551, 0 decimals in mg/dL.
    // 5.0 mmol/L / 0.05551 = 90.07 -> 90 mg/dL: normal.
    check(&book, "glucose", 5.0, "mmol/L", &man, "normal", &[]);
    // 25 mmol/L / 0.05551 = 450.4 -> 450 mg/dL: above 140, below 480: high.
    check(&book, "glucose", 25.0, "mmol/L", &man, "high", &[]);
    // 28 mmol/L / 0.05551 = 504.4 -> 504 mg/dL: above 480: critical high.
    check(&book, "glucose", 28.0, "mmol/L", &man, "critical high", &[]);
    // 2.2 mmol/L / 0.05551 = 39.6 -> 40 mg/dL: below 45: critical low.
    check(&book, "glucose", 2.2, "mmol/L", &man, "critical low", &[]);
    // Creatinine (male) 0.74 to 1.35 mg/dL; 150 umol/L / 88.4 = 1.697 -> 1.70 mg/dL: high.
    check(&book, "creatinine", 150.0, "umol/L", &man, "high", &[]);
    // Calcium 8.6 to 10.3 mg/dL, critical 6.0 / 13.0; factor 0.2495.
    // 2.0 mmol/L / 0.2495 = 8.02 -> 8.0 mg/dL: low. 1.4 mmol/L -> 5.61 -> 5.6: critical low.
    check(&book, "calcium", 2.0, "mmol/L", &woman, "low", &[]);
    check(&book, "calcium", 1.4, "mmol/L", &woman, "critical low", &[]);
    // Hemoglobin (female) 12.0 to 16.0 g/dL, critical 7.0 / 20.0; 75 g/L / 10 = 7.5: low.
    check(&book, "hemoglobin", 75.0, "g/L", &woman, "low", &[]);
    check(&book, "hemoglobin", 65.0, "g/L", &woman, "critical low", &[]);
    // pO2 critical below 40 mmHg; 5.0 kPa / 0.1333 = 37.5 -> 38 mmHg: critical low.
    check(&book, "po2-arterial", 5.0, "kPa", &man, "critical low", &[]);
}

#[test]
fn rounding_to_the_reported_decimals_decides_values_at_a_limit() {
    // A lab reporting glucose in mmol/L with one decimal, reference 3.9 to 5.5 mmol/L.
    let defaults = load_defaults();
    let lab_csv = "analyte,category,sex,age_from,age_to,condition,low,high,unit,source\n\
                   glucose,reference,any,18y,,fasting,3.9,5.5,mmol/L,Lab\n";
    let lab = validate_csv(lab_csv, None, &defaults.catalogue)
        .accept(ImportMode::AllOrNothing)
        .expect("clean");
    let book = RangeBook::new(defaults, Some(lab));
    let fasting = adult(PatientSex::Female).with_condition("fasting");
    // 70 mg/dL x 0.05551 = 3.886 mmol/L, reported 3.9: normal, as the printed report reads.
    check(&book, "glucose", 70.0, "mg/dL", &fasting, "normal", &[]);
    // 69 mg/dL x 0.05551 = 3.830, reported 3.8: low.
    check(&book, "glucose", 69.0, "mg/dL", &fasting, "low", &[]);
    let report = flag_result(&book, "glucose", 70.0, "mg/dL", &fasting, &AnalyteFactorConverter).expect("flag");
    assert_eq!(report.value_in_reference_unit, Some(3.9));
}

#[test]
fn ambiguity_is_said_plainly() {
    let book = RangeBook::bundled();
    let man = adult(PatientSex::Male);
    check(
        &book,
        "potassium",
        5.0,
        "mg/dL",
        &man,
        "-",
        &["cannot convert mg/dL to mmol/L: Potassium is reported in mmol/L"],
    );
    let newborn = Patient::new(Some(3), PatientSex::Female);
    // Neonatal bilirubin: no reference interval, but a critical limit of 15 mg/dL.
    check(
        &book,
        "bilirubin-total",
        10.0,
        "mg/dL",
        &newborn,
        "-",
        &["no reference interval for a 3-day-old"],
    );
    check(
        &book,
        "bilirubin-total",
        16.0,
        "mg/dL",
        &newborn,
        "critical high",
        &["no reference interval for a 3-day-old"],
    );
    // 274 umol/L / 17.1 = 16.02 -> 16.0 mg/dL: the same, from SI.
    check(
        &book,
        "bilirubin-total",
        274.0,
        "umol/L",
        &newborn,
        "critical high",
        &["no reference interval for a 3-day-old"],
    );
    // Unknown sex where the limits differ by sex.
    check(
        &book,
        "creatinine",
        1.0,
        "mg/dL",
        &adult(PatientSex::Unknown),
        "-",
        &["the reference interval depends on sex: enter the patient's sex"],
    );
    // Outside the plausible range: flagged, and a warning to check before reporting.
    check(
        &book,
        "potassium",
        13.0,
        "mmol/L",
        &man,
        "critical high",
        &["outside the reportable range (1.0 to 12.0 mmol/L): check the entry, re-run or dilute before reporting"],
    );
    assert_eq!(
        flag_result(&book, "potassium", f64::NAN, "mmol/L", &man, &AnalyteFactorConverter),
        Err(FlagError::NotFinite)
    );
    assert_eq!(
        flag_result(&book, "unobtainium", 1.0, "mmol/L", &man, &AnalyteFactorConverter).map(|r| r.flag),
        Err(FlagError::UnknownAnalyte("unobtainium".into()))
    );
}

/// A converter like the units layer's: it knows mEq/L for monovalent ions, nothing else.
struct MonovalentOnly;

impl UnitConverter for MonovalentOnly {
    fn convert(&self, analyte: &Analyte, value: f64, from: &str, to: &str) -> Result<f64, ConversionError> {
        match (from, to) {
            ("meq/L", "mmol/L") if analyte.id == "potassium" => Ok(value),
            _ => Err(ConversionError {
                from: from.into(),
                to: to.into(),
                reason: "not commensurable".into(),
            }),
        }
    }
}

#[test]
fn the_caller_supplies_the_unit_converter() {
    let book = RangeBook::bundled();
    let man = adult(PatientSex::Male);
    let report = flag_result(&book, "potassium", 6.8, "meq/L", &man, &MonovalentOnly).expect("flag");
    assert_eq!(report.flag, Some(Flag::CriticalHigh));
    let report = flag_result(&book, "potassium", 6.8, "g/L", &man, &MonovalentOnly).expect("flag");
    assert_eq!(report.flag, None);
    assert_eq!(
        report.notices.len(),
        1,
        "one message per unit pair, not one per interval: {:?}",
        report.notices
    );
}

#[test]
fn one_sided_limits_and_the_words_for_each_flag() {
    let book = RangeBook::bundled();
    let man = adult(PatientSex::Male);
    // hs-cTnI (male) upper limit 34 ng/L, no lower limit.
    check(&book, "troponin-i-hs", 0.0, "ng/L", &man, "normal", &[]);
    check(&book, "troponin-i-hs", 35.0, "ng/L", &man, "high", &[]);
    assert_eq!(flag_value(None, None, None, None), None);
    let words: Vec<(&str, &str)> = [
        Flag::Normal,
        Flag::Low,
        Flag::High,
        Flag::CriticalLow,
        Flag::CriticalHigh,
    ]
    .iter()
    .map(|f| (f.text(), f.code()))
    .collect();
    assert_eq!(
        words,
        vec![
            ("normal", "N"),
            ("low", "L"),
            ("high", "H"),
            ("critical low", "LL"),
            ("critical high", "HH")
        ]
    );
    assert!(Flag::CriticalHigh.is_critical() && !Flag::High.is_critical());
}

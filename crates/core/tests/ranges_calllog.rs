//! The critical-value call log: validation of a call and its CSV export.

use benchmate_core::ranges::csv::read_records;
use benchmate_core::ranges::{calls_to_csv, CallError, CriticalCall};
use chrono::{DateTime, FixedOffset};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test time")
}

fn call() -> CriticalCall {
    CriticalCall {
        analyte_id: "potassium".into(),
        analyte_name: "Potassium".into(),
        value: 6.8,
        unit: "mmol/L".into(),
        flag: "critical high".into(),
        result_time: at("2026-11-25T14:02:00-05:00"),
        notified_name: "Dana Smith".into(),
        notified_role: "RN".into(),
        read_back: true,
        call_time: at("2026-11-25T14:09:30-05:00"),
        caller: "J. Okafor, MLS".into(),
        accession: Some("A26-0042".into()),
        note: String::new(),
    }
}

#[test]
fn a_complete_call_is_valid_and_its_delay_is_counted_in_minutes() {
    assert_eq!(call().validate(), vec![]);
    // 14:02:00 to 14:09:30 is 7.5 minutes: 7 whole minutes.
    assert_eq!(call().minutes_to_call(), 7);
    let mut without_accession = call();
    without_accession.accession = None;
    assert_eq!(without_accession.validate(), vec![], "the accession number is optional");
}

#[test]
fn every_fault_of_a_call_is_listed() {
    let mut bad = call();
    bad.notified_name = "  ".into();
    bad.notified_role = String::new();
    bad.caller = "x".repeat(201);
    bad.value = f64::INFINITY;
    bad.call_time = at("2026-11-25T14:01:00-05:00");
    let errors = bad.validate();
    assert_eq!(
        errors,
        vec![
            CallError::Missing("name of the person notified"),
            CallError::Missing("role of the person notified"),
            CallError::TooLong {
                field: "caller",
                max: 200
            },
            CallError::NotFinite,
            CallError::CallBeforeResult,
        ]
    );
    assert_eq!(errors[4].to_string(), "the call time is before the result time");
}

#[test]
fn the_csv_export_lists_calls_oldest_first_and_reads_back() {
    let mut later = call();
    later.result_time = at("2026-11-26T08:00:00+00:00");
    later.call_time = at("2026-11-26T08:20:00+00:00");
    later.notified_name = "Dr Lee, \"on call\"".into();
    later.read_back = false;
    later.accession = None;
    later.note = "=not a formula".into();
    let text = calls_to_csv(&[later, call()]);
    let records = read_records(&text).expect("valid CSV");
    let rows: Vec<Vec<&str>> = records
        .iter()
        .map(|r| r.fields.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        rows[0],
        vec![
            "result_time",
            "call_time",
            "minutes_to_call",
            "analyte",
            "value",
            "unit",
            "flag",
            "notified_name",
            "notified_role",
            "read_back",
            "caller",
            "accession",
            "analyte_id",
            "note"
        ]
    );
    assert_eq!(
        rows[1],
        vec![
            "2026-11-25T14:02:00-05:00",
            "2026-11-25T14:09:30-05:00",
            "7",
            "Potassium",
            "6.8",
            "mmol/L",
            "critical high",
            "Dana Smith",
            "RN",
            "yes",
            "J. Okafor, MLS",
            "A26-0042",
            "potassium",
            ""
        ]
    );
    assert_eq!(rows[2][7], "Dr Lee, \"on call\"");
    assert_eq!(
        (rows[2][2], rows[2][9], rows[2][11], rows[2][13]),
        ("20", "no", "", "'=not a formula")
    );
    assert!(text.ends_with("\r\n"));
}

#[test]
fn a_call_round_trips_through_json_for_the_store() {
    let json = serde_json::to_string(&call()).expect("serialize");
    let back: CriticalCall = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, call());
}

//! Reagents, lots, verifications and QC records stored as store records: each body is a
//! `RecordBody` kind that reads back as written, and its history exports as audit CSV.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::qc::{ControlLot, QcResult, Target, TargetSource};
use crate::record::{DeviceId, EditContext, Hlc, LabId, Record, RecordBody, RecordId, Scope, UserId};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).expect("valid test time")
}

fn lab() -> Scope {
    Scope::Lab(LabId::new("lab-1").expect("lab id"))
}

fn record_id(n: u8) -> RecordId {
    RecordId::new_v7(1_700_000_000_000, [n; 10]).expect("record id")
}

/// Stores `body` in a new record and reads it back.
fn round_trip<T: RecordBody + PartialEq + std::fmt::Debug>(body: &T, expect_kind: &str) {
    let mut clock = Hlc::new(DeviceId::from_random_bytes([7; 16]));
    let mut ctx = EditContext {
        clock: &mut clock,
        now_millis: 1_764_000_000_000,
        author: Some(UserId::new("ana").expect("user id")),
    };
    let (record, _) = Record::create(&mut ctx, record_id(1), lab(), body).expect("create");
    assert_eq!(record.kind().as_str(), expect_kind);
    assert_eq!(&record.body::<T>().expect("read back"), body);
}

fn reagent() -> Reagent {
    Reagent {
        id: "r1".into(),
        name: "Glucose".into(),
        manufacturer: "Maker".into(),
        catalogue_number: "GLU-100".into(),
        gtin: Some("04150000021126".into()),
        storage_temperature: "2-8 °C".into(),
        serves: "Glucose on the chemistry analyser".into(),
        in_use_stability_days: Some(30),
        reorder_level: Some(2),
    }
}

#[test]
fn every_reagent_and_qc_body_is_a_record_kind_that_reads_back() {
    round_trip(&reagent(), "reagent");
    let mut lot = Lot::received("l1", "r1", "LOT42X", day(2027, 6, 30), day(2026, 11, 25), "ana");
    lot.transition(&TransitionRequest {
        to: LotStatus::InUse,
        by: "ana",
        at: at(2026, 11, 25, 9),
        reason: "current lot failed QC; supervisor approved",
        verification: None,
        in_use_stability_days: Some(30),
    })
    .expect("allowed with a reason");
    round_trip(&lot, "reagent_lot");
    let verification = LotVerification {
        new_lot_id: "l1".into(),
        current_lot_id: "l0".into(),
        limits: BTreeMap::from([("Glucose".to_string(), AcceptanceLimit::Percent(10.0))]),
        samples: vec![VerificationSample {
            kind: SampleKind::QcMaterial,
            label: "QC level 1".into(),
            analyte: "Glucose".into(),
            current_lot_result: 5.0,
            new_lot_result: 5.2,
        }],
        performed_by: "ana".into(),
        performed_at: at(2026, 11, 25, 10),
        sign_off: None,
    };
    round_trip(&verification, "lot_verification");
    let control = ControlLot {
        id: "c1".into(),
        material: "Chemistry control".into(),
        level: "1".into(),
        lot_number: "26430".into(),
        expiry: day(2027, 1, 31),
        targets: vec![Target {
            analyte: "Glucose".into(),
            analyser: "A1".into(),
            unit: "mmol/L".into(),
            mean: 5.0,
            sd: 0.1,
            source: TargetSource::PackageInsert,
        }],
    };
    round_trip(&control, "qc_control_lot");
    let result = QcResult {
        id: "q1".into(),
        control_lot_id: "c1".into(),
        analyte: "Glucose".into(),
        analyser: "A1".into(),
        run_id: "run-1".into(),
        at: at(2026, 11, 25, 8),
        value: 5.31,
        entered_by: "ana".into(),
    };
    round_trip(&result, "qc_result");
}

#[test]
fn audit_csv_lists_each_write_with_who_and_when_within_the_dates() {
    let mut clock = Hlc::new(DeviceId::from_random_bytes([7; 16]));
    // 2025-11-24 16:00:00 UTC is 1_764_000_000_000 ms since 1970 (20_416 days and 16 h).
    let first = 1_764_000_000_000;
    let (mut record, _) = {
        let mut ctx = EditContext {
            clock: &mut clock,
            now_millis: first,
            author: Some(UserId::new("ana").expect("user id")),
        };
        Record::create(&mut ctx, record_id(2), lab(), &reagent()).expect("create")
    };
    // Two days later Ben changes the reorder level from 2 to 5.
    let mut changed = reagent();
    changed.reorder_level = Some(5);
    let mut ctx = EditContext {
        clock: &mut clock,
        now_millis: first + 2 * 86_400_000,
        author: Some(UserId::new("ben").expect("user id")),
    };
    record.set_body(&mut ctx, &changed).expect("update");

    let rows = audit_rows("Glucose", &record);
    let reorder: Vec<&AuditRow> = rows.iter().filter(|r| r.field == "reorder_level").collect();
    assert_eq!(reorder.len(), 2);
    assert_eq!((reorder[1].old.as_str(), reorder[1].new.as_str()), ("2", "5"));
    assert_eq!(reorder[1].author, "ben");
    assert_eq!(reorder[1].at, Some(at(2025, 11, 26, 16)));

    // Only the later day: the header and Ben's one write.
    let csv = audit_csv(&rows, Some(day(2025, 11, 26)), Some(day(2025, 11, 26)));
    assert_eq!(
        csv,
        "when (UTC),record,kind,field,old value,new value,by\r\n\
         2025-11-26 16:00:00,Glucose,reagent,reorder_level,2,5,ben\r\n"
    );
    // The whole range: one line per field written at creation (9 fields) plus Ben's edit.
    let all = audit_csv(&rows, None, None);
    assert_eq!(all.lines().count(), 1 + 9 + 1);
    assert!(all.contains("2025-11-24 16:00:00,Glucose,reagent,storage_temperature,,2-8 °C,ana"));
}

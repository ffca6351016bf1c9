//! Tests of the backup file: round trip, repeated and older imports, and damaged files.

use benchmate_core::record::{
    Attachment, Backup, BackupError, DeviceId, EditContext, Hlc, ImportReport, Kind, LabId, LocalData, Record,
    RecordId, Scope, UserId, BACKUP_FORMAT_VERSION,
};
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};

const NOW: u64 = 1_795_564_800_000;

struct Device {
    clock: Hlc,
    data: LocalData,
}

fn id(n: u8) -> RecordId {
    RecordId::new_v7(NOW, [n; 10]).unwrap()
}

impl Device {
    fn new(n: u8) -> Device {
        Device {
            clock: Hlc::new(DeviceId::from_random_bytes([n; 16])),
            data: LocalData::default(),
        }
    }

    fn set(&mut self, record: u8, now: u64, field: &str, value: Value) {
        let kind = Kind::new("reagent_lot").unwrap();
        let scope = Scope::Lab(LabId::new("lab-1").unwrap());
        let stored = self
            .data
            .records
            .entry(id(record))
            .or_insert_with(|| Record::new(id(record), kind, scope));
        let mut ctx = EditContext {
            clock: &mut self.clock,
            now_millis: now,
            author: Some(UserId::new("ana").unwrap()),
        };
        stored.set(&mut ctx, field, value).unwrap();
    }

    fn delete(&mut self, record: u8, now: u64) {
        let mut ctx = EditContext {
            clock: &mut self.clock,
            now_millis: now,
            author: None,
        };
        self.data.records.get_mut(&id(record)).unwrap().delete(&mut ctx);
    }
}

/// A device with three records (one deleted, one conflicted) and one attachment.
fn populated() -> Device {
    let mut a = Device::new(1);
    a.set(1, NOW, "lot", json!("A123"));
    a.set(1, NOW + 1, "expiry", json!("2027-03-31"));
    a.set(2, NOW + 2, "lot", json!("B7"));
    a.delete(2, NOW + 3);
    let mut b = Device::new(2);
    b.set(3, NOW + 4, "lot", json!("from-b"));
    a.set(3, NOW + 5, "lot", json!("from-a"));
    let theirs = b.data.records[&id(3)].clone();
    a.data.records.get_mut(&id(3)).unwrap().absorb(&theirs).unwrap();
    a.data.attachments.insert(
        Attachment::new("image/png", vec![0x89, b'P', b'N', b'G', 0, 1, 2, 255]).hash(),
        Attachment::new("image/png", vec![0x89, b'P', b'N', b'G', 0, 1, 2, 255]),
    );
    a
}

fn exported_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).unwrap()
}

#[test]
fn export_then_import_into_an_empty_store_gives_identical_data() {
    let a = populated();
    assert!(
        a.data.records[&id(3)].is_conflicted(),
        "the fixture has a conflicted record"
    );
    let text = Backup::export(&a.data, exported_at()).to_json();
    let backup = Backup::from_json(&text).unwrap();
    assert_eq!(backup.exported_at, exported_at());
    let mut empty = LocalData::default();
    let report = backup.import_into(&mut empty).unwrap();
    assert_eq!(empty, a.data);
    assert_eq!(
        report,
        ImportReport {
            records_added: 3,
            records_updated: 0,
            records_unchanged: 0,
            conflicted: vec![id(3)],
            attachments_added: 1,
            attachments_unchanged: 0,
        }
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let a = populated();
    let backup = Backup::from_json(&Backup::export(&a.data, exported_at()).to_json()).unwrap();
    let mut target = Device::new(3);
    target.set(9, NOW, "lot", json!("own record"));
    backup.import_into(&mut target.data).unwrap();
    let after_first = target.data.clone();
    let report = backup.import_into(&mut target.data).unwrap();
    assert_eq!(target.data, after_first);
    assert_eq!(
        (report.records_added, report.records_updated, report.records_unchanged),
        (0, 0, 3)
    );
    assert_eq!((report.attachments_added, report.attachments_unchanged), (0, 1));
}

#[test]
fn an_older_backup_never_overwrites_newer_data() {
    let mut a = populated();
    let old = Backup::from_json(&Backup::export(&a.data, exported_at()).to_json()).unwrap();
    a.set(1, NOW + 100, "lot", json!("A124"));
    let before = a.data.clone();
    let report = old.import_into(&mut a.data).unwrap();
    assert_eq!(a.data.records[&id(1)].get("lot"), Some(&json!("A124")));
    assert_eq!(a.data, before, "everything in the old file is already here");
    assert_eq!(report.records_unchanged, 3);
}

#[test]
fn an_older_backup_from_another_device_adds_its_values_to_history_only() {
    // A device restored from an old backup of another install: its value for a field
    // that was edited later here goes to history, not over the newer value.
    let mut other = Device::new(4);
    other.set(1, NOW - 10_000, "lot", json!("old-elsewhere"));
    let old = Backup::from_json(&Backup::export(&other.data, exported_at()).to_json()).unwrap();
    let mut a = populated();
    let report = old.import_into(&mut a.data).unwrap();
    let lot = a.data.records[&id(1)].field("lot").unwrap();
    assert_eq!(lot.current().value, json!("A123"));
    assert!(lot.history().iter().any(|w| w.value == json!("old-elsewhere")));
    assert_eq!(report.records_updated, 1);
}

fn error_of(text: &str) -> BackupError {
    Backup::from_json(text).unwrap_err()
}

#[test]
fn damaged_or_foreign_files_get_a_clear_error_and_import_nothing() {
    let a = populated();
    let good: Value = serde_json::to_value(Backup::export(&a.data, exported_at())).unwrap();
    let text = good.to_string();

    let cut = &text[..text.len() / 2];
    assert!(matches!(error_of(cut), BackupError::NotJson { line: 1, .. }));
    assert!(error_of(cut).to_string().contains("cut short"));

    assert_eq!(error_of("{\"records\": []}"), BackupError::NotABackup);
    assert_eq!(error_of("[1, 2]"), BackupError::NotABackup);

    let mut newer = good.clone();
    newer["format_version"] = json!(BACKUP_FORMAT_VERSION + 1);
    let error = error_of(&newer.to_string());
    assert_eq!(error, BackupError::UnsupportedVersion { found: 2 });
    assert!(error.to_string().contains("newer Benchmate"), "{error}");

    let mut bad_id = good.clone();
    bad_id["records"][1]["id"] = json!("not-an-id");
    let error = error_of(&bad_id.to_string()).to_string();
    assert!(error.contains("record 2 (not-an-id)"), "{error}");

    let mut bad_stamp = good.clone();
    bad_stamp["records"][0]["fields"]["lot"]["stamp"] = json!("yesterday");
    assert!(error_of(&bad_stamp.to_string()).to_string().contains("record 1"));

    let mut tampered = good.clone();
    tampered["attachments"][0]["data"] = json!("iVBORw0KGgo=");
    let error = error_of(&tampered.to_string()).to_string();
    assert!(error.contains("attachment 1") && error.contains("damaged"), "{error}");

    let mut missing = good;
    missing.as_object_mut().unwrap().remove("exported_at");
    assert!(error_of(&missing.to_string())
        .to_string()
        .contains("\"exported_at\" is not valid (missing)"));
}

#[test]
fn a_record_that_clashes_with_the_stored_one_stops_the_whole_import() {
    let a = populated();
    let mut backup = Backup::from_json(&Backup::export(&a.data, exported_at()).to_json()).unwrap();
    // The same id as a stored record, but another kind: the file was not made from this data.
    let mut target = Device::new(5);
    target.set(9, NOW, "lot", json!("mine"));
    let clash = Record::new(
        id(9),
        Kind::new("qc_result").unwrap(),
        Scope::Lab(LabId::new("lab-1").unwrap()),
    );
    backup.records.push(clash);
    let before = target.data.clone();
    let error = backup.import_into(&mut target.data).unwrap_err();
    assert!(matches!(error, BackupError::Clash(_)));
    assert_eq!(target.data, before, "nothing was imported");
}

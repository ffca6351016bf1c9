//! Tests of typed bodies: a feature's serde struct to and from a record's fields.

use benchmate_core::record::{BodyError, DeviceId, EditContext, Hlc, Record, RecordBody, RecordId, Scope, UserId};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct CeEntry {
    title: String,
    hours: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provider: Option<String>,
}

impl RecordBody for CeEntry {
    const KIND: &'static str = "ce_entry";
}

/// The same kind as a newer app version sees it, with one more field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct CeEntryV2 {
    title: String,
    hours: f64,
    accreditor: String,
}

impl RecordBody for CeEntryV2 {
    const KIND: &'static str = "ce_entry";
}

#[derive(Serialize, Deserialize)]
struct ReagentLot {
    lot: String,
}

impl RecordBody for ReagentLot {
    const KIND: &'static str = "reagent_lot";
}

#[derive(Serialize, Deserialize)]
struct NotAStruct(u32);

impl RecordBody for NotAStruct {
    const KIND: &'static str = "counter";
}

fn entry() -> CeEntry {
    CeEntry {
        title: "Hematology update".into(),
        hours: 1.5,
        provider: Some("ASCLS".into()),
    }
}

fn setup() -> (Hlc, Scope, RecordId) {
    let clock = Hlc::new(DeviceId::from_random_bytes([9; 16]));
    let scope = Scope::Personal(UserId::new("ana").unwrap());
    let id = RecordId::new_v7(1_795_564_800_000, [3; 10]).unwrap();
    (clock, scope, id)
}

fn ctx(clock: &mut Hlc, now_millis: u64) -> EditContext<'_> {
    EditContext {
        clock,
        now_millis,
        author: None,
    }
}

#[test]
fn a_body_round_trips_through_a_record() {
    let (mut clock, scope, id) = setup();
    let (record, changes) = Record::create(&mut ctx(&mut clock, 1_000), id, scope, &entry()).unwrap();
    assert_eq!(record.kind().as_str(), "ce_entry");
    assert_eq!(changes.len(), 3, "one write per top-level key: title, hours, provider");
    assert_eq!(record.get("hours"), Some(&json!(1.5)));
    assert_eq!(record.body::<CeEntry>().unwrap(), entry());
}

#[test]
fn set_body_writes_only_the_changed_fields() {
    let (mut clock, scope, id) = setup();
    let (mut record, _) = Record::create(&mut ctx(&mut clock, 1_000), id, scope, &entry()).unwrap();
    let edited = CeEntry { hours: 2.0, ..entry() };
    let changes = record.set_body(&mut ctx(&mut clock, 2_000), &edited).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(record.body::<CeEntry>().unwrap(), edited);
    assert_eq!(record.field("hours").unwrap().history()[0].value, json!(1.5));
}

#[test]
fn an_option_set_to_none_clears_the_field() {
    let (mut clock, scope, id) = setup();
    let (mut record, _) = Record::create(&mut ctx(&mut clock, 1_000), id, scope, &entry()).unwrap();
    let without = CeEntry {
        provider: None,
        ..entry()
    };
    let changes = record.set_body(&mut ctx(&mut clock, 2_000), &without).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(record.get("provider"), None);
    assert_eq!(record.body::<CeEntry>().unwrap(), without);
}

#[test]
fn an_older_body_type_leaves_fields_it_does_not_know_alone() {
    let (mut clock, scope, id) = setup();
    let newer = CeEntryV2 {
        title: "QC basics".into(),
        hours: 1.0,
        accreditor: "P.A.C.E.".into(),
    };
    let (mut record, _) = Record::create(&mut ctx(&mut clock, 1_000), id, scope, &newer).unwrap();
    let old_view: CeEntry = record.body().unwrap();
    let edited = CeEntry {
        title: "QC basics, part 1".into(),
        ..old_view
    };
    record.set_body(&mut ctx(&mut clock, 2_000), &edited).unwrap();
    assert_eq!(record.get("accreditor"), Some(&json!("P.A.C.E.")));
    assert_eq!(record.body::<CeEntryV2>().unwrap().title, "QC basics, part 1");
}

#[test]
fn wrong_kind_bad_fields_and_non_objects_are_clear_errors() {
    let (mut clock, scope, id) = setup();
    let (mut record, _) = Record::create(&mut ctx(&mut clock, 1_000), id, scope.clone(), &entry()).unwrap();
    let error = record.body::<ReagentLot>().err().unwrap();
    assert!(matches!(error, BodyError::WrongKind { .. }));
    assert_eq!(
        error.to_string(),
        format!("record {id} is a ce_entry, not a reagent_lot")
    );

    record.set(&mut ctx(&mut clock, 2_000), "hours", json!("ten")).unwrap();
    let error = record.body::<CeEntry>().unwrap_err();
    assert!(matches!(error, BodyError::Decode { .. }));
    assert!(error.to_string().contains("not a valid ce_entry"), "{error}");

    let error = Record::create(&mut ctx(&mut clock, 3_000), id, scope, &NotAStruct(1)).unwrap_err();
    assert_eq!(error, BodyError::NotAnObject { kind: "counter".into() });
}

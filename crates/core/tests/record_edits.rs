//! Tests of local edits, concurrent edits and their conflicts, restore, delete and history.

use benchmate_core::record::{
    DeviceId, EditContext, EditError, HistoryEntry, Hlc, Kind, LabId, MergeError, Record, RecordId, Scope, Slot, UserId,
};
use serde_json::{json, Value};

/// A device in a test: its clock and its copy of the record.
struct Device {
    clock: Hlc,
    user: &'static str,
    record: Record,
}

fn id() -> RecordId {
    RecordId::new_v7(1_795_564_800_000, [1; 10]).unwrap()
}

fn lab() -> Scope {
    Scope::Lab(LabId::new("lab-1").unwrap())
}

fn device(n: u8, user: &'static str) -> Device {
    Device {
        clock: Hlc::new(DeviceId::from_random_bytes([n; 16])),
        user,
        record: Record::new(id(), Kind::new("reagent_lot").unwrap(), lab()),
    }
}

impl Device {
    fn ctx(&mut self, now_millis: u64) -> EditContext<'_> {
        EditContext {
            clock: &mut self.clock,
            now_millis,
            author: Some(UserId::new(self.user).unwrap()),
        }
    }

    fn set(&mut self, now: u64, field: &str, value: Value) {
        let mut record = self.record.clone();
        record.set(&mut self.ctx(now), field, value).unwrap();
        self.record = record;
    }

    /// Takes in the other device's copy, as a pull would.
    fn sync_from(&mut self, other: &Device) {
        self.record.absorb(&other.record).unwrap();
    }
}

fn values(entries: &[HistoryEntry]) -> Vec<(Option<Value>, Value)> {
    entries.iter().map(|e| (e.old.clone(), e.new.clone())).collect()
}

#[test]
fn setting_the_same_value_or_clearing_nothing_writes_nothing() {
    let mut a = device(1, "ana");
    let mut record = a.record.clone();
    let mut ctx = a.ctx(1_000);
    assert!(record.set(&mut ctx, "lot", json!("L1")).unwrap().is_some());
    assert!(record.set(&mut ctx, "lot", json!("L1")).unwrap().is_none());
    assert!(record.set(&mut ctx, "location", Value::Null).unwrap().is_none());
    assert_eq!(record.field("lot").unwrap().writes().len(), 1);
    assert_eq!(
        record.set(&mut ctx, "", json!(1)),
        Err(EditError::BadFieldName { field: String::new() })
    );
}

#[test]
fn concurrent_edits_of_one_field_keep_the_later_and_mark_a_conflict() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(1_000, "lot", json!("L1"));
    b.sync_from(&a);
    // Neither has seen the other's edit: B's is later by wall time, so B's wins.
    a.set(2_000, "lot", json!("L2-from-a"));
    b.set(2_001, "lot", json!("L2-from-b"));
    a.sync_from(&b);
    b.sync_from(&a);
    assert_eq!(a.record, b.record);
    assert_eq!(a.record.get("lot"), Some(&json!("L2-from-b")));
    assert_eq!(a.record.conflicted_fields(), vec!["lot"]);
    let history = a.record.field_history("lot");
    assert_eq!(
        values(&history),
        vec![
            (None, json!("L1")),
            (Some(json!("L1")), json!("L2-from-a")),
            (Some(json!("L1")), json!("L2-from-b")),
        ]
    );
    let flags: Vec<(bool, bool)> = history.iter().map(|e| (e.is_current, e.unresolved_conflict)).collect();
    assert_eq!(flags, vec![(false, false), (false, true), (true, false)]);
    assert_eq!(history[1].author, Some(UserId::new("ana").unwrap()));
}

#[test]
fn concurrent_edits_of_different_fields_both_survive_without_conflict() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(1_000, "lot", json!("L1"));
    b.set(1_000, "location", json!("fridge 2"));
    a.sync_from(&b);
    assert_eq!(a.record.get("lot"), Some(&json!("L1")));
    assert_eq!(a.record.get("location"), Some(&json!("fridge 2")));
    assert!(!a.record.is_conflicted());
}

#[test]
fn an_edit_made_after_seeing_the_other_is_no_conflict() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(5_000, "lot", json!("L1"));
    b.sync_from(&a);
    // B's wall clock is behind A's stamp, yet its edit (which saw L1) wins and is no conflict.
    b.set(1_000, "lot", json!("L2"));
    a.sync_from(&b);
    assert_eq!(a.record.get("lot"), Some(&json!("L2")));
    assert!(!a.record.is_conflicted());
}

#[test]
fn typing_the_same_value_on_two_devices_is_no_conflict() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(1_000, "lot", json!("L7"));
    b.set(1_001, "lot", json!("L7"));
    a.sync_from(&b);
    assert!(!a.record.is_conflicted());
    assert_eq!(a.record.field("lot").unwrap().writes().len(), 2, "both writes are kept");
}

#[test]
fn resolving_a_conflict_is_a_write_that_clears_it_everywhere() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(2_000, "lot", json!("from-a"));
    b.set(2_001, "lot", json!("from-b"));
    a.sync_from(&b);
    assert_eq!(a.record.conflicted_fields(), vec!["lot"]);
    // Ana keeps her own value, the one that lost.
    let mut record = a.record.clone();
    record
        .resolve_conflict(&mut a.ctx(3_000), "lot", json!("from-a"))
        .unwrap();
    a.record = record;
    assert_eq!(a.record.get("lot"), Some(&json!("from-a")));
    assert!(!a.record.is_conflicted());
    b.sync_from(&a);
    assert_eq!(b.record, a.record);
    assert!(!b.record.is_conflicted());
    let last = a.record.field_history("lot").pop().unwrap();
    assert_eq!((last.old, last.new), (Some(json!("from-b")), json!("from-a")));
    assert_eq!(a.record.field("lot").unwrap().writes().len(), 3, "nothing was dropped");
}

#[test]
fn an_ordinary_edit_does_not_hide_an_open_conflict() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(2_000, "lot", json!("from-a"));
    b.set(2_001, "lot", json!("from-b"));
    a.sync_from(&b);
    a.set(3_000, "lot", json!("typed-again"));
    // The write from A at 2000 was never seen by a later write, so the user still has to
    // look at it: only resolve_conflict settles a conflict.
    assert_eq!(a.record.conflicted_fields(), vec!["lot"]);
}

#[test]
fn restore_brings_back_an_earlier_value_as_a_new_write() {
    let mut a = device(1, "ana");
    a.set(1_000, "lot", json!("v1"));
    a.set(1_001, "lot", json!("v2"));
    a.set(1_002, "lot", json!("v3"));
    let v1 = a.record.field("lot").unwrap().writes()[0].stamp;
    let mut record = a.record.clone();
    record.restore(&mut a.ctx(1_003), "lot", &v1).unwrap();
    assert_eq!(record.get("lot"), Some(&json!("v1")));
    let history = values(&record.field_history("lot"));
    assert_eq!(history.last(), Some(&(Some(json!("v3")), json!("v1"))));
    assert_eq!(history.len(), 4);
    assert!(!record.is_conflicted());
    let unknown = benchmate_core::record::Stamp {
        millis: 1,
        counter: 0,
        device: v1.device,
    };
    assert_eq!(
        record.restore(&mut a.ctx(1_004), "lot", &unknown),
        Err(EditError::NoSuchVersion {
            field: "lot".into(),
            stamp: unknown
        })
    );
    assert_eq!(
        record.restore(&mut a.ctx(1_004), "nope", &v1),
        Err(EditError::NoSuchField { field: "nope".into() })
    );
}

#[test]
fn delete_keeps_the_fields_and_undelete_brings_them_back() {
    let mut a = device(1, "ana");
    a.set(1_000, "lot", json!("L1"));
    let mut record = a.record.clone();
    assert!(record.delete(&mut a.ctx(1_001)).is_some());
    assert!(record.is_deleted());
    assert!(
        record.delete(&mut a.ctx(1_002)).is_none(),
        "deleting twice writes nothing"
    );
    assert_eq!(record.get("lot"), Some(&json!("L1")));
    assert!(record.undelete(&mut a.ctx(1_003)).is_some());
    assert!(!record.is_deleted());
    let deletions: Vec<(Slot, Value)> = record
        .history()
        .into_iter()
        .filter(|e| e.slot == Slot::Deleted)
        .map(|e| (e.slot, e.new))
        .collect();
    assert_eq!(
        deletions,
        vec![(Slot::Deleted, json!(true)), (Slot::Deleted, json!(false))]
    );
}

#[test]
fn a_local_edit_wins_locally_even_after_a_write_from_a_clock_far_ahead() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    b.set(50_000, "lot", json!("from-b"));
    a.sync_from(&b);
    // A's clock never observed B's stamp, and its wall time is far behind: the edit must
    // still become current, since the user saw "from-b" and typed over it.
    a.set(1_000, "lot", json!("from-a"));
    assert_eq!(a.record.get("lot"), Some(&json!("from-a")));
    assert!(!a.record.is_conflicted());
}

#[test]
fn copies_of_different_records_do_not_merge() {
    let a = device(1, "ana");
    let other_id = RecordId::new_v7(1_795_564_800_001, [2; 10]).unwrap();
    let other = Record::new(other_id, Kind::new("reagent_lot").unwrap(), lab());
    assert_eq!(
        a.record.merge(&other),
        Err(MergeError::DifferentId {
            left: id(),
            right: other_id
        })
    );
    let other_kind = Record::new(id(), Kind::new("qc_result").unwrap(), lab());
    let error = a.record.merge(&other_kind).unwrap_err();
    assert!(error.to_string().contains("never changes kind"), "{error}");
    let personal = Scope::Personal(UserId::new("ana").unwrap());
    let other_scope = Record::new(id(), Kind::new("reagent_lot").unwrap(), personal);
    assert!(matches!(
        a.record.merge(&other_scope),
        Err(MergeError::DifferentScope { .. })
    ));
}

#[test]
fn the_stored_form_round_trips_and_lists_conflicts() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(2_000, "lot", json!("from-a"));
    b.set(2_001, "lot", json!({"nested": [1, 2.5, null]}));
    a.sync_from(&b);
    let mut record = a.record.clone();
    record.delete(&mut a.ctx(2_002));
    let text = serde_json::to_string(&record).unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(stored["conflicted_fields"], json!(["lot"]));
    assert_eq!(stored["fields"]["lot"]["value"], json!({"nested": [1, 2.5, null]}));
    assert_eq!(stored["fields"]["lot"]["history"][0]["value"], json!("from-a"));
    assert_eq!(stored["tombstone"]["value"], json!(true));
    let back: Record = serde_json::from_str(&text).unwrap();
    assert_eq!(back, record);
}

#[test]
fn a_stored_record_with_an_impossible_field_name_is_refused() {
    let a = device(1, "ana");
    let mut stored = serde_json::to_value(&a.record).unwrap();
    stored["fields"] = json!({"": {"value": 1, "stamp": "0000000000000001-00000000-00000000000000000000000000000001"}});
    let error = serde_json::from_value::<Record>(stored).unwrap_err().to_string();
    assert!(error.contains("field name \"\" is not valid"), "{error}");
}

#[test]
fn editing_after_two_devices_typed_the_same_value_raises_no_conflict() {
    let mut a = device(1, "ana");
    let mut b = device(2, "ben");
    a.set(1_000, "lot", json!("L7"));
    b.set(1_001, "lot", json!("L7"));
    a.sync_from(&b);
    // Ana saw "L7" and changed it: both "L7" writes are what she replaced.
    a.set(2_000, "lot", json!("L8"));
    b.sync_from(&a);
    assert!(!b.record.is_conflicted());
    assert_eq!(b.record.get("lot"), Some(&json!("L8")));
}

#[test]
fn resolving_settles_every_concurrent_write_whatever_its_value() {
    // The case the third merge property found: A writes 1, C writes 0 concurrently, then A
    // writes 0 again without having seen C. Only A's 1 conflicts (the current value is 0);
    // resolving to 1 must settle A's later 0 as well, or it would show as a new conflict.
    let mut a = device(1, "ana");
    let mut c = device(3, "cy");
    a.set(1_000, "location", json!(1));
    c.set(3_000, "location", json!(0));
    a.set(1_002, "location", json!(0));
    a.sync_from(&c);
    assert_eq!(a.record.conflicted_fields(), vec!["location"]);
    let mut record = a.record.clone();
    record
        .resolve_conflict(&mut a.ctx(1_003), "location", json!(1))
        .unwrap();
    assert_eq!(record.get("location"), Some(&json!(1)));
    assert!(!record.is_conflicted());
}

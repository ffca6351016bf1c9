//! Tests of the sync messages, the outbox and the server's apply step.

use benchmate_core::record::{
    Change, DeviceId, EditContext, Hlc, Kind, LabId, Record, RecordId, Scope, Stamp, Write, MAX_FORWARD_DRIFT_MILLIS,
};
use benchmate_core::sync::{
    apply_mutation, classify_seq, ApplyError, Cursor, Mutation, Outbox, OutboxError, PullPage, PullRequest, PushError,
    PushRequest, SeqStatus,
};
use serde_json::json;

const NOW: u64 = 1_795_564_800_000;

fn device(n: u8) -> DeviceId {
    DeviceId::from_random_bytes([n; 16])
}

fn lab() -> Scope {
    Scope::Lab(LabId::new("lab-1").unwrap())
}

fn record(n: u8) -> Record {
    Record::new(
        RecordId::new_v7(NOW, [n; 10]).unwrap(),
        Kind::new("reagent_lot").unwrap(),
        lab(),
    )
}

/// Makes one edit on `record` with `clock` and returns its changes.
fn edit(clock: &mut Hlc, record: &mut Record, field: &str, value: u32) -> Vec<Change> {
    let mut ctx = EditContext {
        clock,
        now_millis: NOW,
        author: None,
    };
    record.set(&mut ctx, field, json!(value)).unwrap().into_iter().collect()
}

#[test]
fn the_outbox_numbers_resends_and_drops_on_acknowledgement() {
    let mut clock = Hlc::new(device(1));
    let mut outbox = Outbox::new(device(1));
    let mut lot = record(1);
    for value in 1..=3 {
        let changes = edit(&mut clock, &mut lot, "quantity", value);
        outbox.enqueue(&lot, changes);
    }
    assert!(outbox.enqueue(&lot, Vec::new()).is_none(), "no changes, no mutation");
    assert_eq!(outbox.next_seq(), 4);
    let seqs = |request: PushRequest| request.mutations.iter().map(|m| m.seq).collect::<Vec<_>>();
    assert_eq!(seqs(outbox.next_batch(2)), vec![1, 2]);
    // The response was lost: the same batch goes again.
    assert_eq!(seqs(outbox.next_batch(2)), vec![1, 2]);
    assert_eq!(outbox.acknowledge(2), Ok(2));
    assert_eq!(outbox.acknowledge(1), Ok(0), "a stale acknowledgement drops nothing");
    assert_eq!(seqs(outbox.next_batch(2)), vec![3]);
    assert_eq!(
        outbox.acknowledge(7),
        Err(OutboxError::AckBeyondSent {
            acknowledged: 7,
            last_made: 3
        })
    );
    let reloaded: Outbox = serde_json::from_str(&serde_json::to_string(&outbox).unwrap()).unwrap();
    assert_eq!(reloaded, outbox);
}

#[test]
fn an_outbox_whose_counter_restarted_recovers_by_renumbering() {
    let mut clock = Hlc::new(device(1));
    let mut lot = record(1);
    let mut outbox = Outbox::new(device(1));
    for value in 1..=2 {
        let changes = edit(&mut clock, &mut lot, "quantity", value);
        outbox.enqueue(&lot, changes);
    }
    // The server applied up to 10 from this device id in an earlier life, so it skipped
    // seqs 1 and 2 and says 10.
    assert!(outbox.acknowledge(10).is_err());
    outbox.renumber_after(10);
    assert_eq!(outbox.pending().iter().map(|m| m.seq).collect::<Vec<_>>(), vec![11, 12]);
    assert_eq!(outbox.next_seq(), 13);
    assert_eq!(outbox.acknowledge(12), Ok(2));
}

#[test]
fn an_outbox_rebuilt_from_rows_keeps_order_and_never_reuses_a_seq() {
    let mut clock = Hlc::new(device(1));
    let mut lot = record(1);
    let rows: Vec<Mutation> = [5, 3, 4, 4]
        .into_iter()
        .map(|seq| {
            Mutation::new(
                device(1),
                seq,
                &lot.clone(),
                edit(&mut clock, &mut lot, "quantity", seq as u32),
            )
        })
        .collect();
    // The stored counter was lost (1), but seqs up to 5 are pending: the next is 6.
    let outbox = Outbox::from_parts(device(1), 1, rows);
    assert_eq!(
        outbox.pending().iter().map(|m| m.seq).collect::<Vec<_>>(),
        vec![3, 4, 5]
    );
    assert_eq!(outbox.next_seq(), 6);
    assert_eq!(Outbox::from_parts(device(1), 9, Vec::new()).next_seq(), 9);
}

#[test]
fn seqs_are_classified_against_the_highest_applied() {
    fn check(highest: u64, seq: u64, expect: SeqStatus) {
        assert_eq!(classify_seq(highest, seq), expect, "highest {highest}, seq {seq}");
    }
    check(0, 1, SeqStatus::Next);
    check(5, 5, SeqStatus::AlreadyApplied);
    check(5, 1, SeqStatus::AlreadyApplied);
    check(5, 6, SeqStatus::Next);
    check(5, 9, SeqStatus::AfterGap { first_missing: 6 });
}

#[test]
fn a_push_is_checked_before_anything_is_applied() {
    let mut clock = Hlc::new(device(1));
    let mut lot = record(1);
    let changes = edit(&mut clock, &mut lot, "quantity", 1);
    let mutation = |device_n: u8, seq: u64| Mutation::new(device(device_n), seq, &lot, changes.clone());
    let push = |mutations| PushRequest {
        device: device(1),
        mutations,
    };
    assert_eq!(push(vec![mutation(1, 1), mutation(1, 2)]).validate(10), Ok(()));
    assert_eq!(
        push(vec![mutation(1, 1), mutation(1, 2)]).validate(1),
        Err(PushError::TooLarge { count: 2, max: 1 })
    );
    assert_eq!(
        push(vec![mutation(2, 1)]).validate(10),
        Err(PushError::WrongDevice { seq: 1 })
    );
    assert_eq!(
        push(vec![mutation(1, 2), mutation(1, 2)]).validate(10),
        Err(PushError::OutOfOrder { seq: 2 })
    );
    assert_eq!(
        push(vec![mutation(1, 0)]).validate(10),
        Err(PushError::OutOfOrder { seq: 0 })
    );
    let request = push(vec![mutation(1, 1), mutation(1, 2), mutation(1, 3)]);
    let left: Vec<u64> = request.unapplied(2).map(|m| m.seq).collect();
    assert_eq!(left, vec![3]);
}

#[test]
fn applying_creates_merges_and_recognises_a_replay() {
    let mut clock = Hlc::new(device(1));
    let mut lot = record(1);
    let first = Mutation::new(device(1), 1, &lot.clone(), edit(&mut clock, &mut lot, "quantity", 5));
    let created = apply_mutation(None, &first, NOW).unwrap();
    assert!(created.changed);
    assert_eq!(created.record.get("quantity"), Some(&json!(5)));
    let replay = apply_mutation(Some(&created.record), &first, NOW).unwrap();
    assert!(!replay.changed);
    assert_eq!(replay.record, created.record);
    let second = Mutation::new(device(1), 2, &lot.clone(), edit(&mut clock, &mut lot, "quantity", 4));
    let updated = apply_mutation(Some(&created.record), &second, NOW).unwrap();
    assert!(updated.changed);
    assert_eq!(updated.record, lot, "the server holds what the device holds");
}

#[test]
fn applying_refuses_malformed_mutations() {
    let mut clock = Hlc::new(device(1));
    let mut lot = record(1);
    let changes = edit(&mut clock, &mut lot, "quantity", 5);
    let empty = Mutation::new(device(1), 1, &lot, Vec::new());
    assert_eq!(apply_mutation(None, &empty, NOW), Err(ApplyError::Empty { seq: 1 }));

    let foreign = Mutation::new(device(2), 1, &lot, changes.clone());
    assert_eq!(
        apply_mutation(None, &foreign, NOW),
        Err(ApplyError::ForeignStamp {
            seq: 1,
            field: "quantity".into()
        })
    );

    let ahead = Stamp {
        millis: NOW + MAX_FORWARD_DRIFT_MILLIS + 1,
        counter: 0,
        device: device(1),
    };
    let future = Change::Field {
        field: "quantity".into(),
        write: Write {
            value: json!(1),
            stamp: ahead,
            author: None,
            seen: vec![],
        },
    };
    let error = apply_mutation(None, &Mutation::new(device(1), 1, &lot, vec![future]), NOW).unwrap_err();
    assert!(matches!(error, ApplyError::FarFuture { seq: 1, .. }));

    let ana = benchmate_core::record::UserId::new("ana").unwrap();
    let ben = benchmate_core::record::UserId::new("ben").unwrap();
    let mut ctx = EditContext {
        clock: &mut clock,
        now_millis: NOW,
        author: Some(ana.clone()),
    };
    let by_ana: Vec<Change> = lot
        .set(&mut ctx, "location", json!("fridge"))
        .unwrap()
        .into_iter()
        .collect();
    let signed = Mutation::new(device(1), 2, &lot, [changes.clone(), by_ana].concat());
    assert!(signed.authors_are_at_most(&ana), "no author, or ana");
    assert!(!signed.authors_are_at_most(&ben));

    let mut other_kind = Mutation::new(device(1), 1, &lot, changes);
    other_kind.kind = Kind::new("qc_result").unwrap();
    let error = apply_mutation(Some(&lot), &other_kind, NOW).unwrap_err();
    assert!(error.to_string().contains("never changes kind"), "{error}");
}

#[test]
fn pull_pages_carry_the_cursor_and_whether_more_remain() {
    let request = |cursor, limit| PullRequest {
        scope: lab(),
        cursor: Cursor(cursor),
        limit,
    };
    let rows = |seqs: &[u64]| seqs.iter().map(|s| (*s, record(*s as u8))).collect::<Vec<_>>();
    // The server read limit + 1 = 3 rows: the third only says there is more.
    let page = PullPage::from_rows(&request(10, 2), rows(&[11, 14, 15]));
    assert_eq!(
        page.changes.iter().map(|c| c.server_seq).collect::<Vec<_>>(),
        vec![11, 14]
    );
    assert_eq!((page.next_cursor, page.has_more), (Cursor(14), true));
    let last = PullPage::from_rows(&request(14, 2), rows(&[15]));
    assert_eq!((last.next_cursor, last.has_more), (Cursor(15), false));
    let empty = PullPage::from_rows(&request(15, 2), Vec::new());
    assert_eq!((empty.next_cursor, empty.has_more), (Cursor(15), false));
    assert_eq!(request(0, 0).effective_limit(), 1);
    assert_eq!(request(0, 1_000_000).effective_limit(), PullRequest::MAX_LIMIT as usize);
}

#[test]
fn the_wire_format_is_plain_json() {
    let mut clock = Hlc::new(device(1));
    let mut lot = record(1);
    let changes = edit(&mut clock, &mut lot, "quantity", 5);
    let push = PushRequest {
        device: device(1),
        mutations: vec![Mutation::new(device(1), 1, &lot, changes)],
    };
    let text = serde_json::to_value(&push).unwrap();
    let mutation = &text["mutations"][0];
    assert_eq!(mutation["seq"], json!(1));
    assert_eq!(mutation["scope"], json!("lab:lab-1"));
    assert_eq!(mutation["kind"], json!("reagent_lot"));
    assert_eq!(mutation["changes"][0]["slot"], json!("field"));
    assert_eq!(mutation["changes"][0]["field"], json!("quantity"));
    assert_eq!(mutation["changes"][0]["write"]["value"], json!(5));
    let back: PushRequest = serde_json::from_value(text).unwrap();
    assert_eq!(back, push);
}

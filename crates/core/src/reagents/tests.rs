//! Tests of the lot lifecycle, new-lot verification and the inventory views.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).expect("valid test time")
}

fn reagent(id: &str, stability: Option<u32>, reorder: Option<u32>) -> Reagent {
    Reagent {
        id: id.to_string(),
        name: format!("Reagent {id}"),
        manufacturer: "Maker".to_string(),
        catalogue_number: "CAT-1".to_string(),
        gtin: None,
        storage_temperature: "2-8 °C".to_string(),
        serves: "Glucose".to_string(),
        in_use_stability_days: stability,
        reorder_level: reorder,
    }
}

fn lot(id: &str, reagent_id: &str, expiry: NaiveDate, status: LotStatus) -> Lot {
    let mut lot = Lot::received(id, reagent_id, &format!("LOT-{id}"), expiry, day(2026, 1, 5), "ana");
    lot.status = status;
    lot
}

fn verification(lot_id: &str, new_result: f64, limit: AcceptanceLimit) -> LotVerification {
    LotVerification {
        new_lot_id: lot_id.to_string(),
        current_lot_id: "OLD".to_string(),
        limits: BTreeMap::from([("GLU".to_string(), limit)]),
        samples: vec![VerificationSample {
            kind: SampleKind::QcMaterial,
            label: "QC level 1".to_string(),
            analyte: "GLU".to_string(),
            current_lot_result: 100.0,
            new_lot_result: new_result,
        }],
        performed_by: "ana".to_string(),
        performed_at: at(2026, 2, 1, 9),
        sign_off: None,
    }
}

fn request<'a>(to: LotStatus, reason: &'a str, v: Option<&'a LotVerification>) -> TransitionRequest<'a> {
    TransitionRequest {
        to,
        by: "ana",
        at: at(2026, 2, 2, 10),
        reason,
        verification: v,
        in_use_stability_days: Some(30),
    }
}

#[test]
fn allowed_moves_follow_the_lifecycle() {
    use LotStatus::*;
    let all = [Quarantine, Verified, InUse, Depleted, Discarded, Expired];
    let allowed = [
        (Quarantine, Verified),
        (Quarantine, InUse),
        (Quarantine, Discarded),
        (Quarantine, Expired),
        (Verified, InUse),
        (Verified, Discarded),
        (Verified, Expired),
        (InUse, Depleted),
        (InUse, Discarded),
        (InUse, Expired),
    ];
    for from in all {
        for to in all {
            assert_eq!(
                from.can_move_to(to),
                allowed.contains(&(from, to)),
                "{from:?} -> {to:?}"
            );
        }
    }
}

#[test]
fn verified_then_in_use_records_who_when_why_and_the_opened_date() {
    let mut l = lot("N1", "R1", day(2026, 12, 31), LotStatus::Quarantine);
    let mut v = verification("N1", 103.0, AcceptanceLimit::Percent(5.0));
    assert_eq!(
        l.transition(&request(LotStatus::Verified, "", Some(&v))),
        Err(LotError::VerificationNotSignedOff)
    );
    v.sign("sam (supervisor)", at(2026, 2, 1, 15), "ok")
        .expect("first sign-off");
    l.transition(&request(LotStatus::Verified, "", Some(&v)))
        .expect("verified");
    l.transition(&request(LotStatus::InUse, "", None)).expect("in use");
    assert_eq!(l.status, LotStatus::InUse);
    assert_eq!(l.opened_on, Some(day(2026, 2, 2)));
    assert_eq!(l.history.len(), 2);
    assert_eq!(l.history[1].from, LotStatus::Verified);
    assert_eq!(l.history[1].by, "ana");
    assert!(!l.history[1].verification_skipped);
}

#[test]
fn in_use_without_verification_needs_a_reason() {
    let mut l = lot("N1", "R1", day(2026, 12, 31), LotStatus::Quarantine);
    assert_eq!(
        l.transition(&request(LotStatus::InUse, "  ", None)),
        Err(LotError::MissingReason)
    );
    l.transition(&request(LotStatus::InUse, "analyser down, stat testing", None))
        .expect("override with reason");
    assert!(l.history[0].verification_skipped);
    assert_eq!(l.history[0].reason, "analyser down, stat testing");
}

#[test]
fn refused_moves_say_why() {
    let mut done = lot("N1", "R1", day(2026, 12, 31), LotStatus::Depleted);
    assert_eq!(
        done.transition(&request(LotStatus::InUse, "x", None))
            .map_err(|e| e.to_string()),
        Err("a lot that is depleted cannot become in use".to_string())
    );
    let mut old = lot("N2", "R1", day(2026, 2, 1), LotStatus::Verified);
    assert_eq!(
        old.transition(&request(LotStatus::InUse, "", None)),
        Err(LotError::PastExpiry {
            effective: day(2026, 2, 1)
        })
    );
    let mut failing = lot("N3", "R1", day(2026, 12, 31), LotStatus::Quarantine);
    let mut bad = verification("N3", 110.0, AcceptanceLimit::Percent(5.0));
    bad.sign("sam", at(2026, 2, 1, 15), "").expect("sign");
    assert_eq!(
        failing.transition(&request(LotStatus::Verified, "", Some(&bad))),
        Err(LotError::VerificationFailed)
    );
    let other = verification("ZZ", 100.0, AcceptanceLimit::Absolute(1.0));
    assert!(matches!(
        failing.transition(&request(LotStatus::Verified, "", Some(&other))),
        Err(LotError::VerificationForAnotherLot { .. })
    ));
}

#[test]
fn verification_limits_absolute_and_percent() {
    // Current 100, new 105: difference +5, which is 5 % of 100.
    for (new, limit, pass) in [
        (105.0, AcceptanceLimit::Percent(5.0), true), // exactly at the limit passes
        (105.5, AcceptanceLimit::Percent(5.0), false),
        (94.0, AcceptanceLimit::Absolute(6.0), true), // -6 against +-6
        (93.9, AcceptanceLimit::Absolute(6.0), false),
    ] {
        let outcome = verification("N1", new, limit).evaluate().expect("judged");
        assert_eq!(outcome.pass, pass, "new {new} with {limit:?}");
    }
    // 10.0 -> 10.3 is exactly 3 % on paper, 3.0000000000000071 % in floating point: it passes.
    let mut decimal = verification("N1", 10.3, AcceptanceLimit::Percent(3.0));
    decimal.samples[0].current_lot_result = 10.0;
    assert!(decimal.evaluate().expect("judged").pass);
    let outcome = verification("N1", 105.0, AcceptanceLimit::Percent(5.0))
        .evaluate()
        .expect("judged");
    assert_eq!(outcome.samples[0].difference, 5.0);
    assert_eq!(outcome.samples[0].percent_difference, Some(5.0));
}

#[test]
fn verification_faults() {
    let mut zero = verification("N1", 1.0, AcceptanceLimit::Percent(5.0));
    zero.samples[0].current_lot_result = 0.0;
    assert!(matches!(zero.evaluate(), Err(VerificationError::PercentOfZero { .. })));
    let mut nan = verification("N1", f64::NAN, AcceptanceLimit::Absolute(1.0));
    assert!(matches!(nan.evaluate(), Err(VerificationError::NotANumber { .. })));
    nan.samples.clear();
    assert_eq!(nan.evaluate(), Err(VerificationError::NoSamples));
    let mut unknown = verification("N1", 100.0, AcceptanceLimit::Absolute(1.0));
    unknown.samples[0].analyte = "K".to_string();
    assert_eq!(
        unknown.evaluate(),
        Err(VerificationError::NoLimit {
            analyte: "K".to_string()
        })
    );
    let mut signed = verification("N1", 100.0, AcceptanceLimit::Absolute(1.0));
    assert_eq!(
        signed.sign(" ", at(2026, 2, 1, 15), ""),
        Err(VerificationError::MissingSigner)
    );
    signed.sign("sam", at(2026, 2, 1, 15), "").expect("sign");
    assert!(matches!(
        signed.sign("kim", at(2026, 2, 1, 16), ""),
        Err(VerificationError::AlreadySigned { .. })
    ));
}

#[test]
fn views_group_and_suggest() {
    let today = day(2026, 3, 1);
    let reagents = vec![reagent("R1", Some(10), Some(3)), reagent("R2", None, Some(1))];
    let mut opened = lot("A", "R1", day(2026, 12, 31), LotStatus::InUse);
    opened.opened_on = Some(day(2026, 2, 25)); // 25 Feb + 10 days = 7 March, before 31 Dec
    opened.location = "Fridge 1".to_string();
    let mut fresh = lot("B", "R1", day(2026, 3, 7), LotStatus::Verified);
    fresh.location = "Fridge 2".to_string();
    let old = lot("C", "R1", day(2026, 2, 28), LotStatus::Verified); // past expiry
    let today_lot = lot("D", "R2", day(2026, 3, 1), LotStatus::Quarantine);
    let gone = lot("E", "R2", day(2027, 1, 1), LotStatus::Depleted);
    let lots = vec![opened, fresh, old, today_lot, gone];

    let by_expiry = lots_by_expiry(&reagents, &lots, today, ExpiryThresholds::default());
    let ids = |bucket| {
        by_expiry
            .get(&bucket)
            .map(|v| v.iter().map(|l| l.id.as_str()).collect::<Vec<_>>())
    };
    assert_eq!(ids(ExpiryBucket::Expired), Some(vec!["C"]));
    assert_eq!(ids(ExpiryBucket::Today), Some(vec!["D"]));
    assert_eq!(
        ids(ExpiryBucket::Soon),
        Some(vec!["A", "B"]),
        "both on 7 March, then by lot number"
    );
    assert_eq!(ids(ExpiryBucket::Fine), None);

    // A (in use) and B (verified) both expire on 7 March: the open one is used first.
    let first = use_first(&reagents, &lots, today);
    assert_eq!(first.get("R1").map(|l| l.id.as_str()), Some("A"));
    assert!(!first.contains_key("R2"), "R2's only active lot is still in quarantine");

    // R1: A and B count (1 each), C is past expiry: 2 <= 3. R2: D counts (expires today): 1 <= 1.
    let low = low_stock(&reagents, &lots, today);
    assert_eq!(
        low.iter()
            .map(|l| (l.reagent_id.as_str(), l.on_hand))
            .collect::<Vec<_>>(),
        vec![("R1", 2), ("R2", 1)]
    );

    let by_location = lots_by_location(&lots);
    assert_eq!(by_location.get("Fridge 1").map(Vec::len), Some(1));
    let by_status = lots_by_status(&lots);
    assert_eq!(by_status.get(&LotStatus::Verified).map(Vec::len), Some(2));
    assert_eq!(by_status.get(&LotStatus::Depleted).map(Vec::len), Some(1));
}

#[test]
fn records_round_trip_through_json() {
    let mut l = lot("N1", "R1", day(2026, 12, 31), LotStatus::Quarantine);
    l.transition(&request(LotStatus::InUse, "urgent", None))
        .expect("override");
    let json = serde_json::to_string(&l).expect("serializes");
    assert_eq!(serde_json::from_str::<Lot>(&json).expect("parses"), l);
    let v = verification("N1", 101.0, AcceptanceLimit::Absolute(2.0));
    let json = serde_json::to_string(&v).expect("serializes");
    assert_eq!(serde_json::from_str::<LotVerification>(&json).expect("parses"), v);
}

#[test]
fn a_scanned_gtin_finds_its_reagent() {
    let mut glucose = reagent("R1", None, None);
    glucose.gtin = Some("4006381333931".to_string()); // saved as the 13-digit EAN
    let reagents = vec![reagent("R0", None, None), glucose];
    assert_eq!(
        find_reagent_by_gtin(&reagents, "04006381333931").map(|r| r.id.as_str()),
        Some("R1")
    );
    assert_eq!(find_reagent_by_gtin(&reagents, "04006381333932"), None);
}

#[test]
fn lots_are_validated_and_expired_ones_listed() {
    let mut l = lot("N1", "R1", day(2026, 12, 31), LotStatus::Verified);
    assert_eq!(l.validate(), Ok(()));
    l.opened_on = Some(day(2026, 1, 4)); // received 5 January
    assert_eq!(
        l.validate().map_err(|e| e.to_string()),
        Err("the lot cannot be opened (2026-01-04) before it was received (2026-01-05)".to_string())
    );
    l.opened_on = None;
    l.lot_number = " ".to_string();
    assert_eq!(l.validate(), Err(LotFieldError::MissingLotNumber));

    let reagents = vec![reagent("R1", Some(5), None)];
    let mut opened = lot("A", "R1", day(2026, 12, 31), LotStatus::InUse);
    opened.opened_on = Some(day(2026, 3, 1)); // 1 March + 5 days = 6 March
    let lots = vec![opened, lot("B", "R1", day(2026, 12, 31), LotStatus::Verified)];
    let ids = |today| {
        lots_to_mark_expired(&reagents, &lots, today)
            .iter()
            .map(|l| l.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(day(2026, 3, 6)),
        Vec::<String>::new(),
        "usable through its last day"
    );
    assert_eq!(ids(day(2026, 3, 7)), vec!["A".to_string()]);
}

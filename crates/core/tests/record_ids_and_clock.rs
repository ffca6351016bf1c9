//! Tests of record ids, kinds, scopes, version stamps and the hybrid logical clock.

use benchmate_core::record::{
    DeviceId, Hlc, HlcError, IdError, Kind, LabId, RecordId, Scope, Stamp, UserId, MAX_FORWARD_DRIFT_MILLIS,
};

fn device(byte: u8) -> DeviceId {
    DeviceId::from_random_bytes([byte; 16])
}

#[test]
fn record_id_is_a_uuid_v7_of_the_given_time_and_bytes() {
    // RFC 9562 section 5.7: 48 bits of Unix milliseconds, then version 7, 12 random bits,
    // the variant bits 10, and 62 random bits. With all-ones random bytes:
    // time 0x0192F3A4B5C6 -> "0192f3a4-b5c6", "7" + "fff", 0b10111111 = 0xbf, then ff...
    let id = RecordId::new_v7(0x0192_F3A4_B5C6, [0xFF; 10]).unwrap();
    assert_eq!(id.to_string(), "0192f3a4-b5c6-7fff-bfff-ffffffffffff");
    assert_eq!(id.unix_millis(), 0x0192_F3A4_B5C6);
    assert_eq!(id.to_string().parse::<RecordId>().unwrap(), id);
    assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
}

#[test]
fn record_ids_sort_by_creation_time() {
    let earlier = RecordId::new_v7(1_000, [0xFF; 10]).unwrap();
    let later = RecordId::new_v7(1_001, [0x00; 10]).unwrap();
    assert!(earlier < later);
}

#[test]
fn record_id_refuses_bad_input() {
    assert_eq!(
        RecordId::new_v7(1 << 48, [0; 10]),
        Err(IdError::TimeOutOfRange { millis: 1 << 48 })
    );
    // A version 4 UUID (from RFC 9562 appendix A.3) is not a record id.
    let v4 = "919108f7-52d1-4320-9bac-f847db4148a8".parse::<RecordId>();
    let message = v4.unwrap_err().to_string();
    assert!(
        message.contains("version 7") && message.contains("found version 4"),
        "{message}"
    );
    assert!("not-a-uuid".parse::<RecordId>().is_err());
    assert!(serde_json::from_str::<RecordId>("\"919108f7-52d1-4320-9bac-f847db4148a8\"").is_err());
}

#[test]
fn kinds_are_snake_case_names() {
    fn check(name: &str, valid: bool) {
        assert_eq!(Kind::new(name).is_ok(), valid, "{name:?}");
    }
    check("ce_entry", true);
    check("reagent_lot", true);
    check("qc2_result", true);
    check("", false);
    check("CeEntry", false);
    check("2fa", false);
    check("_hidden", false);
    check("ce-entry", false);
    check(&"a".repeat(64), true);
    check(&"a".repeat(65), false);
}

#[test]
fn scopes_are_written_as_one_string() {
    fn check(text: &str, expect: Option<Scope>) {
        assert_eq!(text.parse::<Scope>().ok(), expect, "{text:?}");
        if let Some(scope) = expect {
            assert_eq!(scope.to_string(), text);
            assert_eq!(serde_json::to_string(&scope).unwrap(), format!("\"{text}\""));
        }
    }
    check("personal:u-1", Some(Scope::Personal(UserId::new("u-1").unwrap())));
    check("lab:st-marys", Some(Scope::Lab(LabId::new("st-marys").unwrap())));
    // Only the first colon separates: ids may contain colons.
    check("lab:a:b", Some(Scope::Lab(LabId::new("a:b").unwrap())));
    check("lab:", None);
    check("team:x", None);
    check("personal", None);
    check("lab:bad\nid", None);
}

#[test]
fn stamps_are_text_that_sorts_like_the_stamps() {
    let a = device(1);
    let b = device(2);
    let stamp = Stamp {
        millis: 0x0192_F3A4_B5C6,
        counter: 2,
        device: a,
    };
    assert_eq!(stamp.to_string(), format!("00000192f3a4b5c6-00000002-{}", a.simple()));
    assert_eq!(stamp.to_string().parse::<Stamp>().unwrap(), stamp);
    let mut stamps = [
        Stamp {
            millis: 5,
            counter: 0,
            device: b,
        },
        Stamp {
            millis: 4,
            counter: 9,
            device: b,
        },
        Stamp {
            millis: 5,
            counter: 0,
            device: a,
        },
        Stamp {
            millis: 0x1_0000_0000,
            counter: 0,
            device: a,
        },
        Stamp {
            millis: 4,
            counter: 10,
            device: a,
        },
    ];
    let mut texts: Vec<String> = stamps.iter().map(Stamp::to_string).collect();
    stamps.sort();
    texts.sort();
    let sorted_texts: Vec<String> = stamps.iter().map(Stamp::to_string).collect();
    assert_eq!(texts, sorted_texts);
    for bad in [
        "",
        "5-0-0",
        "00000192f3a4b5c6-00000002",
        "00000192f3a4b5c6-0000000g-00000000000000000000000000000000",
    ] {
        assert!(matches!(bad.parse::<Stamp>(), Err(HlcError::BadText { .. })), "{bad:?}");
    }
}

#[test]
fn tick_is_monotonic_when_the_wall_clock_goes_backwards() {
    let a = device(1);
    let mut clock = Hlc::new(a);
    // (wall time given, expected (millis, counter)): the counter grows while the wall
    // clock is not ahead of the last stamp, and resets when it moves ahead.
    let steps = [
        (1_000, (1_000, 0)),
        (1_000, (1_000, 1)),
        (999, (1_000, 2)),
        (10, (1_000, 3)),
        (1_005, (1_005, 0)),
    ];
    for (now, (millis, counter)) in steps {
        assert_eq!(
            clock.tick(now),
            Stamp {
                millis,
                counter,
                device: a
            },
            "at wall {now}"
        );
    }
}

#[test]
fn observe_makes_later_local_stamps_greater_than_the_remote_one() {
    let mut clock = Hlc::new(device(1));
    clock.tick(1_500);
    let remote = Stamp {
        millis: 2_000,
        counter: 5,
        device: device(2),
    };
    clock.observe(&remote, 1_500).unwrap();
    // The wall clock (1500) is behind the remote stamp, so the counter continues from it.
    let next = clock.tick(1_500);
    assert_eq!((next.millis, next.counter), (2_000, 6));
    assert!(next > remote);
}

#[test]
fn observe_refuses_a_stamp_more_than_an_hour_ahead() {
    let now = 1_000_000;
    let mut clock = Hlc::new(device(1));
    let at_bound = Stamp {
        millis: now + MAX_FORWARD_DRIFT_MILLIS,
        counter: 0,
        device: device(2),
    };
    let beyond = Stamp {
        millis: now + MAX_FORWARD_DRIFT_MILLIS + 1,
        counter: 0,
        device: device(2),
    };
    assert_eq!(MAX_FORWARD_DRIFT_MILLIS, 3_600_000);
    let before = clock.clone();
    let error = clock.observe(&beyond, now).unwrap_err();
    assert_eq!(clock, before, "a refused stamp leaves the clock unchanged");
    assert!(error.to_string().contains("3600001 ms ahead"), "{error}");
    assert!(clock.observe(&at_bound, now).is_ok());
}

#[test]
fn a_full_counter_borrows_a_millisecond_instead_of_wrapping() {
    let a = device(1);
    let last = Stamp {
        millis: 1_000,
        counter: u32::MAX,
        device: a,
    };
    let mut clock = Hlc::resume(a, last);
    let next = clock.tick(10);
    assert_eq!(
        next,
        Stamp {
            millis: 1_001,
            counter: 0,
            device: a
        }
    );
    assert!(next > last);
}

#[test]
fn the_clock_survives_a_reload_as_json() {
    let mut clock = Hlc::new(device(3));
    let issued = clock.tick(42);
    let reloaded: Hlc = serde_json::from_str(&serde_json::to_string(&clock).unwrap()).unwrap();
    let mut reloaded = reloaded;
    assert!(reloaded.tick(0) > issued);
}

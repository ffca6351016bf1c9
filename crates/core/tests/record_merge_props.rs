//! Property tests of the record merge: random concurrent edit histories on three or four
//! replicas, delivered duplicated, dropped-then-retried and reordered, always converge, and
//! no value ever written is lost; the merge is commutative, associative and idempotent.

mod common;

use benchmate_core::record::Record;
use common::replicas::{Op, Simulation};
use proptest::prelude::*;

/// Every property runs this many generated histories (issue 3: at least 10,000 each).
const CASES: u32 = 10_000;

fn op() -> impl Strategy<Value = Op> {
    // Replica indices, fields and picks are reduced modulo their ranges when applied, so
    // every generated value is meaningful and shrinking stays simple.
    prop_oneof![
        6 => (any::<u8>(), 0u8..3, 0u8..4).prop_map(|(replica, field, value)| Op::Set { replica, field, value }),
        1 => any::<u8>().prop_map(|replica| Op::Delete { replica }),
        1 => any::<u8>().prop_map(|replica| Op::Undelete { replica }),
        1 => (any::<u8>(), 0u8..3, any::<u8>()).prop_map(|(replica, field, pick)| Op::Resolve { replica, field, pick }),
        1 => (any::<u8>(), 0u8..3, any::<u8>()).prop_map(|(replica, field, pick)| Op::Restore { replica, field, pick }),
        1 => (any::<u8>(), -3000i64..3000).prop_map(|(replica, delta)| Op::ClockJump { replica, delta }),
        6 => (any::<u8>(), any::<u8>(), any::<bool>()).prop_map(|(to, pick, duplicate)| Op::Deliver { to, pick, duplicate }),
        2 => (any::<u8>(), any::<u8>()).prop_map(|(to, pick)| Op::Drop { to, pick }),
        1 => any::<u8>().prop_map(|to| Op::Retry { to }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(from, to)| Op::SyncState { from, to }),
    ]
}

fn history() -> impl Strategy<Value = (usize, Vec<Op>)> {
    (3usize..=4, prop::collection::vec(op(), 0..40))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// After every message is finally delivered (retries included), all replicas hold the
    /// same record, and every write ever made is in it, current or in history.
    #[test]
    fn replicas_converge_and_keep_every_write((replicas, ops) in history()) {
        let mut sim = Simulation::new(replicas);
        for op in &ops {
            sim.run(op);
        }
        sim.deliver_everything();
        let first = &sim.replicas[0].record;
        for replica in &sim.replicas[1..] {
            prop_assert_eq!(&replica.record, first);
        }
        for (slot, stamp) in &sim.written {
            prop_assert!(common::replicas::holds_write(first, slot, stamp), "write {stamp} to {slot:?} was lost");
        }
        // The stored form converges too, byte for byte.
        let text = serde_json::to_string(first).expect("records serialize");
        for replica in &sim.replicas[1..] {
            prop_assert_eq!(serde_json::to_string(&replica.record).expect("records serialize"), text.clone());
        }
    }

    /// merge(a, b) == merge(b, a), merge(merge(a, b), c) == merge(a, merge(b, c)) and
    /// merge(a, a) == a, for the diverged states of three replicas mid-history.
    #[test]
    fn merge_is_commutative_associative_idempotent((replicas, ops) in history()) {
        let mut sim = Simulation::new(replicas);
        for op in &ops {
            sim.run(op);
        }
        let a = &sim.replicas[0].record;
        let b = &sim.replicas[1].record;
        let c = &sim.replicas[2].record;
        let merge = |x: &Record, y: &Record| x.merge(y).expect("copies of one record merge");
        prop_assert_eq!(merge(a, b), merge(b, a));
        prop_assert_eq!(merge(&merge(a, b), c), merge(a, &merge(b, c)));
        prop_assert_eq!(&merge(a, a), a);
        // Merging into a state that already holds the other changes nothing.
        let ab = merge(a, b);
        let mut again = ab.clone();
        prop_assert!(!again.absorb(b).expect("same record"));
        prop_assert_eq!(again, ab);
    }
}

//! Property tests of the record merge: random concurrent edit histories on three or four
//! replicas, delivered duplicated, dropped-then-retried and reordered, always converge, and
//! no value ever written is lost; the merge is commutative, associative and idempotent.

mod common;

use benchmate_core::record::Record;
use common::replicas::{Op, Simulation, FIELDS};
use proptest::prelude::*;

/// Every property runs this many generated histories (issue 3: at least 10,000 each).
const CASES: u32 = 10_000;

/// The number of replicas (3 or 4) and up to 40 steps, each decoded from a random word.
fn history() -> impl Strategy<Value = (usize, Vec<u64>)> {
    (3usize..=4, prop::collection::vec(any::<u64>(), 0..40))
}

fn run(replicas: usize, steps: &[u64]) -> Simulation {
    let mut sim = Simulation::new(replicas);
    for bits in steps {
        sim.run(&Op::from_bits(*bits));
    }
    sim
}

fn decoded(steps: &[u64]) -> Vec<Op> {
    steps.iter().map(|bits| Op::from_bits(*bits)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// After every message is finally delivered (retries included), all replicas hold the
    /// same record, and every write ever made is in it, current or in history.
    #[test]
    fn replicas_converge_and_keep_every_write((replicas, steps) in history()) {
        let mut sim = run(replicas, &steps);
        sim.deliver_everything();
        let first = &sim.replicas[0].record;
        for replica in &sim.replicas[1..] {
            prop_assert_eq!(&replica.record, first, "steps: {:?}", decoded(&steps));
        }
        for (slot, stamp) in &sim.written {
            prop_assert!(common::replicas::holds_write(first, slot, stamp), "write {stamp} to {slot:?} was lost; steps: {:?}", decoded(&steps));
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
    fn merge_is_commutative_associative_idempotent((replicas, steps) in history()) {
        let sim = run(replicas, &steps);
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

    /// Conflicts mark exactly the concurrent edits: edits made each after a full sync never
    /// conflict; the same edits made without syncing are settled everywhere by one
    /// `resolve_conflict` per conflicted field, and every value stays in history.
    #[test]
    fn only_concurrent_edits_conflict_and_resolving_settles_them(
        (replicas, edits) in (3usize..=4, prop::collection::vec((any::<u8>(), 0u8..3, 0u8..4), 1..20))
    ) {
        let set = |(replica, field, value): (u8, u8, u8)| Op::Set { replica, field, value };
        let mut in_turn = Simulation::new(replicas);
        for edit in &edits {
            in_turn.run(&set(*edit));
            in_turn.deliver_everything();
        }
        for replica in &in_turn.replicas {
            prop_assert!(!replica.record.is_conflicted(), "edits in turn conflicted: {:?}", edits);
        }

        let mut offline = Simulation::new(replicas);
        for edit in &edits {
            offline.run(&set(*edit));
        }
        offline.deliver_everything();
        let conflicted: Vec<String> = offline.replicas[0]
            .record
            .conflicted_fields()
            .into_iter()
            .map(str::to_string)
            .collect();
        for field in &conflicted {
            let index = FIELDS.iter().position(|f| f == field).expect("a simulated field") as u8;
            offline.run(&Op::Resolve { replica: 0, field: index, pick: 0 });
        }
        offline.deliver_everything();
        for replica in &offline.replicas {
            prop_assert!(!replica.record.is_conflicted(), "still conflicted after resolving: {:?}", edits);
            prop_assert_eq!(&replica.record, &offline.replicas[0].record);
        }
        for (slot, stamp) in &offline.written {
            prop_assert!(common::replicas::holds_write(&offline.replicas[0].record, slot, stamp));
        }
    }
}

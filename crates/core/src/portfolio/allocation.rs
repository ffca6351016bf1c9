//! Decides how much of each entry's credit counts, under the program's caps, and how it is
//! shared among mandatory topics so that as much topic need as possible is covered when one
//! unit of credit may count toward only one topic. This is a maximum flow problem
//! (source -> [cap] -> entry -> topic -> sink), solved with Dinic's algorithm on integer
//! thousandths, so the answer is exact and does not depend on the order entries were logged
//! in. Routing capped credit through the flow means a cap never keeps a course from meeting a
//! topic when another capped course could give up its place instead.

use super::max_flow::FlowGraph;

/// How much of each entry goes to which topic: `shares[entry]` lists `(topic, amount)`.
pub(crate) type Shares = Vec<Vec<(usize, i64)>>;

/// The caps entries fall under: `of_entry[e]` is the cap that selects entry e (at most one,
/// which rule validation guarantees), and `limits[k]` is cap k's limit.
pub(crate) struct CapGroups<'a> {
    pub of_entry: &'a [Option<usize>],
    pub limits: &'a [i64],
}

impl CapGroups<'_> {
    fn cap_of(&self, entry: usize) -> Option<usize> {
        self.of_entry
            .get(entry)
            .copied()
            .flatten()
            .filter(|&k| k < self.limits.len())
    }
}

/// What counts: `counted[e]` is entry e's credit after caps, and `shares` how it is spread
/// over topics.
pub(crate) struct Allocation {
    pub counted: Vec<i64>,
    pub shares: Shares,
}

/// Topics share credit: each unit counts toward at most one topic. `available[e]` is entry
/// e's converted credit, `order` the entry indices in the order caps are filled with what the
/// topics leave over (date order), `needs[t]` topic t's minimum, `matches[e]` the topics
/// entry e may count toward. After the flow, each entry's credit not needed by any topic goes
/// to the first topic it matches, so a topic's earned figure shows everything logged for it
/// while a minimum is only ever met by credit not also used elsewhere.
pub(crate) fn allocate_shared(
    available: &[i64],
    caps: &CapGroups<'_>,
    order: &[usize],
    needs: &[i64],
    matches: &[Vec<usize>],
) -> Allocation {
    let entries = available.len();
    let topics = needs.len();
    let cap_count = caps.limits.len();
    let source = 0;
    let sink = 1;
    let cap_node = |k: usize| 2 + k;
    let entry_node = |e: usize| 2 + cap_count + e;
    let topic_node = |t: usize| 2 + cap_count + entries + t;
    let mut graph = FlowGraph::new(2 + cap_count + entries + topics);
    for (k, &limit) in caps.limits.iter().enumerate() {
        graph.add_edge(source, cap_node(k), limit.max(0));
    }
    // Edge ids of entry -> topic edges, to read the flow back.
    let mut entry_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); entries];
    for e in 0..entries {
        let topic_list = matches.get(e).map_or(&[][..], Vec::as_slice);
        if available[e] <= 0 || topic_list.is_empty() {
            continue;
        }
        let feed = caps.cap_of(e).map_or(source, cap_node);
        graph.add_edge(feed, entry_node(e), available[e]);
        for &t in topic_list {
            if t < topics && needs[t] > 0 {
                let edge = graph.add_edge(entry_node(e), topic_node(t), available[e]);
                entry_edges[e].push((t, edge));
            }
        }
    }
    for (t, &need) in needs.iter().enumerate() {
        if need > 0 {
            graph.add_edge(topic_node(t), sink, need);
        }
    }
    graph.max_flow(source, sink);

    let mut shares: Shares = vec![Vec::new(); entries];
    let mut used = vec![0; entries];
    for e in 0..entries {
        for &(t, edge) in &entry_edges[e] {
            let flow = graph.flow(edge);
            if flow > 0 {
                shares[e].push((t, flow));
                used[e] += flow;
            }
        }
    }
    let counted = fill_caps(available, &used, caps, order);
    for e in 0..entries {
        let leftover = counted[e] - used[e];
        let first = matches
            .get(e)
            .and_then(|list| list.iter().copied().filter(|&t| t < topics).min());
        if let (Some(first), true) = (first, leftover > 0) {
            match shares[e].iter_mut().find(|(t, _)| *t == first) {
                Some(share) => share.1 += leftover,
                None => shares[e].push((first, leftover)),
            }
            shares[e].sort_by_key(|(t, _)| *t);
        }
    }
    Allocation { counted, shares }
}

/// Topics overlap: an entry counts in full toward every topic it matches. Caps are filled in
/// `order` (date order).
pub(crate) fn allocate_overlapping(
    available: &[i64],
    caps: &CapGroups<'_>,
    order: &[usize],
    topics: usize,
    matches: &[Vec<usize>],
) -> Allocation {
    let counted = fill_caps(available, &vec![0; available.len()], caps, order);
    let shares = (0..available.len())
        .map(|e| {
            let topic_list = matches.get(e).map_or(&[][..], Vec::as_slice);
            topic_list
                .iter()
                .filter(|&&t| t < topics && counted[e] > 0)
                .map(|&t| (t, counted[e]))
                .collect()
        })
        .collect();
    Allocation { counted, shares }
}

/// Credit that counts after caps: an uncapped entry counts in full; a capped entry keeps
/// what the topics took (`used`), and its cap's remaining room goes to the rest of its credit
/// in `order`.
fn fill_caps(available: &[i64], used: &[i64], caps: &CapGroups<'_>, order: &[usize]) -> Vec<i64> {
    let mut counted: Vec<i64> = available.iter().map(|&a| a.max(0)).collect();
    let mut room: Vec<i64> = caps.limits.iter().map(|&l| l.max(0)).collect();
    for (e, &u) in used.iter().enumerate() {
        if let Some(k) = caps.cap_of(e) {
            room[k] -= u;
        }
    }
    // An entry missing from `order` keeps only what the topics took, so caps always hold.
    let mut in_order = vec![false; available.len()];
    for &e in order {
        if let (Some(k), Some(&a)) = (caps.cap_of(e), available.get(e)) {
            let extra = (a.max(0) - used[e]).min(room[k]).max(0);
            counted[e] = used[e] + extra;
            room[k] -= extra;
            in_order[e] = true;
        }
    }
    for e in 0..available.len() {
        if caps.cap_of(e).is_some() && !in_order[e] {
            counted[e] = used[e];
        }
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_CAPS: CapGroups<'static> = CapGroups {
        of_entry: &[],
        limits: &[],
    };

    fn shared(available: &[i64], needs: &[i64], matches: &[Vec<usize>]) -> Shares {
        let order: Vec<usize> = (0..available.len()).collect();
        allocate_shared(available, &NO_CAPS, &order, needs, matches).shares
    }

    /// Covered need per topic: the shares to each topic, capped at its need.
    fn covered(needs: &[i64], shares: &Shares) -> Vec<i64> {
        let mut got = vec![0; needs.len()];
        for entry in shares {
            for &(t, amount) in entry {
                got[t] += amount;
            }
        }
        got.iter().zip(needs).map(|(g, n)| (*g).min(*n)).collect()
    }

    #[test]
    fn a_greedy_choice_would_strand_a_topic_but_the_flow_does_not() {
        // Entry 0 (1 h) matches topics A and B; entry 1 (1 h) matches only A. Each topic
        // needs 1 h. Giving entry 0 to A first would leave B empty; the flow gives it to B.
        let shares = shared(&[1000, 1000], &[1000, 1000], &[vec![0, 1], vec![0]]);
        assert_eq!(covered(&[1000, 1000], &shares), vec![1000, 1000]);
        assert_eq!(shares[0], vec![(1, 1000)]);
        assert_eq!(shares[1], vec![(0, 1000)]);
    }

    #[test]
    fn an_entry_is_split_between_topics_and_leftover_goes_to_its_first_topic() {
        // One 5 h entry matching A (needs 1) and B (needs 2): A gets 1, B 2, and the
        // leftover 2 h go to A, the first topic it matches: A shows 3 h, B 2 h.
        let shares = shared(&[5000], &[1000, 2000], &[vec![0, 1]]);
        assert_eq!(shares[0], vec![(0, 3000), (1, 2000)]);
    }

    #[test]
    fn credit_is_never_counted_twice() {
        // One 1 h entry for two topics that each need 1 h: only one can be met.
        let shares = shared(&[1000], &[1000, 1000], &[vec![0, 1]]);
        let total: i64 = shares[0].iter().map(|(_, a)| a).sum();
        assert_eq!(total, 1000);
        assert_eq!(covered(&[1000, 1000], &shares).iter().sum::<i64>(), 1000);
    }

    #[test]
    fn entries_with_no_topic_or_no_credit_get_nothing() {
        let shares = shared(&[1000, 0], &[1000], &[vec![], vec![0]]);
        assert!(shares[0].is_empty() && shares[1].is_empty());
    }

    #[test]
    fn a_cap_gives_its_room_to_the_course_a_topic_needs() {
        // A 10-point cap over two 10-point courses: the earlier one has no topic, the later
        // one is the only chemistry course (chemistry needs 2). Filling the cap in date order
        // alone would give the earlier course all 10 and strand chemistry. The flow first
        // gives chemistry 2 from the later course; the cap's remaining 10 - 2 = 8 then goes
        // in date order to the earlier course. Counted 8 + 2 = 10, the cap.
        let caps = CapGroups {
            of_entry: &[Some(0), Some(0)],
            limits: &[10_000],
        };
        let result = allocate_shared(&[10_000, 10_000], &caps, &[0, 1], &[2_000], &[vec![], vec![0]]);
        assert_eq!(result.counted, vec![8_000, 2_000]);
        assert_eq!(result.shares[1], vec![(0, 2_000)]);
    }

    #[test]
    fn overlapping_topics_get_each_entry_in_full_after_caps() {
        let caps = CapGroups {
            of_entry: &[None, Some(0), Some(0)],
            limits: &[4_000],
        };
        // Cap 4: entry 1 (3) keeps 3, entry 2 (3) keeps 4 - 3 = 1.
        let result = allocate_overlapping(
            &[2_000, 3_000, 3_000],
            &caps,
            &[0, 1, 2],
            2,
            &[vec![0, 1], vec![], vec![1]],
        );
        assert_eq!(result.counted, vec![2_000, 3_000, 1_000]);
        assert_eq!(result.shares[0], vec![(0, 2_000), (1, 2_000)]);
        assert_eq!(result.shares[2], vec![(1, 1_000)]);
    }
}

#[cfg(test)]
mod optimality {
    use super::*;
    use proptest::prelude::*;

    /// The most topic need any sharing can cover, by the max-flow min-cut theorem: the
    /// smallest, over every set X of topics, of (need of the topics outside X) + (credit of
    /// the uncapped entries that match a topic in X) + for each cap, the smaller of its limit
    /// and the credit of its entries that match a topic in X. Enumerated over all subsets,
    /// independently of the flow code.
    fn best_cover(
        available: &[i64],
        cap_of: &[Option<usize>],
        limits: &[i64],
        needs: &[i64],
        matches: &[Vec<usize>],
    ) -> i64 {
        (0u32..1 << needs.len())
            .map(|set| {
                let hits = |e: usize| matches[e].iter().any(|t| set & (1 << t) != 0);
                let outside: i64 = (0..needs.len()).filter(|t| set & (1 << t) == 0).map(|t| needs[t]).sum();
                let uncapped: i64 = (0..available.len())
                    .filter(|&e| cap_of[e].is_none() && hits(e))
                    .map(|e| available[e])
                    .sum();
                let capped: i64 = (0..limits.len())
                    .map(|k| {
                        let group: i64 = (0..available.len())
                            .filter(|&e| cap_of[e] == Some(k) && hits(e))
                            .map(|e| available[e])
                            .sum();
                        group.min(limits[k])
                    })
                    .sum();
                outside + uncapped + capped
            })
            .min()
            .unwrap_or(0)
    }

    type Instance = (Vec<i64>, Vec<Option<usize>>, Vec<i64>, Vec<i64>, Vec<Vec<usize>>);

    fn instance() -> impl Strategy<Value = Instance> {
        (1usize..5, 0usize..8).prop_flat_map(|(topics, entries)| {
            (
                proptest::collection::vec(0i64..5000, entries),
                proptest::collection::vec(proptest::option::of(0usize..2), entries),
                proptest::collection::vec(0i64..6000, 2),
                proptest::collection::vec(0i64..4000, topics),
                proptest::collection::vec(
                    proptest::sample::subsequence((0..topics).collect::<Vec<_>>(), 0..=topics),
                    entries,
                ),
            )
        })
    }

    proptest! {
        // 4,000 random instances of up to 7 entries, 2 caps and 4 topics.
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn allocation_covers_as_much_need_as_possible_within_the_caps(
            (available, cap_of, limits, needs, matches) in instance()
        ) {
            let caps = CapGroups { of_entry: &cap_of, limits: &limits };
            let order: Vec<usize> = (0..available.len()).collect();
            let result = allocate_shared(&available, &caps, &order, &needs, &matches);
            let mut per_topic = vec![0i64; needs.len()];
            for (e, entry_shares) in result.shares.iter().enumerate() {
                let spent: i64 = entry_shares.iter().map(|(_, a)| a).sum();
                // An entry never gives more than counts, and only to topics it matches.
                prop_assert!(result.counted[e] <= available[e]);
                prop_assert!(spent <= result.counted[e]);
                for &(t, amount) in entry_shares {
                    prop_assert!(matches[e].contains(&t) && amount > 0);
                    per_topic[t] += amount;
                }
            }
            // Each cap is filled as far as its entries allow, and no further.
            for (k, &limit) in limits.iter().enumerate() {
                let group: Vec<usize> = (0..available.len()).filter(|&e| cap_of[e] == Some(k)).collect();
                let claimed: i64 = group.iter().map(|&e| available[e]).sum();
                let counted: i64 = group.iter().map(|&e| result.counted[e]).sum();
                prop_assert_eq!(counted, claimed.min(limit));
            }
            let covered: i64 = per_topic.iter().zip(&needs).map(|(got, need)| (*got).min(*need)).sum();
            prop_assert_eq!(covered, best_cover(&available, &cap_of, &limits, &needs, &matches));
        }
    }
}

//! Shares entries' credit among mandatory topics so that as many topic hours as possible are
//! covered when one hour may count toward only one topic. This is a maximum flow problem
//! (source -> entry -> topic -> sink), solved with Dinic's algorithm on integer thousandths,
//! so the answer is exact and never depends on the order entries were logged in.

/// How much of each entry goes to which topic: `shares[entry]` lists `(topic, amount)`.
pub(crate) type Shares = Vec<Vec<(usize, i64)>>;

/// `available[e]` is entry e's credit, `needs[t]` topic t's minimum, and `matches[e]` the
/// topics entry e may count toward. Returns the shares that cover the most topic need, then
/// gives each entry's leftover credit to the first topic it matches (so a topic's earned
/// figure shows everything logged for it, while a minimum is only ever met by credit that is
/// not also used elsewhere).
pub(crate) fn allocate(available: &[i64], needs: &[i64], matches: &[Vec<usize>]) -> Shares {
    let entries = available.len();
    let topics = needs.len();
    let source = 0;
    let sink = 1;
    let entry_node = |e: usize| 2 + e;
    let topic_node = |t: usize| 2 + entries + t;
    let mut graph = FlowGraph::new(2 + entries + topics);
    // Edge ids of entry -> topic edges, to read the flow back.
    let mut entry_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); entries];
    for e in 0..entries {
        if available[e] <= 0 || matches[e].is_empty() {
            continue;
        }
        graph.add_edge(source, entry_node(e), available[e]);
        for &t in &matches[e] {
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
    for e in 0..entries {
        let mut used = 0;
        for &(t, edge) in &entry_edges[e] {
            let flow = graph.flow(edge);
            if flow > 0 {
                shares[e].push((t, flow));
                used += flow;
            }
        }
        let leftover = available[e] - used;
        if let Some(&first) = matches[e].iter().filter(|&&t| t < topics).min() {
            if leftover > 0 {
                match shares[e].iter_mut().find(|(t, _)| *t == first) {
                    Some(share) => share.1 += leftover,
                    None => shares[e].push((first, leftover)),
                }
                shares[e].sort_by_key(|(t, _)| *t);
            }
        }
    }
    shares
}

/// A flow network in adjacency-list form; edge `i ^ 1` is the reverse of edge `i`.
struct FlowGraph {
    edges_from: Vec<Vec<usize>>,
    to: Vec<usize>,
    capacity: Vec<i64>,
    original: Vec<i64>,
}

impl FlowGraph {
    fn new(nodes: usize) -> FlowGraph {
        FlowGraph {
            edges_from: vec![Vec::new(); nodes],
            to: Vec::new(),
            capacity: Vec::new(),
            original: Vec::new(),
        }
    }

    fn add_edge(&mut self, from: usize, to: usize, capacity: i64) -> usize {
        let id = self.to.len();
        self.edges_from[from].push(id);
        self.to.push(to);
        self.capacity.push(capacity);
        self.original.push(capacity);
        self.edges_from[to].push(id + 1);
        self.to.push(from);
        self.capacity.push(0);
        self.original.push(0);
        id
    }

    fn flow(&self, edge: usize) -> i64 {
        self.original[edge] - self.capacity[edge]
    }

    fn max_flow(&mut self, source: usize, sink: usize) -> i64 {
        let nodes = self.edges_from.len();
        let mut total = 0;
        loop {
            let level = self.levels(source);
            if level[sink] < 0 {
                return total;
            }
            let mut next_edge = vec![0; nodes];
            loop {
                let pushed = self.push(source, sink, i64::MAX, &level, &mut next_edge);
                if pushed == 0 {
                    break;
                }
                total += pushed;
            }
        }
    }

    /// Breadth-first distances from the source over edges with capacity left.
    fn levels(&self, source: usize) -> Vec<i64> {
        let mut level = vec![-1; self.edges_from.len()];
        let mut queue = std::collections::VecDeque::new();
        level[source] = 0;
        queue.push_back(source);
        while let Some(node) = queue.pop_front() {
            for &edge in &self.edges_from[node] {
                let next = self.to[edge];
                if self.capacity[edge] > 0 && level[next] < 0 {
                    level[next] = level[node] + 1;
                    queue.push_back(next);
                }
            }
        }
        level
    }

    /// Pushes flow along one shortest augmenting path. Paths alternate entries and topics and
    /// visit each topic at most once, so the recursion is at most twice the topic count deep.
    fn push(
        &mut self,
        node: usize,
        sink: usize,
        limit: i64,
        level: &[i64],
        next_edge: &mut [usize],
    ) -> i64 {
        if node == sink {
            return limit;
        }
        while next_edge[node] < self.edges_from[node].len() {
            let edge = self.edges_from[node][next_edge[node]];
            let next = self.to[edge];
            if self.capacity[edge] > 0 && level[next] == level[node] + 1 {
                let pushed =
                    self.push(next, sink, limit.min(self.capacity[edge]), level, next_edge);
                if pushed > 0 {
                    self.capacity[edge] -= pushed;
                    self.capacity[edge ^ 1] += pushed;
                    return pushed;
                }
            }
            next_edge[node] += 1;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let shares = allocate(&[1000, 1000], &[1000, 1000], &[vec![0, 1], vec![0]]);
        assert_eq!(covered(&[1000, 1000], &shares), vec![1000, 1000]);
        assert_eq!(shares[0], vec![(1, 1000)]);
        assert_eq!(shares[1], vec![(0, 1000)]);
    }

    #[test]
    fn an_entry_is_split_between_topics_and_leftover_goes_to_its_first_topic() {
        // One 5 h entry matching A (needs 1) and B (needs 2): A gets 1, B 2, and the
        // leftover 2 h go to A, the first topic it matches: A shows 3 h, B 2 h.
        let shares = allocate(&[5000], &[1000, 2000], &[vec![0, 1]]);
        assert_eq!(shares[0], vec![(0, 3000), (1, 2000)]);
    }

    #[test]
    fn credit_is_never_counted_twice() {
        // One 1 h entry for two topics that each need 1 h: only one can be met.
        let shares = allocate(&[1000], &[1000, 1000], &[vec![0, 1]]);
        let total: i64 = shares[0].iter().map(|(_, a)| a).sum();
        assert_eq!(total, 1000);
        assert_eq!(covered(&[1000, 1000], &shares).iter().sum::<i64>(), 1000);
    }

    #[test]
    fn entries_with_no_topic_or_no_credit_get_nothing() {
        let shares = allocate(&[1000, 0], &[1000], &[vec![], vec![0]]);
        assert!(shares[0].is_empty() && shares[1].is_empty());
    }
}

#[cfg(test)]
mod optimality {
    use super::*;
    use proptest::prelude::*;

    /// The most topic need any sharing can cover, by the max-flow min-cut theorem: the
    /// smallest, over every set X of topics, of (need of the topics outside X) + (credit of
    /// the entries that match a topic in X). Enumerated over all subsets, independently of
    /// the flow code.
    fn best_cover(available: &[i64], needs: &[i64], matches: &[Vec<usize>]) -> i64 {
        (0u32..1 << needs.len())
            .map(|set| {
                let outside: i64 = (0..needs.len())
                    .filter(|t| set & (1 << t) == 0)
                    .map(|t| needs[t])
                    .sum();
                let entries: i64 = (0..available.len())
                    .filter(|&e| matches[e].iter().any(|t| set & (1 << t) != 0))
                    .map(|e| available[e])
                    .sum();
                outside + entries
            })
            .min()
            .unwrap_or(0)
    }

    fn instance() -> impl Strategy<Value = (Vec<i64>, Vec<i64>, Vec<Vec<usize>>)> {
        (1usize..5, 0usize..8).prop_flat_map(|(topics, entries)| {
            (
                proptest::collection::vec(0i64..5000, entries),
                proptest::collection::vec(0i64..4000, topics),
                proptest::collection::vec(
                    proptest::sample::subsequence((0..topics).collect::<Vec<_>>(), 0..=topics),
                    entries,
                ),
            )
        })
    }

    proptest! {
        // 4,000 random instances of up to 7 entries and 4 topics.
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn allocation_covers_as_much_need_as_possible_and_never_overspends(
            (available, needs, matches) in instance()
        ) {
            let shares = allocate(&available, &needs, &matches);
            let mut per_topic = vec![0i64; needs.len()];
            for (e, entry_shares) in shares.iter().enumerate() {
                let spent: i64 = entry_shares.iter().map(|(_, a)| a).sum();
                // An entry never gives more than it has, and only to topics it matches.
                prop_assert!(spent <= available[e].max(0));
                for &(t, amount) in entry_shares {
                    prop_assert!(matches[e].contains(&t) && amount > 0);
                    per_topic[t] += amount;
                }
            }
            let covered: i64 = per_topic.iter().zip(&needs).map(|(got, need)| (*got).min(*need)).sum();
            prop_assert_eq!(covered, best_cover(&available, &needs, &matches));
        }
    }
}

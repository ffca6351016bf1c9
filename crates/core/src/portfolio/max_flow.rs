//! Maximum flow on a small network with integer capacities (Dinic's algorithm: breadth-first
//! levels, then blocking flows by depth-first search with a current-arc pointer per node).
//! The portfolio uses it to share CE credit among mandatory topics under caps.

/// A flow network in adjacency-list form; edge `i ^ 1` is the reverse of edge `i`.
pub(crate) struct FlowGraph {
    edges_from: Vec<Vec<usize>>,
    to: Vec<usize>,
    capacity: Vec<i64>,
    original: Vec<i64>,
}

impl FlowGraph {
    pub(crate) fn new(nodes: usize) -> FlowGraph {
        FlowGraph {
            edges_from: vec![Vec::new(); nodes],
            to: Vec::new(),
            capacity: Vec::new(),
            original: Vec::new(),
        }
    }

    pub(crate) fn add_edge(&mut self, from: usize, to: usize, capacity: i64) -> usize {
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

    pub(crate) fn flow(&self, edge: usize) -> i64 {
        self.original[edge] - self.capacity[edge]
    }

    pub(crate) fn max_flow(&mut self, source: usize, sink: usize) -> i64 {
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
    fn push(&mut self, node: usize, sink: usize, limit: i64, level: &[i64], next_edge: &mut [usize]) -> i64 {
        if node == sink {
            return limit;
        }
        while next_edge[node] < self.edges_from[node].len() {
            let edge = self.edges_from[node][next_edge[node]];
            let next = self.to[edge];
            if self.capacity[edge] > 0 && level[next] == level[node] + 1 {
                let pushed = self.push(next, sink, limit.min(self.capacity[edge]), level, next_edge);
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

    #[test]
    fn a_small_network_carries_exactly_its_minimum_cut() {
        // Source 0, sink 5. Edges (capacity): 0->1 (10), 0->2 (10), 1->2 (2), 1->3 (4),
        // 1->4 (8), 2->4 (9), 3->5 (10), 4->3 (6), 4->5 (10). The cut {0, 2} | {1, 3, 4, 5}
        // crosses 0->1 (10) and 2->4 (9): 19. The flow reaches it: 0->1->3->5 (4),
        // 0->1->4->5 (6), 0->2->4->5 (4), 0->2->4->3->5 (5): 4 + 6 + 4 + 5 = 19.
        let mut graph = FlowGraph::new(6);
        for (from, to, capacity) in [
            (0, 1, 10),
            (0, 2, 10),
            (1, 2, 2),
            (1, 3, 4),
            (1, 4, 8),
            (2, 4, 9),
            (3, 5, 10),
            (4, 3, 6),
            (4, 5, 10),
        ] {
            graph.add_edge(from, to, capacity);
        }
        assert_eq!(graph.max_flow(0, 5), 19);
    }
}

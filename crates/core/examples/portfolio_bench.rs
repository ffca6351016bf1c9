//! Times the CE rule engine over the synthetic portfolio (2,000 entries, 5 credentials) and
//! prints the median of 21 runs: `cargo run -p benchmate-core --example portfolio_bench`.
//! Lives outside `src` because it reads the clock and prints, which the core itself never does.

use std::time::Instant;

use benchmate_core::portfolio::{evaluate_portfolio, synthetic_portfolio, Catalogue, WarningPolicy};
use chrono::NaiveDate;

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a valid date");
    let catalogue = Catalogue::bundled().expect("bundled rules are valid");
    let (credentials, entries) = synthetic_portfolio(2000, today);
    let policy = WarningPolicy::default();
    let mut times = Vec::new();
    for _ in 0..21 {
        let start = Instant::now();
        let results = evaluate_portfolio(&catalogue, &credentials, &entries, today, &policy);
        times.push(start.elapsed());
        assert!(results.iter().all(Result::is_ok));
    }
    times.sort();
    println!(
        "rule engine, {} entries x {} credentials: median {:?} (min {:?}, max {:?}) over {} runs",
        entries.len(),
        credentials.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}

//! The search-as-you-type benchmark in the browser's wasm: every keystroke of the benchmark
//! queries over a 2,000-analyte table, timed with `performance.now()`. It prints the median
//! and 99th percentile per keystroke; it asserts no time (a shared machine is no stopwatch).
//! The figure is printed with `-- --nocapture`; add `--release` for the optimised wasm.
#![cfg(target_arch = "wasm32")]

use benchmate_core::ranges::synthetic::BENCH_QUERIES;
use benchmate_core::ranges::{load_defaults, synthetic_analytes, SearchIndex};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How often the whole sequence of keystrokes is typed.
const ROUNDS: usize = 20;
/// Searches per timed sample: `performance.now()` is coarsened (to 100 µs in Chromium), so
/// each sample times this many identical searches and divides.
const REPEAT: usize = 10;
/// Results asked for per search, as the Ranges home shows.
const LIMIT: usize = 25;

/// `performance.now()` in milliseconds, read through the global object.
fn now() -> f64 {
    let global = js_sys::global();
    let performance = js_sys::Reflect::get(&global, &JsValue::from_str("performance")).unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::get(&performance, &JsValue::from_str("now"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&performance).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[wasm_bindgen_test]
fn per_keystroke_search_over_2000_analytes() {
    let base = load_defaults().catalogue.analytes().to_vec();
    let analytes = synthetic_analytes(&base, 2000);
    assert_eq!(analytes.len(), 2000);
    let index = SearchIndex::build(&analytes);
    let mut samples = Vec::new();
    let mut results = 0;
    for _ in 0..ROUNDS {
        for query in BENCH_QUERIES {
            for end in query.char_indices().map(|(i, _)| i).skip(1).chain([query.len()]) {
                let start = now();
                for _ in 0..REPEAT {
                    results += index.search(&query[..end], LIMIT).len();
                }
                samples.push((now() - start) / REPEAT as f64);
            }
        }
    }
    assert!(results > 0, "the searches found something");
    samples.sort_by(f64::total_cmp);
    console_log!(
        "ranges search benchmark: 2000 analytes, {} keystrokes: median {:.3} ms, p99 {:.3} ms, max {:.3} ms per keystroke",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.99),
        samples.last().copied().unwrap_or_default()
    );
}

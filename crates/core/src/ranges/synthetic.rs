//! A synthetic analyte table of any size, for the search benchmark.
//!
//! The lead's benchmark (`cargo xtask bench`) builds a 2,000-analyte table with
//! [`synthetic_analytes`], indexes it once, and times [`super::search::SearchIndex::search`]
//! for each prefix of a few queries, as a person types them. The names are made from
//! syllables by a fixed linear congruential sequence, so every run searches the same table;
//! the real starter analytes come first so the queries people type still find them.

use super::model::{Analyte, Section};
use super::search::SearchIndex;

const SYLLABLES: [&str; 24] = [
    "ba", "cor", "di", "fen", "gly", "hep", "ix", "ka", "lu", "mer", "no", "pro", "qui", "ro", "sul", "tri", "uro",
    "vas", "xan", "yel", "zo", "thy", "phos", "chol",
];

/// `base` followed by made-up analytes until there are `count` in all.
pub fn synthetic_analytes(base: &[Analyte], count: usize) -> Vec<Analyte> {
    let mut analytes: Vec<Analyte> = base.iter().take(count).cloned().collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0)
    };
    let mut n = 0;
    while analytes.len() < count {
        n += 1;
        let word = |next: &mut dyn FnMut() -> usize| -> String {
            let parts = 2 + next() % 3;
            (0..parts).map(|_| SYLLABLES[next() % SYLLABLES.len()]).collect()
        };
        let first = word(&mut next);
        let second = word(&mut next);
        let mut name = format!("{first}{}", if next() % 2 == 0 { "ase" } else { "in" });
        if next() % 3 == 0 {
            name = format!("{name} {second}");
        }
        let abbreviation: String = name
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .take(3)
            .collect::<String>()
            .to_ascii_uppercase();
        analytes.push(Analyte {
            id: format!("synthetic-{n}"),
            name: capitalise(&name),
            abbreviations: vec![abbreviation],
            synonyms: vec![format!("{second} factor {n}")],
            loinc: format!("{}-{}", 90000 + n, n % 10),
            specimen: "serum".to_string(),
            section: Section::ALL[next() % Section::ALL.len()],
            unit: "mg/dL".to_string(),
            decimals: 1,
            si_unit: "mmol/L".to_string(),
            si_decimals: 2,
            si_factor: 0.1,
            molecular_weight: None,
        });
    }
    analytes
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_ascii_uppercase().to_string() + chars.as_str())
}

/// The keystroke sequences the benchmark times: every prefix of these queries.
pub const BENCH_QUERIES: [&str; 6] = ["potassium", "haemoglobin", "trop", "2823-3", "tsh", "magnseium"];

/// Types every prefix of [`BENCH_QUERIES`] into `index`, as a person would, asking for
/// `limit` results each time. Returns (keystrokes, results): the benchmark times this call
/// and divides by the keystrokes; the result count keeps the work from being optimised away.
pub fn type_bench_queries(index: &SearchIndex, limit: usize) -> (usize, usize) {
    let mut keystrokes = 0;
    let mut results = 0;
    for query in BENCH_QUERIES {
        for (end, _) in query.char_indices().skip(1).chain(std::iter::once((query.len(), ' '))) {
            keystrokes += 1;
            results += index.search(&query[..end], limit).len();
        }
    }
    (keystrokes, results)
}

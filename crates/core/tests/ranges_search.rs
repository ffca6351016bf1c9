//! Search as you type over the starter table: `check(query, expected first results)`.
//!
//! The expectations are what a technician means by the query (issue 6 names K, potassium,
//! Hgb, Hb, hemoglobin, haemoglobin, 2823-3 and "trop"), not whatever the ranking returns.

use benchmate_core::ranges::search::SearchIndex;
use benchmate_core::ranges::synthetic::{synthetic_analytes, type_bench_queries, BENCH_QUERIES};
use benchmate_core::ranges::{load_defaults, Analyte};

fn analytes() -> Vec<Analyte> {
    load_defaults().catalogue.analytes().to_vec()
}

/// The first `expect.len()` results of `query` must be exactly `expect` (analyte ids), in
/// order; an expectation ending in `"*"` only fixes the first ones.
fn check(index: &SearchIndex, analytes: &[Analyte], query: &str, expect: &[&str]) {
    let fixed: Vec<&str> = expect.iter().copied().filter(|e| *e != "*").collect();
    let hits = index.search(query, 8);
    let got: Vec<&str> = hits.iter().map(|h| analytes[h.analyte].id.as_str()).collect();
    assert!(
        got.len() >= fixed.len() && got[..fixed.len()] == fixed[..],
        "query {query:?}: expected {fixed:?} first, got {got:?}"
    );
}

#[test]
fn names_abbreviations_synonyms_and_loinc_codes_find_the_analyte() {
    let analytes = analytes();
    let index = SearchIndex::build(&analytes);
    let cases: &[(&str, &[&str])] = &[
        ("K", &["potassium", "*"]),
        ("k", &["potassium", "*"]),
        ("potassium", &["potassium", "*"]),
        ("Potassium ", &["potassium", "*"]),
        ("Hgb", &["hemoglobin"]),
        ("Hb", &["hemoglobin", "*"]),
        ("hemoglobin", &["hemoglobin", "*"]),
        ("haemoglobin", &["hemoglobin", "*"]),
        ("HAEMOGLOBIN", &["hemoglobin", "*"]),
        ("2823-3", &["potassium"]),
        ("2823", &["potassium"]),
        ("718-7", &["hemoglobin"]),
        ("Na", &["sodium", "*"]),
        ("INR", &["inr"]),
        ("ptt", &["aptt", "*"]),
        ("tsh", &["tsh"]),
        ("free t4", &["free-t4"]),
        ("ft4", &["free-t4"]),
        ("t4 free", &["free-t4", "*"]),
        ("oestradiol", &["estradiol"]),
        ("paracetamol", &["acetaminophen"]),
        ("a1c", &["hba1c"]),
        ("hba1c", &["hba1c"]),
        ("sgpt", &["alt"]),
        ("plt", &["platelets"]),
        ("b-hcg", &["hcg"]),
        ("β-hCG", &["hcg"]),
        ("dhea sulphate", &["dhea-s"]),
    ];
    for (query, expect) in cases {
        check(&index, &analytes, query, expect);
    }
}

#[test]
fn partial_words_find_analytes_in_two_or_three_keystrokes() {
    let analytes = analytes();
    let index = SearchIndex::build(&analytes);
    let troponins = ["troponin-i", "troponin-i-hs", "troponin-t", "troponin-t-hs"];
    let hits = index.search("trop", 8);
    let first_four: Vec<&str> = hits.iter().take(4).map(|h| analytes[h.analyte].id.as_str()).collect();
    for id in troponins {
        assert!(first_four.contains(&id), "trop: {first_four:?} lacks {id}");
    }
    let cases: &[(&str, &[&str])] = &[
        ("pota", &["potassium", "*"]),
        ("magn", &["magnesium"]),
        ("fibr", &["fibrinogen", "*"]),
        ("lith", &["lithium"]),
        ("vanc", &["vancomycin-trough"]),
        ("ferr", &["ferritin"]),
    ];
    for (query, expect) in cases {
        check(&index, &analytes, query, expect);
    }
}

#[test]
fn small_typos_still_find_the_analyte() {
    let analytes = analytes();
    let index = SearchIndex::build(&analytes);
    let cases: &[(&str, &[&str])] = &[
        ("potasium", &["potassium", "*"]),
        ("potassuim", &["potassium", "*"]),
        ("magnseium", &["magnesium"]),
        ("hemoglobni", &["hemoglobin", "*"]),
        ("creatinnie", &["creatinine", "*"]),
        ("fibrinogne", &["fibrinogen"]),
        ("troponon", &["troponin-i", "*"]),
    ];
    for (query, expect) in cases {
        check(&index, &analytes, query, expect);
    }
}

#[test]
fn nonsense_and_empty_queries_find_nothing() {
    let analytes = analytes();
    let index = SearchIndex::build(&analytes);
    for query in ["", "   ", "-", "zzzzqqq", "xylophone"] {
        assert!(
            index.search(query, 8).is_empty(),
            "{query:?} found {:?}",
            index.search(query, 8)
        );
    }
}

#[test]
fn a_synthetic_2000_analyte_table_still_ranks_the_real_analytes_first() {
    let analytes = synthetic_analytes(&analytes(), 2000);
    assert_eq!(analytes.len(), 2000);
    let index = SearchIndex::build(&analytes);
    check(&index, &analytes, "K", &["potassium", "*"]);
    check(&index, &analytes, "haemoglobin", &["hemoglobin", "*"]);
    check(&index, &analytes, "2823-3", &["potassium"]);
    // The benchmark's typing loop: one search per character typed.
    let keystrokes: usize = BENCH_QUERIES.iter().map(|q| q.chars().count()).sum();
    let (typed, results) = type_bench_queries(&index, 10);
    assert_eq!(typed, keystrokes);
    assert!(results > keystrokes, "most keystrokes find something");
}

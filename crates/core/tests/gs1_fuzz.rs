//! Fuzzing the GS1 parser with proptest: no input, however malformed, may make it panic.

use benchmate_core::gs1::{
    check_associations, missing_separator_hints, parse, read_label, to_bracketed, to_fnc1_string,
};
use chrono::NaiveDate;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// Runs everything a caller might do with a parse result.
fn exercise(input: &str) {
    if let Ok(label) = read_label(input, today()) {
        let _ = label.fields();
    }
    if let Ok(elements) = parse(input, today()) {
        let _ = check_associations(&elements);
        for hint in missing_separator_hints(&elements, today()) {
            let _ = hint.message();
        }
        // Reading back the canonical form must give the same elements.
        let bracketed = to_bracketed(&elements);
        let again = parse(&bracketed, today()).expect("canonical bracketed form parses");
        assert_eq!(again, elements, "{input:?} -> {bracketed:?}");
        let _ = to_fnc1_string(&elements, '\u{1d}');
    } else if let Err(e) = parse(input, today()) {
        assert!(!e.to_string().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
        exercise(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        exercise(&text);
    }

    /// Strings built from GS1's own alphabet reach deep into the parsers.
    #[test]
    fn gs1_shaped_strings_never_panic(
        prefix in prop::sample::select(vec!["", "]C1", "]d2", "]Q3", "]e0", "]E0", "]Q1", "https://a/", "(", "+", "+$$", "]C0+", "+$$+", "+$"]),
        body in "[0-9()\\\\A-Z/?=&%#\u{1d}<>^|~é$+*]{0,60}",
    ) {
        exercise(&format!("{prefix}{body}"));
    }

    /// Valid-looking labels with random lots and dates.
    #[test]
    fn label_like_data_never_panics(
        gtin in "[0-9]{14}",
        date in "[0-9]{6}",
        lot in "[!-~]{0,22}",
    ) {
        exercise(&format!("01{gtin}17{date}10{lot}"));
        exercise(&format!("(01){gtin}(17){date}(10){lot}"));
        exercise(&format!("https://id.gs1.org/01/{gtin}/10/{lot}?17={date}"));
    }
}

//! Conformance of the GS1 parser with the GS1 Syntax Engine's own test vectors and dictionary.
//!
//! Reads the JSON vectors in `$BENCHMATE_ORACLES/gs1` (default `../shared/oracles` beside the
//! repository). Every case whose AIs Benchmate reads must give the engine's result; every case
//! using a GS1 AI that Benchmate does not read must be rejected with a message. A few cases
//! depend on engine options Benchmate does not offer; they are listed below with the reason.
//! Counts per file are printed (`cargo test --test gs1_oracles -- --nocapture`).

use std::collections::HashMap;
use std::path::PathBuf;

use benchmate_core::gs1::lint::{check_charset, LintFault, Linter};
use benchmate_core::gs1::table::{lookup, Charset, AI_ROWS};
use benchmate_core::gs1::{
    check_exclusions, check_repeats, check_requisites, parse, parse_bracketed,
    parse_digital_link, parse_raw, to_fnc1_string, Element, Gs1Error,
};
use chrono::NaiveDate;
use serde_json::Value;

/// Engine options whose default Benchmate keeps; a case that sets any other option is not
/// applicable.
const DEFAULT_SETTINGS: [&str; 4] = [
    "gs1_encoder_setPermitZeroSuppressedGTINinDLuris(false)",
    "gs1_encoder_setPermitUnknownAIs(false)",
    "gs1_encoder_setValidationEnabled(gs1_encoder_vUNKNOWN_AI_NOT_DL_ATTR, true)",
    // Permitting unknown AIs changes nothing for data whose AIs are all known; cases with
    // unknown AIs under this setting are excluded separately below.
    "gs1_encoder_setPermitUnknownAIs(true)",
];

/// Cases whose expected result depends on something the extraction did not record.
const NOT_APPLICABLE: [(&str, &str); 5] = [
    ("src/c-lib/dl.c:1437", "the C test sets permitConvenienceAlphas directly (deprecated /gtin/ names); 'settings' misses it"),
    ("src/c-lib/dl.c:1438", "the C test sets permitConvenienceAlphas directly (deprecated /gtin/ names); 'settings' misses it"),
    ("src/c-lib/dl.c:1439", "the C test sets permitConvenienceAlphas directly (deprecated /sscc/ names); 'settings' misses it"),
    ("src/c-lib/ai.c:1707", "no FNC1 in first position: Benchmate's raw mode assumes GS1 data because a keyboard wedge never sends the FNC1"),
    ("src/c-lib/ai.c:1708", "no FNC1 in first position: Benchmate's raw mode assumes GS1 data because a keyboard wedge never sends the FNC1"),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

fn oracle_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("BENCHMATE_ORACLES") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/oracles"),
    };
    let dir = dir.join("gs1");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "GS1 oracles not found at {} and CI is set: conformance cannot be skipped in CI",
        dir.display()
    );
    println!("SKIPPED: GS1 oracles not found at {} (set BENCHMATE_ORACLES)", dir.display());
    None
}

fn load(dir: &PathBuf, file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    json["cases"].as_array().cloned().unwrap_or_default()
}

/// The full GS1 dictionary as the oracle states it: AI -> value length when predefined.
struct Dictionary(HashMap<String, Option<usize>>);

impl Dictionary {
    fn read(dir: &PathBuf) -> (Dictionary, Vec<String>) {
        let text = std::fs::read_to_string(dir.join("gs1-syntax-dictionary.2026-01-27.txt"))
            .expect("dictionary");
        let mut map = HashMap::new();
        let mut rows = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (body, title) = line.split_once('#').unwrap_or((line, ""));
            rows.push(format!("{} # {}", body.split_whitespace().collect::<Vec<_>>().join(" "), title.trim()));
            let mut words = body.split_whitespace();
            let range = words.next().expect("AI");
            let rest: Vec<&str> = words.collect();
            let fixed = rest.first().is_some_and(|w| w.contains('*'));
            let len: Option<usize> = fixed.then(|| {
                rest.iter()
                    .filter(|w| w.starts_with(['N', 'X']) && !w.contains(".."))
                    .map(|w| w[1..].split(',').next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(0))
                    .sum()
            });
            let (a, b) = range.split_once('-').unwrap_or((range, range));
            let (a_n, b_n): (u32, u32) = (a.parse().expect("AI"), b.parse().expect("AI"));
            for n in a_n..=b_n {
                map.insert(format!("{n:0w$}", w = a.len()), len);
            }
        }
        (Dictionary(map), rows)
    }

    fn knows(&self, ai: &str) -> bool {
        self.0.contains_key(ai)
    }

    /// The AIs in raw `^`-separated data, read with the oracle's dictionary; an unknown prefix
    /// ends the reading and is returned as its first two digits.
    fn raw_ais(&self, data: &str) -> Vec<String> {
        let mut ais = Vec::new();
        let mut rest = data;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('^') {
                rest = r;
                continue;
            }
            let Some(ai) = (2..=4).filter_map(|n| rest.get(..n)).find(|p| self.knows(p)) else {
                ais.push(rest.chars().take(2).collect());
                break;
            };
            ais.push(ai.to_string());
            rest = &rest[ai.len()..];
            let end = match self.0[ai] {
                Some(len) => len.min(rest.len()),
                None => rest.find('^').unwrap_or(rest.len()),
            };
            rest = rest.get(end..).unwrap_or("");
        }
        ais
    }
}

/// The AIs written in brackets, skipping escaped `\(`.
fn bracketed_ais(text: &str) -> Vec<String> {
    let mut ais = Vec::new();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('(') {
        if i > 0 && bytes[i - 1] == b'\\' {
            continue;
        }
        if let Some(close) = text[i + 1..].find(')') {
            let ai = &text[i + 1..i + 1 + close];
            if !ai.is_empty() && ai.bytes().all(|b| b.is_ascii_digit()) {
                ais.push(ai.to_string());
            }
        }
    }
    ais
}

/// The numeric path segments and query keys of a URI.
fn uri_ais(uri: &str) -> Vec<String> {
    uri.split(['/', '?', '&', '=', '#'])
        .filter(|s| (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// How one case is judged.
enum Scope {
    /// All its AIs are read by Benchmate (or unknown to GS1 itself): the result must match.
    Supported,
    /// It uses a GS1 AI Benchmate does not read: it must be rejected with a message.
    Unsupported,
    /// It depends on an option or behaviour Benchmate does not have.
    NotApplicable,
}

fn scope(case: &Value, ais: &[String], dictionary: &Dictionary) -> Scope {
    let source = case["source"].as_str().unwrap_or("");
    if NOT_APPLICABLE.iter().any(|(s, _)| *s == source) {
        return Scope::NotApplicable;
    }
    let settings: Vec<&str> = case["settings"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if settings.iter().any(|s| !DEFAULT_SETTINGS.contains(s)) {
        return Scope::NotApplicable;
    }
    let permits_unknown = settings.contains(&"gs1_encoder_setPermitUnknownAIs(true)");
    if permits_unknown && ais.iter().any(|ai| !dictionary.knows(ai)) {
        return Scope::NotApplicable;
    }
    if ais.iter().any(|ai| dictionary.knows(ai) && lookup(ai).is_none()) {
        return Scope::Unsupported;
    }
    Scope::Supported
}

#[derive(Default)]
struct Tally {
    total: usize,
    supported: usize,
    passed: usize,
    unsupported: usize,
    rejected_unsupported: usize,
    not_applicable: usize,
    failures: Vec<String>,
}

impl Tally {
    /// Records one case: `outcome` is Ok(()) when the result matched, Err(why) otherwise.
    fn record(&mut self, case: &Value, scope: Scope, outcome: Result<(), String>, rejection: Option<&Gs1Error>) {
        self.total += 1;
        match scope {
            Scope::Supported => {
                self.supported += 1;
                match outcome {
                    Ok(()) => self.passed += 1,
                    Err(why) => self.failures.push(format!("{}: {why}", case["source"])),
                }
            }
            Scope::Unsupported => {
                self.unsupported += 1;
                match rejection {
                    Some(e) if e.to_string().contains("AI") || e.to_string().contains("URI") => {
                        self.rejected_unsupported += 1
                    }
                    _ => self.failures.push(format!(
                        "{}: uses an unsupported AI but was not rejected with a message",
                        case["source"]
                    )),
                }
            }
            Scope::NotApplicable => self.not_applicable += 1,
        }
    }

    fn report(&self, file: &str) {
        println!(
            "{file}: passed {}/{} supported, {} total ({} unsupported AIs, {} of them rejected \
             with a message; {} not applicable)",
            self.passed, self.supported, self.total, self.unsupported, self.rejected_unsupported,
            self.not_applicable
        );
        assert!(self.failures.is_empty(), "{file}:\n{}", self.failures.join("\n"));
        assert_eq!(self.unsupported, self.rejected_unsupported, "{file}");
    }
}

fn fnc1(elements: &[Element]) -> String {
    to_fnc1_string(elements, '^')
}

/// Compares a parse result with the engine's expectation.
fn judge(got: &Result<Vec<Element>, Gs1Error>, should_succeed: bool, expected: Option<&str>) -> Result<(), String> {
    match (got, should_succeed) {
        (Ok(elements), true) => match expected {
            Some(expected) if fnc1(elements) != expected => {
                Err(format!("got {} expected {expected}", fnc1(elements)))
            }
            _ => Ok(()),
        },
        (Err(e), true) => Err(format!("rejected valid data: {e}")),
        (Ok(elements), false) => Err(format!("accepted invalid data as {}", fnc1(elements))),
        (Err(_), false) => Ok(()),
    }
}

#[test]
fn gs1_oracles() {
    let Some(dir) = oracle_dir() else { return };
    let (dictionary, dictionary_rows) = Dictionary::read(&dir);

    // The AI table's rows are the dictionary's rows, unchanged.
    for row in AI_ROWS.lines().filter(|l| !l.is_empty()) {
        assert!(dictionary_rows.iter().any(|r| r == row), "AI table row not in the dictionary: {row}");
    }

    bracketed(&dir, &dictionary);
    unbracketed(&dir, &dictionary);
    scan_data(&dir, &dictionary);
    digital_link(&dir, &dictionary);
    linter_errors(&dir, &dictionary);
    associations(&dir, &dictionary);
    component_linters(&dir);
}

fn bracketed(dir: &PathBuf, dictionary: &Dictionary) {
    let file = "gs1_parse_bracketed_ai_element_strings.json";
    let mut tally = Tally::default();
    for case in load(dir, file) {
        let input = case["input_bracketed"].as_str().unwrap_or("");
        let got = parse_bracketed(input, today());
        let outcome = judge(&got, case["should_succeed"] == true, case["expected_fnc1_string"].as_str());
        let scope = scope(&case, &bracketed_ais(input), dictionary);
        tally.record(&case, scope, outcome, got.as_ref().err());
    }
    tally.report(file);
}

fn unbracketed(dir: &PathBuf, dictionary: &Dictionary) {
    let file = "gs1_process_unbracketed_ai_data.json";
    let mut tally = Tally::default();
    for case in load(dir, file) {
        let input = case["input_fnc1_string"].as_str().unwrap_or("");
        // '^' is the engine's notation for FNC1: first position marks GS1 data, later ones are
        // the group separator a scanner sends.
        let raw = input.strip_prefix('^').unwrap_or(input).replace('^', "\u{1d}");
        let got = parse_raw(&raw, today());
        let outcome = judge(&got, case["should_succeed"] == true, None);
        let scope = scope(&case, &dictionary.raw_ais(input), dictionary);
        tally.record(&case, scope, outcome, got.as_ref().err());
    }
    tally.report(file);
}

fn scan_data(dir: &PathBuf, dictionary: &Dictionary) {
    let file = "gs1_scan_data_process.json";
    let mut tally = Tally::default();
    let mut plain_text_refused = 0;
    for case in load(dir, file) {
        let input = case["scan_data"].as_str().unwrap_or("");
        let expected = case["expected_data"].as_str();
        let got = parse(input, today());
        let prefix = input.get(..3).unwrap_or("");
        let data = input.get(3..).unwrap_or("");
        let plain = matches!(prefix, "]Q1" | "]d1" | "]J0");
        let uri = data.to_ascii_lowercase().starts_with("http");
        let (scope, outcome) = if plain && !uri {
            // Plain text in a non-GS1 symbol is not reagent data: Benchmate must refuse it,
            // where the engine hands the text back.
            plain_text_refused += 1;
            let outcome = match &got {
                Err(Gs1Error::Symbology { .. }) => Ok(()),
                other => Err(format!("plain text not refused: {other:?}")),
            };
            (Scope::Supported, outcome)
        } else if plain && case["should_succeed"] == true {
            // The engine hands the URI text back unjudged; Benchmate reads it as a Digital Link,
            // so the result must be the Digital Link reading, a rejection included (a mixed-case
            // scheme such as "HtTps://" is refused by the Digital Link rules).
            let direct = parse_digital_link(data, today()).map(|e| fnc1(&e));
            let outcome = match (&got, &direct) {
                (Ok(e), Ok(want)) if fnc1(e) == *want => Ok(()),
                (Err(_), Err(_)) => Ok(()),
                _ => Err(format!("scan {got:?} differs from Digital Link reading {direct:?}")),
            };
            (scope(&case, &uri_ais(data), dictionary), outcome)
        } else if matches!(prefix, "]E0" | "]E4") && case["should_succeed"] == true {
            // An EAN-13/EAN-8 is the GTIN (01) padded to 14 digits, then the composite's AIs.
            let expected = expected.unwrap_or("");
            let (ean, composite) = expected.split_once('|').unwrap_or((expected, ""));
            let composite = composite.strip_prefix('^').unwrap_or(composite);
            let want = format!("^01{ean:0>14}{composite}");
            (Scope::Supported, judge(&got, true, Some(&want)))
        } else {
            let ais = dictionary.raw_ais(&data.replace('\u{1d}', "^"));
            (scope(&case, &ais, dictionary), judge(&got, case["should_succeed"] == true, expected))
        };
        tally.record(&case, scope, outcome, got.as_ref().err());
    }
    println!(
        "{file}: of the supported cases, {plain_text_refused} are plain-text symbols (]Q1, ]d1, ]J0) \
         that the engine hands back and Benchmate refuses as not GS1 data"
    );
    tally.report(file);
}

fn digital_link(dir: &PathBuf, dictionary: &Dictionary) {
    let file = "gs1_digital_link_uri_parse.json";
    let mut tally = Tally::default();
    for case in load(dir, file) {
        let input = case["input_uri"].as_str().unwrap_or("");
        let got = parse_digital_link(input, today());
        let outcome = judge(&got, case["should_succeed"] == true, case["expected_fnc1_string"].as_str());
        let scope = scope(&case, &uri_ais(input), dictionary);
        tally.record(&case, scope, outcome, got.as_ref().err());
    }
    tally.report(file);
}

fn linter_errors(dir: &PathBuf, dictionary: &Dictionary) {
    let file = "gs1_ai_linter_errors.json";
    let mut tally = Tally::default();
    for case in load(dir, file) {
        let input = case["input_bracketed"].as_str().unwrap_or("");
        let expected = case["expected_linter_error"].as_str().unwrap_or("");
        let got = parse_bracketed(input, today());
        let outcome = match (&got, expected) {
            (Ok(_), "GS1_LINTER_OK") => Ok(()),
            (Err(Gs1Error::BadValue { fault, .. }), code) if fault.gs1_code() == code => Ok(()),
            (other, code) => Err(format!("expected {code}, got {other:?}")),
        };
        let scope = scope(&case, &bracketed_ais(input), dictionary);
        tally.record(&case, scope, outcome, got.as_ref().err());
    }
    tally.report(file);
}

fn associations(dir: &PathBuf, dictionary: &Dictionary) {
    let file = "gs1_validate_ai_associations.json";
    let mut tally = Tally::default();
    for case in load(dir, file) {
        let input = case["input_bracketed"].as_str().unwrap_or("");
        let parsed = parse_bracketed(input, today());
        let checked = parsed.clone().and_then(|elements| {
            match case["check"].as_str() {
                Some("validateAIrepeats") => check_repeats(&elements),
                Some("validateAImutex") => check_exclusions(&elements),
                Some("validateAIrequisites") => check_requisites(&elements),
                // This rule is about the digital signature (8030), which Benchmate does not
                // read: cases with (8030) are unsupported, and without it the rule is met.
                Some("validateDigSigRequiresSerialisedKey") => Ok(()),
                other => panic!("{file}: unknown check {other:?}"),
            }
            .map(|()| elements)
        });
        let outcome = judge(&checked, case["should_succeed"] == true, None);
        let scope = scope(&case, &bracketed_ais(input), dictionary);
        tally.record(&case, scope, outcome, checked.as_ref().err());
    }
    tally.report(file);
}

/// The per-linter unit vectors, for the content rules Benchmate implements.
fn component_linters(dir: &PathBuf) {
    let file = "gs1_component_linter_vectors.json";
    let mut tally = Tally::default();
    let mut unimplemented_rules = 0;
    for case in load(dir, file) {
        let name = case["linter"].as_str().unwrap_or("").trim_start_matches("gs1_lint_");
        let input = case["input"].as_str().unwrap_or("");
        let result: Option<Result<(), LintFault>> = match name {
            "cset82" => Some(check_charset(Charset::Cset82, input)),
            "csetnumeric" => Some(check_charset(Charset::Numeric, input)),
            // The company-prefix check needs GS1's online prefix list (see Linter::GcpPosition).
            "gcppos1" | "gcppos2" => None,
            _ => Linter::from_name(name).map(|l| l.check(input)),
        };
        let Some(result) = result else {
            tally.total += 1;
            match name {
                "gcppos1" | "gcppos2" => tally.not_applicable += 1,
                // A rule only AIs Benchmate does not read use: nothing to run here (those AIs
                // are refused, which the files above check).
                _ => unimplemented_rules += 1,
            }
            continue;
        };
        let expected = case["expected_error"].as_str();
        let outcome = match (&result, expected) {
            (Ok(()), None) => Ok(()),
            (Err(fault), Some(code)) if same_fault(fault, code) => Ok(()),
            (got, want) => Err(format!("{name} {input:?}: got {got:?}, expected {want:?}")),
        };
        tally.record(&case, Scope::Supported, outcome, None);
    }
    println!("{file}: {unimplemented_rules} more cases are for rules of AIs Benchmate does not read");
    tally.report(file);
}

/// Benchmate reports a wrong-length date or time as one fault; the engine splits it by unit.
fn same_fault(fault: &LintFault, code: &str) -> bool {
    match fault {
        LintFault::DateLength { .. } => code.starts_with("GS1_LINTER_DATE_TOO_"),
        LintFault::TimeLength { .. } => {
            ["HOUR", "MINUTE", "SECOND"].iter().any(|u| code.starts_with(&format!("GS1_LINTER_{u}")))
                && (code.ends_with("_TOO_SHORT") || code.ends_with("_TOO_LONG"))
        }
        other => other.gs1_code() == code,
    }
}

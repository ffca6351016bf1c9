//! Shared machinery of the GS1 conformance test: finding the oracles, reading the dictionary,
//! deciding which cases Benchmate must pass, and counting.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use benchmate_core::gs1::table::lookup;
use benchmate_core::gs1::{to_fnc1_string, Element, Gs1Error};
use serde_json::Value;

/// Engine options whose default Benchmate keeps; a case that sets any other option is not
/// applicable.
pub const DEFAULT_SETTINGS: [&str; 4] = [
    "gs1_encoder_setPermitZeroSuppressedGTINinDLuris(false)",
    "gs1_encoder_setPermitUnknownAIs(false)",
    "gs1_encoder_setValidationEnabled(gs1_encoder_vUNKNOWN_AI_NOT_DL_ATTR, true)",
    // Permitting unknown AIs changes nothing for data whose AIs are all known; cases with
    // unknown AIs under this setting are excluded separately below.
    "gs1_encoder_setPermitUnknownAIs(true)",
];

/// Cases whose expected result depends on something the extraction did not record.
pub const NOT_APPLICABLE: [(&str, &str); 5] = [
    ("src/c-lib/dl.c:1437", "the C test sets permitConvenienceAlphas directly (deprecated /gtin/ names); 'settings' misses it"),
    ("src/c-lib/dl.c:1438", "the C test sets permitConvenienceAlphas directly (deprecated /gtin/ names); 'settings' misses it"),
    ("src/c-lib/dl.c:1439", "the C test sets permitConvenienceAlphas directly (deprecated /sscc/ names); 'settings' misses it"),
    ("src/c-lib/ai.c:1707", "no FNC1 in first position: Benchmate's raw mode assumes GS1 data because a keyboard wedge never sends the FNC1"),
    ("src/c-lib/ai.c:1708", "no FNC1 in first position: Benchmate's raw mode assumes GS1 data because a keyboard wedge never sends the FNC1"),
];

pub fn oracle_dir() -> Option<PathBuf> {
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
    println!(
        "SKIPPED: GS1 oracles not found at {} (set BENCHMATE_ORACLES)",
        dir.display()
    );
    None
}

pub fn load(dir: &Path, file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    json["cases"].as_array().cloned().unwrap_or_default()
}

/// The full GS1 dictionary as the oracle states it: AI -> value length when predefined.
pub struct Dictionary(pub HashMap<String, Option<usize>>);

impl Dictionary {
    pub fn read(dir: &Path) -> (Dictionary, Vec<String>) {
        let text = std::fs::read_to_string(dir.join("gs1-syntax-dictionary.2026-01-27.txt")).expect("dictionary");
        let mut map = HashMap::new();
        let mut rows = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (body, title) = line.split_once('#').unwrap_or((line, ""));
            rows.push(format!(
                "{} # {}",
                body.split_whitespace().collect::<Vec<_>>().join(" "),
                title.trim()
            ));
            let mut words = body.split_whitespace();
            let range = words.next().expect("AI");
            let rest: Vec<&str> = words.collect();
            let fixed = rest.first().is_some_and(|w| w.contains('*'));
            let len: Option<usize> = fixed.then(|| {
                rest.iter()
                    .filter(|w| w.starts_with(['N', 'X']) && !w.contains(".."))
                    .map(|w| {
                        w[1..]
                            .split(',')
                            .next()
                            .and_then(|n| n.parse::<usize>().ok())
                            .unwrap_or(0)
                    })
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

    pub fn knows(&self, ai: &str) -> bool {
        self.0.contains_key(ai)
    }

    /// The AIs in raw `^`-separated data, read with the oracle's dictionary; an unknown prefix
    /// ends the reading and is returned as its first two digits.
    pub fn raw_ais(&self, data: &str) -> Vec<String> {
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
pub fn bracketed_ais(text: &str) -> Vec<String> {
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
pub fn uri_ais(uri: &str) -> Vec<String> {
    uri.split(['/', '?', '&', '=', '#'])
        .filter(|s| (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// How one case is judged.
pub enum Scope {
    /// All its AIs are read by Benchmate (or unknown to GS1 itself): the result must match.
    Supported,
    /// It uses a GS1 AI Benchmate does not read: it must be rejected with a message.
    Unsupported,
    /// It depends on an option or behaviour Benchmate does not have.
    NotApplicable,
}

pub fn scope(case: &Value, ais: &[String], dictionary: &Dictionary) -> Scope {
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
pub struct Tally {
    pub total: usize,
    pub supported: usize,
    pub passed: usize,
    pub unsupported: usize,
    pub rejected_unsupported: usize,
    pub not_applicable: usize,
    pub failures: Vec<String>,
}

impl Tally {
    /// Records one case: `outcome` is Ok(()) when the result matched, Err(why) otherwise.
    pub fn record(&mut self, case: &Value, scope: Scope, outcome: Result<(), String>, rejection: Option<&Gs1Error>) {
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

    pub fn report(&self, file: &str) {
        println!(
            "{file}: passed {}/{} supported, {} total ({} unsupported AIs, {} of them rejected \
             with a message; {} not applicable)",
            self.passed, self.supported, self.total, self.unsupported, self.rejected_unsupported, self.not_applicable
        );
        assert!(self.failures.is_empty(), "{file}:\n{}", self.failures.join("\n"));
        assert_eq!(self.unsupported, self.rejected_unsupported, "{file}");
    }
}

pub fn fnc1(elements: &[Element]) -> String {
    to_fnc1_string(elements, '^')
}

/// Compares a parse result with the engine's expectation.
pub fn judge(got: &Result<Vec<Element>, Gs1Error>, should_succeed: bool, expected: Option<&str>) -> Result<(), String> {
    match (got, should_succeed) {
        (Ok(elements), true) => match expected {
            Some(expected) if fnc1(elements) != expected => Err(format!("got {} expected {expected}", fnc1(elements))),
            _ => Ok(()),
        },
        (Err(e), true) => Err(format!("rejected valid data: {e}")),
        (Ok(elements), false) => Err(format!("accepted invalid data as {}", fnc1(elements))),
        (Err(_), false) => Ok(()),
    }
}

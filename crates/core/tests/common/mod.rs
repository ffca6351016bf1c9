//! Helpers shared by the integration tests: where the oracles are, a small CSV reader, and
//! the replicas and reference server of the record and sync property tests.

#![allow(dead_code)]

pub mod replicas;
pub mod server;

use std::path::PathBuf;

/// The oracle folder: `BENCHMATE_ORACLES`, or `<repo root>/../shared/oracles`. `None` (with a
/// printed reason) when it is absent and `CI` is unset; absent under `CI` is a failure.
pub fn oracle_dir(test: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("BENCHMATE_ORACLES") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/oracles"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!(
        "{test}: oracle folder {} is absent (set BENCHMATE_ORACLES)",
        dir.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{message}; CI is set, so this fails");
    eprintln!("SKIPPED {message}");
    None
}

/// Reads a file of the oracle folder, failing the test with the path if it cannot.
pub fn read(dir: &std::path::Path, relative: &str) -> String {
    let path = dir.join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) into rows.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// CSV rows as maps from header to value.
pub fn csv_records(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut rows = parse_csv(text).into_iter();
    let header = rows.next().unwrap_or_default();
    rows.filter(|r| r.len() == header.len())
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

/// Half a unit of the last digit written in `stated` ("0.160" -> 0.0005, "25" -> 0.5),
/// but never tighter than 1e-12 relative, which is all an f64 chain of factors can keep.
pub fn stated_tolerance(stated: &str, expected: f64) -> f64 {
    let mantissa = stated.split(['e', 'E']).next().unwrap_or(stated);
    let exponent: i32 = stated
        .split(['e', 'E'])
        .nth(1)
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let decimals = mantissa.split('.').nth(1).map_or(0, |d| d.len() as i32);
    let half_unit = 0.5 * 10f64.powi(exponent - decimals);
    half_unit.max(expected.abs() * 1e-12)
}

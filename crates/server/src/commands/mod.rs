//! The command-line tools beside `serve`: accounts and labs, backup, units, calculators and barcodes. Each subcommand
//! is a clap `Args` struct and an `execute` that returns the text for stdout (Ok) or the
//! message for stderr (Err, which exits 1); with `--json` both are JSON.

pub mod admin;
pub mod calc;
pub mod convert;
pub mod gs1;
pub mod ucum;

/// A JSON error object, `{"error": message, "input": name or null}`.
fn json_error(message: &str, input: Option<&str>) -> String {
    serde_json::json!({ "error": message, "input": input }).to_string()
}

//! Views every record kind shares: a record's history with restore, and settling a conflict.

mod history;

pub use history::RecordHistory;

use serde_json::Value;

/// The longest value a history cell shows; longer ones (a lot's list of transitions) are cut.
const SHOWN_CHARS: usize = 80;

/// A stored field value as a person reads it, cut to a table cell's length.
pub fn show_value(value: &Value) -> String {
    let text = full_value(value);
    if text.chars().count() > SHOWN_CHARS {
        text.chars().take(SHOWN_CHARS - 1).collect::<String>() + "…"
    } else {
        text
    }
}

fn full_value(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".to_string(),
        Value::String(text) if text.is_empty() => "(empty)".to_string(),
        Value::String(text) => text.clone(),
        Value::Bool(true) => "yes".to_string(),
        Value::Bool(false) => "no".to_string(),
        other => other.to_string(),
    }
}

/// A field name as a label: `date_completed` reads "date completed".
pub fn show_field(name: &str) -> String {
    name.replace('_', " ")
}

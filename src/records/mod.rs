//! Views every record kind shares: a record's history with restore, and settling a conflict.

mod history;

pub use history::RecordHistory;

use serde_json::Value;

/// A stored field value as a person reads it.
pub fn show_value(value: &Value) -> String {
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

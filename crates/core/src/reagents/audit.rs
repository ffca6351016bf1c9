//! The audit trail of reagent, lot, verification and QC records as CSV for an inspector: every
//! write from the store's history (who, when, which field, old and new value), filtered by date.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::Value;

use crate::portfolio::csv::CsvWriter;
use crate::record::{Record, Slot};

/// One line of the audit trail.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditRow {
    /// What the record is, in words: "Lot LOT42X of Glucose reagent".
    pub record: String,
    pub kind: String,
    /// The field written, or "deleted" for a delete or undelete.
    pub field: String,
    pub old: String,
    pub new: String,
    /// The writer's wall time (UTC) as the record's clock stamp holds it.
    pub at: Option<NaiveDateTime>,
    /// The signed-in author, or "this device (no account)".
    pub author: String,
}

/// Shows a JSON value as a person reads it: text without quotes, null as empty.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Every write to `record`, oldest first, labelled `label`.
pub fn audit_rows(label: &str, record: &Record) -> Vec<AuditRow> {
    record
        .history()
        .into_iter()
        .map(|entry| AuditRow {
            record: label.to_string(),
            kind: record.kind().to_string(),
            field: match &entry.slot {
                Slot::Field(name) => name.clone(),
                Slot::Deleted => "deleted".to_string(),
            },
            old: entry.old.as_ref().map(plain).unwrap_or_default(),
            new: plain(&entry.new),
            at: i64::try_from(entry.stamp.millis)
                .ok()
                .and_then(DateTime::from_timestamp_millis)
                .map(|t| t.naive_utc()),
            author: entry
                .author
                .map(|a| a.to_string())
                .unwrap_or_else(|| "this device (no account)".to_string()),
        })
        .collect()
}

/// The rows written from `from` to `to` (both days included; `None` = no limit) as CSV with a
/// header line, oldest first.
pub fn audit_csv(rows: &[AuditRow], from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    let mut kept: Vec<&AuditRow> = rows
        .iter()
        .filter(|row| {
            let day = row.at.map(|t| t.date());
            from.is_none_or(|f| day.is_some_and(|d| d >= f)) && to.is_none_or(|t| day.is_some_and(|d| d <= t))
        })
        .collect();
    kept.sort_by_key(|a| a.at);
    let mut csv = CsvWriter::new();
    csv.row(["when (UTC)", "record", "kind", "field", "old value", "new value", "by"]);
    for row in kept {
        let when = row
            .at
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        csv.row([
            when.as_str(),
            &row.record,
            &row.kind,
            &row.field,
            &row.old,
            &row.new,
            &row.author,
        ]);
    }
    csv.finish()
}

//! The critical-value call: who was told what, when, and whether they read it back.
//!
//! The body of a lab-scope record (the store keeps its history). No patient identifier is
//! held: an optional accession or sample number links the call to the lab's own records.
//! Times carry their UTC offset, so a call log reads in local time and sorts in real time.

use super::csv::{write_number, write_row, write_text};
use crate::record::RecordBody;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One documented critical-value call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriticalCall {
    pub analyte_id: String,
    /// The analyte's name as shown when the call was made (the table may change later).
    pub analyte_name: String,
    pub value: f64,
    pub unit: String,
    /// The flag text at the time, e.g. "critical high".
    pub flag: String,
    pub result_time: DateTime<FixedOffset>,
    pub notified_name: String,
    /// The notified person's role: "RN", "physician", ...
    pub notified_role: String,
    pub read_back: bool,
    pub call_time: DateTime<FixedOffset>,
    /// Who made the call.
    pub caller: String,
    #[serde(default)]
    pub accession: Option<String>,
    #[serde(default)]
    pub note: String,
}

impl RecordBody for CriticalCall {
    const KIND: &'static str = "critical_call";
}

/// A field of a call that is not acceptable, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    Missing(&'static str),
    TooLong { field: &'static str, max: usize },
    NotFinite,
    CallBeforeResult,
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Missing(field) => write!(f, "{field} is required"),
            CallError::TooLong { field, max } => {
                write!(f, "{field} is longer than {max} characters")
            }
            CallError::NotFinite => write!(f, "the value must be a finite number"),
            CallError::CallBeforeResult => write!(f, "the call time is before the result time"),
        }
    }
}

const MAX_TEXT: usize = 200;

impl CriticalCall {
    /// Every problem with the call, empty when it can be saved.
    pub fn validate(&self) -> Vec<CallError> {
        let mut errors = Vec::new();
        let required = [
            ("analyte", &self.analyte_name),
            ("unit", &self.unit),
            ("name of the person notified", &self.notified_name),
            ("role of the person notified", &self.notified_role),
            ("caller", &self.caller),
        ];
        for (field, text) in required {
            if text.trim().is_empty() {
                errors.push(CallError::Missing(field));
            } else if text.chars().count() > MAX_TEXT {
                errors.push(CallError::TooLong { field, max: MAX_TEXT });
            }
        }
        if self.accession.as_ref().is_some_and(|a| a.chars().count() > MAX_TEXT) {
            errors.push(CallError::TooLong {
                field: "accession number",
                max: MAX_TEXT,
            });
        }
        if !self.value.is_finite() {
            errors.push(CallError::NotFinite);
        }
        if self.call_time < self.result_time {
            errors.push(CallError::CallBeforeResult);
        }
        errors
    }

    /// Whole minutes from the result to the call: what a timeliness audit looks at.
    pub fn minutes_to_call(&self) -> i64 {
        (self.call_time - self.result_time).num_minutes()
    }
}

/// The column names of the call-log export.
pub const CALL_LOG_COLUMNS: [&str; 14] = [
    "result_time",
    "call_time",
    "minutes_to_call",
    "analyte",
    "value",
    "unit",
    "flag",
    "notified_name",
    "notified_role",
    "read_back",
    "caller",
    "accession",
    "analyte_id",
    "note",
];

/// The calls as CSV (RFC 4180, CRLF), oldest result first, times in RFC 3339 as recorded.
pub fn calls_to_csv(calls: &[CriticalCall]) -> String {
    let mut out = String::new();
    write_row(&mut out, &CALL_LOG_COLUMNS.map(str::to_string));
    let mut sorted: Vec<&CriticalCall> = calls.iter().collect();
    sorted.sort_by_key(|c| (c.result_time, c.call_time));
    for call in sorted {
        let text = |s: &str| {
            let mut cell = String::new();
            write_text(&mut cell, s);
            cell
        };
        let mut value = String::new();
        write_number(&mut value, call.value);
        let row = [
            call.result_time.to_rfc3339(),
            call.call_time.to_rfc3339(),
            call.minutes_to_call().to_string(),
            text(&call.analyte_name),
            value,
            text(&call.unit),
            text(&call.flag),
            text(&call.notified_name),
            text(&call.notified_role),
            if call.read_back { "yes" } else { "no" }.to_string(),
            text(&call.caller),
            text(call.accession.as_deref().unwrap_or("")),
            text(&call.analyte_id),
            text(&call.note),
        ];
        write_row(&mut out, &row);
    }
    out
}

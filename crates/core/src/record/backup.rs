//! The backup file: every record and attachment in one versioned JSON document, imported
//! with the same merge as sync, so importing is always safe to repeat.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::attachment::{Attachment, ContentHash};
use super::envelope::{MergeError, Record};
use super::ids::RecordId;

/// The `format` value that marks a Benchmate backup.
pub const BACKUP_FORMAT: &str = "benchmate-backup";
/// The format version this code writes and reads. Bump it when a change would make an
/// older app misread a file, and teach [`Backup::from_json`] to read the older versions.
pub const BACKUP_FORMAT_VERSION: u64 = 1;

/// A whole export: what "Export everything" writes and "Import" reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub format_version: u64,
    pub exported_at: DateTime<Utc>,
    pub records: Vec<Record>,
    pub attachments: Vec<Attachment>,
}

/// The records and attachments a store holds, as plain maps: the pure stand-in for a
/// device's database that export reads and import merges into.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalData {
    pub records: BTreeMap<RecordId, Record>,
    pub attachments: BTreeMap<ContentHash, Attachment>,
}

/// What an import did. Importing the same file again reports only unchanged items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub records_added: usize,
    pub records_updated: usize,
    pub records_unchanged: usize,
    /// Records that have an unsettled conflict after the import, for the user to review.
    pub conflicted: Vec<RecordId>,
    pub attachments_added: usize,
    pub attachments_unchanged: usize,
}

/// Why a file could not be imported. Nothing is imported when any of these is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    NotABackup,
    UnsupportedVersion {
        found: u64,
    },
    /// A part of the file does not have the shape a backup needs.
    Malformed {
        part: String,
        reason: String,
    },
    /// A record in the file clashes with the stored copy (another kind or scope).
    Clash(MergeError),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::NotJson { line, column, reason } => write!(
                f,
                "the file is not valid JSON (line {line}, column {column}: {reason}); it may be damaged or cut short"
            ),
            BackupError::NotABackup => write!(
                f,
                "the file is JSON but not a Benchmate backup (no \"format\": \"{BACKUP_FORMAT}\")"
            ),
            BackupError::UnsupportedVersion { found } if *found > BACKUP_FORMAT_VERSION => write!(
                f,
                "the backup is format version {found}, made by a newer Benchmate; this version reads up to {BACKUP_FORMAT_VERSION}: update the app first"
            ),
            BackupError::UnsupportedVersion { found } => write!(
                f,
                "the backup is format version {found}, which this Benchmate does not read (it reads version {BACKUP_FORMAT_VERSION})"
            ),
            BackupError::Malformed { part, reason } => {
                write!(f, "the backup is damaged: {part} is not valid ({reason})")
            }
            BackupError::Clash(e) => write!(f, "the backup does not fit the stored data: {e}"),
        }
    }
}

impl std::error::Error for BackupError {}

impl Backup {
    /// A backup of everything in `data`, stamped with the caller's `exported_at`.
    pub fn export(data: &LocalData, exported_at: DateTime<Utc>) -> Backup {
        Backup {
            format: BACKUP_FORMAT.to_string(),
            format_version: BACKUP_FORMAT_VERSION,
            exported_at,
            records: data.records.values().cloned().collect(),
            attachments: data.attachments.values().cloned().collect(),
        }
    }

    /// The file's text (pretty-printed, so a person can read and diff it).
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string and every value
        // is plain data, so the empty-string fallback is never taken.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a backup file, checking the format marker and version before anything else so
    /// that a wrong file gets the right message, then each record and attachment on its own
    /// so that a damaged one is named.
    pub fn from_json(text: &str) -> Result<Backup, BackupError> {
        let document: Value = serde_json::from_str(text).map_err(|e| BackupError::NotJson {
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })?;
        let Value::Object(mut top) = document else {
            return Err(BackupError::NotABackup);
        };
        if top.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
            return Err(BackupError::NotABackup);
        }
        let version: u64 = take(&mut top, "format_version")?;
        if version != BACKUP_FORMAT_VERSION {
            return Err(BackupError::UnsupportedVersion { found: version });
        }
        let exported_at = take(&mut top, "exported_at")?;
        let records: Vec<Value> = take(&mut top, "records")?;
        let attachments: Vec<Value> = take(&mut top, "attachments")?;
        Ok(Backup {
            format: BACKUP_FORMAT.to_string(),
            format_version: version,
            exported_at,
            records: parse_each("record", records)?,
            attachments: parse_each("attachment", attachments)?,
        })
    }

    /// Merges the backup into `data`, record by record with [`Record::absorb`]: newer
    /// stored values stay current, older values from the file go to history, and a second
    /// import of the same file changes nothing. All or nothing: on error `data` is untouched.
    pub fn import_into(&self, data: &mut LocalData) -> Result<ImportReport, BackupError> {
        let mut report = ImportReport::default();
        let mut merged: BTreeMap<RecordId, Record> = BTreeMap::new();
        for incoming in &self.records {
            let id = incoming.id();
            let base = merged.get(&id).or_else(|| data.records.get(&id));
            let mut next = base.cloned().unwrap_or_else(|| incoming.clone());
            next.absorb(incoming).map_err(BackupError::Clash)?;
            merged.insert(id, next);
        }
        for (id, record) in merged {
            match data.records.get(&id) {
                None => report.records_added += 1,
                Some(stored) if stored == &record => report.records_unchanged += 1,
                Some(_) => report.records_updated += 1,
            }
            if record.is_conflicted() {
                report.conflicted.push(id);
            }
            data.records.insert(id, record);
        }
        for attachment in &self.attachments {
            match data.attachments.entry(attachment.hash()) {
                std::collections::btree_map::Entry::Occupied(_) => {
                    report.attachments_unchanged += 1;
                }
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(attachment.clone());
                    report.attachments_added += 1;
                }
            }
        }
        Ok(report)
    }
}

fn take<T: DeserializeOwned>(top: &mut serde_json::Map<String, Value>, key: &str) -> Result<T, BackupError> {
    let value = top.remove(key).ok_or_else(|| BackupError::Malformed {
        part: format!("\"{key}\""),
        reason: "missing".to_string(),
    })?;
    serde_json::from_value(value).map_err(|e| BackupError::Malformed {
        part: format!("\"{key}\""),
        reason: e.to_string(),
    })
}

fn parse_each<T: DeserializeOwned>(what: &str, items: Vec<Value>) -> Result<Vec<T>, BackupError> {
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let id = item.get("id").or_else(|| item.get("sha256")).cloned();
            serde_json::from_value(item).map_err(|e| BackupError::Malformed {
                part: match id {
                    Some(Value::String(id)) => format!("{what} {} ({id})", index + 1),
                    _ => format!("{what} {}", index + 1),
                },
                reason: e.to_string(),
            })
        })
        .collect()
}

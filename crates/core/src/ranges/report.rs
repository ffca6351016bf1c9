//! The outcome of an import before anything is stored: the good rows, every problem with
//! its place in the file, and the user's choice of all rows or good rows only.

use super::model::{Analyte, Interval};
use super::row_error::RowError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which table of an import a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Analytes,
    Intervals,
}

/// Where in the file a row is: a CSV line (1-based, as an editor shows it) or a JSON item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Line(usize),
    Item(TableKind, usize),
    /// The file as a whole (unreadable, or a header fault).
    File,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(line) => write!(f, "line {line}"),
            Location::Item(TableKind::Analytes, i) => write!(f, "analytes[{i}]"),
            Location::Item(TableKind::Intervals, i) => write!(f, "intervals[{i}]"),
            Location::File => write!(f, "file"),
        }
    }
}

/// One bad row and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub table: TableKind,
    pub location: Location,
    pub error: RowError,
}

impl Problem {
    /// True when the file as a whole cannot be trusted, so not even its good rows are
    /// imported: it cannot be read, or its header lacks or misnames a column (a misspelt
    /// `hgih` would otherwise import every row without its upper limit).
    pub fn blocks_file(&self) -> bool {
        self.location == Location::File
            || (matches!(self.location, Location::Line(_))
                && matches!(self.error, RowError::UnknownColumn(_) | RowError::MissingColumn(_)))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let table = match self.table {
            TableKind::Analytes => "analytes",
            TableKind::Intervals => "intervals",
        };
        match self.location {
            Location::Item(..) => write!(f, "{}: {}", self.location, self.error),
            _ => write!(f, "{table} {}: {}", self.location, self.error),
        }
    }
}

/// A lab's own table: its extra or changed analytes and its intervals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LabTable {
    pub analytes: Vec<Analyte>,
    pub intervals: Vec<Interval>,
}

/// The outcome of reading an import, before anything is accepted.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    pub analytes: Vec<Analyte>,
    pub intervals: Vec<Interval>,
    pub problems: Vec<Problem>,
    /// Rows read, good and bad, in both tables.
    pub rows_read: usize,
}

/// What to do with a file that has bad rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Import nothing until the file is clean.
    AllOrNothing,
    /// Import the good rows and leave the bad ones out.
    GoodRowsOnly,
}

/// Why [`ImportReport::accept`] refused: the problems the user must fix first.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRefused {
    pub problems: Vec<Problem>,
}

impl fmt::Display for ImportRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} bad rows; nothing was imported", self.problems.len())
    }
}

impl ImportReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// The table to store, or the problems when the mode does not allow them.
    pub fn accept(self, mode: ImportMode) -> Result<LabTable, ImportRefused> {
        let file_level = self.problems.iter().any(Problem::blocks_file);
        if !self.problems.is_empty() && (mode == ImportMode::AllOrNothing || file_level) {
            return Err(ImportRefused {
                problems: self.problems,
            });
        }
        Ok(LabTable {
            analytes: self.analytes,
            intervals: self.intervals,
        })
    }
}

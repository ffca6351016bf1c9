//! Importing a range table from CSV or JSON into an [`ImportReport`].
//!
//! Nothing is imported until the caller decides: the report lists every bad row with where
//! it is and why, and [`ImportReport::accept`] takes either the whole file (refused while any
//! row is bad) or only the good rows, as the user chooses.

use super::catalogue::Catalogue;
use super::csv::read_records;
use super::export::{analytes_to_csv, intervals_to_csv};
use super::model::Interval;
use super::report::{ImportReport, LabTable, Location, Problem, TableKind};
use super::row_error::RowError;
use super::rows::{parse_analyte, parse_interval, RowValues, ANALYTE_COLUMNS, INTERVAL_COLUMNS};
use super::search::SearchIndex;

/// One row, whichever file format it came from.
struct RawRow {
    location: Location,
    values: Vec<String>,
}

fn csv_rows(
    text: &str,
    table: TableKind,
    known: &[&str],
    required: &[&'static str],
    report: &mut ImportReport,
) -> (Vec<String>, Vec<RawRow>) {
    let records = match read_records(text) {
        Ok(records) => records,
        Err(e) => {
            report.problems.push(Problem {
                table,
                location: Location::File,
                error: RowError::Csv(e.to_string()),
            });
            return (Vec::new(), Vec::new());
        }
    };
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        report.problems.push(Problem {
            table,
            location: Location::File,
            error: RowError::Csv("the file is empty".into()),
        });
        return (Vec::new(), Vec::new());
    };
    let columns: Vec<String> = header.fields.iter().map(|c| c.trim().to_ascii_lowercase()).collect();
    check_header(&columns, table, known, required, Location::Line(header.line), report);
    let mut rows = Vec::new();
    for record in records {
        if record.fields.len() != columns.len() {
            // A row that does not line up with the header cannot be trusted column by column.
            report.rows_read += 1;
            report.problems.push(Problem {
                table,
                location: Location::Line(record.line),
                error: RowError::FieldCount {
                    expected: columns.len(),
                    found: record.fields.len(),
                },
            });
            continue;
        }
        rows.push(RawRow {
            location: Location::Line(record.line),
            values: record.fields,
        });
    }
    (columns, rows)
}

fn check_header(
    columns: &[String],
    table: TableKind,
    known: &[&str],
    required: &[&'static str],
    at: Location,
    report: &mut ImportReport,
) {
    for column in columns.iter().filter(|c| !known.contains(&c.as_str())) {
        report.problems.push(Problem {
            table,
            location: at,
            error: RowError::UnknownColumn(column.clone()),
        });
    }
    for &column in required.iter().filter(|r| !columns.iter().any(|c| c == *r)) {
        report.problems.push(Problem {
            table,
            location: Location::File,
            error: RowError::MissingColumn(column),
        });
    }
}

const ANALYTE_REQUIRED: [&str; 4] = ["id", "name", "section", "unit"];
const INTERVAL_REQUIRED: [&str; 4] = ["analyte", "category", "unit", "source"];

/// Validates a CSV import: an intervals table and, optionally, an analytes table for the
/// lab's analytes that `defaults` lacks (or whose units or decimals it changes).
pub fn validate_csv(intervals_csv: &str, analytes_csv: Option<&str>, defaults: &Catalogue) -> ImportReport {
    let mut report = ImportReport::default();
    let analyte_rows = analytes_csv.map(|text| {
        csv_rows(
            text,
            TableKind::Analytes,
            &ANALYTE_COLUMNS,
            &ANALYTE_REQUIRED,
            &mut report,
        )
    });
    let interval_rows = csv_rows(
        intervals_csv,
        TableKind::Intervals,
        &INTERVAL_COLUMNS,
        &INTERVAL_REQUIRED,
        &mut report,
    );
    finish(analyte_rows, interval_rows, defaults, report)
}

/// Validates a JSON import: `{"format": "benchmate-ranges", "version": 1, "analytes": [...],
/// "intervals": [...]}`, each item an object with the CSV columns as keys.
pub fn validate_json(text: &str, defaults: &Catalogue) -> ImportReport {
    let mut report = ImportReport::default();
    let json_error = |why: String| Problem {
        table: TableKind::Intervals,
        location: Location::File,
        error: RowError::Json(why),
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            report.problems.push(json_error(format!("not valid JSON: {e}")));
            return report;
        }
    };
    if value.get("format").and_then(|f| f.as_str()) != Some("benchmate-ranges") {
        report
            .problems
            .push(json_error("\"format\" must be \"benchmate-ranges\"".into()));
        return report;
    }
    if value.get("version").and_then(|v| v.as_u64()) != Some(1) {
        report.problems.push(json_error("\"version\" must be 1".into()));
        return report;
    }
    if value.get("intervals").is_none() {
        report.problems.push(json_error("\"intervals\" is missing".into()));
        return report;
    }
    let analytes = json_rows(&value, TableKind::Analytes, &ANALYTE_COLUMNS, &mut report);
    let intervals = json_rows(&value, TableKind::Intervals, &INTERVAL_COLUMNS, &mut report).unwrap_or_default();
    finish(analytes, intervals, defaults, report)
}

fn json_rows(
    value: &serde_json::Value,
    table: TableKind,
    known: &[&str],
    report: &mut ImportReport,
) -> Option<(Vec<String>, Vec<RawRow>)> {
    let key = match table {
        TableKind::Analytes => "analytes",
        TableKind::Intervals => "intervals",
    };
    let items = value.get(key)?.as_array().or_else(|| {
        report.problems.push(Problem {
            table,
            location: Location::File,
            error: RowError::Json(format!("\"{key}\" must be a list")),
        });
        None
    })?;
    let columns: Vec<String> = known.iter().map(|c| c.to_string()).collect();
    let mut rows = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let location = Location::Item(table, i);
        let Some(object) = item.as_object() else {
            report.problems.push(Problem {
                table,
                location,
                error: RowError::Json("each item must be an object".into()),
            });
            continue;
        };
        let unknown: Vec<&String> = object.keys().filter(|k| !known.contains(&k.as_str())).collect();
        if !unknown.is_empty() {
            // An item with a key this format does not know (perhaps a misspelt limit) is not
            // imported even among the good rows.
            for field in unknown {
                report.problems.push(Problem {
                    table,
                    location,
                    error: RowError::UnknownColumn(field.clone()),
                });
            }
            report.rows_read += 1;
            continue;
        }
        let values = known
            .iter()
            .map(|column| match object.get(*column) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join("|"),
                Some(other) => other.to_string(),
            })
            .collect();
        rows.push(RawRow { location, values });
    }
    Some((columns, rows))
}

fn finish(
    analyte_rows: Option<(Vec<String>, Vec<RawRow>)>,
    (interval_columns, interval_rows): (Vec<String>, Vec<RawRow>),
    defaults: &Catalogue,
    mut report: ImportReport,
) -> ImportReport {
    let mut catalogue = defaults.clone();
    let mut seen_ids: Vec<(String, Location)> = Vec::new();
    if let Some((columns, rows)) = analyte_rows {
        for row in rows {
            report.rows_read += 1;
            let values = RowValues {
                columns: &columns,
                values: &row.values,
            };
            match parse_analyte(&values) {
                Ok(analyte) => {
                    if let Some((_, first)) = seen_ids.iter().find(|(id, _)| *id == analyte.id) {
                        report.problems.push(Problem {
                            table: TableKind::Analytes,
                            location: row.location,
                            error: RowError::DuplicateAnalyte {
                                first: first.to_string(),
                            },
                        });
                        continue;
                    }
                    seen_ids.push((analyte.id.clone(), row.location));
                    catalogue.insert(analyte.clone());
                    report.analytes.push(analyte);
                }
                Err(errors) => push_all(&mut report, TableKind::Analytes, row.location, errors),
            }
        }
    }
    let index = SearchIndex::build(catalogue.analytes());
    let mut accepted: Vec<(Interval, Location)> = Vec::new();
    for row in interval_rows {
        report.rows_read += 1;
        let values = RowValues {
            columns: &interval_columns,
            values: &row.values,
        };
        match parse_interval(&values, &catalogue, Some(&index)) {
            Ok(interval) => {
                if let Some(error) = clash(&interval, &accepted) {
                    report.problems.push(Problem {
                        table: TableKind::Intervals,
                        location: row.location,
                        error,
                    });
                } else {
                    accepted.push((interval, row.location));
                }
            }
            Err(errors) => push_all(&mut report, TableKind::Intervals, row.location, errors),
        }
    }
    report.intervals = accepted.into_iter().map(|(interval, _)| interval).collect();
    report
}

fn push_all(report: &mut ImportReport, table: TableKind, location: Location, errors: Vec<RowError>) {
    report
        .problems
        .extend(errors.into_iter().map(|error| Problem { table, location, error }));
}

/// A duplicate (same partition) or an overlap (a patient matching two rows) with an earlier row.
fn clash(interval: &Interval, accepted: &[(Interval, Location)]) -> Option<RowError> {
    accepted
        .iter()
        .find(|(other, _)| interval.partition_overlaps(other))
        .map(|(other, at)| {
            let same_partition =
                other.sex == interval.sex && other.age == interval.age && other.gestation == interval.gestation;
            if same_partition {
                RowError::Duplicate { first: at.to_string() }
            } else {
                RowError::Overlap { other: at.to_string() }
            }
        })
}

/// Checks a lab's table after an edit in the app, by exactly the rules of an import: the
/// table is written in the CSV format and read back, so the two can never drift apart.
/// Problems name lines of that CSV: interval `i` (0-based) is line `i + 2`.
pub fn revalidate(table: &LabTable, defaults: &Catalogue) -> ImportReport {
    let analytes = (!table.analytes.is_empty()).then(|| analytes_to_csv(&table.analytes));
    validate_csv(&intervals_to_csv(&table.intervals), analytes.as_deref(), defaults)
}

//! Writing a lab's table back out, in the same CSV and JSON formats the import reads.

use super::csv::{write_number, write_row, write_text};
use super::model::{Analyte, Interval};
use super::report::LabTable;
use super::rows::{ANALYTE_COLUMNS, INTERVAL_COLUMNS};
use serde_json::{json, Map, Value};

/// One exported value: text (quoted and guarded in CSV) or a number or code (written as is).
enum Cell {
    Text(String),
    Plain(String),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => {
                let mut cell = String::new();
                write_text(&mut cell, s);
                cell
            }
            Cell::Plain(s) => s.clone(),
        }
    }

    fn raw(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Plain(s) => s,
        }
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn plain(s: impl ToString) -> Cell {
    Cell::Plain(s.to_string())
}

fn number(v: Option<f64>) -> Cell {
    let mut cell = String::new();
    if let Some(v) = v {
        write_number(&mut cell, v);
    }
    Cell::Plain(cell)
}

fn analyte_cells(a: &Analyte) -> [Cell; 13] {
    [
        text(&a.id),
        text(&a.name),
        text(&a.abbreviations.join("|")),
        text(&a.synonyms.join("|")),
        text(&a.loinc),
        text(&a.specimen),
        plain(a.section.code()),
        text(&a.unit),
        plain(a.decimals),
        text(&a.si_unit),
        plain(a.si_decimals),
        number(Some(a.si_factor)),
        number(a.molecular_weight),
    ]
}

fn interval_cells(i: &Interval) -> [Cell; 13] {
    let opt = |v: Option<String>| plain(v.unwrap_or_default());
    [
        text(&i.analyte),
        plain(i.category.code()),
        plain(i.sex.code()),
        opt(i.age.from.map(|a| a.to_string())),
        opt(i.age.to.map(|a| a.to_string())),
        opt(i.gestation.and_then(|g| g.from_weeks).map(|w| w.to_string())),
        opt(i.gestation.and_then(|g| g.to_weeks).map(|w| w.to_string())),
        text(i.condition.as_deref().unwrap_or("")),
        number(i.low),
        number(i.high),
        text(&i.unit),
        text(&i.source),
        text(&i.note),
    ]
}

/// An interval's values as the import reads them, in [`INTERVAL_COLUMNS`] order, unquoted:
/// what an edit form starts from.
pub(crate) fn interval_texts(i: &Interval) -> [String; 13] {
    interval_cells(i).map(|cell| cell.raw().to_string())
}

fn csv_row(out: &mut String, cells: &[Cell]) {
    let cells: Vec<String> = cells.iter().map(Cell::csv).collect();
    write_row(out, &cells);
}

/// The intervals table as CSV, header first.
pub fn intervals_to_csv(intervals: &[Interval]) -> String {
    let mut out = String::new();
    write_row(&mut out, &INTERVAL_COLUMNS.map(str::to_string));
    for interval in intervals {
        csv_row(&mut out, &interval_cells(interval));
    }
    out
}

/// The analytes table as CSV, header first.
pub fn analytes_to_csv(analytes: &[Analyte]) -> String {
    let mut out = String::new();
    write_row(&mut out, &ANALYTE_COLUMNS.map(str::to_string));
    for analyte in analytes {
        csv_row(&mut out, &analyte_cells(analyte));
    }
    out
}

fn object(columns: &[&str], cells: &[Cell]) -> Value {
    let mut map = Map::new();
    for (column, cell) in columns.iter().zip(cells) {
        if !cell.raw().is_empty() {
            map.insert(column.to_string(), Value::String(cell.raw().to_string()));
        }
    }
    Value::Object(map)
}

/// The lab's table in the JSON import format.
pub fn lab_table_to_json(table: &LabTable) -> String {
    let analytes: Vec<Value> = table
        .analytes
        .iter()
        .map(|a| object(&ANALYTE_COLUMNS, &analyte_cells(a)))
        .collect();
    let intervals: Vec<Value> = table
        .intervals
        .iter()
        .map(|i| object(&INTERVAL_COLUMNS, &interval_cells(i)))
        .collect();
    let document = json!({
        "format": "benchmate-ranges",
        "version": 1,
        "analytes": analytes,
        "intervals": intervals,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

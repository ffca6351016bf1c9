//! Editing the lab's own intervals of one analyte in the app: add a row, change one, remove
//! one. A row typed in the app is read by the import's own row reader and the edited table
//! is checked by the import's rules, so a row the app accepts is a row a file could hold.

use super::catalogue::Catalogue;
use super::export::interval_texts;
use super::import::revalidate;
use super::lab_record::LabAnalyteRanges;
use super::model::Interval;
use super::report::LabTable;
use super::rows::{parse_interval, RowValues, INTERVAL_COLUMNS};

/// The interval form as typed: one text per column of the import format (the analyte is the
/// page's). Ages are written as in a file (`18y`, `6mo`), gestation in whole weeks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntervalFields {
    pub category: String,
    pub sex: String,
    pub age_from: String,
    pub age_to: String,
    pub gest_from: String,
    pub gest_to: String,
    pub condition: String,
    pub low: String,
    pub high: String,
    pub unit: String,
    pub source: String,
    pub note: String,
}

impl IntervalFields {
    /// The form filled from a stored row, for changing it.
    pub fn from_interval(interval: &Interval) -> IntervalFields {
        let [_, category, sex, age_from, age_to, gest_from, gest_to, condition, low, high, unit, source, note] =
            interval_texts(interval);
        IntervalFields {
            category,
            sex,
            age_from,
            age_to,
            gest_from,
            gest_to,
            condition,
            low,
            high,
            unit,
            source,
            note,
        }
    }

    /// The row read as an import reads it, or every fault in it.
    fn read(&self, analyte_id: &str, catalogue: &Catalogue) -> Result<Interval, Vec<String>> {
        let values: Vec<String> = [
            analyte_id,
            &self.category,
            &self.sex,
            &self.age_from,
            &self.age_to,
            &self.gest_from,
            &self.gest_to,
            &self.condition,
            &self.low,
            &self.high,
            &self.unit,
            &self.source,
            &self.note,
        ]
        .iter()
        .map(|text| text.trim().to_string())
        .collect();
        let columns: Vec<String> = INTERVAL_COLUMNS.iter().map(|c| c.to_string()).collect();
        let row = RowValues {
            columns: &columns,
            values: &values,
        };
        parse_interval(&row, catalogue, None).map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }
}

/// One change to the lab's rows of an analyte. A changed or removed row is named by its
/// stored value, so an edit made against a stale copy (another member changed the row in the
/// meantime) is refused rather than applied to the wrong row.
#[derive(Clone, Debug, PartialEq)]
pub enum IntervalEdit {
    Add(IntervalFields),
    Change { old: Interval, new: IntervalFields },
    Remove(Interval),
}

/// A row's partition in words, for a message: "reference, female, 18y to 50y, pregnancy".
fn partition_words(interval: &Interval) -> String {
    let mut parts = vec![interval.category.code().to_string(), interval.sex.code().to_string()];
    parts.push(interval.age.to_string());
    if let Some(condition) = &interval.condition {
        parts.push(condition.clone());
    }
    parts.join(", ")
}

/// Applies `edit` to the rows of `analyte_id` in the lab's table `lab` and returns the
/// analyte's new body, or every problem in words. `defaults` holds the bundled analytes; a
/// lab's own description of the analyte (other units) takes their place.
pub fn edit_lab_analyte(
    lab: &LabTable,
    analyte_id: &str,
    edit: IntervalEdit,
    defaults: &Catalogue,
) -> Result<LabAnalyteRanges, Vec<String>> {
    let own_analyte = lab.analytes.iter().find(|a| a.id == analyte_id).cloned();
    let mut catalogue = defaults.clone();
    if let Some(analyte) = &own_analyte {
        catalogue.insert(analyte.clone());
    }
    if catalogue.analytes().iter().all(|a| a.id != analyte_id) {
        return Err(vec![format!("there is no analyte '{analyte_id}' to give intervals to")]);
    }
    let mut rows: Vec<Interval> = lab
        .intervals
        .iter()
        .filter(|i| i.analyte == analyte_id)
        .cloned()
        .collect();
    let stale = || {
        vec!["that row is no longer in the lab's table (it was changed elsewhere): look again and retry".to_string()]
    };
    let added = match edit {
        IntervalEdit::Add(fields) => Some(fields.read(analyte_id, &catalogue)?),
        IntervalEdit::Change { old, new } => {
            let at = rows.iter().position(|r| *r == old).ok_or_else(stale)?;
            let new = new.read(analyte_id, &catalogue)?;
            rows.remove(at);
            Some(new)
        }
        IntervalEdit::Remove(old) => {
            let at = rows.iter().position(|r| *r == old).ok_or_else(stale)?;
            rows.remove(at);
            None
        }
    };
    if let Some(new) = added {
        if let Some(other) = rows.iter().find(|r| r.partition_overlaps(&new)) {
            return Err(vec![format!(
                "it overlaps the lab's row for {}: one patient would match both; change its age, sex or condition",
                partition_words(other)
            )]);
        }
        rows.push(new);
    }
    // The whole table as an import would check it: nothing the app stores could not be
    // imported back from the lab's own export.
    let mut table = LabTable {
        analytes: lab.analytes.clone(),
        intervals: lab
            .intervals
            .iter()
            .filter(|i| i.analyte != analyte_id)
            .cloned()
            .collect(),
    };
    table.intervals.extend(rows.iter().cloned());
    let report = revalidate(&table, defaults);
    if !report.is_clean() {
        return Err(report.problems.iter().map(|p| p.error.to_string()).collect());
    }
    Ok(LabAnalyteRanges {
        analyte_id: analyte_id.to_string(),
        analyte: own_analyte,
        intervals: rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranges::{validate_csv, ImportMode, RangeBook};

    const HEADER: &str = "analyte,category,sex,age_from,age_to,gest_from,gest_to,condition,low,high,unit,source,note\n";

    fn lab(rows: &str) -> LabTable {
        validate_csv(&format!("{HEADER}{rows}"), None, RangeBook::bundled().catalogue())
            .accept(ImportMode::AllOrNothing)
            .expect("clean file")
    }

    fn fields(category: &str, sex: &str, from: &str, to: &str, low: &str, high: &str) -> IntervalFields {
        IntervalFields {
            category: category.to_string(),
            sex: sex.to_string(),
            age_from: from.to_string(),
            age_to: to.to_string(),
            low: low.to_string(),
            high: high.to_string(),
            unit: "mmol/L".to_string(),
            source: "Our lab 2026".to_string(),
            ..IntervalFields::default()
        }
    }

    /// A row as the tests write it: (category, sex, age, low, high).
    type Row<'a> = (&'a str, &'a str, &'a str, f64, f64);

    /// `expect` is the analyte's rows afterwards, or fragments of each problem in order.
    fn check(lab: &LabTable, edit: IntervalEdit, expect: Result<&[Row], &[&str]>) {
        let defaults = RangeBook::bundled();
        let got = edit_lab_analyte(lab, "potassium", edit, defaults.catalogue());
        match (got, expect) {
            (Ok(body), Ok(rows)) => {
                assert_eq!(body.analyte_id, "potassium");
                let got: Vec<(String, String, String, f64, f64)> = body
                    .intervals
                    .iter()
                    .map(|i| {
                        (
                            i.category.code().to_string(),
                            i.sex.code().to_string(),
                            i.age.to_string(),
                            i.low.unwrap_or(f64::NAN),
                            i.high.unwrap_or(f64::NAN),
                        )
                    })
                    .collect();
                let want: Vec<(String, String, String, f64, f64)> = rows
                    .iter()
                    .map(|(c, s, a, l, h)| (c.to_string(), s.to_string(), a.to_string(), *l, *h))
                    .collect();
                assert_eq!(got, want);
            }
            (Err(problems), Err(fragments)) => {
                assert_eq!(problems.len(), fragments.len(), "{problems:?}");
                for (problem, fragment) in problems.iter().zip(fragments) {
                    assert!(problem.contains(fragment), "{problem:?} lacks {fragment:?}");
                }
            }
            (got, expect) => panic!("got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn rows_are_added_changed_and_removed() {
        let table = lab("potassium,reference,any,18y,,,,,3.6,5.0,mmol/L,Our lab 2026,\n\
             sodium,reference,any,,,,,,136,145,mmol/L,Our lab 2026,\n");
        let adult = table.intervals[0].clone();
        let adult_age = adult.age.to_string();
        check(
            &table,
            IntervalEdit::Add(fields("reference", "any", "", "18y", "3.4", "4.7")),
            Ok(&[
                ("reference", "any", adult_age.as_str(), 3.6, 5.0),
                ("reference", "any", "under 18y", 3.4, 4.7),
            ]),
        );
        check(
            &table,
            IntervalEdit::Add(fields("critical", "any", "", "", "2.8", "6.2")),
            Ok(&[
                ("reference", "any", adult_age.as_str(), 3.6, 5.0),
                ("critical", "any", "all ages", 2.8, 6.2),
            ]),
        );
        check(
            &table,
            IntervalEdit::Change {
                old: adult.clone(),
                new: IntervalFields {
                    high: "5.1".to_string(),
                    ..IntervalFields::from_interval(&adult)
                },
            },
            Ok(&[("reference", "any", adult_age.as_str(), 3.6, 5.1)]),
        );
        check(&table, IntervalEdit::Remove(adult.clone()), Ok(&[]));
    }

    #[test]
    fn bad_rows_overlaps_and_stale_edits_are_refused_with_reasons() {
        let table = lab("potassium,reference,any,18y,,,,,3.6,5.0,mmol/L,Our lab 2026,\n");
        let adult = table.intervals[0].clone();
        check(
            &table,
            IntervalEdit::Add(fields("reference", "any", "", "", "abc", "2.0")),
            Err(&["low 'abc' is not a number"]),
        );
        check(
            &table,
            IntervalEdit::Add(fields("reference", "any", "", "", "", "")),
            Err(&["neither low nor high is given"]),
        );
        let mut wrong_unit = fields("reference", "any", "", "18y", "3.4", "4.7");
        wrong_unit.unit = "mg/dL".to_string();
        check(&table, IntervalEdit::Add(wrong_unit), Err(&["mg/dL"]));
        check(
            &table,
            IntervalEdit::Add(fields("reference", "female", "50y", "", "3.5", "5.2")),
            Err(&["overlaps the lab's row for reference, any, 18y and older"]),
        );
        let mut elsewhere = adult.clone();
        elsewhere.high = Some(9.9);
        check(
            &table,
            IntervalEdit::Remove(elsewhere.clone()),
            Err(&["no longer in the lab's table"]),
        );
        check(
            &table,
            IntervalEdit::Change {
                old: elsewhere,
                new: IntervalFields::from_interval(&adult),
            },
            Err(&["no longer in the lab's table"]),
        );
        let defaults = RangeBook::bundled();
        assert_eq!(
            edit_lab_analyte(&table, "unobtainium", IntervalEdit::Remove(adult), defaults.catalogue()),
            Err(vec![
                "there is no analyte 'unobtainium' to give intervals to".to_string()
            ])
        );
    }

    #[test]
    fn a_stored_row_fills_the_form_as_an_export_writes_it() {
        let table = lab("potassium,reference,female,1y,18y,,,pregnancy,3.5,5.1,mmol/L,Our lab 2026,checked 2026\n");
        let form = IntervalFields::from_interval(&table.intervals[0]);
        assert_eq!(
            form,
            IntervalFields {
                category: "reference".to_string(),
                sex: "female".to_string(),
                age_from: "1y".to_string(),
                age_to: "18y".to_string(),
                gest_from: String::new(),
                gest_to: String::new(),
                condition: "pregnancy".to_string(),
                low: "3.5".to_string(),
                high: "5.1".to_string(),
                unit: "mmol/L".to_string(),
                source: "Our lab 2026".to_string(),
                note: "checked 2026".to_string(),
            }
        );
    }
}

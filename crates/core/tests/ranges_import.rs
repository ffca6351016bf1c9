//! Importing a lab's table: every kind of bad row is reported with its line and reason,
//! "all or nothing" refuses a file with bad rows, "good rows only" keeps the rest, and an
//! export reads back as the same table.

use benchmate_core::ranges::{
    export::{analytes_to_csv, intervals_to_csv, lab_table_to_json},
    load_defaults, revalidate, validate_csv, validate_json, ImportMode, LabTable, Location, RowError,
};

const HEADER: &str = "analyte,category,sex,age_from,age_to,gest_from,gest_to,condition,low,high,unit,source,note";

/// Validates `HEADER` + `rows` against the defaults and returns (line, message) per problem.
fn problems(rows: &str) -> Vec<(String, String)> {
    let defaults = load_defaults();
    let report = validate_csv(&format!("{HEADER}\n{rows}"), None, &defaults.catalogue);
    report
        .problems
        .iter()
        .map(|p| (p.location.to_string(), p.error.to_string()))
        .collect()
}

/// One bad row on line 2 must give exactly the expected message.
fn check(row: &str, expect: &str) {
    let got = problems(row);
    assert_eq!(got, vec![("line 2".to_string(), expect.to_string())], "row {row:?}");
}

#[test]
fn each_kind_of_bad_row_is_named_with_its_line() {
    check(
        "potasium,reference,any,18y,,,,,3.5,5.1,mmol/L,Lab,",
        "unknown analyte 'potasium' (did you mean 'potassium'?)",
    );
    check(",reference,any,18y,,,,,3.5,5.1,mmol/L,Lab,", "missing analyte");
    check(
        "potassium,reference,any,18y,,,,,3.5,5.1,mg/dL,Lab,",
        "unknown unit 'mg/dL' for Potassium (use mmol/L)",
    );
    check(
        "glucose,reference,any,18y,,,,,70,99,mmol,Lab,",
        "unknown unit 'mmol' for Glucose (use mg/dL or mmol/L)",
    );
    check(
        "potassium,reference,any,18y,,,,,5.1,3.5,mmol/L,Lab,",
        "low 5.1 is above high 3.5",
    );
    check(
        "potassium,reference,x,18y,,,,,3.5,5.1,mmol/L,Lab,",
        "bad sex 'x' (use any, male or female)",
    );
    check(
        "potassium,reference,any,18yrs old,,,,,3.5,5.1,mmol/L,Lab,",
        "bad age unit in age_from: age unit in '18yrs old' is not one of d, wk, mo, y",
    );
    check(
        "potassium,reference,any,1.5y,,,,,3.5,5.1,mmol/L,Lab,",
        "bad age_from: age '1.5y' needs a whole number and a unit, e.g. 3d, 2wk, 6mo or 18y",
    );
    check(
        "potassium,reference,any,18y,1y,,,,3.5,5.1,mmol/L,Lab,",
        "age_from 18y is not below age_to 1y",
    );
    check(
        "potassium,reference,any,18y,,,,,3.5,high,mmol/L,Lab,",
        "high 'high' is not a number",
    );
    check(
        "potassium,reference,any,18y,,,,,<3.5,5.1,mmol/L,Lab,",
        "low '<3.5' is not a number",
    );
    check(
        "potassium,reference,any,18y,,,,,NaN,5.1,mmol/L,Lab,",
        "low 'NaN' is not a number",
    );
    check(
        "potassium,reference,any,18y,,,,,,,mmol/L,Lab,",
        "neither low nor high is given",
    );
    check(
        "potassium,normal range,any,18y,,,,,3.5,5.1,mmol/L,Lab,",
        "bad category 'normal range' (use reference, critical or absolute)",
    );
    check("potassium,reference,any,18y,,,,,3.5,5.1,,Lab,", "missing unit");
    check("potassium,reference,any,18y,,,,,3.5,5.1,mmol/L,,", "missing source");
    check(
        "potassium,reference,any,,,50,,,3.5,5.1,mmol/L,Lab,",
        "bad gest_from '50' (whole weeks, e.g. 37)",
    );
    check(
        "potassium,reference,any,18y,,,,,3.5,5.1,mmol/L,Lab",
        "12 fields where the header has 13",
    );
}

#[test]
fn a_row_with_several_faults_lists_them_all() {
    let got = problems("potassium,reference,x,18y,,,,,5.1,3.5,mg/dL,,");
    let messages: Vec<&str> = got.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "bad sex 'x' (use any, male or female)",
            "low 5.1 is above high 3.5",
            "unknown unit 'mg/dL' for Potassium (use mmol/L)",
            "missing source",
        ]
    );
}

#[test]
fn duplicates_and_overlapping_partitions_point_at_the_earlier_row() {
    let rows = "potassium,reference,any,18y,,,,,3.5,5.1,mmol/L,Lab,\n\
                potassium,reference,any,18y,,,,,3.6,5.2,mmol/L,Lab,\n\
                potassium,reference,male,60y,,,,,3.5,5.3,mmol/L,Lab,\n\
                potassium,reference,any,1y,18y,,,,3.4,4.7,mmol/L,Lab,\n\
                potassium,critical,any,18y,,,,,2.8,6.2,mmol/L,Lab,\n\
                potassium,reference,female,18y,,,,pregnancy,3.3,5.0,mmol/L,Lab,";
    assert_eq!(
        problems(rows),
        vec![
            ("line 3".to_string(), "duplicate of line 2".to_string()),
            (
                "line 4".to_string(),
                "overlaps line 2: a patient would match both rows (split the ages or sexes)".to_string()
            ),
        ]
    );
}

#[test]
fn header_faults_and_unreadable_files_are_reported_for_the_file() {
    let defaults = load_defaults();
    let report = validate_csv("analyte,category,hgih,unit,source\n", None, &defaults.catalogue);
    let messages: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        vec!["intervals line 1: unknown column 'hgih' (see FORMAT.md for the columns)".to_string()]
    );
    assert!(
        report.accept(ImportMode::GoodRowsOnly).is_err(),
        "a misnamed column imports nothing, not even the good rows"
    );
    let report = validate_csv("analyte,low\n", None, &defaults.catalogue);
    let missing: Vec<&RowError> = report.problems.iter().map(|p| &p.error).collect();
    assert_eq!(
        missing,
        vec![
            &RowError::MissingColumn("category"),
            &RowError::MissingColumn("unit"),
            &RowError::MissingColumn("source")
        ]
    );
    let report = validate_csv("", None, &defaults.catalogue);
    assert_eq!(report.problems[0].location, Location::File);
    let report = validate_csv(&format!("{HEADER}\n\"potassium,reference"), None, &defaults.catalogue);
    assert_eq!(
        report.problems[0].error,
        RowError::Csv("line 2: a quoted field is never closed".into())
    );
    assert!(
        report.accept(ImportMode::GoodRowsOnly).is_err(),
        "an unreadable file imports nothing"
    );
}

#[test]
fn all_or_nothing_refuses_and_good_rows_only_keeps_the_good_rows() {
    let defaults = load_defaults();
    let text = format!(
        "{HEADER}\npotassium,reference,any,18y,,,,,3.5,5.1,mmol/L,Lab,\nsodium,reference,any,18y,,,,,150,140,mmol/L,Lab,\nsodium,critical,any,,,,,,120,160,mmol/L,Lab,\n"
    );
    let report = validate_csv(&text, None, &defaults.catalogue);
    assert_eq!(report.rows_read, 3);
    let refused = report
        .clone()
        .accept(ImportMode::AllOrNothing)
        .expect_err("a bad row refuses the file");
    assert_eq!(refused.to_string(), "1 bad rows; nothing was imported");
    let table = report.accept(ImportMode::GoodRowsOnly).expect("good rows are kept");
    let kept: Vec<(&str, &str)> = table
        .intervals
        .iter()
        .map(|i| (i.analyte.as_str(), i.category.code()))
        .collect();
    assert_eq!(kept, vec![("potassium", "reference"), ("sodium", "critical")]);
}

#[test]
fn rows_may_name_the_analyte_by_loinc_code_name_or_abbreviation() {
    let defaults = load_defaults();
    let text = format!(
        "{HEADER}\n2823-3,reference,any,18y,,,,,3.5,5.1,mmol/L,Lab,\nSodium,reference,any,18y,,,,,135,145,mmol/L,Lab,\nHgb,reference,female,18y,,,,,11.8,15.5,g/dL,Lab,\n"
    );
    let report = validate_csv(&text, None, &defaults.catalogue);
    assert!(report.is_clean(), "{:?}", report.problems);
    let ids: Vec<&str> = report.intervals.iter().map(|i| i.analyte.as_str()).collect();
    assert_eq!(ids, vec!["potassium", "sodium", "hemoglobin"]);
}

#[test]
fn a_lab_may_add_its_own_analyte_with_an_analytes_table() {
    let defaults = load_defaults();
    let analytes =
        "id,name,abbreviations,synonyms,loinc,specimen,section,unit,decimals,si_unit,si_decimals,si_factor,mw\n\
                    galectin-3,Galectin-3,Gal-3,,,serum,chemistry,ng/mL,1,,,,\n\
                    Bad Id,X,,,1234-5,serum,chem,mg/dL,9,mmol/L,,,\n";
    let intervals = format!("{HEADER}\ngalectin-3,reference,any,18y,,,,,,17.8,ng/mL,Lab study 2026,\n");
    let report = validate_csv(&intervals, Some(analytes), &defaults.catalogue);
    let messages: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        vec![
            "analytes line 3: id 'Bad Id' must be lowercase letters, digits and dashes",
            "analytes line 3: LOINC code '1234-5' is not valid (form 2823-3, check digit must match)",
            "analytes line 3: bad section 'chem' (use one of chemistry, hematology, coagulation, urinalysis, blood-gas, endocrine, drugs, other)",
            "analytes line 3: decimals '9' must be a whole number from 0 to 6",
            "analytes line 3: missing si_factor (the units differ)",
        ]
    );
    assert_eq!(report.analytes.len(), 1);
    assert_eq!(report.intervals.len(), 1);
}

#[test]
fn json_import_reads_the_same_rows_and_names_items() {
    let defaults = load_defaults();
    let text = r#"{"format": "benchmate-ranges", "version": 1, "intervals": [
        {"analyte": "potassium", "category": "critical", "low": 2.5, "high": 6.5, "unit": "mmol/L", "source": "Lab policy"},
        {"analyte": "potassium", "category": "reference", "low": 3.5, "high": 5.1, "unit": "mmol/L", "source": "Lab", "hgih": 5.3},
        {"analyte": "sodium", "category": "reference", "low": "150", "high": 140, "unit": "mmol/L", "source": "Lab"}
    ]}"#;
    let report = validate_json(text, &defaults.catalogue);
    let messages: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        vec![
            "intervals[1]: unknown column 'hgih' (see FORMAT.md for the columns)",
            "intervals[2]: low 150 is above high 140",
        ]
    );
    // An item with an unknown key is left out even of the good rows.
    let table = report.accept(ImportMode::GoodRowsOnly).expect("good rows");
    assert_eq!(table.intervals.len(), 1);
    assert_eq!(table.intervals[0].category.code(), "critical");
    for (bad, why) in [
        ("{", "not valid JSON"),
        (
            r#"{"format": "other", "version": 1, "intervals": []}"#,
            "\"format\" must be \"benchmate-ranges\"",
        ),
        (
            r#"{"format": "benchmate-ranges", "version": 2, "intervals": []}"#,
            "\"version\" must be 1",
        ),
        (
            r#"{"format": "benchmate-ranges", "version": 1}"#,
            "\"intervals\" is missing",
        ),
    ] {
        let report = validate_json(bad, &defaults.catalogue);
        assert!(
            report.problems[0].to_string().contains(why),
            "{bad}: {:?}",
            report.problems
        );
    }
}

#[test]
fn export_then_import_gives_the_same_table_in_csv_and_json() {
    let defaults = load_defaults();
    let analytes =
        "id,name,abbreviations,synonyms,loinc,specimen,section,unit,decimals,si_unit,si_decimals,si_factor,mw\n\
                    galectin-3,Galectin-3,Gal-3|G3,\"galectin, three\",,serum,chemistry,ng/mL,1,,,,\n";
    let intervals = format!(
        "{HEADER}\ngalectin-3,reference,any,18y,,,,,,17.8,ng/mL,\"Lab study, 2026\",\"say \"\"hi\"\"\"\n\
         base-excess,reference,any,,,,,,-2.5,2.5,mmol/L,Lab,-note starting with a dash\n\
         hemoglobin,reference,female,0d,7d,34,37,pregnancy,13.0,21.0,g/dL,Lab,\n"
    );
    let table = validate_csv(&intervals, Some(analytes), &defaults.catalogue)
        .accept(ImportMode::AllOrNothing)
        .expect("clean");
    let again = validate_csv(
        &intervals_to_csv(&table.intervals),
        Some(&analytes_to_csv(&table.analytes)),
        &defaults.catalogue,
    )
    .accept(ImportMode::AllOrNothing)
    .expect("own CSV export imports clean");
    assert_eq!(again, table);
    let from_json: LabTable = validate_json(&lab_table_to_json(&table), &defaults.catalogue)
        .accept(ImportMode::AllOrNothing)
        .expect("own JSON export imports clean");
    assert_eq!(from_json, table);
}

#[test]
fn an_edit_in_the_app_is_checked_by_the_import_rules() {
    let defaults = load_defaults();
    let text = format!("{HEADER}\npotassium,reference,any,18y,,,,,3.5,5.1,mmol/L,Lab,\nsodium,reference,any,18y,,,,,135,145,mmol/L,Lab,\n");
    let mut table = validate_csv(&text, None, &defaults.catalogue)
        .accept(ImportMode::AllOrNothing)
        .expect("clean");
    assert!(revalidate(&table, &defaults.catalogue).is_clean());
    // The user types a lower limit above the upper one for sodium (interval 1, line 3).
    table.intervals[1].low = Some(150.0);
    let problems: Vec<String> = revalidate(&table, &defaults.catalogue)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems, vec!["intervals line 3: low 150 is above high 145"]);
}

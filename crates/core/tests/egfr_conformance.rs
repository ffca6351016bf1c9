//! CKD-EPI 2021 eGFR vectors (kidney.epi, scicalc, clinPK), each compared at the precision
//! its row states.

mod common;

use benchmate_core::calc::{self, Inputs};

#[test]
fn ckd_epi_2021_vectors() {
    let Some(dir) = common::oracle_dir("ckd_epi_2021_vectors") else {
        return;
    };
    let rows = common::csv_records(&common::read(&dir, "egfr/egfr_ckd_epi_2021_vectors.csv"));
    let mut failures = Vec::new();
    for row in &rows {
        let id = match row["equation"].as_str() {
            "ckd_epi_2021_cr" => "egfr-ckd-epi-2021-cr",
            "ckd_epi_2021_cr_cys" => "egfr-ckd-epi-2021-cr-cys",
            other => panic!("unknown equation {other}"),
        };
        let sex = if row["sex"] == "F" { "female" } else { "male" };
        let number = |column: &str| -> f64 { row[column].parse().expect(column) };
        let mut inputs = Inputs::new()
            .with_text("sex", sex)
            .with("age", number("age_years"), "a")
            .with("creatinine", number("scr_mg_dl"), "mg/dL");
        if id.ends_with("cys") {
            inputs = inputs.with("cystatin_c", number("cys_mg_l"), "mg/L");
        }
        let expected = number("expected_egfr");
        let decimals: i32 = row["expected_decimals"].parse().expect("decimals");
        let tolerance = 0.5 * 10f64.powi(-decimals) + 1e-9;
        match calc::compute(id, &inputs) {
            Ok(outcome) if (outcome.outputs[0].value - expected).abs() <= tolerance => {}
            other => failures.push(format!(
                "{id} {row:?}: expected {expected} +/- {tolerance}, got {other:?}"
            )),
        }
    }
    println!(
        "CKD-EPI 2021 vectors: {}/{} pass",
        rows.len() - failures.len(),
        rows.len()
    );
    assert_eq!(rows.len(), 11, "the oracle's row count changed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

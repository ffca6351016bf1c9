//! The Martin-Hopkins 180-cell table in the code against the oracle copy, cell by cell, and
//! the calculator's lookup at every cell.

mod common;

use benchmate_core::calc::{self, Inputs};

#[test]
fn martin_hopkins_table_matches_oracle() {
    let Some(dir) = common::oracle_dir("martin_hopkins_table_matches_oracle") else {
        return;
    };
    let rows = common::parse_csv(&common::read(&dir, "lipids/martin_hopkins_180cell_factors.csv"));
    let header = &rows[0];
    let body: Vec<&Vec<String>> = rows[1..].iter().filter(|r| r.len() == 8).collect();
    assert_eq!(body.len(), 30, "30 triglyceride strata");
    assert_eq!(header.len(), 8, "tg_min, tg_max and 6 non-HDL strata");
    let non_hdl_probe = [95.0, 115.0, 145.0, 175.0, 205.0, 260.0];
    let mut cells = 0;
    for (row, fields) in body.iter().enumerate() {
        let tg_min: u32 = fields[0].parse().unwrap();
        let tg_max: u32 = fields[1].parse().unwrap();
        assert_eq!(calc::lipids_table::TG_STRATA[row], (tg_min, tg_max), "row {row}");
        for (column, text) in fields[2..].iter().enumerate() {
            let want: f64 = text.parse().unwrap();
            assert_eq!(calc::lipids_table::FACTORS[row][column], want, "cell {row},{column}");
            // The calculator picks this cell at both edges of the stratum (the top row only
            // at its lower edge: at 13,975 mg/dL any LDL estimate is negative) for a non-HDL-C
            // inside the column: total = non-HDL + HDL 50.
            let edges = if row == 29 { vec![tg_min] } else { vec![tg_min, tg_max] };
            for tg in edges {
                let tg = f64::from(tg);
                let inputs = Inputs::new()
                    .with("total_cholesterol", non_hdl_probe[column] + 50.0, "mg/dL")
                    .with("hdl", 50.0, "mg/dL")
                    .with("triglycerides", tg, "mg/dL");
                let outcome = calc::compute("ldl-martin-hopkins", &inputs)
                    .unwrap_or_else(|e| panic!("TG {tg}, column {column}: {e}"));
                assert_eq!(
                    outcome.value("factor"),
                    Some(want),
                    "lookup at TG {tg}, column {column}"
                );
                let ldl = non_hdl_probe[column] - tg / want;
                assert!((outcome.value("ldl").unwrap() - ldl).abs() < 1e-9);
            }
            cells += 1;
        }
    }
    println!("Martin-Hopkins: {cells}/180 cells match the oracle and are selected by the lookup");
    assert_eq!(cells, 180);
}

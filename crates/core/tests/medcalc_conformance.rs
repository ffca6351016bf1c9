//! MedCalc-Bench-Verified one-shot cases for the calculators Benchmate covers: each case's
//! structured inputs go through `calc::compute` with the units the case states.

mod common;

use benchmate_core::calc::{self, InputValue, Inputs};
use serde_json::Value;

/// MedCalc-Bench calculator id -> (Benchmate id, extra arguments the case implies).
// Case 40 (FENa) has a serum sodium of 197 mmol/L: extreme, but its arithmetic matches the
// published formula, so it is kept as it is.
/// (MedCalc-Bench id, Benchmate id, extra NAME=VALUE choices the case implies)
type Covered = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

const COVERED: &[Covered] = &[
    // MedCalc-Bench picks the Cockcroft-Gault weight by BMI; Benchmate makes that explicit.
    ("2", "crcl-cockcroft-gault", &[("weight_policy", "bmi")]),
    ("3", "egfr-ckd-epi-2021-cr", &[]),
    ("6", "bmi", &[]),
    ("7", "calcium-corrected-albumin", &[]),
    ("9", "egfr-mdrd", &[]),
    ("10", "ideal-body-weight", &[]),
    ("26", "sodium-corrected-glucose", &[]),
    ("30", "osmolality-calculated", &[]),
    ("31", "homa-ir", &[]),
    ("39", "anion-gap", &[]),
    ("40", "fena", &[]),
    ("44", "ldl-friedewald", &[]),
    ("60", "bsa-mosteller", &[]),
    ("62", "adjusted-body-weight", &[]),
    ("63", "delta-gap", &[]),
    ("64", "delta-ratio", &[]),
    ("65", "anion-gap-albumin-corrected", &[]),
    ("66", "delta-gap-albumin-corrected", &[]),
    ("67", "delta-ratio-albumin-corrected", &[]),
];

/// MedCalc-Bench entity names (lower case) -> Benchmate input names.
const ENTITIES: &[(&str, &str)] = &[
    ("sex", "sex"),
    ("age", "age"),
    ("weight", "weight"),
    ("height", "height"),
    ("creatinine", "creatinine"),
    ("calcium", "calcium"),
    ("albumin", "albumin"),
    ("glucose", "glucose"),
    ("sodium", "sodium"),
    ("chloride", "chloride"),
    ("bicarbonate", "bicarbonate"),
    ("blood urea nitrogen (bun)", "bun"),
    ("insulin", "insulin"),
    ("urine sodium", "urine_sodium"),
    ("urine creatinine", "urine_creatinine"),
    ("total cholesterol", "total_cholesterol"),
    ("high-density lipoprotein cholesterol", "hdl"),
    ("triglycerides", "triglycerides"),
];

/// The entities column is a Python dict literal; for the covered rows (no apostrophes in
/// names or values) swapping quotes and booleans makes it JSON.
fn entities(python: &str) -> serde_json::Map<String, Value> {
    let json = python
        .replace('\'', "\"")
        .replace("True", "true")
        .replace("False", "false");
    match serde_json::from_str(&json) {
        Ok(Value::Object(map)) => map,
        other => panic!("cannot read entities {python}: {other:?}"),
    }
}

fn inputs_for(case: &serde_json::Map<String, Value>, extra: &[(&str, &str)]) -> Inputs {
    let mut inputs = Inputs::new();
    for (key, value) in case {
        let name = ENTITIES
            .iter()
            .find(|(k, _)| *k == key.to_lowercase())
            .map(|(_, n)| *n)
            .unwrap_or_else(|| panic!("no Benchmate input for entity '{key}'"));
        let input = match value {
            Value::String(text) => InputValue::Text(text.clone()),
            Value::Array(pair) => {
                let number = pair[0].as_f64().expect("a number");
                InputValue::number(number, pair[1].as_str().expect("a unit"))
            }
            other => panic!("{key}: unexpected {other}"),
        };
        inputs.0.insert(name.to_string(), input);
    }
    for (name, text) in extra {
        inputs.0.insert(name.to_string(), InputValue::Text(text.to_string()));
    }
    inputs
}

#[test]
fn medcalc_bench_one_shot_cases() {
    let Some(dir) = common::oracle_dir("medcalc_bench_one_shot_cases") else {
        return;
    };
    let rows = common::csv_records(&common::read(&dir, "medcalc/MedCalc-Bench-Verified_one_shot_data.csv"));
    assert_eq!(rows.len(), 55, "the oracle's case count changed");
    let (mut passed, mut failures, mut not_covered) = (Vec::new(), Vec::new(), Vec::new());
    for row in &rows {
        let medcalc_id = row["Calculator ID"].as_str();
        let Some((_, id, extra)) = COVERED.iter().find(|(m, _, _)| *m == medcalc_id) else {
            not_covered.push(format!("{medcalc_id} {}", row["Calculator Name"]));
            continue;
        };
        let answer: f64 = row["Ground Truth Answer"].parse().expect("numeric answer");
        let low: f64 = row["Lower Limit"].parse().expect("numeric limit");
        let high: f64 = row["Upper Limit"].parse().expect("numeric limit");
        let inputs = inputs_for(&entities(&row["Relevant Entities"]), extra);
        match calc::compute(id, &inputs) {
            // Inside the case's band, and within 0.1 % of its answer (the band is +/- 5 %).
            Ok(outcome) => {
                let got = outcome.outputs[0].value;
                let close = (got - answer).abs() <= answer.abs() * 1e-3 + 1e-9;
                if (low..=high).contains(&got) && close {
                    passed.push(*id);
                } else {
                    failures.push(format!(
                        "{id} (MedCalc {medcalc_id}): got {got}, answer {answer} [{low}, {high}]"
                    ));
                }
            }
            Err(e) => failures.push(format!("{id} (MedCalc {medcalc_id}): error {e}")),
        }
    }
    println!(
        "MedCalc-Bench one-shot: {}/{} covered cases pass; covered ids: {}",
        passed.len(),
        passed.len() + failures.len(),
        passed.join(", ")
    );
    println!("not covered ({}): {}", not_covered.len(), not_covered.join("; "));
    assert_eq!(
        passed.len() + failures.len(),
        COVERED.len(),
        "every covered calculator has one case"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

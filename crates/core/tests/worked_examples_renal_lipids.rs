//! The worked examples of domain-facts.md for the renal, lipid and body-size calculators,
//! one `check` per row through `calc::compute`; expected values are the sources'.

use benchmate_core::calc::{self, Inputs};

/// Reads `name=value[unit]` arguments as the command line does.
fn inputs(arguments: &[&str]) -> Inputs {
    Inputs::parse(arguments.iter().copied()).expect("test arguments parse")
}

/// Computes `id` and compares output `output` with `expect` within `tolerance`.
fn check(id: &str, arguments: &[&str], output: &str, expect: f64, tolerance: f64, source: &str) {
    let outcome =
        calc::compute(id, &inputs(arguments)).unwrap_or_else(|e| panic!("{id} {arguments:?} ({source}): {e}"));
    let got = outcome
        .value(output)
        .unwrap_or_else(|| panic!("{id}: no output {output} in {outcome:?}"));
    assert!(
        (got - expect).abs() <= tolerance,
        "{id} {arguments:?} -> {output} = {got}, expected {expect} +/- {tolerance} ({source})"
    );
}

#[test]
fn renal() {
    // #16: 1.09 mg/dL, 55 M -> 80; 85 umol/L, 65 F -> 66; 81 M, 1.7 -> 40.0 (admiral, MedCalc).
    check(
        "egfr-ckd-epi-2021-cr",
        &["sex=male", "age=55", "creatinine=1.09mg/dL"],
        "egfr",
        80.0,
        0.5,
        "facts #16",
    );
    check(
        "egfr-ckd-epi-2021-cr",
        &["sex=female", "age=65", "creatinine=85 umol/L"],
        "egfr",
        66.0,
        0.5,
        "facts #16",
    );
    check(
        "egfr-ckd-epi-2021-cr",
        &["sex=male", "age=81", "creatinine=1.7"],
        "egfr",
        40.0,
        0.05,
        "facts #16",
    );
    // #17: MDRD 1.09, 55 M -> 70.2; 85 umol/L, 65 F, Black -> 70.6 (admiral).
    check(
        "egfr-mdrd",
        &["sex=male", "age=55", "creatinine=1.09"],
        "egfr",
        70.2,
        0.05,
        "facts #17",
    );
    check(
        "egfr-mdrd",
        &["sex=female", "age=65", "creatinine=85umol/L", "race=black"],
        "egfr",
        70.6,
        0.05,
        "facts #17",
    );
    // #18: 1.09, 55 M, 90 kg -> 97; 85 umol/L, 65 F, 60 kg -> 55 (admiral, actual weight).
    check(
        "crcl-cockcroft-gault",
        &[
            "sex=male",
            "age=55",
            "weight=90",
            "creatinine=1.09",
            "weight_policy=actual",
        ],
        "crcl",
        97.0,
        0.5,
        "facts #18",
    );
    check(
        "crcl-cockcroft-gault",
        &[
            "sex=female",
            "age=65",
            "weight=60kg",
            "creatinine=85umol/L",
            "weight_policy=actual",
        ],
        "crcl",
        55.0,
        0.5,
        "facts #18",
    );
    // #18 MedCalc-Bench: 53 M, 87 kg, 175 cm, 1.39, weight by BMI (28.4 -> adjusted) -> 67.0.
    check(
        "crcl-cockcroft-gault",
        &[
            "sex=male",
            "age=53",
            "weight=87",
            "height=175",
            "creatinine=1.39",
            "weight_policy=bmi",
        ],
        "crcl",
        67.0,
        0.01,
        "facts #18",
    );
    // #19: U 100 mg/dL x 1,440 mL / (P 1.0 x 1,440 min) = 100 mL/min; x 1.73 / 2.0 = 86.5.
    let timed = [
        "urine_creatinine=100",
        "urine_volume=1440",
        "collection_time=24h",
        "creatinine=1.0",
        "bsa=2.0",
    ];
    check("crcl-timed", &timed, "crcl", 100.0, 1e-9, "facts #19 [C]");
    check("crcl-timed", &timed, "crcl_normalized", 86.5, 1e-9, "facts #19 [C]");
}

#[test]
fn lipids_and_body() {
    // #22: 161/39/95 -> 161 - 39 - 19 = 103.
    check(
        "ldl-friedewald",
        &["total_cholesterol=161", "hdl=39", "triglycerides=95"],
        "ldl",
        103.0,
        1e-9,
        "facts #22",
    );
    // #23: 161/39/95 -> 104.3; 220/40/300 -> 126.7 (computed from the NIH equation 2).
    check(
        "ldl-sampson",
        &["total_cholesterol=161", "hdl=39", "triglycerides=95"],
        "ldl",
        104.3,
        0.05,
        "facts #23",
    );
    check(
        "ldl-sampson",
        &["total_cholesterol=220", "hdl=40", "triglycerides=300"],
        "ldl",
        126.7,
        0.05,
        "facts #23",
    );
    // #24 Martin-Hopkins, [C]: 161/39/95: non-HDL 122 -> column 100-129; TG 95 -> row 93-96;
    // factor 5.0; LDL = 122 - 95 / 5.0 = 103.0.
    check(
        "ldl-martin-hopkins",
        &["total_cholesterol=161", "hdl=39", "triglycerides=95"],
        "ldl",
        103.0,
        1e-9,
        "facts #24 [C]",
    );
    // #36: 85 kg, 180 cm -> sqrt(180 x 85 / 3600) = 2.06 m2.
    check(
        "bsa-mosteller",
        &["weight=85", "height=180"],
        "bsa",
        2.0616,
        0.0001,
        "facts #36",
    );
    // BMI, [C]: 68 / 1.82^2 = 20.53.
    check("bmi", &["weight=68", "height=182cm"], "bmi", 20.529, 0.001, "[C]");
    check(
        "bmi",
        &["weight=150 lb", "height=70 in"],
        "bmi",
        21.52,
        0.01,
        "[C] 68.04 kg / 1.778^2",
    );
}

//! Calculators refusing what they cannot compute (naming the input), warning at their
//! validity limits, and the bench tables of the planners, through `calc::compute` as the UI
//! and the command line call it.

use benchmate_core::calc::{self, CalcError, Inputs};

/// Reads `name=value[unit]` arguments as the command line does.
fn inputs(arguments: &[&str]) -> Inputs {
    Inputs::parse(arguments.iter().copied()).expect("test arguments parse")
}

/// (id, arguments, the input the error must name)
const REFUSED: &[(&str, &[&str], &str)] = &[
    ("anion-gap", &["sodium=140", "chloride=110"], "bicarbonate"),
    ("anion-gap", &["sodium=abc", "chloride=110", "bicarbonate=9"], "sodium"),
    ("anion-gap", &["sodium=1400", "chloride=110", "bicarbonate=9"], "sodium"),
    (
        "anion-gap",
        &["sodium=140 mg", "chloride=110", "bicarbonate=9"],
        "sodium",
    ),
    (
        "anion-gap",
        &["sodium=140", "chloride=110", "bicarbonate=9", "potassium=4"],
        "potassium",
    ),
    (
        "delta-ratio",
        &["sodium=140", "chloride=100", "bicarbonate=24"],
        "bicarbonate",
    ),
    ("egfr-ckd-epi-2021-cr", &["sex=other", "age=50", "creatinine=1"], "sex"),
    ("egfr-ckd-epi-2021-cr", &["sex=male", "age=-5", "creatinine=1"], "age"),
    (
        "egfr-ckd-epi-2021-cr",
        &["sex=male", "age=50", "creatinine=0"],
        "creatinine",
    ),
    (
        "egfr-ckd-epi-2021-cr",
        &["sex=male", "age=50", "creatinine=1 mmol/L/s"],
        "creatinine",
    ),
    (
        "crcl-cockcroft-gault",
        &["sex=male", "age=50", "weight=80", "creatinine=1"],
        "weight_policy",
    ),
    (
        "crcl-cockcroft-gault",
        &["sex=male", "age=50", "weight=80", "creatinine=1", "weight_policy=ideal"],
        "height",
    ),
    (
        "crcl-cockcroft-gault",
        &["sex=male", "age=50", "weight=80", "creatinine=1", "weight_policy=a"],
        "weight_policy",
    ),
    (
        "ldl-friedewald",
        &["total_cholesterol=100", "hdl=120", "triglycerides=100"],
        "hdl",
    ),
    ("c1v1", &["c1=10mg/mL", "c2=20mg/mL", "v2=20mL"], "c2"),
    ("c1v1", &["c1=10mg/mL", "c2=2mmol/L", "v2=20mL"], "c2"),
    ("c1v1", &["c1=10mg/mL", "v2=20mL"], "c1, v1, c2, v2"),
    ("c1v1", &["c1=-10mg/mL", "c2=2mg/mL", "v2=20mL"], "c1"),
    (
        "serial-dilution",
        &["dilution_factor=10", "tubes=2.5", "tube_volume=1"],
        "tubes",
    ),
    ("transferrin-saturation", &["iron=500", "tibc=300"], "tibc"),
    (
        "standard-curve",
        &[
            "stock_concentration=10ug/mL",
            "top_concentration=20ug/mL",
            "levels=5",
            "standard_volume=1",
        ],
        "top_concentration",
    ),
    ("percent-solution", &["kind=w/w", "percent=5", "volume=100"], "mass"),
];

#[test]
fn impossible_input_names_the_input() {
    for (id, arguments, input) in REFUSED {
        match calc::compute(id, &inputs(arguments)) {
            Err(error) => {
                assert_eq!(error.input(), Some(*input), "{id} {arguments:?}: {error}");
                assert!(
                    error.to_string().starts_with(input),
                    "{id}: message '{error}' names the input first"
                );
            }
            Ok(outcome) => panic!("{id} {arguments:?} should be refused, got {outcome:?}"),
        }
    }
    assert!(matches!(
        calc::compute("no-such-calculator", &Inputs::new()),
        Err(CalcError::UnknownCalculator { .. })
    ));
}

#[test]
fn validity_limits_give_warnings() {
    let outcome = calc::compute(
        "ldl-friedewald",
        &inputs(&["total_cholesterol=300", "hdl=40", "triglycerides=450"]),
    )
    .unwrap();
    assert!(outcome.warnings.iter().any(|w| w.contains("400")), "{outcome:?}");
    let outcome = calc::compute(
        "egfr-ckd-epi-2021-cr",
        &inputs(&["sex=female", "age=12", "creatinine=0.5"]),
    )
    .unwrap();
    assert!(outcome.warnings.iter().any(|w| w.contains("adults")), "{outcome:?}");
    let outcome = calc::compute(
        "crcl-cockcroft-gault",
        &inputs(&[
            "sex=male",
            "age=53",
            "weight=87",
            "height=175",
            "creatinine=1.39",
            "weight_policy=bmi",
        ]),
    )
    .unwrap();
    assert!(outcome.outputs[0].label.contains("adjusted body weight"), "{outcome:?}");
}

#[test]
fn serial_dilution_table_is_followable() {
    // 3 tubes of 1 mL at 1:10 from a 100 mg/mL stock: transfer 0.1 mL into 0.9 mL diluent;
    // tubes at 10, 1 and 0.1 mg/mL; the first two keep 0.9 mL, the last 1.0 mL.
    let outcome = calc::compute(
        "serial-dilution",
        &inputs(&[
            "dilution_factor=10",
            "tubes=3",
            "tube_volume=1mL",
            "stock_concentration=100mg/mL",
        ]),
    )
    .unwrap();
    let table = outcome.table.expect("a plan");
    let expect = [
        [1.0, 10.0, 0.1, 0.9, 0.9, 10.0],
        [2.0, 100.0, 0.1, 0.9, 0.9, 1.0],
        [3.0, 1000.0, 0.1, 0.9, 1.0, 0.1],
    ];
    for (row, want) in table.rows.iter().zip(expect) {
        for (got, want) in row.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{row:?} vs {want:?}");
        }
    }
}

#[test]
fn standard_curve_plan() {
    // Stock 100 ug/mL, top 10 ug/mL, 3 two-fold levels of 1 mL each:
    // 10 -> 0.1 mL stock + 0.9; 5 -> 0.05 + 0.95; 2.5 -> 0.025 + 0.975; blank 0 + 1.
    let outcome = calc::compute(
        "standard-curve",
        &inputs(&[
            "stock_concentration=0.1mg/mL",
            "top_concentration=10ug/mL",
            "levels=3",
            "standard_volume=1mL",
        ]),
    )
    .unwrap();
    let table = outcome.table.clone().expect("a plan");
    let expect = [
        [1.0, 10.0, 0.1, 0.9],
        [2.0, 5.0, 0.05, 0.95],
        [3.0, 2.5, 0.025, 0.975],
        [4.0, 0.0, 0.0, 1.0],
    ];
    assert_eq!(table.rows.len(), expect.len());
    for (row, want) in table.rows.iter().zip(expect) {
        for (got, want) in row.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{row:?} vs {want:?}");
        }
    }
    assert!((outcome.value("stock_needed").unwrap() - 0.175).abs() < 1e-12);
}

//! The `benchmate` binary's tools, run as a lab IT person or a script would run them.

use std::process::Command;

/// Runs `benchmate ARGS` and returns (exit code, stdout, stderr).
fn benchmate(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_benchmate"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(args: &[&str], expect_code: i32, expect_in_output: &str) {
    let (code, stdout, stderr) = benchmate(args);
    assert_eq!(
        code, expect_code,
        "benchmate {args:?}\nstdout: {stdout}\nstderr: {stderr}"
    );
    let output = format!("{stdout}{stderr}");
    assert!(
        output.contains(expect_in_output),
        "benchmate {args:?} should print {expect_in_output:?}:\n{output}"
    );
}

#[test]
fn calculators_convert_and_units_from_the_command_line() {
    // domain-facts.md #10: 140 / 110 / 9.4 -> anion gap 20.6.
    check(
        &["calc", "anion-gap", "sodium=140", "chloride=110", "bicarbonate=9.4"],
        0,
        "20.6",
    );
    // #6: glucose 90 mg/dL, MW 180 -> 5 mmol/L (the analyte table's factor 0.05551 gives 4.996).
    check(&["convert", "90", "mg/dL", "mmol/L", "--analyte", "glucose"], 0, "4.99");
    check(&["ucum", "validate", "mg/dL"], 0, "");
    check(&["ucum", "validate", "mg/dLx"], 1, "");
    check(&["ucum", "normalize", "mEq/L"], 0, "meq/L");
    check(&["convert", "1", "mmol/L", "/L"], 1, "");
}

#[test]
fn calc_json_names_the_bad_input() {
    let (code, stdout, stderr) = benchmate(&[
        "calc",
        "anion-gap",
        "sodium=abc",
        "chloride=110",
        "bicarbonate=9",
        "--json",
    ]);
    assert_eq!(code, 1);
    let error: serde_json::Value = serde_json::from_str(format!("{stdout}{stderr}").trim()).expect("a JSON error");
    assert_eq!(error["input"], "sodium", "{error}");

    let (code, stdout, _) = benchmate(&[
        "calc",
        "egfr-ckd-epi-2021-cr",
        "creatinine=1.09mg/dL",
        "age=55",
        "sex=male",
        "--json",
    ]);
    assert_eq!(code, 0);
    let result: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    // domain-facts.md #16: 1.09 mg/dL, 55-year-old man -> 80.
    let egfr = result["outputs"].as_object().unwrap().values().next().unwrap()["value"]
        .as_f64()
        .unwrap();
    assert_eq!(egfr.round(), 80.0, "{result}");
}

#[test]
fn gs1_parse_reads_a_scan_and_refuses_a_bad_check_digit() {
    check(
        &["gs1", "parse", "]C101040123456789011715012910ABC123"],
        0,
        "2015-01-29",
    );
    check(&["gs1", "parse", "(01)04012345678902(10)ABC"], 1, "check digit");
}

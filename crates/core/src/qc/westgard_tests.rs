//! Tests of every Westgard rule, its boundaries, and the within-run and across-run cases.
//!
//! Results are given directly as z (SD units from the mean), so each expectation can be read
//! off the rule's definition.

use chrono::{NaiveDate, NaiveDateTime};

use super::westgard::*;

fn at(run: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid")
        + chrono::Duration::hours(i64::from(run))
}

/// A result: "r3L1" is run 3, level L1.
fn obs(run: u32, level: &str, z: f64) -> Observation {
    Observation {
        result_id: format!("r{run}{level}"),
        level: level.to_string(),
        run_id: format!("run{run}"),
        at: at(run),
        z,
    }
}

/// One level's results, one per run, runs 1, 2, 3, ...
fn series(level: &str, zs: &[f64]) -> Vec<Observation> {
    zs.iter()
        .enumerate()
        .map(|(i, &z)| obs(i as u32 + 1, level, z))
        .collect()
}

/// The rules broken by the last observation, with the results each involved.
fn check(history: &[Observation], new: Observation, expect: &[(Rule, Scope, &[&str])]) {
    let got: Vec<(Rule, Scope, Vec<String>)> = check_result(history, &new)
        .into_iter()
        .map(|v| (v.rule, v.scope, v.result_ids))
        .collect();
    let expect: Vec<(Rule, Scope, Vec<String>)> = expect
        .iter()
        .map(|(r, s, ids)| (*r, *s, ids.iter().map(|i| i.to_string()).collect()))
        .collect();
    assert_eq!(got, expect, "new result z = {}", new.z);
}

use Rule::*;
use Scope::*;

#[test]
fn one_two_s_is_a_warning_beyond_two_sd() {
    check(&[], obs(1, "L1", 2.5), &[(OneTwoS, SingleResult, &["r1L1"])]);
    check(&[], obs(1, "L1", -2.01), &[(OneTwoS, SingleResult, &["r1L1"])]);
    // Exactly 2 SD is not beyond 2 SD.
    check(&[], obs(1, "L1", 2.0), &[]);
    check(&[], obs(1, "L1", -2.0), &[]);
    let warning = check_result(&[], &obs(1, "L1", 2.5));
    assert!(!warning[0].rejects_run);
}

#[test]
fn one_three_s_rejects_beyond_three_sd() {
    check(
        &[],
        obs(1, "L1", 3.2),
        &[(OneThreeS, SingleResult, &["r1L1"]), (OneTwoS, SingleResult, &["r1L1"])],
    );
    check(
        &[],
        obs(1, "L1", -3.0001),
        &[(OneThreeS, SingleResult, &["r1L1"]), (OneTwoS, SingleResult, &["r1L1"])],
    );
    // Exactly 3 SD is beyond 2 SD but not beyond 3 SD.
    check(&[], obs(1, "L1", 3.0), &[(OneTwoS, SingleResult, &["r1L1"])]);
    // A result of 10.3 with mean 10.0 and SD 0.1 is 3 SD on paper, but (10.3 - 10.0) / 0.1 is
    // 3.000000000000007 in floating point; the tolerance treats it as exactly 3 SD.
    let z = (10.3 - 10.0) / 0.1;
    assert!(z > 3.0);
    check(&[], obs(1, "L1", z), &[(OneTwoS, SingleResult, &["r1L1"])]);
}

#[test]
fn two_two_s_within_a_run_across_levels() {
    let run = [obs(5, "L1", 2.3)];
    check(
        &run,
        obs(5, "L2", 2.1),
        &[
            (OneTwoS, SingleResult, &["r5L2"]),
            (TwoTwoS, WithinRun, &["r5L1", "r5L2"]),
        ],
    );
    // Opposite sides are R-4s, not 2-2s.
    check(
        &run,
        obs(5, "L2", -2.1),
        &[
            (OneTwoS, SingleResult, &["r5L2"]),
            (RangeFourS, WithinRun, &["r5L1", "r5L2"]),
        ],
    );
    // Exactly 2 SD on the other level does not count.
    check(
        &[obs(5, "L1", 2.0)],
        obs(5, "L2", 2.5),
        &[(OneTwoS, SingleResult, &["r5L2"])],
    );
}

#[test]
fn two_two_s_across_runs_for_one_level() {
    let history = series("L1", &[0.3, -2.2]);
    check(
        &history,
        obs(3, "L1", -2.4),
        &[
            (OneTwoS, SingleResult, &["r3L1"]),
            (TwoTwoS, AcrossRuns, &["r2L1", "r3L1"]),
        ],
    );
    // Not consecutive: a result in between breaks it.
    let history = series("L1", &[-2.2, 0.5]);
    check(&history, obs(3, "L1", -2.4), &[(OneTwoS, SingleResult, &["r3L1"])]);
    // Two runs of *different* levels are not a 2-2s across runs.
    check(
        &[obs(2, "L2", -2.2)],
        obs(3, "L1", -2.4),
        &[(OneTwoS, SingleResult, &["r3L1"])],
    );
}

#[test]
fn range_four_s_is_within_run_only() {
    // +2.1 and -2.1 in one run: a range of 4.2 SD.
    check(
        &[obs(4, "L1", 2.1)],
        obs(4, "L2", -2.1),
        &[
            (OneTwoS, SingleResult, &["r4L2"]),
            (RangeFourS, WithinRun, &["r4L1", "r4L2"]),
        ],
    );
    // The same values in consecutive runs of one level are not R-4s.
    check(
        &[obs(3, "L1", 2.1)],
        obs(4, "L1", -2.1),
        &[(OneTwoS, SingleResult, &["r4L1"])],
    );
    // +3.0 and -1.5 span 4.5 SD but neither side of the pair is beyond 2 SD on the low side:
    // the rule needs one beyond +2 SD and one beyond -2 SD.
    check(&[obs(4, "L1", 2.5)], obs(4, "L2", -1.5), &[]);
    // Exactly -2 SD is not beyond it.
    check(&[obs(4, "L1", 2.5)], obs(4, "L2", -2.0), &[]);
}

#[test]
fn four_one_s_across_runs_for_one_level() {
    let history = series("L1", &[1.2, 1.5, 1.1]);
    check(
        &history,
        obs(4, "L1", 1.3),
        &[(FourOneS, AcrossRuns, &["r1L1", "r2L1", "r3L1", "r4L1"])],
    );
    // One of the four exactly at 1 SD: not beyond, no violation.
    let history = series("L1", &[1.2, 1.0, 1.1]);
    check(&history, obs(4, "L1", 1.3), &[]);
    // Three are not enough.
    check(&series("L1", &[1.2, 1.5]), obs(3, "L1", 1.3), &[]);
    // Mixed sides: no violation.
    check(&series("L1", &[-1.2, 1.5, 1.1]), obs(4, "L1", 1.3), &[]);
}

#[test]
fn four_one_s_across_levels_and_runs() {
    // Two levels, two runs: L1 and L2 both beyond -1 SD in runs 1 and 2.
    let history = vec![obs(1, "L1", -1.4), obs(1, "L2", -1.2), obs(2, "L1", -1.6)];
    check(
        &history,
        obs(2, "L2", -1.3),
        &[(FourOneS, AcrossLevelsAndRuns, &["r1L1", "r1L2", "r2L1", "r2L2"])],
    );
}

#[test]
fn ten_x_across_runs_and_levels() {
    let nine = series("L1", &[0.2, 0.5, 0.1, 0.9, 0.3, 0.4, 0.6, 0.2, 0.8]);
    let ids: Vec<String> = (1..=10).map(|r| format!("r{r}L1")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    check(&nine, obs(10, "L1", 0.05), &[(TenX, AcrossRuns, &ids)]);
    // A result exactly on the mean is on neither side.
    check(&nine, obs(10, "L1", 0.0), &[]);
    let mut broken = nine.clone();
    broken[4].z = 0.0;
    check(&broken, obs(10, "L1", 0.5), &[]);
    // Nine are not enough.
    check(&nine[1..], obs(10, "L1", 0.5), &[]);
    // Five runs of two levels, all below the mean.
    let mut mixed = Vec::new();
    for run in 1..=5 {
        mixed.push(obs(run, "L1", -0.4));
        if run < 5 {
            mixed.push(obs(run, "L2", -0.7));
        }
    }
    let new = obs(5, "L2", -0.3);
    let got = check_result(&mixed, &new);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].rule, got[0].scope, got[0].result_ids.len()),
        (TenX, AcrossLevelsAndRuns, 10)
    );
}

#[test]
fn a_run_is_checked_result_by_result() {
    let history = series("L1", &[0.1]);
    let run = [obs(2, "L1", 3.5), obs(2, "L2", 2.4)];
    let rules: Vec<(Rule, Vec<String>)> = check_run(&history, &run)
        .into_iter()
        .map(|v| (v.rule, v.result_ids))
        .collect();
    assert_eq!(
        rules,
        vec![
            (OneThreeS, vec!["r2L1".to_string()]),
            (OneTwoS, vec!["r2L1".to_string()]),
            (OneTwoS, vec!["r2L2".to_string()]),
            (TwoTwoS, vec!["r2L1".to_string(), "r2L2".to_string()]),
        ]
    );
}

#[test]
fn every_rule_has_an_action() {
    for rule in [OneTwoS, OneThreeS, TwoTwoS, RangeFourS, FourOneS, TenX] {
        assert!(rule.action().len() > 40, "{rule}");
        assert_eq!(rule.is_rejection(), rule != OneTwoS);
    }
    assert_eq!(serde_json::to_string(&RangeFourS).expect("json"), "\"R-4s\"");
}

#[test]
fn entered_results_to_a_flagged_chart() {
    use super::{levey_jennings, ControlLot, QcResult, Target, TargetSource};
    let target = |mean: f64, sd: f64| Target {
        analyte: "GLU".into(),
        analyser: "A1".into(),
        unit: "mg/dL".into(),
        mean,
        sd,
        source: TargetSource::PackageInsert,
    };
    let lot = |id: &str, level: &str, t: Target| ControlLot {
        id: id.into(),
        material: "Chemistry control".into(),
        level: level.into(),
        lot_number: format!("{id}-26"),
        expiry: NaiveDate::from_ymd_opt(2027, 1, 31).expect("valid"),
        targets: vec![t],
    };
    let low = lot("L1", "1", target(90.0, 3.0));
    let high = lot("L2", "2", target(250.0, 8.0));
    let result = |id: &str, lot: &str, run: u32, value: f64| QcResult {
        id: id.into(),
        control_lot_id: lot.into(),
        analyte: "GLU".into(),
        analyser: "A1".into(),
        run_id: format!("run{run}"),
        at: at(run),
        value,
        entered_by: "ana".into(),
    };
    // Run 1: 91 is (91 - 90) / 3 = +0.33 SD, 246 is (246 - 250) / 8 = -0.5 SD: no rule broken.
    // Run 2: 100 is (100 - 90) / 3 = +3.33 SD: 1-3s and 1-2s; 252 is +0.25 SD.
    let results = vec![
        result("a", "L1", 1, 91.0),
        result("b", "L2", 1, 246.0),
        result("c", "L1", 2, 100.0),
        result("d", "L2", 2, 252.0),
    ];
    let lots = [&low, &high];
    let observations: Vec<Observation> = results
        .iter()
        .map(|r| {
            let lot = lots.iter().find(|l| l.id == r.control_lot_id).expect("lot");
            r.observe(lot.target("GLU", "A1").expect("target")).expect("z")
        })
        .collect();
    let violations = check_run(&observations[..2], &observations[2..]);
    let rules: Vec<(Rule, Vec<String>)> = violations.iter().map(|v| (v.rule, v.result_ids.clone())).collect();
    assert_eq!(
        rules,
        vec![(OneThreeS, vec!["c".to_string()]), (OneTwoS, vec!["c".to_string()])]
    );
    assert!(violations[0].rejects_run);
    let low_results: Vec<QcResult> = results.into_iter().filter(|r| r.control_lot_id == "L1").collect();
    let chart = levey_jennings(low.target("GLU", "A1").expect("target"), &low_results, &violations).expect("chart");
    assert_eq!(chart.points[1].rules, vec![OneTwoS, OneThreeS]);
    assert!((chart.points[1].y - 10.0 / 3.0).abs() < 1e-12);
}

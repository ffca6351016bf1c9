//! The Westgard multirule check on each new QC result: 1-2s (warning), 1-3s, 2-2s, R-4s, 4-1s
//! and 10x, within a run across control levels and across runs for one level.
//!
//! Boundaries: a rule's limit is "beyond k SD", so a result exactly at k SD does not break it
//! (|z| > k, exclusive), as Westgard defines the rules ("exceeds the mean plus or minus k s").
//! Because z is computed in binary floating point, a z within 1e-9 of k counts as exactly k.
//! A result exactly on the mean is on neither side, so it ends a 10x series.
//!
//! Every rule is applied to every new result. The classic manual procedure looked further only
//! after a 1-2s warning; a computer can afford to check all, so a shift that stays inside 2 SD
//! (4-1s, 10x) is never missed.

use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One QC result placed against its level's target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub result_id: String,
    /// The control lot (level) the result belongs to.
    pub level: String,
    pub run_id: String,
    pub at: NaiveDateTime,
    /// (value - mean) / SD.
    pub z: f64,
}

/// The rules of the multirule procedure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rule {
    #[serde(rename = "1-2s")]
    OneTwoS,
    #[serde(rename = "1-3s")]
    OneThreeS,
    #[serde(rename = "2-2s")]
    TwoTwoS,
    #[serde(rename = "R-4s")]
    RangeFourS,
    #[serde(rename = "4-1s")]
    FourOneS,
    #[serde(rename = "10x")]
    TenX,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::OneTwoS => "1-2s",
            Rule::OneThreeS => "1-3s",
            Rule::TwoTwoS => "2-2s",
            Rule::RangeFourS => "R-4s",
            Rule::FourOneS => "4-1s",
            Rule::TenX => "10x",
        }
    }

    /// Only 1-2s is a warning; the others reject the run.
    pub fn is_rejection(self) -> bool {
        self != Rule::OneTwoS
    }

    /// The usual action, as taught with the Westgard rules.
    pub fn action(self) -> &'static str {
        match self {
            Rule::OneTwoS => "Warning: one control is beyond 2 SD. Check the other rules; if none is broken, accept the run and watch the next results.",
            Rule::OneThreeS => "Reject the run (random error). Do not report patient results; look for the cause (sample, pipetting, reagent, instrument), correct it, then rerun the controls and the patient samples.",
            Rule::TwoTwoS => "Reject the run (systematic error). Do not report patient results; check calibration, reagent and control lots and the instrument, correct and recalibrate if needed, then rerun.",
            Rule::RangeFourS => "Reject the run (random error). Do not report patient results; look for an imprecision cause (bubbles, clots, pipetting, mixing, instrument), correct it and rerun.",
            Rule::FourOneS => "Reject the run (systematic error, a shift). Do not report patient results; check calibration, reagent lot, maintenance and the control material, correct, recalibrate if needed and rerun.",
            Rule::TenX => "Reject the run (systematic error, a bias). Do not report patient results; check calibration, reagent and control lots and the instrument, correct the bias and rerun.",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which results a rule looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The new result alone.
    SingleResult,
    /// The new result and other levels in the same run.
    WithinRun,
    /// The new result and earlier runs of the same level.
    AcrossRuns,
    /// The new result and the latest results of all levels, run after run.
    AcrossLevelsAndRuns,
}

/// A broken rule, the results it involved (oldest first, the new one last) and what to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    pub rule: Rule,
    pub scope: Scope,
    pub result_ids: Vec<String>,
    pub rejects_run: bool,
    pub action: String,
}

/// Tolerance for floating-point z at a rule's exact limit.
const EPSILON: f64 = 1e-9;

fn beyond(z: f64, k: f64) -> bool {
    z.abs() > k + EPSILON
}

/// +1 above the limit, -1 below it, 0 within.
fn side_beyond(z: f64, k: f64) -> i8 {
    match beyond(z, k) {
        true if z > 0.0 => 1,
        true => -1,
        false => 0,
    }
}

/// Checks a new result against the rules. `previous` holds the earlier results of the same
/// analyte on the same analyser (all levels, including those already entered for this run),
/// in the order they were measured.
pub fn check_result(previous: &[Observation], new: &Observation) -> Vec<Violation> {
    let mut found = Vec::new();
    let mut add = |rule: Rule, scope: Scope, involved: Vec<&Observation>| {
        found.push(Violation {
            rule,
            scope,
            result_ids: involved.iter().map(|o| o.result_id.clone()).collect(),
            rejects_run: rule.is_rejection(),
            action: rule.action().to_string(),
        })
    };

    if beyond(new.z, 3.0) {
        add(Rule::OneThreeS, Scope::SingleResult, vec![new]);
    }
    if beyond(new.z, 2.0) {
        add(Rule::OneTwoS, Scope::SingleResult, vec![new]);
    }

    let same_run: Vec<&Observation> = previous
        .iter()
        .filter(|o| o.run_id == new.run_id && o.level != new.level)
        .collect();
    let same_level: Vec<&Observation> = previous
        .iter()
        .filter(|o| o.level == new.level && o.run_id != new.run_id)
        .collect();

    // 2-2s: within the run across levels, else across runs for this level.
    let side2 = side_beyond(new.z, 2.0);
    if side2 != 0 {
        if let Some(other) = same_run.iter().rev().find(|o| side_beyond(o.z, 2.0) == side2) {
            add(Rule::TwoTwoS, Scope::WithinRun, vec![other, new]);
        } else if let Some(last) = same_level.last().filter(|o| side_beyond(o.z, 2.0) == side2) {
            add(Rule::TwoTwoS, Scope::AcrossRuns, vec![last, new]);
        }
        // R-4s: within the run only, one level beyond +2 SD and another beyond -2 SD.
        if let Some(other) = same_run.iter().rev().find(|o| side_beyond(o.z, 2.0) == -side2) {
            add(Rule::RangeFourS, Scope::WithinRun, vec![other, new]);
        }
    }

    // 4-1s and 10x: consecutive results of this level first, then across levels and runs.
    let all_before: Vec<&Observation> = previous.iter().collect();
    for (rule, count, k) in [(Rule::FourOneS, 4, 1.0), (Rule::TenX, 10, 0.0)] {
        let series = [
            (Scope::AcrossRuns, same_level_series(previous, new)),
            (Scope::AcrossLevelsAndRuns, all_before.clone()),
        ];
        for (scope, before) in series {
            if let Some(involved) = consecutive_same_side(&before, new, count, k) {
                add(rule, scope, involved);
                break;
            }
        }
    }
    found
}

/// The earlier results of the new result's level, in order.
fn same_level_series<'a>(previous: &'a [Observation], new: &Observation) -> Vec<&'a Observation> {
    previous.iter().filter(|o| o.level == new.level).collect()
}

/// The last `count` results ending with `new`, if all lie beyond `k` SD on the same side.
fn consecutive_same_side<'a>(
    before: &[&'a Observation],
    new: &'a Observation,
    count: usize,
    k: f64,
) -> Option<Vec<&'a Observation>> {
    let side = side_beyond(new.z, k);
    if side == 0 || before.len() + 1 < count {
        return None;
    }
    let window = &before[before.len() + 1 - count..];
    window
        .iter()
        .all(|o| side_beyond(o.z, k) == side)
        .then(|| window.iter().copied().chain([new]).collect())
}

/// Checks every result of a new run in order, each against everything before it.
pub fn check_run(previous: &[Observation], run: &[Observation]) -> Vec<Violation> {
    let mut seen: Vec<Observation> = previous.to_vec();
    let mut found = Vec::new();
    for new in run {
        found.extend(check_result(&seen, new));
        seen.push(new.clone());
    }
    found
}

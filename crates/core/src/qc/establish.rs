//! Establishing a control lot's own target from the lab's runs (CLSI C24: at least 20 runs):
//! which results count (those not in a run the Westgard rules rejected), the proposed mean
//! and SD, and adopting them in place of the package insert's values once the user confirms.

use std::collections::BTreeSet;

use super::model::{ControlLot, QcResult, Target, TargetSource};
use super::stats::{establish, StatsError, MIN_RUNS_TO_ESTABLISH};
use super::westgard::Violation;

/// A target computed from the lab's results, with what went into it, for the user to confirm.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetProposal {
    pub target: Target,
    /// In-control results used.
    pub used: usize,
    /// Separate runs those results came from.
    pub runs: usize,
    /// Results left out because a rejecting Westgard rule involved them.
    pub excluded: usize,
}

/// Proposes a target for `control` on one analyte and analyser from `results` (any results;
/// the ones of this lot, analyte and analyser are picked out). `violations` are the rules
/// broken over those results against the current target: a result that a rejecting rule
/// involved is out of control and left out. At least 20 separate runs must remain.
pub fn propose_target(
    control: &ControlLot,
    analyte: &str,
    analyser: &str,
    results: &[QcResult],
    violations: &[Violation],
) -> Result<TargetProposal, StatsError> {
    let rejected: BTreeSet<&str> = violations
        .iter()
        .filter(|v| v.rejects_run)
        .flat_map(|v| v.result_ids.iter().map(String::as_str))
        .collect();
    let mine: Vec<&QcResult> = results
        .iter()
        .filter(|r| r.control_lot_id == control.id && r.analyte == analyte && r.analyser == analyser)
        .collect();
    let in_control: Vec<&QcResult> = mine
        .iter()
        .copied()
        .filter(|r| !rejected.contains(r.id.as_str()))
        .collect();
    let runs = in_control
        .iter()
        .map(|r| r.run_id.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    if runs < MIN_RUNS_TO_ESTABLISH {
        return Err(StatsError::TooFewRuns {
            have: runs,
            need: MIN_RUNS_TO_ESTABLISH,
        });
    }
    let values: Vec<f64> = in_control.iter().map(|r| r.value).collect();
    let established = establish(&values)?;
    let unit = control
        .target(analyte, analyser)
        .map(|t| t.unit.clone())
        .unwrap_or_default();
    Ok(TargetProposal {
        target: Target {
            analyte: analyte.to_string(),
            analyser: analyser.to_string(),
            unit,
            mean: established.mean,
            sd: established.sd,
            source: TargetSource::Established { runs },
        },
        used: in_control.len(),
        runs,
        excluded: mine.len() - in_control.len(),
    })
}

impl ControlLot {
    /// Puts `target` in place of the lot's target for the same analyte and analyser, or adds it.
    pub fn adopt(&mut self, target: Target) {
        match self
            .targets
            .iter_mut()
            .find(|t| t.analyte == target.analyte && t.analyser == target.analyser)
        {
            Some(existing) => *existing = target,
            None => self.targets.push(target),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::*;
    use crate::qc::{check_run, Observation};

    fn control() -> ControlLot {
        ControlLot {
            id: "c1".to_string(),
            material: "Lyphochek".to_string(),
            level: "1".to_string(),
            lot_number: "26430".to_string(),
            expiry: NaiveDate::from_ymd_opt(2027, 1, 31).expect("date"),
            targets: vec![Target {
                analyte: "Glucose".to_string(),
                analyser: "AU680".to_string(),
                unit: "mg/dL".to_string(),
                mean: 100.0,
                sd: 2.0,
                source: TargetSource::PackageInsert,
            }],
        }
    }

    fn at(run: usize) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("time")
            + chrono::Duration::hours(run as i64 * 12)
    }

    /// One result per run, for control `control_lot_id`, analyte Glucose on the AU680.
    fn results(values: &[f64]) -> Vec<QcResult> {
        values
            .iter()
            .enumerate()
            .map(|(run, value)| QcResult {
                id: format!("r{run}"),
                control_lot_id: "c1".to_string(),
                analyte: "Glucose".to_string(),
                analyser: "AU680".to_string(),
                run_id: format!("run{run}"),
                at: at(run),
                value: *value,
                entered_by: "ana".to_string(),
            })
            .collect()
    }

    fn violations(control: &ControlLot, results: &[QcResult]) -> Vec<Violation> {
        let target = control.target("Glucose", "AU680").expect("target");
        let observed: Vec<Observation> = results.iter().map(|r| r.observe(target).expect("z")).collect();
        check_run(&[], &observed)
    }

    /// `values` in measurement order; `expect` is (mean, sd, used, runs, excluded) or the error.
    fn check(values: &[f64], expect: Result<(f64, f64, usize, usize, usize), &str>) {
        let control = control();
        let results = results(values);
        let found = violations(&control, &results);
        let got = propose_target(&control, "Glucose", "AU680", &results, &found);
        match (got, expect) {
            (Ok(p), Ok((mean, sd, used, runs, excluded))) => {
                assert!((p.target.mean - mean).abs() < 1e-9, "mean {}", p.target.mean);
                assert!((p.target.sd - sd).abs() < 1e-6, "sd {}", p.target.sd);
                assert_eq!((p.used, p.runs, p.excluded), (used, runs, excluded));
                assert_eq!(p.target.unit, "mg/dL");
                assert_eq!(p.target.source, TargetSource::Established { runs });
            }
            (Err(err), Err(message)) => assert_eq!(err.to_string(), message),
            (got, expect) => panic!("got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn a_target_is_proposed_from_twenty_in_control_runs() {
        // 98 and 102 alternating: mean 100, sample SD sqrt(80 / 19) = 2.0519567.
        let alternating: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 98.0 } else { 102.0 }).collect();
        check(&alternating, Ok((100.0, 2.051956704, 20, 20, 0)));
        check(
            &alternating[..19],
            Err("19 in-control runs are not enough to establish a mean and SD: at least 20 are needed"),
        );
        // A 1-3s result (107 is 3.5 SD above 100) rejects its run: it is left out, so 20
        // in-control runs need a 21st.
        let mut with_outlier = alternating.clone();
        with_outlier.insert(5, 107.0);
        check(&with_outlier, Ok((100.0, 2.051956704, 20, 20, 1)));
        let mut short = alternating[..19].to_vec();
        short.push(107.0);
        check(
            &short,
            Err("19 in-control runs are not enough to establish a mean and SD: at least 20 are needed"),
        );
        check(&[100.0; 20], Err("all results are equal, so the SD would be zero"));
    }

    #[test]
    fn other_lots_and_analytes_are_not_counted_and_runs_are_counted_once() {
        let control = control();
        let mut all = results(
            &(0..20)
                .map(|i| if i % 2 == 0 { 98.0 } else { 102.0 })
                .collect::<Vec<_>>(),
        );
        // Ten runs measured twice: 30 results but 20 runs still.
        let repeats: Vec<QcResult> = all[..10]
            .iter()
            .map(|r| QcResult {
                id: format!("{}b", r.id),
                ..r.clone()
            })
            .collect();
        all.extend(repeats);
        let mut other_lot = all[0].clone();
        other_lot.control_lot_id = "c2".to_string();
        other_lot.value = 500.0;
        let mut other_analyte = all[0].clone();
        other_analyte.analyte = "Urea".to_string();
        all.extend([other_lot, other_analyte]);
        let proposal = propose_target(&control, "Glucose", "AU680", &all, &[]).expect("20 runs");
        assert_eq!((proposal.used, proposal.runs, proposal.excluded), (30, 20, 0));
        assert!((proposal.target.mean - 100.0).abs() < 1e-9);
        // Nineteen separate runs are too few however many results they hold.
        let nineteen: Vec<QcResult> = all.iter().filter(|r| r.run_id != "run19").cloned().collect();
        assert_eq!(
            propose_target(&control, "Glucose", "AU680", &nineteen, &[]),
            Err(StatsError::TooFewRuns { have: 19, need: 20 })
        );
    }

    #[test]
    fn adopting_replaces_the_target_for_its_pair_only() {
        let mut control = control();
        let mut established = control.targets[0].clone();
        established.mean = 101.5;
        established.source = TargetSource::Established { runs: 20 };
        control.adopt(established.clone());
        assert_eq!(control.targets, vec![established.clone()]);
        let mut other = established;
        other.analyser = "AU5800".to_string();
        control.adopt(other.clone());
        assert_eq!(control.targets.len(), 2);
        assert_eq!(control.target("Glucose", "AU5800"), Some(&other));
    }
}

//! The Levey-Jennings chart as data: points in SD units against run order, the mean and
//! ±1/2/3 SD lines, the run dates, and the rules each point broke. The app draws it as SVG.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::model::{QcResult, Target};
use super::stats::{z_score, StatsError};
use super::westgard::{Rule, Violation};

/// How far the y axis reaches, in SD; points beyond are drawn at the edge and flagged.
pub const AXIS_LIMIT_SD: f64 = 4.0;

/// A horizontal reference line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartLine {
    /// -3 to +3; 0 is the mean.
    pub sd_units: i8,
    /// "Mean", "+1 SD", "-2 SD", ...
    pub label: String,
    /// The concentration the line stands for.
    pub value: f64,
}

/// One result on the chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    pub result_id: String,
    /// 0, 1, 2, ...: the run order.
    pub x: usize,
    /// The result in SD units from the mean, clamped to ±[`AXIS_LIMIT_SD`].
    pub y: f64,
    /// True when `y` was clamped.
    pub off_scale: bool,
    pub value: f64,
    pub at: NaiveDateTime,
    /// Rules this point took part in breaking.
    pub rules: Vec<Rule>,
}

/// Everything needed to draw one control lot and analyte.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeveyJenningsChart {
    pub analyte: String,
    pub unit: String,
    pub mean: f64,
    pub sd: f64,
    pub lines: Vec<ChartLine>,
    pub points: Vec<ChartPoint>,
}

/// Builds the chart from a target and the level's results (in any order: they are put in
/// measurement order), marking the points involved in the given violations.
pub fn levey_jennings(
    target: &Target,
    results: &[QcResult],
    violations: &[Violation],
) -> Result<LeveyJenningsChart, StatsError> {
    let mut ordered: Vec<&QcResult> = results.iter().collect();
    ordered.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    let points = ordered
        .iter()
        .enumerate()
        .map(|(x, r)| {
            let z = z_score(r.value, target.mean, target.sd)?;
            let y = z.clamp(-AXIS_LIMIT_SD, AXIS_LIMIT_SD);
            let mut rules: Vec<Rule> = violations
                .iter()
                .filter(|v| v.result_ids.contains(&r.id))
                .map(|v| v.rule)
                .collect();
            rules.sort();
            rules.dedup();
            Ok(ChartPoint {
                result_id: r.id.clone(),
                x,
                y,
                off_scale: y != z,
                value: r.value,
                at: r.at,
                rules,
            })
        })
        .collect::<Result<Vec<_>, StatsError>>()?;
    let lines = (-3..=3)
        .map(|k: i8| ChartLine {
            sd_units: k,
            label: match k {
                0 => "Mean".to_string(),
                k if k > 0 => format!("+{k} SD"),
                k => format!("{k} SD"),
            },
            value: target.mean + f64::from(k) * target.sd,
        })
        .collect();
    Ok(LeveyJenningsChart {
        analyte: target.analyte.clone(),
        unit: target.unit.clone(),
        mean: target.mean,
        sd: target.sd,
        lines,
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::super::model::TargetSource;
    use super::super::westgard::Scope;
    use super::*;
    use chrono::NaiveDate;

    fn result(id: &str, day: u32, value: f64) -> QcResult {
        QcResult {
            id: id.to_string(),
            control_lot_id: "L1".to_string(),
            analyte: "GLU".to_string(),
            analyser: "A1".to_string(),
            run_id: format!("run{day}"),
            at: NaiveDate::from_ymd_opt(2026, 3, day)
                .and_then(|d| d.and_hms_opt(8, 0, 0))
                .expect("valid"),
            value,
            entered_by: "ana".to_string(),
        }
    }

    #[test]
    fn points_in_sd_units_with_lines_and_flags() {
        let target = Target {
            analyte: "GLU".into(),
            analyser: "A1".into(),
            unit: "mg/dL".into(),
            mean: 100.0,
            sd: 5.0,
            source: TargetSource::PackageInsert,
        };
        // Out of order on purpose; 125 is 5 SD high and is drawn at the +4 SD edge.
        let results = vec![result("b", 2, 92.5), result("a", 1, 105.0), result("c", 3, 125.0)];
        let violation = Violation {
            rule: Rule::OneThreeS,
            scope: Scope::SingleResult,
            result_ids: vec!["c".into()],
            rejects_run: true,
            action: Rule::OneThreeS.action().into(),
        };
        let chart = levey_jennings(&target, &results, &[violation]).expect("chart");
        let ys: Vec<(&str, usize, f64, bool)> = chart
            .points
            .iter()
            .map(|p| (p.result_id.as_str(), p.x, p.y, p.off_scale))
            .collect();
        // (105 - 100) / 5 = +1; (92.5 - 100) / 5 = -1.5; (125 - 100) / 5 = +5, clamped to 4.
        assert_eq!(
            ys,
            vec![("a", 0, 1.0, false), ("b", 1, -1.5, false), ("c", 2, 4.0, true)]
        );
        assert_eq!(chart.points[2].rules, vec![Rule::OneThreeS]);
        let lines: Vec<(&str, f64)> = chart.lines.iter().map(|l| (l.label.as_str(), l.value)).collect();
        assert_eq!(
            lines,
            vec![
                ("-3 SD", 85.0),
                ("-2 SD", 90.0),
                ("-1 SD", 95.0),
                ("Mean", 100.0),
                ("+1 SD", 105.0),
                ("+2 SD", 110.0),
                ("+3 SD", 115.0)
            ]
        );
    }
}

//! Quality control: control lots, results, the Westgard multirule check and Levey-Jennings charts.

mod chart;
mod establish;
mod model;
mod stats;
mod westgard;

#[cfg(test)]
mod westgard_tests;

pub use chart::{levey_jennings, ChartLine, ChartPoint, LeveyJenningsChart, AXIS_LIMIT_SD};
pub use establish::{propose_target, TargetProposal};
pub use model::{ControlLot, QcResult, Target, TargetSource};
pub use stats::{establish, z_score, Established, StatsError, MIN_RUNS_TO_ESTABLISH};
pub use westgard::{check_result, check_run, Observation, Rule, Scope, Violation};

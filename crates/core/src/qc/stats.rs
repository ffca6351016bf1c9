//! Establishing a control's mean and SD from the lab's own runs, and z-scores against a target.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The fewest results a lab may establish a mean and SD from (CLSI C24: at least 20
/// measurements, on at least 20 separate runs).
pub const MIN_RUNS_TO_ESTABLISH: usize = 20;

/// A mean and SD computed from results.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Established {
    pub mean: f64,
    /// The sample standard deviation (n - 1 in the denominator).
    pub sd: f64,
    pub n: usize,
}

/// Why a mean and SD could not be established, or a z-score computed.
#[derive(Clone, Debug, PartialEq)]
pub enum StatsError {
    TooFewRuns {
        have: usize,
        need: usize,
    },
    NotANumber {
        index: usize,
    },
    /// Every result was the same: an SD of zero cannot judge anything.
    ZeroSpread,
    /// A target SD that is zero, negative or not a number.
    BadSd {
        sd: f64,
    },
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::TooFewRuns { have, need } => write!(
                f,
                "{have} in-control runs are not enough to establish a mean and SD: at least {need} are needed"
            ),
            StatsError::NotANumber { index } => {
                write!(f, "result {} is not a finite number", index + 1)
            }
            StatsError::ZeroSpread => {
                write!(f, "all results are equal, so the SD would be zero")
            }
            StatsError::BadSd { sd } => write!(f, "the SD {sd} must be a positive number"),
        }
    }
}

impl std::error::Error for StatsError {}

/// Computes the mean and sample SD of at least [`MIN_RUNS_TO_ESTABLISH`] results.
pub fn establish(values: &[f64]) -> Result<Established, StatsError> {
    if let Some(index) = values.iter().position(|v| !v.is_finite()) {
        return Err(StatsError::NotANumber { index });
    }
    let n = values.len();
    if n < MIN_RUNS_TO_ESTABLISH {
        return Err(StatsError::TooFewRuns {
            have: n,
            need: MIN_RUNS_TO_ESTABLISH,
        });
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    let sd = (squares / (n - 1) as f64).sqrt();
    if sd <= 0.0 || !sd.is_finite() {
        return Err(StatsError::ZeroSpread);
    }
    Ok(Established { mean, sd, n })
}

/// How many SDs a value lies from the mean.
pub fn z_score(value: f64, mean: f64, sd: f64) -> Result<f64, StatsError> {
    if !(sd.is_finite() && sd > 0.0) {
        return Err(StatsError::BadSd { sd });
    }
    let z = (value - mean) / sd;
    if !z.is_finite() {
        return Err(StatsError::NotANumber { index: 0 });
    }
    Ok(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_runs_give_mean_and_sample_sd() {
        // Ten results of 98 and ten of 102: mean 100; each deviates by 2, so the sum of squares
        // is 20 * 4 = 80 and the sample SD is sqrt(80 / 19) = 2.0519567...
        let values: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 98.0 } else { 102.0 }).collect();
        let e = establish(&values).expect("20 runs");
        assert_eq!(e.n, 20);
        assert!((e.mean - 100.0).abs() < 1e-12);
        assert!((e.sd - (80.0f64 / 19.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            establish(&[1.0; 19]),
            Err(StatsError::TooFewRuns { have: 19, need: 20 })
        );
        assert_eq!(establish(&[5.0; 20]), Err(StatsError::ZeroSpread));
        let mut with_nan = vec![1.0; 20];
        with_nan[3] = f64::NAN;
        assert_eq!(establish(&with_nan), Err(StatsError::NotANumber { index: 3 }));
        assert_eq!(z_score(1.0, 1.0, 0.0), Err(StatsError::BadSd { sd: 0.0 }));
        assert_eq!(z_score(110.0, 100.0, 5.0), Ok(2.0));
    }
}

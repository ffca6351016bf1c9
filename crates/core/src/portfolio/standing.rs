//! Where a credential stands in time: days left in the cycle, the share of the cycle gone,
//! and whether to warn that the user is behind.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::credit::Points;

/// When to start warning: `lead_days` before the cycle ends, an incomplete credential is
/// flagged as behind. 90 days leaves time to find and finish a course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningPolicy {
    pub lead_days: u32,
}

impl Default for WarningPolicy {
    fn default() -> WarningPolicy {
        WarningPolicy { lead_days: 90 }
    }
}

/// The one-word state the Portfolio home shows for a credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Every requirement is met.
    Complete,
    /// Today is before the cycle starts.
    NotStarted,
    /// Incomplete, outside the warning window, and the total is at or above the pro-rata pace.
    OnTrack,
    /// Incomplete, outside the warning window, but the total is below the pro-rata pace:
    /// shown as information, not as a warning.
    BehindPace,
    /// Incomplete within the warning window: the warning.
    Behind,
    /// The cycle has ended and something is still missing.
    Overdue,
}

impl Standing {
    /// True for the states that show a warning banner.
    pub fn is_warning(self) -> bool {
        matches!(self, Standing::Behind | Standing::Overdue)
    }
}

/// The time side of a cycle's evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// Days from today to the cycle's last day: 0 on the last day, negative after it.
    pub days_left: i64,
    /// Days in the cycle, both ends included.
    pub cycle_days: i64,
    /// Days of the cycle gone, today included (0 before the start, `cycle_days` after the end).
    pub elapsed_days: i64,
    /// The total a steady pace would have reached by today: needed x elapsed / cycle days.
    pub expected_by_today: Points,
    pub standing: Standing,
}

/// Works out the timing for a cycle with `needed` total and `earned` so far.
pub fn timing(
    cycle_start: NaiveDate,
    cycle_end: NaiveDate,
    today: NaiveDate,
    needed: Points,
    earned: Points,
    complete: bool,
    policy: &WarningPolicy,
) -> Timing {
    let cycle_days = (cycle_end - cycle_start).num_days() + 1;
    let days_left = (cycle_end - today).num_days();
    let elapsed_days = ((today - cycle_start).num_days() + 1).clamp(0, cycle_days.max(1));
    // needed is at most 10,000 points (10^7 thousandths) and cycle_days a few thousand, so
    // the product cannot overflow; a cycle is at least one day long after validation.
    let expected_by_today = Points(needed.0 * elapsed_days / cycle_days.max(1));
    let standing = if complete {
        Standing::Complete
    } else if today > cycle_end {
        Standing::Overdue
    } else if today < cycle_start {
        Standing::NotStarted
    } else if days_left <= i64::from(policy.lead_days) {
        Standing::Behind
    } else if earned < expected_by_today {
        Standing::BehindPace
    } else {
        Standing::OnTrack
    };
    Timing {
        days_left,
        cycle_days,
        elapsed_days,
        expected_by_today,
        standing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    /// A 2-year Florida-style biennium, 2025-09-01 to 2027-08-31: 730 days (no 29 February
    /// falls inside it), needing 24 hours.
    fn check(today: &str, earned: f64, complete: bool, expect: (i64, i64, f64, Standing)) {
        let got = timing(
            day("2025-09-01"),
            day("2027-08-31"),
            day(today),
            Points(24_000),
            Points::from_decimal(earned).expect("finite"),
            complete,
            &WarningPolicy { lead_days: 90 },
        );
        assert_eq!(got.cycle_days, 730);
        let expected = Points::from_decimal(expect.2).expect("finite");
        assert_eq!(
            (got.days_left, got.elapsed_days, got.expected_by_today, got.standing),
            (expect.0, expect.1, expected, expect.3),
            "today {today}"
        );
    }

    #[test]
    fn standing_follows_the_calendar_and_the_lead_time() {
        // Halfway: 2026-08-31 is day 365; 24 x 365 / 730 = 12 h expected; 730 - 365 = 365 left.
        check("2026-08-31", 12.0, false, (365, 365, 12.0, Standing::OnTrack));
        check("2026-08-31", 11.5, false, (365, 365, 12.0, Standing::BehindPace));
        // 2027-06-02 is 90 days before 2027-08-31: inside the window, so the warning shows.
        // Elapsed 640 days: 24 x 640 / 730 = 21.041095... -> 21.041 (thousandths, truncated).
        check("2027-06-02", 23.0, false, (90, 640, 21.041, Standing::Behind));
        // One day earlier, 91 days left: outside the window; 23 h is ahead of pace.
        check("2027-06-01", 23.0, false, (91, 639, 21.008, Standing::OnTrack));
        // The last day counts as inside the cycle: 0 days left.
        check("2027-08-31", 20.0, false, (0, 730, 24.0, Standing::Behind));
        check("2027-09-01", 20.0, false, (-1, 730, 24.0, Standing::Overdue));
        check("2027-09-01", 24.0, true, (-1, 730, 24.0, Standing::Complete));
        // The day before the start: 2027-08-31 - 2025-08-31 = 730 days (no 29 February between).
        check("2025-08-31", 0.0, false, (730, 0, 0.0, Standing::NotStarted));
        check("2025-09-01", 0.0, false, (729, 1, 0.032, Standing::BehindPace));
    }

    #[test]
    fn only_behind_and_overdue_are_warnings() {
        assert!(Standing::Behind.is_warning() && Standing::Overdue.is_warning());
        assert!(!Standing::BehindPace.is_warning() && !Standing::OnTrack.is_warning());
    }
}

//! Effective expiry (the earlier of the manufacturer's date and opened + in-use stability) and
//! the expiry buckets the alerts use.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::Lot;

/// The last day a lot may be used: the manufacturer's expiry, or the opened date plus the
/// in-use stability if that comes first. "Stable N days after opening" is read as usable
/// through the N-th day after the opening day (opened 1 March with 30 days: through 31 March),
/// the way labs write the new date on the label.
pub fn effective_expiry(lot: &Lot, in_use_stability_days: Option<u32>) -> NaiveDate {
    let opened_limit = match (lot.opened_on, in_use_stability_days) {
        (Some(opened), Some(days)) => opened.checked_add_days(Days::new(u64::from(days))),
        _ => None,
    };
    match opened_limit {
        Some(limit) => limit.min(lot.expiry),
        None => lot.expiry,
    }
}

/// Where a lot's effective expiry falls relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpiryBucket {
    /// Past its effective expiry: must not be used.
    Expired,
    /// Today is the last day of use.
    Today,
    /// Within the short threshold (7 days by default), today excluded.
    Soon,
    /// Within the long threshold (30 days by default), beyond the short one.
    Later,
    /// Beyond the long threshold.
    Fine,
}

/// The alert thresholds in days, set by the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiryThresholds {
    pub soon_days: u32,
    pub later_days: u32,
}

impl Default for ExpiryThresholds {
    fn default() -> Self {
        ExpiryThresholds {
            soon_days: 7,
            later_days: 30,
        }
    }
}

/// Places an effective expiry date in its bucket. A lot expiring exactly `soon_days` from
/// today is still "soon"; one day more makes it "later".
pub fn expiry_bucket(effective: NaiveDate, today: NaiveDate, t: ExpiryThresholds) -> ExpiryBucket {
    let days_left = (effective - today).num_days();
    if days_left < 0 {
        ExpiryBucket::Expired
    } else if days_left == 0 {
        ExpiryBucket::Today
    } else if days_left <= i64::from(t.soon_days) {
        ExpiryBucket::Soon
    } else if days_left <= i64::from(t.later_days) {
        ExpiryBucket::Later
    } else {
        ExpiryBucket::Fine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn lot(expiry: NaiveDate, opened: Option<NaiveDate>) -> Lot {
        let mut lot = Lot::received("L1", "R1", "A1", expiry, day(2023, 1, 2), "ana");
        lot.opened_on = opened;
        lot
    }

    fn check(expiry: NaiveDate, opened: Option<NaiveDate>, days: Option<u32>, expect: NaiveDate) {
        assert_eq!(
            effective_expiry(&lot(expiry, opened), days),
            expect,
            "expiry {expiry}, opened {opened:?}, stability {days:?}"
        );
    }

    #[test]
    fn unopened_or_without_stability_keeps_the_manufacturer_date() {
        check(day(2026, 6, 30), None, Some(30), day(2026, 6, 30));
        check(day(2026, 6, 30), Some(day(2026, 1, 5)), None, day(2026, 6, 30));
    }

    #[test]
    fn month_ends() {
        // 31 January + 30 days: 28 days of February take it to 28 February, 2 more to 2 March.
        check(day(2027, 12, 31), Some(day(2025, 1, 31)), Some(30), day(2025, 3, 2));
        // 31 March + 30 days = 30 April (April has 30 days).
        check(day(2027, 12, 31), Some(day(2025, 3, 31)), Some(30), day(2025, 4, 30));
        // 30 November + 31 days = 31 December.
        check(day(2027, 12, 31), Some(day(2025, 11, 30)), Some(31), day(2025, 12, 31));
        // 31 December + 1 day crosses the year.
        check(day(2027, 12, 31), Some(day(2025, 12, 31)), Some(1), day(2026, 1, 1));
    }

    #[test]
    fn leap_years() {
        // 2024 is a leap year: 31 January + 30 days = 1 March (29 days of February).
        check(day(2027, 12, 31), Some(day(2024, 1, 31)), Some(30), day(2024, 3, 1));
        // 28 February + 1 day is 29 February in 2024 but 1 March in 2025.
        check(day(2027, 12, 31), Some(day(2024, 2, 28)), Some(1), day(2024, 2, 29));
        check(day(2027, 12, 31), Some(day(2025, 2, 28)), Some(1), day(2025, 3, 1));
        // 29 February 2024 + 365 days: 1 day to 1 March 2024, then 364 more days, which end on
        // 28 February 2025 (1 March 2024 to 1 March 2025 is 365 days, as 2025 has no 29 February).
        check(day(2027, 12, 31), Some(day(2024, 2, 29)), Some(365), day(2025, 2, 28));
    }

    #[test]
    fn opened_late_in_life_keeps_the_manufacturer_date() {
        // Opened 5 days before the manufacturer's expiry with 30 days' stability: the box
        // expires first.
        check(day(2026, 6, 30), Some(day(2026, 6, 25)), Some(30), day(2026, 6, 30));
        // Opened 30 days before: both limits fall on the same day.
        check(day(2026, 6, 30), Some(day(2026, 5, 31)), Some(30), day(2026, 6, 30));
        // Opened 31 days before: stability ends one day before the box.
        check(day(2026, 6, 30), Some(day(2026, 5, 30)), Some(30), day(2026, 6, 29));
    }

    #[test]
    fn buckets_with_inclusive_thresholds() {
        let today = day(2026, 11, 25);
        let t = ExpiryThresholds::default();
        for (effective, expect) in [
            (day(2026, 11, 24), ExpiryBucket::Expired),
            (day(2026, 11, 25), ExpiryBucket::Today),
            (day(2026, 11, 26), ExpiryBucket::Soon),
            (day(2026, 12, 2), ExpiryBucket::Soon),   // 7 days left
            (day(2026, 12, 3), ExpiryBucket::Later),  // 8 days left
            (day(2026, 12, 25), ExpiryBucket::Later), // 30 days left
            (day(2026, 12, 26), ExpiryBucket::Fine),  // 31 days left
        ] {
            assert_eq!(expiry_bucket(effective, today, t), expect, "{effective}");
        }
        let custom = ExpiryThresholds {
            soon_days: 3,
            later_days: 14,
        };
        assert_eq!(expiry_bucket(day(2026, 11, 29), today, custom), ExpiryBucket::Later);
    }
}

//! Ages in days: the age limits of interval partitions and the patient's age.
//!
//! Every comparison is made in whole days. A limit written as `3d`, `2wk`, `6mo` or `18y`
//! becomes days by a fixed rule: 1 wk = 7 d, 1 mo = 30.4375 d and 1 y = 365.25 d, rounded
//! down (so `18y` = 6574 d and `1mo` = 30 d). An interval's age range includes its lower
//! limit and excludes its upper one: `[1y, 18y)` holds a patient from 365 days old up to
//! and including 6573 days old. A patient's age entered as "18 years" goes through the same
//! rule, so it always lands in a partition starting at `18y`. An age counted from a birth
//! date is exact in days and may sit one day either side of the rule near a birthday.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The unit an age limit is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl AgeUnit {
    /// The suffix used in tables: `d`, `wk`, `mo`, `y`.
    pub fn suffix(self) -> &'static str {
        match self {
            AgeUnit::Days => "d",
            AgeUnit::Weeks => "wk",
            AgeUnit::Months => "mo",
            AgeUnit::Years => "y",
        }
    }

    /// Reads a unit as people write it in a table.
    pub fn parse(text: &str) -> Option<AgeUnit> {
        match text.trim().to_ascii_lowercase().as_str() {
            "d" | "day" | "days" => Some(AgeUnit::Days),
            "w" | "wk" | "wks" | "week" | "weeks" => Some(AgeUnit::Weeks),
            "mo" | "mos" | "month" | "months" => Some(AgeUnit::Months),
            "y" | "yr" | "yrs" | "year" | "years" => Some(AgeUnit::Years),
            _ => None,
        }
    }

    /// Whole days in `amount` of this unit, by the rule in the module documentation.
    pub fn to_days(self, amount: u32) -> u32 {
        let amount = u64::from(amount);
        let days = match self {
            AgeUnit::Days => amount,
            AgeUnit::Weeks => amount * 7,
            // 30.4375 = 487 / 16 and 365.25 = 1461 / 4: integer arithmetic, no rounding drift.
            AgeUnit::Months => amount * 487 / 16,
            AgeUnit::Years => amount * 1461 / 4,
        };
        u32::try_from(days).unwrap_or(u32::MAX)
    }
}

/// An age limit as written (`18y`), kept so an export writes back what was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AgeLimit {
    pub amount: u32,
    pub unit: AgeUnit,
}

impl AgeLimit {
    pub fn new(amount: u32, unit: AgeUnit) -> AgeLimit {
        AgeLimit { amount, unit }
    }

    pub fn days(self) -> u32 {
        self.unit.to_days(self.amount)
    }
}

impl fmt::Display for AgeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

/// Why an age limit could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgeParseError {
    /// The number part is missing or not a whole number (`1.5y`, `y`).
    BadAmount(String),
    /// The unit is not one of d, wk, mo, y (`18yrs` is accepted, `18 decades` is not).
    BadUnit(String),
}

impl fmt::Display for AgeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AgeParseError::BadAmount(text) => write!(
                f,
                "age '{text}' needs a whole number and a unit, e.g. 3d, 2wk, 6mo or 18y"
            ),
            AgeParseError::BadUnit(text) => {
                write!(f, "age unit in '{text}' is not one of d, wk, mo, y")
            }
        }
    }
}

impl std::str::FromStr for AgeLimit {
    type Err = AgeParseError;

    fn from_str(text: &str) -> Result<AgeLimit, AgeParseError> {
        let trimmed = text.trim();
        let split = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(trimmed.len());
        let (number, unit) = trimmed.split_at(split);
        let amount: u32 = number.parse().map_err(|_| AgeParseError::BadAmount(text.to_string()))?;
        if unit.trim().is_empty() {
            return Err(AgeParseError::BadUnit(text.to_string()));
        }
        // A decimal point right after the digits is a fractional amount, not a unit.
        if unit.starts_with(['.', ',']) {
            return Err(AgeParseError::BadAmount(text.to_string()));
        }
        let unit = AgeUnit::parse(unit).ok_or_else(|| AgeParseError::BadUnit(text.to_string()))?;
        Ok(AgeLimit::new(amount, unit))
    }
}

/// The ages a partition covers: from `from` (inclusive) to `to` (exclusive); `None` is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AgeRange {
    pub from: Option<AgeLimit>,
    pub to: Option<AgeLimit>,
}

impl AgeRange {
    /// Every age: the range of an interval without age partitions.
    pub const ALL: AgeRange = AgeRange { from: None, to: None };

    pub fn from_days(&self) -> u32 {
        self.from.map_or(0, AgeLimit::days)
    }

    pub fn to_days(&self) -> Option<u32> {
        self.to.map(AgeLimit::days)
    }

    pub fn is_all_ages(&self) -> bool {
        self.from_days() == 0 && self.to.is_none()
    }

    /// True when a patient `age_days` old falls in this range.
    pub fn contains(&self, age_days: u32) -> bool {
        age_days >= self.from_days() && self.to_days().is_none_or(|to| age_days < to)
    }

    /// True when some age falls in both ranges.
    pub fn overlaps(&self, other: &AgeRange) -> bool {
        let starts_before_other_ends = other.to_days().is_none_or(|to| self.from_days() < to);
        let other_starts_before_end = self.to_days().is_none_or(|to| other.from_days() < to);
        starts_before_other_ends && other_starts_before_end
    }

    /// The width in days, used to prefer the narrower of two matching partitions.
    pub fn width_days(&self) -> u32 {
        self.to_days().unwrap_or(u32::MAX).saturating_sub(self.from_days())
    }
}

impl fmt::Display for AgeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (None, None) => write!(f, "all ages"),
            (Some(from), None) => write!(f, "{from} and older"),
            (None, Some(to)) => write!(f, "under {to}"),
            (Some(from), Some(to)) => write!(f, "{from} to under {to}"),
        }
    }
}

/// The whole days from birth to `on`, or `None` when `on` is before the birth date.
pub fn age_in_days(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    let days = (on - birth).num_days();
    u32::try_from(days).ok()
}

/// "3-day-old", "5-month-old", "42-year-old": how a message names a patient's age.
///
/// Under 31 days the age is said in days (neonatal partitions are in days), under two years
/// in whole months, and from then on in whole years, each by the rule of this module.
pub fn describe_age(age_days: u32) -> String {
    if age_days < 31 {
        format!("{age_days}-day-old")
    } else if age_days < AgeUnit::Years.to_days(2) {
        format!("{}-month-old", whole_units(age_days, AgeUnit::Months))
    } else {
        format!("{}-year-old", whole_units(age_days, AgeUnit::Years))
    }
}

/// The most whole `unit`s whose days (by the rule) fit in `age_days`: the inverse of
/// [`AgeUnit::to_days`], so a patient entered as 30 years is described as 30 years old.
pub fn whole_units(age_days: u32, unit: AgeUnit) -> u32 {
    let days = u64::from(age_days);
    let estimate = match unit {
        AgeUnit::Days => return age_days,
        AgeUnit::Weeks => return age_days / 7,
        AgeUnit::Months => days * 16 / 487,
        AgeUnit::Years => days * 4 / 1461,
    };
    // The estimate is below age_days, so it fits in u32.
    let estimate = u32::try_from(estimate).unwrap_or(u32::MAX);
    if estimate < u32::MAX && unit.to_days(estimate + 1) <= age_days {
        estimate + 1
    } else {
        estimate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_days(text: &str, expect: u32) {
        let limit: AgeLimit = text.parse().expect(text);
        assert_eq!(limit.days(), expect, "{text}");
        assert_eq!(limit.to_string().parse::<AgeLimit>().expect("round trip"), limit);
    }

    #[test]
    fn limits_become_days_by_the_documented_rule() {
        check_days("0d", 0);
        check_days("7d", 7);
        check_days("2wk", 14);
        // 30.4375 x 1 = 30.4 -> 30; x 6 = 182.6 -> 182; x 12 = 365.25 -> 365.
        check_days("1mo", 30);
        check_days("6mo", 182);
        check_days("12 months", 365);
        // 365.25 x 1 = 365; x 18 = 6574.5 -> 6574; x 65 = 23741.25 -> 23741.
        check_days("1y", 365);
        check_days("18y", 6574);
        check_days("65yrs", 23741);
    }

    #[test]
    fn bad_ages_say_what_is_wrong() {
        assert_eq!("1.5y".parse::<AgeLimit>(), Err(AgeParseError::BadAmount("1.5y".into())));
        assert_eq!("y".parse::<AgeLimit>(), Err(AgeParseError::BadAmount("y".into())));
        assert_eq!("18".parse::<AgeLimit>(), Err(AgeParseError::BadUnit("18".into())));
        assert_eq!(
            "3 decades".parse::<AgeLimit>(),
            Err(AgeParseError::BadUnit("3 decades".into()))
        );
    }

    #[test]
    fn ranges_include_the_low_limit_and_exclude_the_high_one() {
        let child = AgeRange {
            from: Some(AgeLimit::new(1, AgeUnit::Years)),
            to: Some(AgeLimit::new(18, AgeUnit::Years)),
        };
        for (age, inside) in [(364, false), (365, true), (6573, true), (6574, false)] {
            assert_eq!(child.contains(age), inside, "age {age} days");
        }
        let adult = AgeRange {
            from: Some(AgeLimit::new(18, AgeUnit::Years)),
            to: None,
        };
        assert!(!child.overlaps(&adult));
        assert!(adult.overlaps(&AgeRange::ALL));
    }

    #[test]
    fn ages_are_described_in_the_unit_a_reader_expects() {
        assert_eq!(describe_age(3), "3-day-old");
        assert_eq!(describe_age(45), "1-month-old");
        assert_eq!(describe_age(400), "13-month-old");
        for years in [3, 18, 30, 42, 65, 100] {
            assert_eq!(describe_age(AgeUnit::Years.to_days(years)), format!("{years}-year-old"));
            assert_eq!(
                describe_age(AgeUnit::Years.to_days(years) - 1),
                format!("{}-year-old", years - 1)
            );
        }
        assert_eq!(describe_age(AgeUnit::Months.to_days(6)), "6-month-old");
        assert_eq!(describe_age(AgeUnit::Years.to_days(2) - 1), "23-month-old");
        let birth = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let on = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(age_in_days(birth, on), Some(3));
        assert_eq!(age_in_days(on, birth), None);
    }
}

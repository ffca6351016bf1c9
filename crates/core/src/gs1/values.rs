//! Typed values for parsed AIs: dates with the GS1 century rule, GTINs, counts and measures.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::lint::{days_in_month, Linter};
use super::table::AiEntry;

/// What an AI's value means, once checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Gs1Value {
    /// A GTIN-14 (AIs 01, 02, 03), check digit verified.
    Gtin(String),
    /// A calendar date (AIs 11-17, 7006); day 00 already turned into the month's last day.
    Date(NaiveDate),
    /// A date and time (AI 7003).
    DateTime(NaiveDateTime),
    /// A whole count (AIs 30, 37).
    Count(u64),
    /// A measure with implied decimals (AIs 31nn-36nn): `digits / 10^decimals`.
    Measure { digits: u64, decimals: u32 },
    /// Anything else, as printed.
    Text(String),
}

impl Gs1Value {
    /// A plain rendering: ISO 8601 for dates, the decimal for measures.
    pub fn display(&self) -> String {
        match self {
            Gs1Value::Gtin(s) | Gs1Value::Text(s) => s.clone(),
            Gs1Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Gs1Value::DateTime(dt) => dt.format("%Y-%m-%dT%H:%M").to_string(),
            Gs1Value::Count(n) => n.to_string(),
            Gs1Value::Measure { digits, decimals } => {
                let text = format!("{digits:0width$}", width = *decimals as usize + 1);
                let (whole, fraction) = text.split_at(text.len() - *decimals as usize);
                match fraction.is_empty() {
                    true => whole.to_string(),
                    false => format!("{whole}.{fraction}"),
                }
            }
        }
    }
}

/// The full year for a two-digit year, by the GS1 General Specifications rule (section 7.12):
/// a YY 51 or more years ahead of the current year belongs to the previous century, one 50 or
/// more years behind belongs to the next century, anything else to the current one.
pub fn full_year(yy: i32, today: NaiveDate) -> i32 {
    let current = today.year();
    let century = current.div_euclid(100) * 100;
    let difference = yy - current.rem_euclid(100);
    if difference >= 51 {
        century - 100 + yy
    } else if difference <= -50 {
        century + 100 + yy
    } else {
        century + yy
    }
}

/// The calendar date of a checked YYMMDD (day 00 = last day of the month), or `None` when the
/// date does not exist in the century the rule picks (only 29 February of a century year).
pub fn yymmdd_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let yy: i32 = text.get(..2)?.parse().ok()?;
    let month: u32 = text.get(2..4)?.parse().ok()?;
    let day: u32 = text.get(4..6)?.parse().ok()?;
    let year = full_year(yy, today);
    let leap = NaiveDate::from_ymd_opt(year, 2, 29).is_some();
    let day = if day == 0 { days_in_month(leap, month) } else { day };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Builds the typed value of an AI whose text has passed every check.
pub fn typed_value(entry: &AiEntry, text: &str, today: NaiveDate) -> Option<Gs1Value> {
    let first = entry.components.first()?;
    let is_date = |c: &super::table::Component| c.linters.iter().any(|l| matches!(l, Linter::Yymmd0 | Linter::Yymmdd));
    Some(match entry.ai.as_str() {
        "01" | "02" | "03" => Gs1Value::Gtin(text.to_string()),
        "30" | "37" => Gs1Value::Count(text.parse().ok()?),
        ai if ai.len() == 4 && matches!(&ai[..2], "31" | "32" | "33" | "34" | "35" | "36") => Gs1Value::Measure {
            digits: text.parse().ok()?,
            decimals: ai[3..].parse().ok()?,
        },
        _ if entry.components.len() == 1 && is_date(first) => Gs1Value::Date(yymmdd_date(text, today)?),
        "7003" => {
            let date = yymmdd_date(text.get(..6)?, today)?;
            let hour = text.get(6..8)?.parse().ok()?;
            let minute = text.get(8..10)?.parse().ok()?;
            Gs1Value::DateTime(date.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?))
        }
        _ => Gs1Value::Text(text.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn century_rule_follows_the_general_specifications() {
        // Worked from the rule with the current year 2026 (YY 26): YY 76 is 50 ahead, so this
        // century (2076); YY 77 is 51 ahead, so the previous one (1977).
        let today = day(2026, 11, 25);
        for (yy, expect) in [(26, 2026), (76, 2076), (77, 1977), (0, 2000), (99, 1999)] {
            assert_eq!(full_year(yy, today), expect, "YY {yy}");
        }
        // In 2080 (YY 80), YY 30 is 50 behind, so it belongs to the next century: 2130.
        assert_eq!(full_year(30, day(2080, 1, 1)), 2130);
        assert_eq!(full_year(31, day(2080, 1, 1)), 2031);
    }

    #[test]
    fn day_zero_is_the_last_day_of_the_month() {
        let today = day(2026, 11, 25);
        for (text, expect) in [
            ("250600", day(2025, 6, 30)),
            ("240200", day(2024, 2, 29)),
            ("250200", day(2025, 2, 28)),
            ("251200", day(2025, 12, 31)),
            ("250630", day(2025, 6, 30)),
        ] {
            assert_eq!(yymmdd_date(text, today), Some(expect), "{text}");
        }
    }

    #[test]
    fn measures_place_the_implied_decimal_point() {
        for (digits, decimals, expect) in [(195, 3, "0.195"), (123456, 0, "123456"), (5, 2, "0.05")] {
            assert_eq!(Gs1Value::Measure { digits, decimals }.display(), expect);
        }
    }
}

//! The user's preferences that every section reads: unit system, date format, lab name, theme.

use serde::{Deserialize, Serialize};

/// Which units results and intervals are shown in first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitSystem {
    /// mg/dL, g/dL, ...: what most US labs report.
    #[default]
    Conventional,
    /// mmol/L, g/L, ...: the International System.
    Si,
}

/// How dates are written on screen and in exports meant for people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// 2026-11-25: unambiguous everywhere, the default.
    #[default]
    Iso,
    /// 11/25/2026
    MonthDayYear,
    /// 25/11/2026
    DayMonthYear,
}

/// Light, dark, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Everything the Settings screen edits. Unknown or missing fields fall back to defaults,
/// so preferences saved by an older or newer version never fail to load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub unit_system: UnitSystem,
    pub date_format: DateFormat,
    pub theme: Theme,
    /// The lab's name as shown in the header and on exports; empty when not set.
    pub lab_name: String,
}

impl Preferences {
    /// The longest lab name kept; longer input is cut at a character boundary.
    pub const MAX_LAB_NAME: usize = 80;

    /// Reads saved preferences, falling back to the defaults for anything unreadable:
    /// a damaged preference must never keep the app from starting.
    pub fn from_json(text: &str) -> Preferences {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("preferences always serialize")
    }

    /// Sets the lab name, trimmed and bounded.
    pub fn set_lab_name(&mut self, name: &str) {
        self.lab_name = name.trim().chars().take(Self::MAX_LAB_NAME).collect();
    }

    /// Formats a calendar date the way the user asked for.
    pub fn format_date(&self, date: chrono::NaiveDate) -> String {
        let pattern = match self.date_format {
            DateFormat::Iso => "%Y-%m-%d",
            DateFormat::MonthDayYear => "%m/%d/%Y",
            DateFormat::DayMonthYear => "%d/%m/%Y",
        };
        date.format(pattern).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn check_load(json: &str, expect: Preferences) {
        assert_eq!(Preferences::from_json(json), expect, "loading {json}");
    }

    #[test]
    fn loading_tolerates_damage_and_old_versions() {
        check_load("", Preferences::default());
        check_load("not json", Preferences::default());
        check_load(
            r#"{"unit_system":"si"}"#,
            Preferences {
                unit_system: UnitSystem::Si,
                ..Default::default()
            },
        );
        check_load(
            r#"{"lab_name":"Core Lab","future_field":1}"#,
            Preferences {
                lab_name: "Core Lab".into(),
                ..Default::default()
            },
        );
    }

    #[test]
    fn round_trips_through_json() {
        let prefs = Preferences {
            unit_system: UnitSystem::Si,
            date_format: DateFormat::DayMonthYear,
            theme: Theme::Dark,
            lab_name: "St. Elsewhere Chemistry".into(),
        };
        assert_eq!(Preferences::from_json(&prefs.to_json()), prefs);
    }

    #[test]
    fn lab_name_is_trimmed_and_bounded() {
        let mut prefs = Preferences::default();
        prefs.set_lab_name("  Core Lab  ");
        assert_eq!(prefs.lab_name, "Core Lab");
        prefs.set_lab_name(&"é".repeat(200));
        assert_eq!(prefs.lab_name.chars().count(), Preferences::MAX_LAB_NAME);
    }

    #[test]
    fn dates_follow_the_chosen_format() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        let mut prefs = Preferences::default();
        for (format, expect) in [
            (DateFormat::Iso, "2026-02-03"),
            (DateFormat::MonthDayYear, "02/03/2026"),
            (DateFormat::DayMonthYear, "03/02/2026"),
        ] {
            prefs.date_format = format;
            assert_eq!(prefs.format_date(date), expect);
        }
    }
}

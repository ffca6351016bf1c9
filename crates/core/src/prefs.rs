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
    /// How many days before a CE cycle ends the Portfolio warns that a credential is behind;
    /// `None` means the default (`WarningPolicy::default()`, 90 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ce_warning_days: Option<u32>,
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

    /// The longest CE warning lead time kept: a whole five-year cycle.
    pub const MAX_CE_WARNING_DAYS: u32 = 1826;

    /// When the Portfolio starts warning that a credential is behind.
    pub fn ce_warning_policy(&self) -> crate::portfolio::WarningPolicy {
        match self.ce_warning_days {
            Some(days) => crate::portfolio::WarningPolicy {
                lead_days: days.min(Self::MAX_CE_WARNING_DAYS),
            },
            None => crate::portfolio::WarningPolicy::default(),
        }
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
            ce_warning_days: Some(60),
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

    #[test]
    fn the_ce_warning_lead_time_defaults_to_90_days_and_is_bounded() {
        let mut prefs = Preferences::default();
        assert_eq!(prefs.ce_warning_policy().lead_days, 90);
        prefs.ce_warning_days = Some(30);
        assert_eq!(prefs.ce_warning_policy().lead_days, 30);
        prefs.ce_warning_days = Some(100_000);
        assert_eq!(prefs.ce_warning_policy().lead_days, 1826);
        // Saved preferences from before this setting load with the default.
        check_load(
            r#"{"lab_name":"X"}"#,
            Preferences {
                lab_name: "X".into(),
                ..Preferences::default()
            },
        );
        let round = Preferences::from_json(
            &Preferences {
                ce_warning_days: Some(45),
                ..Preferences::default()
            }
            .to_json(),
        );
        assert_eq!(round.ce_warning_days, Some(45));
    }
}

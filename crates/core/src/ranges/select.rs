//! Choosing the interval that applies to a patient, or saying plainly why none does.
//!
//! Rows are filtered step by step (condition and gestation, then age, then sex) so that
//! the reason given is the step that left nothing: "no reference interval for a 3-day-old".
//! When several rows remain, the most specific wins: a row for the patient's condition over
//! a general one, a gestational row over one without, a sex-specific row over `any`, and a
//! narrower age range over a wider one. Import validation refuses overlapping rows, so this
//! ordering only matters for a condition row shadowing the general row, as intended.

use super::age::describe_age;
use super::model::{Category, Interval, Sex};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::fmt;

/// The patient's sex as known at the bench.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatientSex {
    Male,
    Female,
    #[default]
    Unknown,
}

impl PatientSex {
    fn word(self) -> &'static str {
        match self {
            PatientSex::Male => "male",
            PatientSex::Female => "female",
            PatientSex::Unknown => "patient of unknown sex",
        }
    }

    fn matches(self, row: Sex) -> bool {
        matches!(
            (self, row),
            (_, Sex::Any) | (PatientSex::Male, Sex::Male) | (PatientSex::Female, Sex::Female)
        )
    }
}

/// What selection knows about the patient. Every field may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patient {
    /// Age in whole days (see [`super::age`] for turning years or a birth date into days).
    pub age_days: Option<u32>,
    pub sex: PatientSex,
    /// Conditions such as `pregnancy` or `fasting`, lowercase.
    pub conditions: Vec<String>,
    /// Gestational age at birth in completed weeks, for neonatal partitions.
    pub gestation_weeks: Option<u32>,
}

impl Patient {
    pub fn new(age_days: Option<u32>, sex: PatientSex) -> Patient {
        Patient {
            age_days,
            sex,
            ..Patient::default()
        }
    }

    pub fn with_condition(mut self, condition: &str) -> Patient {
        self.conditions.push(condition.trim().to_ascii_lowercase());
        self
    }

    fn has_condition(&self, condition: &str) -> bool {
        self.conditions.iter().any(|c| c == condition)
    }
}

/// The gestational ages at birth, in completed weeks, a patient field accepts: from the
/// limit of viability to well past term. Anything outside is a typing slip.
pub const GESTATION_WEEKS: std::ops::RangeInclusive<u32> = 20..=45;

/// Reads the gestational-age field: empty is unknown, otherwise whole weeks within
/// [`GESTATION_WEEKS`], or the reason it is not.
pub fn parse_gestation_weeks(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (low, high) = (GESTATION_WEEKS.start(), GESTATION_WEEKS.end());
    match text.parse::<u32>() {
        Ok(weeks) if GESTATION_WEEKS.contains(&weeks) => Ok(Some(weeks)),
        Ok(weeks) => Err(format!(
            "Gestational age: {weeks} weeks is outside {low} to {high} completed weeks."
        )),
        Err(_) => Err(format!("Gestational age: '{text}' is not a whole number of weeks.")),
    }
}

/// Why no interval of a category applies to the patient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoMatch {
    /// The table has no rows of this category for the analyte.
    NotDefined { category: Category },
    /// Every row is for a condition the patient does not have (e.g. only pregnancy rows).
    OnlyForConditions {
        category: Category,
        conditions: Vec<String>,
    },
    /// The rows are split by age and the age is not known.
    AgeNeeded { category: Category },
    /// No row covers this age.
    NoneForAge { category: Category, age_days: u32 },
    /// The rows for this age are split by sex and the sex is not known.
    SexNeeded { category: Category },
    /// Rows exist for this age, but not for this sex.
    NoneForSex {
        category: Category,
        sex: PatientSex,
        age_days: Option<u32>,
    },
}

impl fmt::Display for NoMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoMatch::NotDefined { category } => write!(f, "no {} defined", category.noun()),
            NoMatch::OnlyForConditions { category, conditions } => {
                write!(f, "the {} is only given for {}", category.noun(), conditions.join(", "))
            }
            NoMatch::AgeNeeded { category } => {
                write!(f, "the {} depends on age: enter the patient's age", category.noun())
            }
            NoMatch::NoneForAge { category, age_days } => {
                write!(f, "no {} for a {}", category.noun(), describe_age(*age_days))
            }
            NoMatch::SexNeeded { category } => {
                write!(f, "the {} depends on sex: enter the patient's sex", category.noun())
            }
            NoMatch::NoneForSex {
                category,
                sex,
                age_days,
            } => match age_days {
                Some(age) => write!(f, "no {} for a {} {}", category.noun(), describe_age(*age), sex.word()),
                None => write!(f, "no {} for a {}", category.noun(), sex.word()),
            },
        }
    }
}

/// The row of `category` among `rows` that applies to `patient`.
pub fn select_interval<'a>(
    rows: impl IntoIterator<Item = &'a Interval>,
    category: Category,
    patient: &Patient,
) -> Result<&'a Interval, NoMatch> {
    let rows: Vec<&Interval> = rows.into_iter().filter(|r| r.category == category).collect();
    if rows.is_empty() {
        return Err(NoMatch::NotDefined { category });
    }
    let applicable: Vec<&Interval> = rows
        .iter()
        .copied()
        .filter(|r| r.condition.as_deref().is_none_or(|c| patient.has_condition(c)))
        .filter(|r| {
            r.gestation
                .is_none_or(|g| patient.gestation_weeks.is_some_and(|w| g.contains(w)))
        })
        .collect();
    // When nothing general applies but rows for a condition would (LH for a woman, given
    // by cycle phase only), name the conditions: that is what the person can act on.
    let only_conditions = |fallback: NoMatch| {
        let mut conditions: Vec<String> = rows
            .iter()
            .filter(|r| patient.age_days.map_or(r.age.is_all_ages(), |age| r.age.contains(age)))
            .filter(|r| patient.sex.matches(r.sex))
            .filter_map(|r| match (&r.condition, r.gestation) {
                (Some(c), _) if !patient.has_condition(c) => Some(c.clone()),
                (None, Some(_)) => Some("a gestational age at birth".to_string()),
                _ => None,
            })
            .collect();
        conditions.sort();
        conditions.dedup();
        if conditions.is_empty() {
            fallback
        } else {
            NoMatch::OnlyForConditions { category, conditions }
        }
    };
    let for_age: Vec<&Interval> = match patient.age_days {
        None => applicable.iter().copied().filter(|r| r.age.is_all_ages()).collect(),
        Some(age) => applicable.iter().copied().filter(|r| r.age.contains(age)).collect(),
    };
    if for_age.is_empty() {
        return Err(only_conditions(match patient.age_days {
            None => NoMatch::AgeNeeded { category },
            Some(age_days) => NoMatch::NoneForAge { category, age_days },
        }));
    }
    let for_sex: Vec<&Interval> = for_age.iter().copied().filter(|r| patient.sex.matches(r.sex)).collect();
    if for_sex.is_empty() {
        return Err(only_conditions(match patient.sex {
            PatientSex::Unknown => NoMatch::SexNeeded { category },
            sex => NoMatch::NoneForSex {
                category,
                sex,
                age_days: patient.age_days,
            },
        }));
    }
    for_sex
        .into_iter()
        .max_by_key(|r| {
            (
                r.condition.is_some(),
                r.gestation.is_some(),
                r.sex != Sex::Any,
                Reverse(r.age.width_days()),
            )
        })
        .ok_or(NoMatch::NotDefined { category })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gestational_age_field() {
        for (text, expect) in [
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("37", Ok(Some(37))),
            (" 20 ", Ok(Some(20))),
            ("45", Ok(Some(45))),
            (
                "19",
                Err("Gestational age: 19 weeks is outside 20 to 45 completed weeks."),
            ),
            (
                "46",
                Err("Gestational age: 46 weeks is outside 20 to 45 completed weeks."),
            ),
            ("36.5", Err("Gestational age: '36.5' is not a whole number of weeks.")),
            ("-3", Err("Gestational age: '-3' is not a whole number of weeks.")),
            ("term", Err("Gestational age: 'term' is not a whole number of weeks.")),
        ] {
            assert_eq!(parse_gestation_weeks(text), expect.map_err(str::to_string), "{text:?}");
        }
    }
}

//! The shape of a CE program's rules as data (total per cycle, mandatory topics, caps, unit
//! conversions, role flags), each part marked verified or not, and the checks that rule data
//! must pass. The bundled programs live in `data/ce-programs.json`; a custom program is a
//! `ProgramRules` value the user writes through the app.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::category::ContentCategory;
use super::credit::{CreditType, CreditUnit, Points};
use super::error::PortfolioError;

/// A program's complete rule set for one credential type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramRules {
    /// Stable id, lowercase letters, digits and hyphens: `ascp-boc-cmp-mls`.
    pub id: String,
    pub name: String,
    /// Who sets the rules: "ASCP Board of Certification", "Florida Board of Clinical Laboratory Personnel".
    pub issuer: String,
    pub unit: CreditUnit,
    /// Usual cycle length, used to suggest a cycle end from its start.
    pub cycle_months: u32,
    /// When someone last compared these rules with their sources.
    pub checked: NaiveDate,
    pub sources: Vec<RuleSource>,
    /// How each credit type converts into the program's unit; unlisted types do not count.
    pub conversions: Vec<Conversion>,
    pub total: TotalRule,
    #[serde(default)]
    pub topics: Vec<TopicRule>,
    /// A minimum per specialty the credential holds (Florida: 1 h per licensed category).
    #[serde(default)]
    pub per_specialty: Option<SpecialtyRule>,
    #[serde(default)]
    pub caps: Vec<CapRule>,
    /// Flags a credential may carry that change its requirements (supervisor, first renewal).
    #[serde(default)]
    pub roles: Vec<RoleFlag>,
    /// Whether one entry's credit may count in full toward every topic it matches.
    pub topic_overlap: TopicOverlap,
    #[serde(default)]
    pub notes: Vec<RuleNote>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSource {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    pub credit_type: CreditType,
    /// Program units per one unit of the credit type (CEU: 10).
    pub factor: f64,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalRule {
    pub minimum: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waived_for_roles: Vec<String>,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A mandatory topic: at least `minimum` from entries in any of `categories`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRule {
    pub id: String,
    pub label: String,
    pub minimum: f64,
    pub categories: Vec<ContentCategory>,
    /// When not empty, the topic applies only to credentials with one of these roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_for_roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waived_for_roles: Vec<String>,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialtyRule {
    pub label: String,
    pub minimum: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waived_for_roles: Vec<String>,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// At most so much from the entries a cap selects. An entry is selected when its credit type
/// is listed (or none are) and it has a listed category (or none are).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapRule {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_types: Vec<CreditType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<ContentCategory>,
    pub limit: CapLimit,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapLimit {
    /// A fixed number of the program's units.
    MaxPoints(f64),
    /// A fraction of the total the cycle requires (0.5 = half).
    MaxFractionOfTotal(f64),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFlag {
    pub id: String,
    pub label: String,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicOverlap {
    pub allowed: bool,
    pub verified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleNote {
    pub text: String,
    pub verified: bool,
}

/// Where a rule set comes from, which decides how strictly its categories are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesOrigin {
    /// Bundled with the app: must cite a source and use only built-in categories, so a typo
    /// in the data file fails a test instead of silently matching nothing.
    Catalogue,
    /// Written by the user: any category, no source needed.
    Custom,
}

/// The largest minimum or cap a rule may state; keeps fixed-point sums far from overflow.
const MAX_RULE_AMOUNT: f64 = 10_000.0;

impl ProgramRules {
    /// The conversion for a credit type, if the program counts it.
    pub fn conversion(&self, credit_type: CreditType) -> Option<&Conversion> {
        self.conversions.iter().find(|c| c.credit_type == credit_type)
    }

    /// The usual cycle end for a cycle starting on `start`: the day before the same date
    /// `cycle_months` later (a 3-year cycle from 2024-01-01 ends 2026-12-31).
    pub fn suggested_cycle_end(&self, start: NaiveDate) -> Option<NaiveDate> {
        start.checked_add_months(Months::new(self.cycle_months))?.pred_opt()
    }

    pub fn role(&self, id: &str) -> Option<&RoleFlag> {
        self.roles.iter().find(|role| role.id == id)
    }

    /// The required total in program units.
    pub fn total_points(&self) -> Result<Points, PortfolioError> {
        rule_points(&self.id, "total", self.total.minimum)
    }

    /// A cap's limit in program units.
    pub fn cap_points(&self, cap: &CapRule) -> Result<Points, PortfolioError> {
        match cap.limit {
            CapLimit::MaxPoints(value) => rule_points(&self.id, &cap.id, value),
            CapLimit::MaxFractionOfTotal(fraction) => {
                if !(fraction > 0.0 && fraction <= 1.0) {
                    return Err(invalid(
                        &self.id,
                        &cap.id,
                        "a fraction of the total must be above 0 and at most 1",
                    ));
                }
                rule_points(&self.id, &cap.id, self.total.minimum * fraction)
            }
        }
    }
}

/// A rule's decimal amount as `Points`: above zero and at most 10,000.
pub(crate) fn rule_points(program: &str, rule: &str, value: f64) -> Result<Points, PortfolioError> {
    let ok = value.is_finite() && value > 0.0 && value <= MAX_RULE_AMOUNT;
    require(ok, program, rule, "the amount must be above 0 and at most 10000")?;
    Points::from_decimal(value).ok_or_else(|| invalid(program, rule, "the amount is not a number"))
}

pub(crate) fn require(ok: bool, program: &str, rule: &str, reason: &str) -> Result<(), PortfolioError> {
    if ok {
        Ok(())
    } else {
        Err(invalid(program, rule, reason))
    }
}

pub(crate) fn invalid(program: &str, rule: &str, reason: &str) -> PortfolioError {
    PortfolioError::InvalidRules {
        program: program.to_string(),
        rule: rule.to_string(),
        reason: reason.to_string(),
    }
}

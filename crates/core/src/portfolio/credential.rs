//! A credential the user holds (a certification or a license) with its current CE cycle,
//! and the checks it must pass against its program's rules.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::category::ContentCategory;
use super::entry::check_categories;
use super::error::{check_optional_text, check_required_text, PortfolioError, Problems};
use super::rules::{ProgramRules, RulesOrigin};

/// Which rules a credential follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramChoice {
    /// A program from the bundled catalogue, by id.
    Catalogue(String),
    /// The user's own rules, for a credential the catalogue does not hold.
    Custom(Box<ProgramRules>),
}

/// A credential and its current cycle (record kind `credential`, personal scope).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    /// What the user calls it: "MLS(ASCP)", "Florida license, supervisor".
    pub label: String,
    pub program: ProgramChoice,
    /// First and last day of the cycle; entries completed on either day count.
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    /// Role flags the program defines (Florida: `supervisor`, `director`, `first_biennium`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Licensed categories, for programs with a per-specialty minimum (Florida).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specialties: Vec<ContentCategory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_number: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Credential {
    /// A credential following a catalogue program, with no roles or specialties.
    pub fn new(label: &str, program_id: &str, cycle_start: NaiveDate, cycle_end: NaiveDate) -> Credential {
        Credential {
            label: label.to_string(),
            program: ProgramChoice::Catalogue(program_id.to_string()),
            cycle_start,
            cycle_end,
            roles: Vec::new(),
            specialties: Vec::new(),
            credential_number: None,
            notes: String::new(),
        }
    }

    /// The program's id, whether from the catalogue or custom.
    pub fn program_id(&self) -> &str {
        match &self.program {
            ProgramChoice::Catalogue(id) => id,
            ProgramChoice::Custom(rules) => &rules.id,
        }
    }

    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    /// True when the credential has any of `roles`.
    pub fn has_any_role(&self, roles: &[String]) -> bool {
        roles.iter().any(|role| self.has_role(role))
    }

    /// Every problem with the credential, including ones only its program's rules reveal.
    pub fn validate(&self, catalogue: &Catalogue) -> Result<(), Problems> {
        let mut problems = Vec::new();
        check_required_text(&mut problems, "label", &self.label, 120);
        check_optional_text(
            &mut problems,
            "credential number",
            self.credential_number.as_deref(),
            80,
        );
        check_optional_text(&mut problems, "notes", Some(&self.notes), 4000);
        if self.cycle_end < self.cycle_start {
            problems.push(PortfolioError::DatesOutOfOrder {
                start_field: "cycle start",
                start: self.cycle_start,
                end_field: "cycle end",
                end: self.cycle_end,
            });
        }
        check_categories(&mut problems, &self.specialties);
        if let ProgramChoice::Custom(rules) = &self.program {
            if let Err(custom) = rules.validate(RulesOrigin::Custom) {
                problems.extend(custom.0);
            }
        }
        match catalogue.rules_for(self) {
            Ok(rules) => problems.extend(self.problems_with_rules(rules)),
            Err(error) => problems.push(error),
        }
        Problems(problems).into_result()
    }

    /// Problems that depend on the program: undefined roles, missing specialties.
    pub(crate) fn problems_with_rules(&self, rules: &ProgramRules) -> Vec<PortfolioError> {
        let mut problems = Vec::new();
        for role in &self.roles {
            if rules.role(role).is_none() {
                problems.push(PortfolioError::UnknownRole {
                    role: role.clone(),
                    program: rules.id.clone(),
                });
            }
        }
        if let Some(specialty) = &rules.per_specialty {
            let waived = self.has_any_role(&specialty.waived_for_roles);
            if self.specialties.is_empty() && !waived {
                problems.push(PortfolioError::MissingSpecialties {
                    program: rules.id.clone(),
                });
            }
        }
        problems
    }
}

/// Credentials are records of their own kind, kept in the user's personal scope.
impl crate::record::RecordBody for Credential {
    const KIND: &'static str = "credential";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn check(credential: Credential, expect: &[&str]) {
        let catalogue = Catalogue::bundled().expect("bundled rules");
        let got: Vec<String> = match credential.validate(&catalogue) {
            Ok(()) => Vec::new(),
            Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(got.len(), expect.len(), "{got:?}");
        for (message, fragment) in got.iter().zip(expect) {
            assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
        }
    }

    #[test]
    fn credentials_are_checked_against_their_program() {
        let ascp = Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
        check(ascp.clone(), &[]);

        let backwards = Credential::new("MLS", "ascp-boc-cmp-mls", day("2026-12-31"), day("2024-01-01"));
        check(backwards, &["cycle end 2024-01-01 is before cycle start 2026-12-31"]);

        let unknown = Credential::new("X", "nope", day("2024-01-01"), day("2025-12-31"));
        check(unknown, &["no CE program with id \"nope\""]);

        let mut florida = Credential::new("FL", "fl-64b3-11-001", day("2025-09-01"), day("2027-08-31"));
        check(florida.clone(), &["needs the credential's licensed categories"]);
        florida.specialties = vec![ContentCategory::parse("hematology").expect("builtin")];
        florida.roles = vec!["supervisor".to_string(), "boss".to_string()];
        check(
            florida.clone(),
            &["role \"boss\" is not defined by program \"fl-64b3-11-001\""],
        );
        // A first-biennium licensee has the per-category minimum waived, so needs no specialties.
        florida.specialties.clear();
        florida.roles = vec!["first_biennium".to_string()];
        check(florida, &[]);

        let mut ascp_with_role = ascp;
        ascp_with_role.roles = vec!["supervisor".to_string()];
        check(
            ascp_with_role,
            &["role \"supervisor\" is not defined by program \"ascp-boc-cmp-mls\""],
        );
    }

    #[test]
    fn a_custom_program_is_validated_with_the_credential() {
        let catalogue = Catalogue::bundled().expect("bundled rules");
        let mut rules = catalogue.custom_template.clone();
        rules.total.minimum = 0.0;
        let mut credential = Credential::new("Own", "custom", day("2025-01-01"), day("2026-12-31"));
        credential.program = ProgramChoice::Custom(Box::new(rules));
        check(credential, &["rule \"total\": the amount must be above 0"]);
    }

    #[test]
    fn suggested_cycle_end_is_the_day_before_the_anniversary() {
        let catalogue = Catalogue::bundled().expect("bundled rules");
        let ascp = catalogue.program("ascp-boc-cmp-mls").expect("listed");
        // 36 months from 2024-01-01 is 2027-01-01; the cycle ends the day before.
        assert_eq!(ascp.suggested_cycle_end(day("2024-01-01")), Some(day("2026-12-31")));
        let florida = catalogue.program("fl-64b3-11-001").expect("listed");
        // 24 months from 2025-09-01 is 2027-09-01 -> 2027-08-31 (Florida's biennium ends 31 August).
        assert_eq!(florida.suggested_cycle_end(day("2025-09-01")), Some(day("2027-08-31")));
    }

    #[test]
    fn a_credential_is_stored_as_a_credential_record_and_read_back() {
        use crate::record::RecordBody;
        assert_eq!(Credential::kind().expect("valid kind").as_str(), "credential");
        let mut credential = Credential::new("MLS(ASCP)", "ascp-boc-cmp-mls", day("2024-01-01"), day("2026-12-31"));
        credential.credential_number = Some("123456".to_string());
        let record = super::super::stored_for_test(&credential);
        assert_eq!(record.body::<Credential>().expect("reads back"), credential);
    }
}

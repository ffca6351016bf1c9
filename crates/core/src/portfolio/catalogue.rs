//! The bundled catalogue of CE programs, read from `data/ce-programs.json` (compiled into
//! the binary), and the lookup from a credential to the rules that apply to it.

use serde::Deserialize;

use super::credential::{Credential, ProgramChoice};
use super::error::PortfolioError;
use super::rules::{ProgramRules, RulesOrigin};

/// The rule file as shipped; a test checks that it parses and validates.
pub const BUNDLED_RULES_JSON: &str = include_str!("../../data/ce-programs.json");

/// The only rule file format this code reads.
const FORMAT: u32 = 1;

/// Every program the app knows, plus the template a custom program starts from.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub format: u32,
    /// What the file is, for people who open it.
    pub about: String,
    pub programs: Vec<ProgramRules>,
    pub custom_template: ProgramRules,
}

impl Catalogue {
    /// The catalogue compiled into the app.
    pub fn bundled() -> Result<Catalogue, PortfolioError> {
        Catalogue::from_json(BUNDLED_RULES_JSON)
    }

    /// Reads and checks a rule file: its format, every program's rules, and unique ids.
    pub fn from_json(text: &str) -> Result<Catalogue, PortfolioError> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|error| PortfolioError::RulesFile {
            reason: error.to_string(),
        })?;
        if catalogue.format != FORMAT {
            return Err(PortfolioError::RulesFile {
                reason: format!("format {} is not the supported format {FORMAT}", catalogue.format),
            });
        }
        for (index, program) in catalogue.programs.iter().enumerate() {
            program
                .validate(RulesOrigin::Catalogue)
                .map_err(|problems| PortfolioError::RulesFile {
                    reason: problems.to_string(),
                })?;
            if catalogue.programs[..index].iter().any(|p| p.id == program.id) {
                return Err(PortfolioError::RulesFile {
                    reason: format!("program id {:?} is used twice", program.id),
                });
            }
        }
        catalogue
            .custom_template
            .validate(RulesOrigin::Custom)
            .map_err(|problems| PortfolioError::RulesFile {
                reason: format!("custom template: {problems}"),
            })?;
        Ok(catalogue)
    }

    pub fn program(&self, id: &str) -> Option<&ProgramRules> {
        self.programs.iter().find(|program| program.id == id)
    }

    /// The rules that apply to a credential: a catalogue program, or its own custom rules.
    pub fn rules_for<'a>(&'a self, credential: &'a Credential) -> Result<&'a ProgramRules, PortfolioError> {
        match &credential.program {
            ProgramChoice::Catalogue(id) => self
                .program(id)
                .ok_or_else(|| PortfolioError::UnknownProgram { id: id.clone() }),
            ProgramChoice::Custom(rules) => Ok(rules),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_rules_parse_and_validate() {
        let catalogue = Catalogue::bundled().expect("bundled rules are valid");
        let ids: Vec<&str> = catalogue.programs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ascp-boc-cmp-mls",
                "ascp-boc-cmp-mlt",
                "amt-ccp-mt",
                "amt-ccp-mlt",
                "ca-cdph-cls",
                "ca-cdph-cpt",
                "fl-64b3-11-001"
            ]
        );
    }

    #[test]
    fn every_bundled_program_is_dated_and_sourced() {
        let catalogue = Catalogue::bundled().expect("bundled rules are valid");
        for program in &catalogue.programs {
            assert!(!program.sources.is_empty(), "{}", program.id);
            let first_check = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
            assert!(program.checked >= first_check, "{}", program.id);
        }
    }

    #[test]
    fn every_unverified_rule_says_why() {
        let catalogue = Catalogue::bundled().expect("bundled rules are valid");
        for program in &catalogue.programs {
            let mut unexplained = Vec::new();
            for c in &program.conversions {
                if !c.verified && c.note.is_none() {
                    unexplained.push(c.credit_type.id().to_string());
                }
            }
            for t in &program.topics {
                if !t.verified && t.note.is_none() {
                    unexplained.push(t.id.clone());
                }
            }
            for c in &program.caps {
                if !c.verified && c.note.is_none() {
                    unexplained.push(c.id.clone());
                }
            }
            for r in &program.roles {
                if !r.verified && r.note.is_none() {
                    unexplained.push(r.id.clone());
                }
            }
            if !program.topic_overlap.verified && program.topic_overlap.note.is_none() {
                unexplained.push("topic_overlap".to_string());
            }
            assert!(unexplained.is_empty(), "{}: {unexplained:?}", program.id);
        }
    }

    #[test]
    fn a_wrong_format_or_broken_rule_is_refused_with_its_reason() {
        let wrong_format = BUNDLED_RULES_JSON.replacen("\"format\": 1", "\"format\": 2", 1);
        let error = Catalogue::from_json(&wrong_format).expect_err("format 2");
        assert!(error.to_string().contains("format 2 is not the supported format 1"));

        let typo = BUNDLED_RULES_JSON.replacen("\"hiv_aids\"]", "\"hiv_aid\"]", 1);
        let error = Catalogue::from_json(&typo).expect_err("unknown category");
        assert!(
            error.to_string().contains("\"hiv_aid\" is not a built-in category"),
            "{error}"
        );

        let negative = BUNDLED_RULES_JSON.replacen("\"minimum\": 36", "\"minimum\": -36", 1);
        let error = Catalogue::from_json(&negative).expect_err("negative total");
        assert!(
            error.to_string().contains("rule \"total\": the amount must be above 0"),
            "{error}"
        );

        let unknown_field = BUNDLED_RULES_JSON.replacen("\"cycle_months\": 36", "\"cycle_month\": 36", 1);
        assert!(Catalogue::from_json(&unknown_field).is_err());
    }
}

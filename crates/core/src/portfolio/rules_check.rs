//! The checks a program's rule data must pass before the engine uses it: well-formed ids,
//! amounts in range, known categories and roles, and caps that cannot select the same entry.

use super::category::ContentCategory;
use super::error::{PortfolioError, Problems};
use super::rules::{invalid, require, rule_points, CapRule, ProgramRules, RulesOrigin};

impl ProgramRules {
    /// Every problem with the rule data.
    pub fn validate(&self, origin: RulesOrigin) -> Result<(), Problems> {
        let mut problems = Vec::new();
        let mut push = |result: Result<(), PortfolioError>| {
            if let Err(error) = result {
                problems.push(error);
            }
        };
        push(check_id(&self.id, &self.id, "program"));
        push(require(
            !self.name.trim().is_empty(),
            &self.id,
            "name",
            "the name is empty",
        ));
        push(require(
            (1..=120).contains(&self.cycle_months),
            &self.id,
            "cycle_months",
            "a cycle is 1 to 120 months",
        ));
        if origin == RulesOrigin::Catalogue {
            push(require(
                !self.sources.is_empty(),
                &self.id,
                "sources",
                "a bundled program must cite a source",
            ));
        }
        push(require(
            !self.conversions.is_empty(),
            &self.id,
            "conversions",
            "no credit type counts",
        ));
        for (index, conversion) in self.conversions.iter().enumerate() {
            let rule = format!("conversion {}", conversion.credit_type.id());
            let ok = conversion.factor.is_finite() && conversion.factor > 0.0 && conversion.factor <= 100.0;
            push(require(
                ok,
                &self.id,
                &rule,
                "the factor must be above 0 and at most 100",
            ));
            let repeated = self.conversions[..index]
                .iter()
                .any(|c| c.credit_type == conversion.credit_type);
            push(require(!repeated, &self.id, &rule, "the credit type is listed twice"));
        }
        push(self.total_points().map(drop));
        for role in &self.total.waived_for_roles {
            push(self.check_role_defined("total", role));
        }
        for (index, topic) in self.topics.iter().enumerate() {
            push(check_id(&self.id, &topic.id, "topic"));
            let repeated = self.topics[..index].iter().any(|t| t.id == topic.id);
            push(require(!repeated, &self.id, &topic.id, "the topic id is used twice"));
            push(rule_points(&self.id, &topic.id, topic.minimum).map(drop));
            push(require(
                !topic.categories.is_empty(),
                &self.id,
                &topic.id,
                "a topic needs at least one category",
            ));
            for category in &topic.categories {
                push(self.check_category(&topic.id, category, origin));
            }
            for role in topic.only_for_roles.iter().chain(&topic.waived_for_roles) {
                push(self.check_role_defined(&topic.id, role));
            }
        }
        if let Some(specialty) = &self.per_specialty {
            push(rule_points(&self.id, "per_specialty", specialty.minimum).map(drop));
            for role in &specialty.waived_for_roles {
                push(self.check_role_defined("per_specialty", role));
            }
        }
        for (index, cap) in self.caps.iter().enumerate() {
            push(check_id(&self.id, &cap.id, "cap"));
            let repeated = self.caps[..index].iter().any(|c| c.id == cap.id);
            push(require(!repeated, &self.id, &cap.id, "the cap id is used twice"));
            let selects = !cap.credit_types.is_empty() || !cap.categories.is_empty();
            push(require(
                selects,
                &self.id,
                &cap.id,
                "a cap must name credit types or categories",
            ));
            push(self.cap_points(cap).map(drop));
            for category in &cap.categories {
                push(self.check_category(&cap.id, category, origin));
            }
            // The engine routes each entry through at most one cap, so caps must not be able
            // to select the same entry.
            for earlier in &self.caps[..index] {
                let reason = format!(
                    "caps {:?} and {:?} could select the same entry: give them different credit types or categories",
                    earlier.id, cap.id
                );
                push(require(!caps_may_overlap(earlier, cap), &self.id, &cap.id, &reason));
            }
        }
        for (index, role) in self.roles.iter().enumerate() {
            push(check_id(&self.id, &role.id, "role"));
            let repeated = self.roles[..index].iter().any(|r| r.id == role.id);
            push(require(!repeated, &self.id, &role.id, "the role id is used twice"));
        }
        Problems(problems).into_result()
    }

    fn check_role_defined(&self, rule: &str, role: &str) -> Result<(), PortfolioError> {
        let reason = format!("role {role:?} is not defined in roles");
        require(self.role(role).is_some(), &self.id, rule, &reason)
    }

    fn check_category(
        &self,
        rule: &str,
        category: &ContentCategory,
        origin: RulesOrigin,
    ) -> Result<(), PortfolioError> {
        category
            .check()
            .map_err(|error| invalid(&self.id, rule, &error.to_string()))?;
        if origin == RulesOrigin::Catalogue && !category.is_builtin() {
            let reason = format!("category {:?} is not a built-in category", category.id());
            return Err(invalid(&self.id, rule, &reason));
        }
        Ok(())
    }
}

/// True when some entry could be selected by both caps: their credit-type lists overlap
/// (an empty list selects every type) and so do their category lists.
fn caps_may_overlap(a: &CapRule, b: &CapRule) -> bool {
    let types = a.credit_types.is_empty()
        || b.credit_types.is_empty()
        || a.credit_types.iter().any(|t| b.credit_types.contains(t));
    let categories =
        a.categories.is_empty() || b.categories.is_empty() || a.categories.iter().any(|c| b.categories.contains(c));
    types && categories
}

fn check_id(program: &str, id: &str, what: &str) -> Result<(), PortfolioError> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    let reason = format!("a {what} id must be lowercase letters, digits, '-' or '_'");
    require(ok, program, id, &reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::catalogue::Catalogue;

    fn check(edit: impl Fn(&mut ProgramRules), expect: &[&str]) {
        let mut rules = Catalogue::bundled().expect("bundled rules").custom_template;
        edit(&mut rules);
        let got: Vec<String> = match rules.validate(RulesOrigin::Custom) {
            Ok(()) => Vec::new(),
            Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(got.len(), expect.len(), "{got:?}");
        for (message, fragment) in got.iter().zip(expect) {
            assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
        }
    }

    fn caps(json: &str) -> Vec<CapRule> {
        serde_json::from_str(json).expect("caps")
    }

    #[test]
    fn custom_rules_are_checked_with_reasons() {
        check(|_| {}, &[]);
        check(|r| r.id = "My Program".to_string(), &["a program id must be lowercase"]);
        check(|r| r.cycle_months = 0, &["a cycle is 1 to 120 months"]);
        check(|r| r.conversions.clear(), &["no credit type counts"]);
        check(
            |r| r.conversions[2].factor = f64::NAN,
            &["rule \"conversion ceu\": the factor must be above 0 and at most 100"],
        );
        check(
            |r| r.conversions.push(r.conversions[0].clone()),
            &["rule \"conversion pace_contact_hour\": the credit type is listed twice"],
        );
        check(
            |r| r.total.waived_for_roles = vec!["boss".to_string()],
            &["role \"boss\" is not defined"],
        );
    }

    #[test]
    fn caps_that_could_select_the_same_entry_are_refused() {
        // Academic credit types and the "In-house" category overlap: an in-house academic
        // course would fall under both.
        check(
            |r| {
                r.caps = caps(
                    r#"[{"id": "academic", "label": "A", "credit_types": ["academic_semester_hour"], "limit": {"max_points": 5}, "verified": true},
                        {"id": "in-house", "label": "B", "categories": ["In-house"], "limit": {"max_points": 4}, "verified": true}]"#,
                )
            },
            &["caps \"academic\" and \"in-house\" could select the same entry"],
        );
        // Disjoint credit types cannot overlap.
        check(
            |r| {
                r.caps = caps(
                    r#"[{"id": "semester", "label": "A", "credit_types": ["academic_semester_hour"], "limit": {"max_points": 5}, "verified": true},
                        {"id": "quarter", "label": "B", "credit_types": ["academic_quarter_hour"], "limit": {"max_fraction_of_total": 0.25}, "verified": true}]"#,
                )
            },
            &[],
        );
        check(
            |r| r.caps = caps(r#"[{"id": "none", "label": "A", "limit": {"max_points": 5}, "verified": true}]"#),
            &["a cap must name credit types or categories"],
        );
        check(
            |r| {
                r.caps = caps(
                    r#"[{"id": "half", "label": "A", "credit_types": ["ceu"], "limit": {"max_fraction_of_total": 1.5}, "verified": true}]"#,
                )
            },
            &["a fraction of the total must be above 0 and at most 1"],
        );
    }
}

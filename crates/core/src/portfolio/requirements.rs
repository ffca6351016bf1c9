//! The requirements of one credential's cycle (the total, the mandatory topics that apply
//! to its roles, and one minimum per licensed specialty) and how counted credit meets them.

use serde::{Deserialize, Serialize};

use super::allocation::{allocate_overlapping, allocate_shared, CapGroups};
use super::category::ContentCategory;
use super::credential::Credential;
use super::credit::Points;
use super::engine::{EntryOutcome, KeyedEntry};
use super::error::PortfolioError;
use super::rules::{rule_points, ProgramRules};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    Total,
    Topic,
    /// A minimum per licensed category (Florida).
    Specialty,
}

/// Credit from one entry toward one requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub entry_index: usize,
    pub entry_id: String,
    pub points: Points,
}

/// One requirement's state in a cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequirementStatus {
    pub id: String,
    pub label: String,
    pub kind: RequirementKind,
    /// The categories that count toward it (empty for the total).
    pub categories: Vec<ContentCategory>,
    /// 0 when waived.
    pub needed: Points,
    pub earned: Points,
    pub met: bool,
    /// needed - earned, never below 0.
    pub missing: Points,
    /// Waived for this credential by one of its roles.
    pub waived: bool,
    pub verified: bool,
    pub note: Option<String>,
    pub contributions: Vec<Contribution>,
}

impl RequirementStatus {
    /// How full the progress ring is: earned / needed, between 0 and 1; 1 when nothing is
    /// needed (a waived requirement), so it never divides by zero.
    pub fn progress(&self) -> f64 {
        if self.needed <= Points::ZERO {
            1.0
        } else {
            (self.earned.0 as f64 / self.needed.0 as f64).clamp(0.0, 1.0)
        }
    }
}

/// What one topic requirement asks, before credit is counted.
struct TopicSpec {
    id: String,
    label: String,
    kind: RequirementKind,
    categories: Vec<ContentCategory>,
    minimum: Points,
    waived: bool,
    verified: bool,
    note: Option<String>,
}

/// Decides what of each entry counts (caps) and toward which topics, writes it into
/// `outcomes[e].counted`, and measures the total and every applicable topic. `order` lists
/// every entry index in the order caps are filled (date order).
pub(crate) fn evaluate_requirements(
    rules: &ProgramRules,
    credential: &Credential,
    entries: &[KeyedEntry],
    outcomes: &mut [EntryOutcome],
    caps: &CapGroups<'_>,
    order: &[usize],
    total_needed: Points,
) -> Result<(RequirementStatus, Vec<RequirementStatus>), PortfolioError> {
    let specs = topic_specs(rules, credential)?;
    let available: Vec<i64> = outcomes.iter().map(|o| o.converted.0).collect();
    // matches[e] lists the topics entry e may count toward; waived topics take no credit.
    let matches: Vec<Vec<usize>> = entries
        .iter()
        .zip(outcomes.iter())
        .map(|(keyed, outcome)| {
            if outcome.converted <= Points::ZERO {
                return Vec::new();
            }
            (0..specs.len())
                .filter(|&t| !specs[t].waived && specs[t].categories.iter().any(|c| keyed.entry.has_category(c)))
                .collect()
        })
        .collect();
    let allocation = if rules.topic_overlap.allowed {
        allocate_overlapping(&available, caps, order, specs.len(), &matches)
    } else {
        let needs: Vec<i64> = specs.iter().map(|s| if s.waived { 0 } else { s.minimum.0 }).collect();
        allocate_shared(&available, caps, order, &needs, &matches)
    };
    for (outcome, &counted) in outcomes.iter_mut().zip(&allocation.counted) {
        outcome.counted = Points(counted);
    }

    let mut per_topic: Vec<Vec<Contribution>> = vec![Vec::new(); specs.len()];
    for (e, shares) in allocation.shares.iter().enumerate() {
        for &(t, amount) in shares {
            per_topic[t].push(contribution(entries, e, Points(amount)));
        }
    }
    let total_contributions: Vec<Contribution> = outcomes
        .iter()
        .filter(|o| o.counted > Points::ZERO)
        .map(|o| contribution(entries, o.entry_index, o.counted))
        .collect();
    let total = status(
        TopicSpec {
            id: "total".to_string(),
            label: format!("Total {}", rules.unit.label()),
            kind: RequirementKind::Total,
            categories: Vec::new(),
            minimum: total_needed,
            waived: credential.has_any_role(&rules.total.waived_for_roles),
            verified: rules.total.verified,
            note: rules.total.note.clone(),
        },
        total_contributions,
    );
    let topics = specs
        .into_iter()
        .zip(per_topic)
        .map(|(spec, contributions)| status(spec, contributions))
        .collect();
    Ok((total, topics))
}

/// The topics that apply to this credential: rule topics for its roles, then one minimum
/// per specialty it holds.
fn topic_specs(rules: &ProgramRules, credential: &Credential) -> Result<Vec<TopicSpec>, PortfolioError> {
    let mut specs = Vec::new();
    for topic in &rules.topics {
        if !topic.only_for_roles.is_empty() && !credential.has_any_role(&topic.only_for_roles) {
            continue;
        }
        specs.push(TopicSpec {
            id: topic.id.clone(),
            label: topic.label.clone(),
            kind: RequirementKind::Topic,
            categories: topic.categories.clone(),
            minimum: rule_points(&rules.id, &topic.id, topic.minimum)?,
            waived: credential.has_any_role(&topic.waived_for_roles),
            verified: topic.verified,
            note: topic.note.clone(),
        });
    }
    if let Some(rule) = &rules.per_specialty {
        let minimum = rule_points(&rules.id, "per_specialty", rule.minimum)?;
        let waived = credential.has_any_role(&rule.waived_for_roles);
        for specialty in &credential.specialties {
            specs.push(TopicSpec {
                id: format!("specialty:{}", specialty.id()),
                label: format!("{}: {}", rule.label, specialty.label()),
                kind: RequirementKind::Specialty,
                categories: vec![specialty.clone()],
                minimum,
                waived,
                verified: rule.verified,
                note: rule.note.clone(),
            });
        }
    }
    Ok(specs)
}

fn contribution(entries: &[KeyedEntry], index: usize, points: Points) -> Contribution {
    Contribution {
        entry_index: index,
        entry_id: entries[index].id.clone(),
        points,
    }
}

fn status(spec: TopicSpec, contributions: Vec<Contribution>) -> RequirementStatus {
    let (needed, contributions) = if spec.waived && spec.kind != RequirementKind::Total {
        (Points::ZERO, Vec::new())
    } else if spec.waived {
        (Points::ZERO, contributions)
    } else {
        (spec.minimum, contributions)
    };
    let earned: Points = contributions.iter().map(|c| c.points).sum();
    RequirementStatus {
        id: spec.id,
        label: spec.label,
        kind: spec.kind,
        categories: spec.categories,
        needed,
        earned,
        met: earned >= needed,
        missing: needed.saturating_sub(earned),
        waived: spec.waived,
        verified: spec.verified,
        note: spec.note,
        contributions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(needed: i64, earned: i64) -> RequirementStatus {
        RequirementStatus {
            id: "total".to_string(),
            label: "Total points".to_string(),
            kind: RequirementKind::Total,
            categories: Vec::new(),
            needed: Points(needed),
            earned: Points(earned),
            met: earned >= needed,
            missing: Points(needed).saturating_sub(Points(earned)),
            waived: needed == 0,
            verified: true,
            note: None,
            contributions: Vec::new(),
        }
    }

    #[test]
    fn progress_is_a_fraction_that_never_divides_by_zero() {
        // 9 of 36 points: 9 / 36 = 0.25.
        assert_eq!(with(36_000, 9_000).progress(), 0.25);
        // More than needed fills the ring and no more.
        assert_eq!(with(24_000, 30_000).progress(), 1.0);
        // A waived requirement needs nothing: full.
        assert_eq!(with(0, 0).progress(), 1.0);
        assert_eq!(with(6_000, 0).progress(), 0.0);
    }
}

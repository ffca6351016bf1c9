//! The audit transcript of one credential's cycle: what counted, how much toward which
//! requirement, the rules applied and where they come from. The app prints it (with the
//! certificates appended) and `export` renders it as CSV.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::attachment::AttachmentRef;
use super::credential::Credential;
use super::credit::{format_decimal, CreditAmount, CreditUnit, Points};
use super::engine::{CycleEvaluation, Exclusion, KeyedEntry};
use super::rules::{CapLimit, ProgramRules, RuleSource};

/// One requirement's totals as the transcript states them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TranscriptRequirement {
    pub label: String,
    pub needed: Points,
    pub earned: Points,
    pub met: bool,
    pub missing: Points,
    pub waived: bool,
    pub verified: bool,
}

/// One entry that counted, with the audit-survival fields (title, provider, tracking
/// number, date, hours, category, certificate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TranscriptLine {
    pub entry_id: String,
    pub completed_on: NaiveDate,
    pub title: String,
    pub provider: Option<String>,
    pub accreditation: Option<String>,
    pub tracking_number: Option<String>,
    pub amount: CreditAmount,
    pub counted: Points,
    /// True when a cap kept part of its credit from counting.
    pub capped: bool,
    /// Labels of the requirements it counts toward, the total first.
    pub counts_toward: Vec<String>,
    pub categories: Vec<String>,
    pub attachments: Vec<AttachmentRef>,
}

/// An entry inside the cycle that does not count, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotCountedLine {
    pub entry_id: String,
    pub completed_on: NaiveDate,
    pub title: String,
    pub amount: CreditAmount,
    pub reason: String,
}

/// A rule as applied, in words, with whether it was verified in a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppliedRule {
    pub text: String,
    pub verified: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    pub credential_label: String,
    pub credential_number: Option<String>,
    pub program_id: String,
    pub program_name: String,
    pub issuer: String,
    pub unit: CreditUnit,
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    pub generated_on: NaiveDate,
    pub rules_checked: NaiveDate,
    pub complete: bool,
    pub requirements: Vec<TranscriptRequirement>,
    /// Counted entries by date completed.
    pub lines: Vec<TranscriptLine>,
    pub not_counted: Vec<NotCountedLine>,
    pub rules_applied: Vec<AppliedRule>,
    pub sources: Vec<RuleSource>,
}

impl Transcript {
    /// Builds the transcript from an evaluation of `credential` under `rules` over `entries`
    /// (the same slice the evaluation was made from).
    pub fn build(
        rules: &ProgramRules,
        credential: &Credential,
        entries: &[KeyedEntry],
        evaluation: &CycleEvaluation,
        generated_on: NaiveDate,
    ) -> Transcript {
        let all_requirements: Vec<_> = std::iter::once(&evaluation.total).chain(&evaluation.topics).collect();
        // For each entry, the requirements it counts toward, in requirement order.
        let mut toward: Vec<Vec<String>> = vec![Vec::new(); entries.len()];
        for requirement in &all_requirements {
            for contribution in &requirement.contributions {
                if let Some(labels) = toward.get_mut(contribution.entry_index) {
                    labels.push(requirement.label.clone());
                }
            }
        }
        let mut lines: Vec<TranscriptLine> = evaluation
            .counted_entries()
            .filter_map(|outcome| {
                let keyed = entries.get(outcome.entry_index)?;
                let entry = &keyed.entry;
                Some(TranscriptLine {
                    entry_id: keyed.id.clone(),
                    completed_on: entry.completed_on,
                    title: entry.title.clone(),
                    provider: entry.provider.clone(),
                    accreditation: entry.accreditation.clone(),
                    tracking_number: entry.tracking_number.clone(),
                    amount: entry.amount,
                    counted: outcome.counted,
                    capped: !outcome.capped_by.is_empty(),
                    counts_toward: toward[outcome.entry_index].clone(),
                    categories: entry.categories.iter().map(|c| c.label().to_string()).collect(),
                    attachments: entry.attachments.clone(),
                })
            })
            .collect();
        lines.sort_by_key(|line| line.completed_on);
        let not_counted = evaluation
            .entries
            .iter()
            .filter_map(|outcome| {
                let reason = outcome.excluded?;
                if matches!(reason, Exclusion::BeforeCycle | Exclusion::AfterCycle) {
                    return None;
                }
                let keyed = entries.get(outcome.entry_index)?;
                Some(NotCountedLine {
                    entry_id: keyed.id.clone(),
                    completed_on: keyed.entry.completed_on,
                    title: keyed.entry.title.clone(),
                    amount: keyed.entry.amount,
                    reason: reason.describe(),
                })
            })
            .collect();
        Transcript {
            credential_label: credential.label.clone(),
            credential_number: credential.credential_number.clone(),
            program_id: rules.id.clone(),
            program_name: rules.name.clone(),
            issuer: rules.issuer.clone(),
            unit: rules.unit,
            cycle_start: evaluation.cycle_start,
            cycle_end: evaluation.cycle_end,
            generated_on,
            rules_checked: rules.checked,
            complete: evaluation.complete,
            requirements: all_requirements
                .iter()
                .map(|r| TranscriptRequirement {
                    label: r.label.clone(),
                    needed: r.needed,
                    earned: r.earned,
                    met: r.met,
                    missing: r.missing,
                    waived: r.waived,
                    verified: r.verified,
                })
                .collect(),
            lines,
            not_counted,
            rules_applied: describe_rules(rules, evaluation),
            sources: rules.sources.clone(),
        }
    }
}

/// The rules in words, in the order: total, conversions, caps, topics, overlap, notes.
fn describe_rules(rules: &ProgramRules, evaluation: &CycleEvaluation) -> Vec<AppliedRule> {
    let unit = rules.unit;
    // Rule amounts were validated when the evaluation was made, so they convert exactly.
    let amount = |value: f64| unit.amount_text(Points::from_decimal(value).unwrap_or_default());
    let mut applied = vec![AppliedRule {
        text: format!(
            "At least {} per cycle; entries completed from {} to {} (both days included) count",
            amount(rules.total.minimum),
            evaluation.cycle_start,
            evaluation.cycle_end
        ),
        verified: rules.total.verified,
    }];
    for conversion in &rules.conversions {
        applied.push(AppliedRule {
            text: format!(
                "1 {} = {}",
                conversion.credit_type.singular(),
                amount(conversion.factor)
            ),
            verified: conversion.verified,
        });
    }
    for cap in &evaluation.caps {
        let limit_rule = rules.caps.iter().find(|c| c.id == cap.id).map(|c| c.limit);
        let basis = match limit_rule {
            Some(CapLimit::MaxFractionOfTotal(fraction)) => {
                format!(" ({} % of the required total)", format_decimal(fraction * 100.0))
            }
            _ => String::new(),
        };
        applied.push(AppliedRule {
            text: format!(
                "{}: at most {}{basis}; {} claimed, {} counted",
                cap.label,
                unit.amount_text(cap.limit),
                cap.claimed,
                cap.counted
            ),
            verified: cap.verified,
        });
    }
    for topic in &evaluation.topics {
        let categories: Vec<&str> = topic.categories.iter().map(|c| c.label()).collect();
        let waived = if topic.waived {
            " (waived for this credential)"
        } else {
            ""
        };
        let needed = rules
            .topics
            .iter()
            .find(|t| t.id == topic.id)
            .map(|t| t.minimum)
            .or(rules.per_specialty.as_ref().map(|s| s.minimum))
            .map(amount)
            .unwrap_or_default();
        applied.push(AppliedRule {
            text: format!(
                "{}: at least {needed} from {}{waived}",
                topic.label,
                categories.join(", ")
            ),
            verified: topic.verified,
        });
    }
    if !evaluation.topics.is_empty() {
        let text = if rules.topic_overlap.allowed {
            "An entry counts in full toward every topic it matches"
        } else {
            "Each unit of credit counts toward one topic only; a course in several topics is shared between them"
        };
        applied.push(AppliedRule {
            text: text.to_string(),
            verified: rules.topic_overlap.verified,
        });
    }
    for note in &rules.notes {
        applied.push(AppliedRule {
            text: note.text.clone(),
            verified: note.verified,
        });
    }
    applied
}

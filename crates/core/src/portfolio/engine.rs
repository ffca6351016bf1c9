//! The rule engine: for one credential and its cycle, decides which entries count, converts
//! their credit into the program's unit, applies caps, shares credit among mandatory topics,
//! and reports each requirement (needed, earned, met, missing, contributing entries).
//!
//! Cycle boundaries are inclusive: an entry completed on the cycle's first or last day
//! counts; one completed the day before the start or the day after the end does not.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::allocation::CapGroups;
use super::catalogue::Catalogue;
use super::credential::Credential;
use super::credit::{CreditType, CreditUnit, Points};
use super::entry::{amount_problem, CeEntry};
use super::error::{PortfolioError, Problems};
use super::requirements::{evaluate_requirements, RequirementStatus};
use super::rules::{CapRule, ProgramRules, RulesOrigin};
use super::standing::{timing, Timing, WarningPolicy};

/// A CE entry with its record id, as the store hands it over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyedEntry {
    pub id: String,
    pub entry: CeEntry,
}

/// Why an entry does not count toward a credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    BeforeCycle,
    AfterCycle,
    /// The amount is not a usable number (the entry would fail validation).
    InvalidAmount,
    /// The program gives this credit type no conversion.
    CreditTypeNotCounted(CreditType),
}

impl Exclusion {
    pub fn describe(self) -> String {
        match self {
            Exclusion::BeforeCycle => "completed before the cycle started".to_string(),
            Exclusion::AfterCycle => "completed after the cycle ended".to_string(),
            Exclusion::InvalidAmount => "its credit amount is not usable".to_string(),
            Exclusion::CreditTypeNotCounted(credit_type) => {
                format!("{} do not count toward this program", credit_type.label())
            }
        }
    }
}

/// What happened to one entry for one credential.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryOutcome {
    /// Index into the entries passed to `evaluate`.
    pub entry_index: usize,
    /// The credit in program units after conversion, before caps (0 when excluded).
    pub converted: Points,
    /// What counts after caps.
    pub counted: Points,
    pub excluded: Option<Exclusion>,
    /// Ids of caps that took some of this entry's credit away.
    pub capped_by: Vec<String>,
}

/// A cap as applied to this cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapStatus {
    pub id: String,
    pub label: String,
    pub limit: Points,
    /// What the selected entries were worth before the cap.
    pub claimed: Points,
    /// What of it counts.
    pub counted: Points,
    pub verified: bool,
}

/// The full result for one credential and cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CycleEvaluation {
    pub credential_label: String,
    pub program_id: String,
    pub program_name: String,
    pub unit: CreditUnit,
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    pub total: RequirementStatus,
    /// Mandatory topics and per-specialty minimums that apply to this credential.
    pub topics: Vec<RequirementStatus>,
    pub caps: Vec<CapStatus>,
    /// One outcome per entry passed in, in the same order.
    pub entries: Vec<EntryOutcome>,
    pub timing: Timing,
    /// Every requirement met.
    pub complete: bool,
}

impl CycleEvaluation {
    /// The outcome of the entries that count, in the order given.
    pub fn counted_entries(&self) -> impl Iterator<Item = &EntryOutcome> {
        self.entries.iter().filter(|outcome| outcome.counted > Points::ZERO)
    }
}

/// Evaluates one credential's current cycle against all of the user's entries.
pub fn evaluate(
    rules: &ProgramRules,
    credential: &Credential,
    entries: &[KeyedEntry],
    today: NaiveDate,
    policy: &WarningPolicy,
) -> Result<CycleEvaluation, Problems> {
    check_inputs(rules, credential)?;
    let mut outcomes: Vec<EntryOutcome> = entries
        .iter()
        .enumerate()
        .map(|(index, keyed)| convert_entry(rules, credential, index, &keyed.entry))
        .collect();
    let total_needed = rules.total_points()?;
    let cap_limits = rules
        .caps
        .iter()
        .map(|cap| rules.cap_points(cap).map(|points| points.0))
        .collect::<Result<Vec<i64>, PortfolioError>>()?;
    // Validation allows at most one cap per entry, so the first that selects it is the one.
    let cap_of: Vec<Option<usize>> = entries
        .iter()
        .map(|keyed| rules.caps.iter().position(|cap| cap_selects(cap, &keyed.entry)))
        .collect();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| (entries[i].entry.completed_on, i));
    let caps = CapGroups {
        of_entry: &cap_of,
        limits: &cap_limits,
    };
    let (total, topics) =
        evaluate_requirements(rules, credential, entries, &mut outcomes, &caps, &order, total_needed)?;
    let caps = cap_statuses(rules, &cap_of, &cap_limits, &mut outcomes);
    let complete = total.met && topics.iter().all(|topic| topic.met);
    let timing = timing(
        credential.cycle_start,
        credential.cycle_end,
        today,
        total.needed,
        total.earned,
        complete,
        policy,
    );
    Ok(CycleEvaluation {
        credential_label: credential.label.clone(),
        program_id: rules.id.clone(),
        program_name: rules.name.clone(),
        unit: rules.unit,
        cycle_start: credential.cycle_start,
        cycle_end: credential.cycle_end,
        total,
        topics,
        caps,
        entries: outcomes,
        timing,
        complete,
    })
}

/// Evaluates every credential against the same entries: what the Portfolio home shows, and
/// what the benchmark times (2,000 entries and 5 credentials).
pub fn evaluate_portfolio(
    catalogue: &Catalogue,
    credentials: &[Credential],
    entries: &[KeyedEntry],
    today: NaiveDate,
    policy: &WarningPolicy,
) -> Vec<Result<CycleEvaluation, Problems>> {
    credentials
        .iter()
        .map(|credential| {
            let rules = catalogue.rules_for(credential)?;
            evaluate(rules, credential, entries, today, policy)
        })
        .collect()
}

fn check_inputs(rules: &ProgramRules, credential: &Credential) -> Result<(), Problems> {
    // Custom rules are checked leniently; catalogue rules were checked strictly on load
    // and pass the lenient check too.
    rules.validate(RulesOrigin::Custom)?;
    let mut problems = credential.problems_with_rules(rules);
    if credential.program_id() != rules.id {
        problems.push(PortfolioError::ProgramMismatch {
            credential: credential.program_id().to_string(),
            rules: rules.id.clone(),
        });
    }
    if credential.cycle_end < credential.cycle_start {
        problems.push(PortfolioError::DatesOutOfOrder {
            start_field: "cycle start",
            start: credential.cycle_start,
            end_field: "cycle end",
            end: credential.cycle_end,
        });
    }
    Problems(problems).into_result()
}

/// Decides whether an entry is inside the cycle and countable, and converts its credit.
fn convert_entry(rules: &ProgramRules, credential: &Credential, index: usize, entry: &CeEntry) -> EntryOutcome {
    let excluded = |reason| EntryOutcome {
        entry_index: index,
        converted: Points::ZERO,
        counted: Points::ZERO,
        excluded: Some(reason),
        capped_by: Vec::new(),
    };
    if entry.completed_on < credential.cycle_start {
        return excluded(Exclusion::BeforeCycle);
    }
    if entry.completed_on > credential.cycle_end {
        return excluded(Exclusion::AfterCycle);
    }
    if amount_problem(&entry.amount).is_some() {
        return excluded(Exclusion::InvalidAmount);
    }
    let Some(conversion) = rules.conversion(entry.amount.credit_type) else {
        return excluded(Exclusion::CreditTypeNotCounted(entry.amount.credit_type));
    };
    // Both numbers are bounded (amount <= 1000, factor <= 100), so this cannot fail; the
    // fallback keeps the engine total even so.
    match Points::from_decimal(entry.amount.value * conversion.factor) {
        Some(points) => EntryOutcome {
            entry_index: index,
            converted: points,
            counted: points,
            excluded: None,
            capped_by: Vec::new(),
        },
        None => excluded(Exclusion::InvalidAmount),
    }
}

/// True when a cap selects an entry: its credit type is listed (or none are) and it has a
/// listed category (or none are).
fn cap_selects(cap: &CapRule, entry: &CeEntry) -> bool {
    let type_ok = cap.credit_types.is_empty() || cap.credit_types.contains(&entry.amount.credit_type);
    let category_ok = cap.categories.is_empty() || cap.categories.iter().any(|c| entry.has_category(c));
    type_ok && category_ok
}

/// Reports each cap (limit, claimed, counted) and marks the entries it trimmed.
fn cap_statuses(
    rules: &ProgramRules,
    cap_of: &[Option<usize>],
    limits: &[i64],
    outcomes: &mut [EntryOutcome],
) -> Vec<CapStatus> {
    let mut statuses: Vec<CapStatus> = rules
        .caps
        .iter()
        .zip(limits)
        .map(|(cap, &limit)| CapStatus {
            id: cap.id.clone(),
            label: cap.label.clone(),
            limit: Points(limit),
            claimed: Points::ZERO,
            counted: Points::ZERO,
            verified: cap.verified,
        })
        .collect();
    for (outcome, cap) in outcomes.iter_mut().zip(cap_of) {
        let Some(status) = cap.and_then(|k| statuses.get_mut(k)) else {
            continue;
        };
        status.claimed += outcome.converted;
        status.counted += outcome.counted;
        if outcome.counted < outcome.converted {
            outcome.capped_by.push(status.id.clone());
        }
    }
    statuses
}

//! The rule engine: for one credential and its cycle, decides which entries count, converts
//! their credit into the program's unit, applies caps, shares credit among mandatory topics,
//! and reports each requirement (needed, earned, met, missing, contributing entries).
//!
//! Cycle boundaries are inclusive: an entry completed on the cycle's first or last day
//! counts; one completed the day before the start or the day after the end does not.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
        self.entries
            .iter()
            .filter(|outcome| outcome.counted > Points::ZERO)
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
    let total_needed = rules.total_points().map_err(|e| Problems(vec![e]))?;
    let caps = apply_caps(rules, entries, &mut outcomes)?;
    let (total, topics) =
        evaluate_requirements(rules, credential, entries, &outcomes, total_needed)
            .map_err(|e| Problems(vec![e]))?;
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
            let rules = catalogue
                .rules_for(credential)
                .map_err(|error| Problems(vec![error]))?;
            evaluate(rules, credential, entries, today, policy)
        })
        .collect()
}

fn check_inputs(rules: &ProgramRules, credential: &Credential) -> Result<(), Problems> {
    // Custom rules are checked leniently; catalogue rules were checked strictly on load
    // and pass the lenient check too.
    rules.validate(RulesOrigin::Custom)?;
    let mut problems = credential.problems_with_rules(rules);
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
fn convert_entry(
    rules: &ProgramRules,
    credential: &Credential,
    index: usize,
    entry: &CeEntry,
) -> EntryOutcome {
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
    let type_ok =
        cap.credit_types.is_empty() || cap.credit_types.contains(&entry.amount.credit_type);
    let category_ok =
        cap.categories.is_empty() || cap.categories.iter().any(|c| entry.has_category(c));
    type_ok && category_ok
}

/// Applies each cap in the order the rules list them. Entries fill a cap in date order
/// (earliest first, then in the order given), so logging a new course never takes credit
/// away from one already counted; what is over the limit counts toward nothing.
fn apply_caps(
    rules: &ProgramRules,
    entries: &[KeyedEntry],
    outcomes: &mut [EntryOutcome],
) -> Result<Vec<CapStatus>, Problems> {
    if rules.caps.is_empty() {
        return Ok(Vec::new());
    }
    let mut order: Vec<usize> = (0..entries.len())
        .filter(|&i| outcomes[i].counted > Points::ZERO)
        .collect();
    order.sort_by_key(|&i| (entries[i].entry.completed_on, i));
    let mut statuses = Vec::new();
    for cap in &rules.caps {
        let limit = rules.cap_points(cap).map_err(|e| Problems(vec![e]))?;
        let mut room = limit;
        let mut claimed = Points::ZERO;
        for &i in &order {
            if !cap_selects(cap, &entries[i].entry) || outcomes[i].counted == Points::ZERO {
                continue;
            }
            let before = outcomes[i].counted;
            claimed += before;
            let kept = before.min(room);
            room = room.saturating_sub(kept);
            if kept < before {
                outcomes[i].counted = kept;
                outcomes[i].capped_by.push(cap.id.clone());
            }
        }
        statuses.push(CapStatus {
            id: cap.id.clone(),
            label: cap.label.clone(),
            limit,
            claimed,
            counted: limit.saturating_sub(room),
            verified: cap.verified,
        });
    }
    Ok(statuses)
}

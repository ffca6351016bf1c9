//! A continuing-education entry: one course or activity with its credit, as the user logs
//! it, and the checks it must pass before it is saved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::attachment::{check_sha256, AttachmentRef};
use super::category::ContentCategory;
use super::credit::{CreditAmount, CreditType};
use super::error::{check_optional_text, check_required_text, PortfolioError, Problems};

/// Text limits: long enough for any real course title or provider, short enough that a
/// pasted page is caught.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_TRACKING_CHARS: usize = 80;
pub const MAX_NOTES_CHARS: usize = 4000;

/// One CE course or activity (record kind `ce_entry`, personal scope). Only the title, the
/// date and the amount are required, so quick entry is one short form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CeEntry {
    pub title: String,
    pub completed_on: NaiveDate,
    pub amount: CreditAmount,
    /// Who ran the course (a company, a society, a college).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Who accredited or approved it (ASCLS P.A.C.E., a state board, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accreditation: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<ContentCategory>,
    /// The course's tracking, approval or certificate number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentRef>,
}

impl CeEntry {
    /// The quick-entry form's result: the three required fields and nothing else.
    pub fn quick(title: &str, completed_on: NaiveDate, amount: CreditAmount) -> CeEntry {
        CeEntry {
            title: title.to_string(),
            completed_on,
            amount,
            provider: None,
            accreditation: None,
            categories: Vec::new(),
            tracking_number: None,
            notes: String::new(),
            attachments: Vec::new(),
        }
    }

    /// Builder-style: adds categories (already parsed).
    pub fn with_categories(mut self, categories: &[&str]) -> CeEntry {
        self.categories = categories
            .iter()
            .filter_map(|text| ContentCategory::parse(text).ok())
            .collect();
        self
    }

    pub fn has_category(&self, category: &ContentCategory) -> bool {
        self.categories.contains(category)
    }

    /// Every problem with the entry; `today` rules out completion dates in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Problems> {
        let mut problems = Vec::new();
        check_required_text(&mut problems, "title", &self.title, MAX_TITLE_CHARS);
        if self.completed_on > today {
            problems.push(PortfolioError::DateInFuture {
                field: "date completed",
                date: self.completed_on,
                today,
            });
        }
        if let Some(reason) = amount_problem(&self.amount) {
            problems.push(PortfolioError::InvalidAmount {
                value: self.amount.value,
                reason,
            });
        }
        check_optional_text(&mut problems, "provider", self.provider.as_deref(), MAX_NAME_CHARS);
        check_optional_text(
            &mut problems,
            "accreditation",
            self.accreditation.as_deref(),
            MAX_NAME_CHARS,
        );
        check_optional_text(
            &mut problems,
            "tracking number",
            self.tracking_number.as_deref(),
            MAX_TRACKING_CHARS,
        );
        check_optional_text(&mut problems, "notes", Some(&self.notes), MAX_NOTES_CHARS);
        check_categories(&mut problems, &self.categories);
        check_attachment_hashes(&mut problems, &self.attachments);
        Problems(problems).into_result()
    }
}

/// Why an amount cannot be counted, if it cannot.
pub fn amount_problem(amount: &CreditAmount) -> Option<&'static str> {
    if !amount.value.is_finite() {
        Some("it is not a number")
    } else if amount.value <= 0.0 {
        Some("it must be more than 0")
    } else if amount.value > CreditAmount::MAX_VALUE {
        Some("it is more than 1000")
    } else if amount.credit_type == CreditType::Ceu && amount.value > 100.0 {
        // 100 CEU is 1,000 contact hours: a CEU count this high is almost surely hours.
        Some("more than 100 CEU is 1,000 contact hours; was this entered in hours?")
    } else {
        None
    }
}

pub(crate) fn check_categories(problems: &mut Vec<PortfolioError>, categories: &[ContentCategory]) {
    for (index, category) in categories.iter().enumerate() {
        if let Err(error) = category.check() {
            problems.push(error);
        }
        if categories[..index].contains(category) {
            problems.push(PortfolioError::DuplicateCategory {
                category: category.id().to_string(),
            });
        }
    }
}

pub(crate) fn check_attachment_hashes(problems: &mut Vec<PortfolioError>, attachments: &[AttachmentRef]) {
    for attachment in attachments {
        if let Err(error) = check_sha256(&attachment.sha256) {
            problems.push(error);
        }
    }
}

/// CE entries are records of their own kind, kept in the user's personal scope.
impl crate::record::RecordBody for CeEntry {
    const KIND: &'static str = "ce_entry";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn check(entry: CeEntry, expect: &[&str]) {
        let today = day("2026-11-25");
        match entry.validate(today) {
            Ok(()) => assert!(expect.is_empty(), "expected problems {expect:?}"),
            Err(problems) => {
                let got: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
                assert_eq!(got.len(), expect.len(), "{got:?}");
                for (message, fragment) in got.iter().zip(expect) {
                    assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
                }
            }
        }
    }

    fn quick(title: &str, date: &str, value: f64, credit_type: CreditType) -> CeEntry {
        CeEntry::quick(title, day(date), CreditAmount::new(value, credit_type))
    }

    #[test]
    fn quick_entry_needs_only_title_date_and_amount() {
        check(
            quick("Blood bank update", "2026-11-25", 1.0, CreditType::PaceContactHour),
            &[],
        );
        check(
            quick("   ", "2026-11-25", 1.0, CreditType::ContactHour),
            &["title is required"],
        );
        check(
            quick("Future", "2026-11-26", 1.0, CreditType::ContactHour),
            &["date completed 2026-11-26 is after today (2026-11-25)"],
        );
        check(
            quick("Zero", "2026-01-01", 0.0, CreditType::ContactHour),
            &["more than 0"],
        );
        check(
            quick("Neg", "2026-01-01", -1.0, CreditType::ContactHour),
            &["more than 0"],
        );
        check(quick("NaN", "2026-01-01", f64::NAN, CreditType::Ceu), &["not a number"]);
        check(
            quick("Huge", "2026-01-01", 1500.0, CreditType::ContactHour),
            &["more than 1000"],
        );
        check(
            quick("CEU slip", "2026-01-01", 120.0, CreditType::Ceu),
            &["entered in hours"],
        );
    }

    #[test]
    fn all_problems_are_reported_together() {
        let mut entry = quick("", "2027-01-01", -2.0, CreditType::Ceu);
        entry.tracking_number = Some("x".repeat(81));
        entry.categories = vec![
            ContentCategory::parse("ethics").expect("builtin"),
            ContentCategory::parse("Ethics").expect("builtin"),
        ];
        entry.attachments = vec![AttachmentRef {
            sha256: "not-a-hash".to_string(),
            media_type: "image/jpeg".to_string(),
            byte_len: 10,
            file_name: None,
        }];
        check(
            entry,
            &[
                "title is required",
                "after today",
                "more than 0",
                "tracking number is 81 characters long; at most 80",
                "category \"ethics\" is listed twice",
                "not a SHA-256 digest",
            ],
        );
    }

    #[test]
    fn a_full_entry_round_trips_through_json() {
        let mut entry = quick("Transfusion reactions", "2026-03-04", 1.5, CreditType::PaceContactHour)
            .with_categories(&["Blood bank (immunohematology)", "lab_or_patient_safety", "My own"]);
        entry.provider = Some("LabCE".to_string());
        entry.accreditation = Some("ASCLS P.A.C.E.".to_string());
        entry.tracking_number = Some("123-456-26".to_string());
        let json = serde_json::to_string(&entry).expect("serializes");
        let back: CeEntry = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, entry);
        assert!(json.contains("\"categories\":[\"blood_bank\",\"lab_or_patient_safety\",\"My own\"]"));
        // A minimal record written by quick entry has no optional keys.
        let minimal = serde_json::to_string(&quick("T", "2026-01-01", 1.0, CreditType::Ceu)).expect("serializes");
        assert_eq!(
            minimal,
            r#"{"title":"T","completed_on":"2026-01-01","amount":{"value":1.0,"credit_type":"ceu"}}"#
        );
    }

    #[test]
    fn an_entry_is_stored_as_a_ce_entry_record_and_read_back() {
        use crate::record::RecordBody;
        assert_eq!(CeEntry::kind().expect("valid kind").as_str(), "ce_entry");
        let entry = quick("Transfusion reactions", "2026-03-04", 1.5, CreditType::PaceContactHour)
            .with_categories(&["blood_bank"]);
        let record = super::super::stored_for_test(&entry);
        assert_eq!(record.body::<CeEntry>().expect("reads back"), entry);
        // A record of another kind is not read as an entry.
        assert!(record.body::<super::super::Credential>().is_err());
    }
}

//! Portfolio items other than CE credit: competencies signed off, training given or
//! received, rotations, quality-improvement projects, publications and presentations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::attachment::AttachmentRef;
use super::entry::{check_attachment_hashes, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_TITLE_CHARS};
use super::error::{check_optional_text, check_required_text, PortfolioError, Problems};

/// Whether the user gave or received a training.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingDirection {
    Given,
    Received,
}

/// What kind of publication or talk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicationKind {
    Article,
    Poster,
    Presentation,
    Other,
}

impl PublicationKind {
    pub const ALL: [PublicationKind; 4] = [
        PublicationKind::Article,
        PublicationKind::Poster,
        PublicationKind::Presentation,
        PublicationKind::Other,
    ];

    /// The stored name (as serde writes it), also the form's option value.
    pub fn id(self) -> &'static str {
        match self {
            PublicationKind::Article => "article",
            PublicationKind::Poster => "poster",
            PublicationKind::Presentation => "presentation",
            PublicationKind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<PublicationKind> {
        PublicationKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            PublicationKind::Article => "Article",
            PublicationKind::Poster => "Poster",
            PublicationKind::Presentation => "Presentation",
            PublicationKind::Other => "Other",
        }
    }
}

/// The fields particular to each kind of item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemDetails {
    /// A procedure or instrument the user was assessed on and signed off for.
    Competency {
        procedure_or_instrument: String,
        assessor: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessor_role: Option<String>,
    },
    Training {
        direction: TrainingDirection,
        topic: String,
        /// The trainer (received) or the trainees (given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        with: Option<String>,
    },
    Rotation {
        department: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        site: Option<String>,
    },
    QualityImprovement {
        title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<String>,
    },
    Publication {
        publication_kind: PublicationKind,
        title: String,
        /// Journal, meeting or event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        venue: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        authors: Option<String>,
    },
}

/// One portfolio item (record kind `portfolio_item`, personal scope).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioItem {
    #[serde(flatten)]
    pub details: ItemDetails,
    /// The sign-off date, or the first day of a training, rotation or project.
    pub date: NaiveDate,
    /// The last day, for things that span time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentRef>,
}

impl PortfolioItem {
    pub fn new(details: ItemDetails, date: NaiveDate) -> PortfolioItem {
        PortfolioItem {
            details,
            date,
            end_date: None,
            notes: String::new(),
            attachments: Vec::new(),
        }
    }

    /// The kind's id as stored and exported.
    pub fn kind_id(&self) -> &'static str {
        match self.details {
            ItemDetails::Competency { .. } => "competency",
            ItemDetails::Training { .. } => "training",
            ItemDetails::Rotation { .. } => "rotation",
            ItemDetails::QualityImprovement { .. } => "quality_improvement",
            ItemDetails::Publication { .. } => "publication",
        }
    }

    /// A one-line title for lists and exports.
    pub fn headline(&self) -> String {
        match &self.details {
            ItemDetails::Competency {
                procedure_or_instrument,
                ..
            } => {
                format!("Competency: {procedure_or_instrument}")
            }
            ItemDetails::Training {
                direction: TrainingDirection::Given,
                topic,
                ..
            } => {
                format!("Training given: {topic}")
            }
            ItemDetails::Training {
                direction: TrainingDirection::Received,
                topic,
                ..
            } => {
                format!("Training received: {topic}")
            }
            ItemDetails::Rotation { department, .. } => format!("Rotation: {department}"),
            ItemDetails::QualityImprovement { title, .. } => format!("QI project: {title}"),
            ItemDetails::Publication { title, .. } => format!("Publication: {title}"),
        }
    }

    /// The item's particulars beyond its headline, as (label, value) lines for a list.
    pub fn detail_lines(&self) -> Vec<(&'static str, String)> {
        let mut lines = Vec::new();
        let mut add = |label: &'static str, value: &Option<String>| {
            if let Some(value) = value {
                lines.push((label, value.clone()));
            }
        };
        match &self.details {
            ItemDetails::Competency {
                assessor,
                assessor_role,
                ..
            } => {
                add("Assessor", &Some(assessor.clone()));
                add("Assessor's role", assessor_role);
            }
            ItemDetails::Training {
                direction: TrainingDirection::Given,
                with,
                ..
            } => add("Trainees", with),
            ItemDetails::Training { with, .. } => add("Trainer", with),
            ItemDetails::Rotation { site, .. } => add("Site", site),
            ItemDetails::QualityImprovement { role, outcome, .. } => {
                add("Role", role);
                add("Outcome", outcome);
            }
            ItemDetails::Publication {
                publication_kind,
                venue,
                authors,
                ..
            } => {
                add("Kind", &Some(publication_kind.label().to_string()));
                add("Where", venue);
                add("Authors", authors);
            }
        }
        lines
    }

    /// The item's date or dates as a person reads them.
    pub fn dates_text(&self) -> String {
        match self.end_date {
            Some(end) if end != self.date => format!("{} to {end}", self.date),
            _ => self.date.to_string(),
        }
    }

    /// Every problem with the item; `today` rules out a sign-off date in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Problems> {
        let mut problems = Vec::new();
        match &self.details {
            ItemDetails::Competency {
                procedure_or_instrument,
                assessor,
                assessor_role,
            } => {
                check_required_text(
                    &mut problems,
                    "procedure or instrument",
                    procedure_or_instrument,
                    MAX_TITLE_CHARS,
                );
                check_required_text(&mut problems, "assessor", assessor, MAX_NAME_CHARS);
                check_optional_text(&mut problems, "assessor role", assessor_role.as_deref(), MAX_NAME_CHARS);
                if self.date > today {
                    problems.push(PortfolioError::DateInFuture {
                        field: "sign-off date",
                        date: self.date,
                        today,
                    });
                }
            }
            ItemDetails::Training { topic, with, .. } => {
                check_required_text(&mut problems, "topic", topic, MAX_TITLE_CHARS);
                check_optional_text(&mut problems, "with", with.as_deref(), MAX_NAME_CHARS);
            }
            ItemDetails::Rotation { department, site } => {
                check_required_text(&mut problems, "department", department, MAX_NAME_CHARS);
                check_optional_text(&mut problems, "site", site.as_deref(), MAX_NAME_CHARS);
            }
            ItemDetails::QualityImprovement { title, role, outcome } => {
                check_required_text(&mut problems, "title", title, MAX_TITLE_CHARS);
                check_optional_text(&mut problems, "role", role.as_deref(), MAX_NAME_CHARS);
                check_optional_text(&mut problems, "outcome", outcome.as_deref(), MAX_NOTES_CHARS);
            }
            ItemDetails::Publication {
                title, venue, authors, ..
            } => {
                check_required_text(&mut problems, "title", title, MAX_TITLE_CHARS);
                check_optional_text(&mut problems, "venue", venue.as_deref(), MAX_TITLE_CHARS);
                check_optional_text(&mut problems, "authors", authors.as_deref(), MAX_NOTES_CHARS);
            }
        }
        if let Some(end) = self.end_date {
            if end < self.date {
                problems.push(PortfolioError::DatesOutOfOrder {
                    start_field: "start date",
                    start: self.date,
                    end_field: "end date",
                    end,
                });
            }
        }
        check_optional_text(&mut problems, "notes", Some(&self.notes), MAX_NOTES_CHARS);
        check_attachment_hashes(&mut problems, &self.attachments);
        Problems(problems).into_result()
    }
}

/// Portfolio items are records of their own kind, kept in the user's personal scope.
impl crate::record::RecordBody for PortfolioItem {
    const KIND: &'static str = "portfolio_item";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn check(item: PortfolioItem, expect: &[&str]) {
        let got: Vec<String> = match item.validate(day("2026-11-25")) {
            Ok(()) => Vec::new(),
            Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(got.len(), expect.len(), "{got:?}");
        for (message, fragment) in got.iter().zip(expect) {
            assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
        }
    }

    fn competency(procedure: &str, assessor: &str, date: &str) -> PortfolioItem {
        PortfolioItem::new(
            ItemDetails::Competency {
                procedure_or_instrument: procedure.to_string(),
                assessor: assessor.to_string(),
                assessor_role: None,
            },
            day(date),
        )
    }

    #[test]
    fn items_are_validated_per_kind() {
        check(
            competency("Sysmex XN-1000 start-up and QC", "J. Rivera", "2026-11-01"),
            &[],
        );
        check(
            competency("", "", "2026-12-01"),
            &[
                "procedure or instrument is required",
                "assessor is required",
                "sign-off date 2026-12-01 is after today",
            ],
        );
        let mut rotation = PortfolioItem::new(
            ItemDetails::Rotation {
                department: "Blood bank".to_string(),
                site: None,
            },
            day("2026-03-01"),
        );
        rotation.end_date = Some(day("2026-02-01"));
        check(rotation, &["end date 2026-02-01 is before start date 2026-03-01"]);
        let talk = PortfolioItem::new(
            ItemDetails::Publication {
                publication_kind: PublicationKind::Presentation,
                title: " ".to_string(),
                venue: Some("State ASCLS meeting".to_string()),
                authors: None,
            },
            day("2026-04-01"),
        );
        check(talk, &["title is required"]);
    }

    #[test]
    fn detail_lines_show_what_the_headline_leaves_out() {
        let check_lines = |details: ItemDetails, expect: &[(&str, &str)]| {
            let item = PortfolioItem::new(details, day("2026-01-01"));
            let got = item.detail_lines();
            let got: Vec<(&str, &str)> = got.iter().map(|(l, v)| (*l, v.as_str())).collect();
            assert_eq!(got, expect);
        };
        check_lines(
            ItemDetails::Competency {
                procedure_or_instrument: "Gram stain".to_string(),
                assessor: "K. Lee".to_string(),
                assessor_role: Some("Supervisor".to_string()),
            },
            &[("Assessor", "K. Lee"), ("Assessor's role", "Supervisor")],
        );
        check_lines(
            ItemDetails::Training {
                direction: TrainingDirection::Received,
                topic: "Cobas".to_string(),
                with: None,
            },
            &[],
        );
        check_lines(
            ItemDetails::Publication {
                publication_kind: PublicationKind::Presentation,
                title: "Delta checks".to_string(),
                venue: Some("ASCLS".to_string()),
                authors: None,
            },
            &[("Kind", "Presentation"), ("Where", "ASCLS")],
        );
        for kind in PublicationKind::ALL {
            let json = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(json, format!("\"{}\"", kind.id()));
            assert_eq!(PublicationKind::from_id(kind.id()), Some(kind));
        }
        let mut rotation = PortfolioItem::new(
            ItemDetails::Rotation {
                department: "Chemistry".to_string(),
                site: None,
            },
            day("2026-02-01"),
        );
        assert_eq!(rotation.dates_text(), "2026-02-01");
        rotation.end_date = Some(day("2026-02-28"));
        assert_eq!(rotation.dates_text(), "2026-02-01 to 2026-02-28");
    }

    #[test]
    fn items_store_their_kind_as_a_tag() {
        let training = PortfolioItem::new(
            ItemDetails::Training {
                direction: TrainingDirection::Given,
                topic: "Blood culture collection".to_string(),
                with: Some("New phlebotomists".to_string()),
            },
            day("2026-05-05"),
        );
        let json = serde_json::to_string(&training).expect("serializes");
        assert_eq!(
            json,
            r#"{"kind":"training","direction":"given","topic":"Blood culture collection","with":"New phlebotomists","date":"2026-05-05"}"#
        );
        let back: PortfolioItem = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, training);
        assert_eq!(back.headline(), "Training given: Blood culture collection");
        assert_eq!(back.kind_id(), "training");
    }

    #[test]
    fn an_item_is_stored_as_a_portfolio_item_record_and_read_back() {
        use crate::record::RecordBody;
        assert_eq!(PortfolioItem::kind().expect("valid kind").as_str(), "portfolio_item");
        let item = PortfolioItem::new(
            ItemDetails::Rotation {
                department: "Blood bank".to_string(),
                site: None,
            },
            NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
        );
        let record = super::super::stored_for_test(&item);
        assert_eq!(record.body::<PortfolioItem>().expect("reads back"), item);
    }
}

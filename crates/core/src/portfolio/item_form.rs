//! The portfolio item form as plain data: which kinds a user can pick, what each kind's text
//! fields mean, turning the typed fields into a checked `PortfolioItem`, and filling the form
//! from a stored item so that it can be edited. The app's form only binds these fields.

use chrono::NaiveDate;

use super::attachment::AttachmentRef;
use super::error::{PortfolioError, Problems};
use super::item::{ItemDetails, PortfolioItem, PublicationKind, TrainingDirection};

/// The kinds offered in the form. Training is one stored kind with a direction; the form
/// offers "given" and "received" as two choices because users think of them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Competency,
    TrainingReceived,
    TrainingGiven,
    Rotation,
    QualityImprovement,
    Publication,
}

/// What the form's fields are called for one kind; `None` hides a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldLabels {
    pub main: &'static str,
    pub second: &'static str,
    pub third: Option<&'static str>,
    pub date: &'static str,
    pub end_date: Option<&'static str>,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Competency,
        ItemKind::TrainingReceived,
        ItemKind::TrainingGiven,
        ItemKind::Rotation,
        ItemKind::QualityImprovement,
        ItemKind::Publication,
    ];

    /// The form's value for the kind (a `<select>` option value).
    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Competency => "competency",
            ItemKind::TrainingReceived => "training_received",
            ItemKind::TrainingGiven => "training_given",
            ItemKind::Rotation => "rotation",
            ItemKind::QualityImprovement => "quality_improvement",
            ItemKind::Publication => "publication",
        }
    }

    pub fn from_id(id: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Competency => "Competency signed off",
            ItemKind::TrainingReceived => "Training received",
            ItemKind::TrainingGiven => "Training given",
            ItemKind::Rotation => "Rotation",
            ItemKind::QualityImprovement => "Quality-improvement project",
            ItemKind::Publication => "Publication or presentation",
        }
    }

    pub fn labels(self) -> FieldLabels {
        let spanning = |main, second, third| FieldLabels {
            main,
            second,
            third,
            date: "First day",
            end_date: Some("Last day (optional)"),
        };
        match self {
            // A sign-off happens on one day, so a competency has no end date.
            ItemKind::Competency => FieldLabels {
                main: "Procedure or instrument",
                second: "Assessor",
                third: Some("Assessor's role (optional)"),
                date: "Sign-off date",
                end_date: None,
            },
            ItemKind::TrainingReceived => spanning("Topic", "Trainer (optional)", None),
            ItemKind::TrainingGiven => spanning("Topic", "Trainees (optional)", None),
            ItemKind::Rotation => spanning("Department", "Site (optional)", None),
            ItemKind::QualityImprovement => spanning("Title", "Your role (optional)", Some("Outcome (optional)")),
            ItemKind::Publication => FieldLabels {
                main: "Title",
                second: "Journal, meeting or event (optional)",
                third: Some("Authors (optional)"),
                date: "Date published or presented",
                end_date: None,
            },
        }
    }

    /// The form kind that shows a stored item.
    pub fn of(details: &ItemDetails) -> ItemKind {
        match details {
            ItemDetails::Competency { .. } => ItemKind::Competency,
            ItemDetails::Training {
                direction: TrainingDirection::Given,
                ..
            } => ItemKind::TrainingGiven,
            ItemDetails::Training { .. } => ItemKind::TrainingReceived,
            ItemDetails::Rotation { .. } => ItemKind::Rotation,
            ItemDetails::QualityImprovement { .. } => ItemKind::QualityImprovement,
            ItemDetails::Publication { .. } => ItemKind::Publication,
        }
    }
}

/// The form's fields as typed. Which text field means what depends on `kind` (see
/// `ItemKind::labels`); `publication_kind` is read for publications only.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemFields {
    pub kind: ItemKind,
    pub main: String,
    pub second: String,
    pub third: String,
    pub publication_kind: PublicationKind,
    pub date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub notes: String,
    pub attachments: Vec<AttachmentRef>,
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

impl ItemFields {
    /// An empty form for `kind`, dated `date`.
    pub fn new(kind: ItemKind, date: NaiveDate) -> ItemFields {
        ItemFields {
            kind,
            main: String::new(),
            second: String::new(),
            third: String::new(),
            publication_kind: PublicationKind::Article,
            date: Some(date),
            end_date: None,
            notes: String::new(),
            attachments: Vec::new(),
        }
    }

    /// The form filled from a stored item, for editing it.
    pub fn from_item(item: &PortfolioItem) -> ItemFields {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let (main, second, third, publication_kind) = match &item.details {
            ItemDetails::Competency {
                procedure_or_instrument,
                assessor,
                assessor_role,
            } => (
                procedure_or_instrument.clone(),
                assessor.clone(),
                text(assessor_role),
                PublicationKind::Article,
            ),
            ItemDetails::Training { topic, with, .. } => {
                (topic.clone(), text(with), String::new(), PublicationKind::Article)
            }
            ItemDetails::Rotation { department, site } => {
                (department.clone(), text(site), String::new(), PublicationKind::Article)
            }
            ItemDetails::QualityImprovement { title, role, outcome } => {
                (title.clone(), text(role), text(outcome), PublicationKind::Article)
            }
            ItemDetails::Publication {
                publication_kind,
                title,
                venue,
                authors,
            } => (title.clone(), text(venue), text(authors), *publication_kind),
        };
        ItemFields {
            kind: ItemKind::of(&item.details),
            main,
            second,
            third,
            publication_kind,
            date: Some(item.date),
            end_date: item.end_date,
            notes: item.notes.clone(),
            attachments: item.attachments.clone(),
        }
    }

    /// The details the fields describe, trimmed, with empty optional fields left out.
    fn details(&self) -> ItemDetails {
        let main = self.main.trim().to_string();
        match self.kind {
            ItemKind::Competency => ItemDetails::Competency {
                procedure_or_instrument: main,
                assessor: self.second.trim().to_string(),
                assessor_role: optional(&self.third),
            },
            ItemKind::TrainingReceived | ItemKind::TrainingGiven => ItemDetails::Training {
                direction: if self.kind == ItemKind::TrainingGiven {
                    TrainingDirection::Given
                } else {
                    TrainingDirection::Received
                },
                topic: main,
                with: optional(&self.second),
            },
            ItemKind::Rotation => ItemDetails::Rotation {
                department: main,
                site: optional(&self.second),
            },
            ItemKind::QualityImprovement => ItemDetails::QualityImprovement {
                title: main,
                role: optional(&self.second),
                outcome: optional(&self.third),
            },
            ItemKind::Publication => ItemDetails::Publication {
                publication_kind: self.publication_kind,
                title: main,
                venue: optional(&self.second),
                authors: optional(&self.third),
            },
        }
    }

    /// The item the fields describe, checked; or every problem with them. A field the kind
    /// hides (an end date on a competency) is dropped rather than stored unseen.
    pub fn to_item(&self, today: NaiveDate) -> Result<PortfolioItem, Problems> {
        let Some(date) = self.date else {
            return Err(PortfolioError::MissingField {
                field: self.kind.labels().date,
            }
            .into());
        };
        let mut item = PortfolioItem::new(self.details(), date);
        item.end_date = self.end_date.filter(|_| self.kind.labels().end_date.is_some());
        item.notes = self.notes.trim().to_string();
        item.attachments = self.attachments.clone();
        item.validate(today)?;
        Ok(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn fields(kind: ItemKind, main: &str, second: &str, third: &str, date: &str) -> ItemFields {
        ItemFields {
            main: main.to_string(),
            second: second.to_string(),
            third: third.to_string(),
            ..ItemFields::new(kind, day(date))
        }
    }

    /// `expect` is the stored JSON on success, or fragments of each problem in order.
    fn check(form: ItemFields, expect: Result<&str, &[&str]>) {
        match (form.to_item(day("2026-11-25")), expect) {
            (Ok(item), Ok(json)) => {
                assert_eq!(serde_json::to_string(&item).expect("serializes"), json);
                // Filling the form from the stored item and saving again changes nothing.
                assert_eq!(ItemFields::from_item(&item).to_item(day("2026-11-25")), Ok(item));
            }
            (Err(problems), Err(fragments)) => {
                let got: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
                assert_eq!(got.len(), fragments.len(), "{got:?}");
                for (message, fragment) in got.iter().zip(fragments) {
                    assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
                }
            }
            (got, expect) => panic!("got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn each_kind_maps_its_fields_to_the_stored_item() {
        check(
            fields(
                ItemKind::Competency,
                " Sysmex XN start-up ",
                "J. Rivera",
                "Lead tech",
                "2026-11-01",
            ),
            Ok(
                r#"{"kind":"competency","procedure_or_instrument":"Sysmex XN start-up","assessor":"J. Rivera","assessor_role":"Lead tech","date":"2026-11-01"}"#,
            ),
        );
        check(
            fields(
                ItemKind::TrainingReceived,
                "Blood gas analyzer",
                "",
                "ignored",
                "2026-05-05",
            ),
            Ok(r#"{"kind":"training","direction":"received","topic":"Blood gas analyzer","date":"2026-05-05"}"#),
        );
        check(
            fields(
                ItemKind::TrainingGiven,
                "Blood cultures",
                "New phlebotomists",
                "",
                "2026-05-05",
            ),
            Ok(
                r#"{"kind":"training","direction":"given","topic":"Blood cultures","with":"New phlebotomists","date":"2026-05-05"}"#,
            ),
        );
        check(
            fields(ItemKind::Rotation, "Microbiology", "North site", "", "2026-02-01"),
            Ok(r#"{"kind":"rotation","department":"Microbiology","site":"North site","date":"2026-02-01"}"#),
        );
        check(
            fields(
                ItemKind::QualityImprovement,
                "Hemolysis rate",
                "Lead",
                "Down from 4% to 2%",
                "2026-03-01",
            ),
            Ok(
                r#"{"kind":"quality_improvement","title":"Hemolysis rate","role":"Lead","outcome":"Down from 4% to 2%","date":"2026-03-01"}"#,
            ),
        );
        let mut poster = fields(
            ItemKind::Publication,
            "Delta checks",
            "ASCLS 2026",
            "A. Tech, B. Tech",
            "2026-06-10",
        );
        poster.publication_kind = PublicationKind::Poster;
        check(
            poster,
            Ok(
                r#"{"kind":"publication","publication_kind":"poster","title":"Delta checks","venue":"ASCLS 2026","authors":"A. Tech, B. Tech","date":"2026-06-10"}"#,
            ),
        );
    }

    #[test]
    fn dates_notes_and_hidden_fields() {
        let mut rotation = fields(ItemKind::Rotation, "Blood bank", "", "", "2026-02-01");
        rotation.end_date = Some(day("2026-02-28"));
        rotation.notes = "  Weekend shifts  ".to_string();
        check(
            rotation,
            Ok(
                r#"{"kind":"rotation","department":"Blood bank","date":"2026-02-01","end_date":"2026-02-28","notes":"Weekend shifts"}"#,
            ),
        );
        // A competency shows no end date, so one left over from another kind is not stored.
        let mut competency = fields(ItemKind::Competency, "Gram stain", "K. Lee", "", "2026-02-01");
        competency.end_date = Some(day("2026-01-01"));
        check(
            competency,
            Ok(
                r#"{"kind":"competency","procedure_or_instrument":"Gram stain","assessor":"K. Lee","date":"2026-02-01"}"#,
            ),
        );
    }

    #[test]
    fn bad_input_names_every_problem() {
        let mut undated = fields(ItemKind::Competency, "Gram stain", "K. Lee", "", "2026-02-01");
        undated.date = None;
        check(undated, Err(&["Sign-off date is required"]));
        check(
            fields(ItemKind::Competency, "", " ", "", "2026-12-01"),
            Err(&[
                "procedure or instrument is required",
                "assessor is required",
                "sign-off date 2026-12-01 is after today",
            ]),
        );
        let mut backwards = fields(ItemKind::Rotation, "Chemistry", "", "", "2026-03-01");
        backwards.end_date = Some(day("2026-02-01"));
        check(backwards, Err(&["end date 2026-02-01 is before start date 2026-03-01"]));
        check(
            fields(ItemKind::Publication, "x".repeat(201).as_str(), "", "", "2026-01-01"),
            Err(&["title is 201 characters long; at most 200 are kept"]),
        );
    }

    #[test]
    fn kinds_round_trip_through_their_ids() {
        for kind in ItemKind::ALL {
            assert_eq!(ItemKind::from_id(kind.id()), Some(kind));
        }
        assert_eq!(ItemKind::from_id("nope"), None);
    }
}

//! Content categories of CE courses: a built-in list that programs' rules refer to, plus
//! categories a user adds for their own tracking.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::PortfolioError;

/// The built-in categories: (id, label). Program rules in `data/ce-programs.json` refer to
/// these ids, and a test checks that every id they use is listed here.
pub const BUILTIN_CATEGORIES: &[(&str, &str)] = &[
    ("lab_or_patient_safety", "Lab or patient safety"),
    ("ethics", "Ethics"),
    ("hematology", "Hematology"),
    ("coagulation", "Coagulation"),
    ("chemistry", "Chemistry"),
    ("urinalysis", "Urinalysis and body fluids"),
    ("microbiology", "Microbiology"),
    ("blood_bank", "Blood bank (immunohematology)"),
    ("immunology", "Immunology (serology)"),
    ("molecular", "Molecular diagnostics"),
    ("cytogenetics", "Cytogenetics"),
    ("histocompatibility", "Histocompatibility"),
    ("histology", "Histology"),
    ("cytology", "Cytology"),
    ("phlebotomy", "Phlebotomy"),
    ("point_of_care", "Point-of-care testing"),
    ("quality", "Quality control and assurance"),
    ("management", "Management"),
    ("administration_supervision", "Administration or supervision"),
    ("education", "Education"),
    ("hiv_aids", "HIV/AIDS"),
    ("prevention_of_medical_errors", "Prevention of medical errors"),
    ("laws_and_rules", "Laws and rules"),
    ("general", "General laboratory"),
];

/// The longest user-added category kept.
pub const MAX_CUSTOM_CATEGORY_CHARS: usize = 60;

/// A content category: a built-in id (`"blood_bank"`) or the text of a user-added one
/// (`"Flow cytometry"`). Stored as that one string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentCategory(String);

impl ContentCategory {
    /// A built-in category by id; `None` when the id is not in the built-in list.
    pub fn builtin(id: &str) -> Option<ContentCategory> {
        BUILTIN_CATEGORIES
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(known, _)| ContentCategory((*known).to_string()))
    }

    /// Reads what a user typed or picked: a built-in id or label (any case and spacing)
    /// becomes that built-in category, anything else a user-added one.
    pub fn parse(text: &str) -> Result<ContentCategory, PortfolioError> {
        let tidy = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if tidy.is_empty() {
            return Err(PortfolioError::InvalidCategory {
                text: text.to_string(),
                reason: "it is empty",
            });
        }
        if tidy.chars().any(char::is_control) {
            return Err(PortfolioError::InvalidCategory {
                text: text.to_string(),
                reason: "it contains control characters",
            });
        }
        if tidy.chars().count() > MAX_CUSTOM_CATEGORY_CHARS {
            return Err(PortfolioError::InvalidCategory {
                text: text.to_string(),
                reason: "it is longer than 60 characters",
            });
        }
        let lower = tidy.to_lowercase();
        let builtin = BUILTIN_CATEGORIES
            .iter()
            .find(|(id, label)| *id == lower || label.to_lowercase() == lower);
        Ok(match builtin {
            Some((id, _)) => ContentCategory((*id).to_string()),
            None => ContentCategory(tidy),
        })
    }

    /// The stored string: the built-in id, or the user's text.
    pub fn id(&self) -> &str {
        &self.0
    }

    pub fn is_builtin(&self) -> bool {
        BUILTIN_CATEGORIES.iter().any(|(id, _)| *id == self.0)
    }

    /// What people read: the built-in label, or the user's own text.
    pub fn label(&self) -> &str {
        BUILTIN_CATEGORIES
            .iter()
            .find(|(id, _)| *id == self.0)
            .map_or(self.0.as_str(), |(_, label)| label)
    }

    /// Checks a stored value (which may come from an old or hand-edited record).
    pub fn check(&self) -> Result<(), PortfolioError> {
        match ContentCategory::parse(&self.0) {
            Ok(parsed) if parsed == *self => Ok(()),
            Ok(_) => Err(PortfolioError::InvalidCategory {
                text: self.0.clone(),
                reason: "it is not in its normal form (use ContentCategory::parse)",
            }),
            Err(error) => Err(error),
        }
    }
}

impl fmt::Display for ContentCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Result<(&str, bool), &str>) {
        let got = ContentCategory::parse(input);
        match (got, expect) {
            (Ok(category), Ok((id, builtin))) => {
                assert_eq!((category.id(), category.is_builtin()), (id, builtin), "{input:?}")
            }
            (Err(error), Err(fragment)) => {
                assert!(error.to_string().contains(fragment), "{input:?}: {error}")
            }
            (got, expect) => panic!("{input:?}: got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn parse_maps_ids_and_labels_to_builtins_and_keeps_the_rest() {
        check("blood_bank", Ok(("blood_bank", true)));
        check("  Blood bank (IMMUNOHEMATOLOGY) ", Ok(("blood_bank", true)));
        check("ethics", Ok(("ethics", true)));
        check("HIV/AIDS", Ok(("hiv_aids", true)));
        check("Flow   cytometry", Ok(("Flow cytometry", false)));
        check("   ", Err("empty"));
        check("bad\u{7}bell", Err("control characters"));
        check(&"x".repeat(61), Err("longer than 60"));
    }

    #[test]
    fn builtin_ids_are_unique_and_in_normal_form() {
        for (index, (id, label)) in BUILTIN_CATEGORIES.iter().enumerate() {
            assert!(
                BUILTIN_CATEGORIES[index + 1..].iter().all(|(other, _)| other != id),
                "{id} listed twice"
            );
            let category = ContentCategory::builtin(id).expect("listed");
            assert_eq!(category.label(), *label);
            assert_eq!(category.check(), Ok(()));
        }
    }

    #[test]
    fn check_rejects_stored_values_that_are_not_normal() {
        let stored: ContentCategory = serde_json::from_str("\" Ethics \"").expect("a string");
        assert!(stored.check().is_err());
    }
}

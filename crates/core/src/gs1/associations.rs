//! Rules between AIs in one set of data: no AI twice with different values, no mutually
//! exclusive pair, and every required companion present (the dictionary's `ex=` and `req=`).

use super::error::Gs1Error;
use super::table::{lookup, matches_pattern};
use super::Element;

/// Applies all three association rules. Run it on the complete data of one item: a box whose
/// GTIN and lot are in two barcodes only passes once both scans are combined.
pub fn check_associations(elements: &[Element]) -> Result<(), Gs1Error> {
    check_repeats(elements)?;
    check_exclusions(elements)?;
    check_requisites(elements)
}

/// The same AI may appear twice only with the same value.
pub fn check_repeats(elements: &[Element]) -> Result<(), Gs1Error> {
    for (i, a) in elements.iter().enumerate() {
        if let Some(b) = elements[..i].iter().find(|b| b.ai == a.ai && b.raw != a.raw) {
            return Err(Gs1Error::RepeatedAi {
                ai: a.ai.clone(),
                first: b.raw.clone(),
                second: a.raw.clone(),
            });
        }
    }
    Ok(())
}

/// No AI may appear with one its entry excludes; an AI never excludes itself.
pub fn check_exclusions(elements: &[Element]) -> Result<(), Gs1Error> {
    for a in elements {
        let Some(entry) = lookup(&a.ai) else { continue };
        for b in elements.iter().filter(|b| b.ai != a.ai) {
            if entry.excludes.iter().any(|p| matches_pattern(&b.ai, p)) {
                return Err(Gs1Error::ExclusiveAis {
                    ai: a.ai.clone(),
                    other: b.ai.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Every `req=` list of an AI needs one of its alternatives fully present.
pub fn check_requisites(elements: &[Element]) -> Result<(), Gs1Error> {
    let present = |pattern: &str| elements.iter().any(|e| matches_pattern(&e.ai, pattern));
    for a in elements {
        let Some(entry) = lookup(&a.ai) else { continue };
        for alternatives in &entry.requires {
            let satisfied = alternatives
                .iter()
                .any(|group| group.iter().all(|pattern| present(pattern)));
            if !satisfied {
                let described: Vec<String> = alternatives
                    .iter()
                    .map(|group| {
                        let ais: Vec<String> = group.iter().map(|p| format!("({p})")).collect();
                        ais.join(" with ")
                    })
                    .collect();
                return Err(Gs1Error::MissingCompanion {
                    ai: a.ai.clone(),
                    needs: format!("one of {}", described.join(", ")),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gs1::parse_bracketed;
    use chrono::NaiveDate;

    fn elements(text: &str) -> Vec<Element> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date");
        parse_bracketed(text, today).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn a_lot_alone_needs_its_gtin() {
        let err = check_associations(&elements("(10)LOT42(17)250600")).expect_err("no GTIN");
        assert_eq!(
            err.to_string(),
            "AI (10) needs one of (01), (02), (03), (8006), (8026) in the same data"
        );
        assert_eq!(
            check_associations(&elements("(01)09520123456788(10)LOT42(17)250600")),
            Ok(())
        );
    }

    #[test]
    fn exclusions_and_repeats() {
        assert_eq!(
            check_exclusions(&elements("(3103)000195(3102)001950")),
            Err(Gs1Error::ExclusiveAis {
                ai: "3103".into(),
                other: "3102".into()
            })
        );
        assert!(check_repeats(&elements("(10)A(10)A")).is_ok());
        assert!(check_repeats(&elements("(10)A(10)B")).is_err());
    }
}

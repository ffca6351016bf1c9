//! Spotting a group separator that a keyboard-wedge scanner dropped.
//!
//! Without the separator, a variable-length value such as the lot (10) runs on into the next
//! AI: `10LOT42X17250630` reads as lot "LOT42X17250630". The data is still valid GS1, so the
//! parser cannot refuse it; instead this looks for a tail of such a value that reads on its own
//! as a strongly checked fixed-length AI (a date or a check digit: (17), (11), (01), ...), and
//! offers the reading with the separator restored for the user to choose on the Receive form.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::element_string::{check_value, parse_raw};
use super::lint::Linter;
use super::table::{lookup, lookup_prefix, AiEntry};
use super::Element;

/// A possible dropped separator and the reading that restores it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeparatorHint {
    /// The AI whose value may have swallowed the next AIs.
    pub ai: String,
    pub value: String,
    /// Where in the value the separator would go.
    pub split_at: usize,
    /// All elements, read with the separator restored.
    pub alternative: Vec<Element>,
}

impl SeparatorHint {
    pub fn message(&self) -> String {
        let (head, tail) = self.value.split_at(self.split_at);
        format!(
            "AI ({}) value {:?} may end with other AIs ({tail:?}): if the scanner dropped a \
             group separator, the value is {head:?}",
            self.ai, self.value
        )
    }
}

/// Whether an AI is checked strongly enough (date or check digit) that finding it valid
/// inside another value is unlikely to be chance.
fn strongly_checked(entry: &AiEntry) -> bool {
    entry.fixed_length
        && entry.components.iter().any(|c| {
            c.linters
                .iter()
                .any(|l| matches!(l, Linter::Csum | Linter::Yymmd0 | Linter::Yymmdd))
        })
}

/// The possible dropped separators in parsed elements, at most one per element (the
/// leftmost split that gives a fully valid reading).
pub fn missing_separator_hints(elements: &[Element], today: NaiveDate) -> Vec<SeparatorHint> {
    let mut hints = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        let Some(entry) = lookup(&element.ai).filter(|e| !e.fixed_length) else {
            continue;
        };
        let raw = &element.raw;
        let found = (1..raw.len()).filter(|&p| raw.is_char_boundary(p)).find_map(|p| {
            let tail = &raw[p..];
            lookup_prefix(tail).filter(|e| strongly_checked(e))?;
            let tail_elements = parse_raw(tail, today).ok()?;
            let head = check_value(entry, &raw[..p], today).ok()?;
            Some((p, head, tail_elements))
        });
        if let Some((split_at, head, tail_elements)) = found {
            let alternative = elements[..i]
                .iter()
                .cloned()
                .chain([head])
                .chain(tail_elements)
                .chain(elements[i + 1..].iter().cloned())
                .collect();
            hints.push(SeparatorHint {
                ai: element.ai.clone(),
                value: raw.clone(),
                split_at,
                alternative,
            });
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gs1::{parse, to_bracketed};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
    }

    #[test]
    fn a_dropped_separator_before_the_expiry_is_spotted() {
        let read = parse("010415000002112610LOT42X17250630", today()).expect("valid GS1");
        assert_eq!(to_bracketed(&read), "(01)04150000021126(10)LOT42X17250630");
        let hints = missing_separator_hints(&read, today());
        assert_eq!(hints.len(), 1);
        assert_eq!(
            to_bracketed(&hints[0].alternative),
            "(01)04150000021126(10)LOT42X(17)250630"
        );
        assert_eq!(
            hints[0].message(),
            "AI (10) value \"LOT42X17250630\" may end with other AIs (\"17250630\"): if the \
             scanner dropped a group separator, the value is \"LOT42X\""
        );
    }

    #[test]
    fn ordinary_values_raise_no_hint() {
        // The domain-facts vector: its lot "230214A3263-01" holds no date or GTIN tail.
        let read = parse(
            "0108806388269617112302141728021310230214A3263-01\u{1d}21059\u{1d}240ARO4808C",
            today(),
        )
        .expect("valid GS1");
        assert_eq!(missing_separator_hints(&read, today()), vec![]);
        // "17251340" is not a date (month 13), so it is taken as part of the lot.
        let read = parse("10AB17251340", today()).expect("valid GS1");
        assert_eq!(missing_separator_hints(&read, today()), vec![]);
    }
}

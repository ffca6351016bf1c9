//! One entry point for a scanned reagent label, GS1 or HIBC, and the fields it gives the
//! Receive form.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::Gs1Error;
use super::hibc::{parse_hibc, HibcLabel};
use super::scan::parse;
use super::values::Gs1Value;
use super::Element;

/// A scanned label, read by the standard it follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "standard", content = "data", rename_all = "snake_case")]
pub enum ScannedLabel {
    Gs1(Vec<Element>),
    Hibc(HibcLabel),
}

/// What a Receive form takes from a label; `None` where the label does not say.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelFields {
    /// GTIN-14 (GS1 AI 01), which finds the reagent.
    pub gtin: Option<String>,
    /// HIBC labeler code and product number, which find the reagent on HIBC labels.
    pub hibc_product: Option<String>,
    pub lot: Option<String>,
    pub expiry: Option<NaiveDate>,
    pub serial: Option<String>,
    pub quantity: Option<u64>,
}

/// Scanner prefixes under which HIBC data arrives (Code 128, Code 39, DataMatrix, QR Code).
const HIBC_PREFIXES: [&str; 4] = ["]C0", "]A0", "]d1", "]Q1"];

/// Reads any supported label: HIBC when the data starts with `+` (after a scanner prefix or
/// Code 39 asterisks), GS1 otherwise.
pub fn read_label(input: &str, today: NaiveDate) -> Result<ScannedLabel, Gs1Error> {
    let trimmed = input.trim_matches(|c: char| c == '\r' || c == '\n' || c == ' ');
    let unprefixed = HIBC_PREFIXES
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .unwrap_or(trimmed);
    if unprefixed.trim_start_matches('*').starts_with('+') {
        return parse_hibc(unprefixed, today).map(ScannedLabel::Hibc);
    }
    parse(input, today).map(ScannedLabel::Gs1)
}

impl ScannedLabel {
    /// The fields the Receive form fills in.
    pub fn fields(&self) -> LabelFields {
        match self {
            ScannedLabel::Gs1(elements) => {
                let text = |ai: &str| elements.iter().find(|e| e.ai == ai).map(|e| e.raw.clone());
                let expiry = elements.iter().find_map(|e| match (&*e.ai, &e.value) {
                    ("17", Gs1Value::Date(d)) => Some(*d),
                    ("7003", Gs1Value::DateTime(dt)) => Some(dt.date()),
                    _ => None,
                });
                let quantity = elements.iter().find_map(|e| match (&*e.ai, &e.value) {
                    ("30" | "37", Gs1Value::Count(n)) => Some(*n),
                    _ => None,
                });
                LabelFields {
                    gtin: text("01").or_else(|| text("02")),
                    hibc_product: None,
                    lot: text("10"),
                    expiry,
                    serial: text("21"),
                    quantity,
                }
            }
            ScannedLabel::Hibc(label) => LabelFields {
                gtin: None,
                hibc_product: match (&label.labeler, &label.product) {
                    (Some(l), Some(p)) => Some(format!("{l}{p}")),
                    _ => None,
                },
                lot: label.lot.clone(),
                expiry: label.expiry,
                serial: label.serial.clone(),
                quantity: label.quantity.map(u64::from),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
    }

    #[test]
    fn gs1_and_hibc_fill_the_same_fields() {
        let gs1 = read_label("]d20104150000021126172506302112345ABC\u{1d}10LOT42X", today()).expect("GS1");
        assert_eq!(
            gs1.fields(),
            LabelFields {
                gtin: Some("04150000021126".into()),
                hibc_product: None,
                lot: Some("LOT42X".into()),
                expiry: NaiveDate::from_ymd_opt(2025, 6, 30),
                serial: Some("12345ABC".into()),
                quantity: None,
            }
        );
        // "+A123BJC5D6E71/$$3270630LOT42" closed with its mod-43 check character.
        let data = "+A123BJC5D6E71/$$3270630LOT42";
        let check = super::super::hibc::mod43_check(data).expect("HIBC characters");
        let hibc = read_label(&format!("]C0{data}{check}"), today()).expect("HIBC");
        let fields = hibc.fields();
        assert_eq!(fields.hibc_product.as_deref(), Some("A123BJC5D6E7"));
        assert_eq!(fields.lot.as_deref(), Some("LOT42"));
        assert_eq!(fields.expiry, NaiveDate::from_ymd_opt(2027, 6, 30));
    }
}

//! What a scanner or a keyboard sends: AIM symbology prefixes, group-separator stand-ins, and
//! the choice between raw, bracketed and Digital Link forms.

use chrono::NaiveDate;

use super::digital_link::{is_digital_link, parse_digital_link};
use super::element_string::{check_value, parse_bracketed, parse_raw};
use super::error::Gs1Error;
use super::lint::gs1_check_digit;
use super::table::lookup;
use super::Element;

/// ASCII 29, the group separator that ends a variable-length value.
pub const GROUP_SEPARATOR: char = '\u{1d}';

/// Textual stand-ins for the group separator accepted in raw data. A keyboard-wedge scanner
/// cannot type ASCII 29 into a browser field on most keyboard layouts, so scanners are set to
/// send a visible substitute. `<GS>` is how GS1's own documents and label printers' human
/// readable dumps write the separator (as in domain-facts.md); U+241D is the Unicode picture
/// for the control character, which some scanner software and copy-paste from viewers produce.
/// `<`, `>` are legal in lot numbers, so a lot containing the literal text `<GS>` would be split:
/// a risk taken knowingly, since the form shows every parsed field for confirmation.
const SEPARATOR_STAND_INS: [&str; 2] = ["<GS>", "\u{241d}"];

/// Reads anything a scanner or a person may enter: `]C1`/`]e0`/`]d2`/`]Q3`/`]J1` prefixed
/// data, EAN-13/EAN-8 (`]E0`, `]E4`), bracketed element strings, raw data with separators or
/// their stand-ins, and GS1 Digital Link URIs. `today` settles the century of two-digit years.
pub fn parse(input: &str, today: NaiveDate) -> Result<Vec<Element>, Gs1Error> {
    // A keyboard-wedge scan ends with Enter; surrounding spaces are never part of GS1 data.
    let input = input.trim_matches(|c: char| c == '\r' || c == '\n' || c == ' ');
    if input.is_empty() {
        return Err(Gs1Error::Empty);
    }
    if input.starts_with(']') {
        return parse_scan_data(input, today);
    }
    if input.starts_with('(') {
        return parse_bracketed(input, today);
    }
    if is_digital_link(input) {
        return parse_digital_link(input, today);
    }
    if input.starts_with('+') {
        return Err(Gs1Error::Hibc {
            detail: "this is HIBC data (leading '+'), not GS1 data; read_label reads both".to_string(),
        });
    }
    parse_raw(&with_separators(input), today)
}

/// Replaces the accepted stand-ins with ASCII 29.
fn with_separators(text: &str) -> String {
    SEPARATOR_STAND_INS
        .iter()
        .fold(text.to_string(), |acc, stand_in| acc.replace(stand_in, "\u{1d}"))
}

/// Reads data that starts with an AIM symbology identifier `]` + letter + modifier.
fn parse_scan_data(input: &str, today: NaiveDate) -> Result<Vec<Element>, Gs1Error> {
    let prefix: String = input.chars().take(3).collect();
    let data = input.get(3..).unwrap_or("");
    let fail = |detail: &str| Gs1Error::Symbology {
        prefix: prefix.clone(),
        detail: detail.to_string(),
    };
    match prefix.as_str() {
        // GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR Code and GS1 DotCode: raw AI data.
        "]C1" | "]e0" | "]d2" | "]Q3" | "]J1" => {
            if data.is_empty() {
                return Err(fail("the symbol holds no data"));
            }
            parse_raw(&with_separators(data), today)
        }
        "]E0" => parse_ean(data, 13, today).map_err(|d| fail(&d)),
        "]E4" => parse_ean(data, 8, today).map_err(|d| fail(&d)),
        // Plain DataMatrix, QR Code and DotCode may carry a Digital Link URI.
        "]d1" | "]Q1" | "]J0" if is_digital_link(data) => parse_digital_link(data, today),
        "]d1" | "]Q1" | "]J0" => Err(fail(
            "the symbol holds plain text, not GS1 data or a GS1 Digital Link URI",
        )),
        _ => Err(fail("unknown symbology identifier for GS1 data")),
    }
}

/// Reads an EAN-13 or EAN-8 as the GTIN it is, padded to 14 digits, with an optional GS1
/// composite component (`|]e0...`) after it.
fn parse_ean(data: &str, len: usize, today: NaiveDate) -> Result<Vec<Element>, String> {
    let (primary, composite) = match data.split_once("|]e0") {
        Some((primary, composite)) => (primary, Some(composite)),
        None => (data, None),
    };
    if primary.len() != len || !primary.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("an EAN-{len} is exactly {len} digits"));
    }
    let digits = primary.as_bytes();
    let (body, last) = digits.split_at(len - 1);
    if gs1_check_digit(body) != last[0] - b'0' {
        return Err(format!("EAN-{len} check digit is wrong"));
    }
    let gtin = format!("{primary:0>14}");
    let entry = lookup("01").ok_or("the GTIN AI (01) is missing from the AI table")?;
    let mut elements = vec![check_value(entry, &gtin, today).map_err(|e| e.to_string())?];
    if let Some(composite) = composite {
        elements.extend(parse_raw(&with_separators(composite), today).map_err(|e| e.to_string())?);
    }
    Ok(elements)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
    }

    fn check(input: &str, expect: &[(&str, &str)]) {
        let got = parse(input, today()).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        let got: Vec<(&str, &str)> = got.iter().map(|e| (e.ai.as_str(), e.raw.as_str())).collect();
        assert_eq!(got, expect, "{input:?}");
    }

    #[test]
    fn domain_facts_scanner_vectors() {
        // domain-facts.md, GS1 section: ]C1 GS1-128 and ]d2 GS1 DataMatrix.
        check(
            "]C101040123456789011715012910ABC123",
            &[("01", "04012345678901"), ("17", "150129"), ("10", "ABC123")],
        );
        check(
            "]d20104150000021126172506302112345ABC\u{1d}10LOT42X",
            &[
                ("01", "04150000021126"),
                ("17", "250630"),
                ("21", "12345ABC"),
                ("10", "LOT42X"),
            ],
        );
    }

    #[test]
    fn keyboard_wedge_forms() {
        let expect = [("01", "04150000021126"), ("10", "LOT42X"), ("17", "250630")];
        for input in [
            "010415000002112610LOT42X\u{1d}17250630\r\n",
            "010415000002112610LOT42X<GS>17250630",
            "010415000002112610LOT42X\u{241d}17250630",
            "(01)04150000021126(10)LOT42X(17)250630",
        ] {
            check(input, &expect);
        }
    }

    #[test]
    fn ean_13_is_a_gtin() {
        // EAN-13 4006381333931: body 400638133393 weighted 1,3,1,3,... from the left:
        // 4+0+0+18+3+24+1+9+3+9+9+9 = 89, so the check digit is 10 - 9 = 1.
        check("]E04006381333931", &[("01", "04006381333931")]);
        assert!(parse("]E04006381333932", today()).is_err());
    }

    #[test]
    fn unsupported_inputs_say_why() {
        for (input, message) in [
            ("", "no barcode data"),
            ("]Q1TESTING", "scanner prefix \"]Q1\": the symbol holds plain text, not GS1 data or a GS1 Digital Link URI"),
            ("]C1", "scanner prefix \"]C1\": the symbol holds no data"),
            ("891234", "unknown or unsupported Application Identifier at \"891234\": the data does not start with an AI Benchmate reads"),
        ] {
            assert_eq!(parse(input, today()).expect_err(input).to_string(), message);
        }
    }
}

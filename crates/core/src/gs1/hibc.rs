//! HIBC (Health Industry Bar Code) supplier labels, the other standard on lab reagents: a
//! leading `+`, the primary data (labeler, product, unit of measure), the secondary data
//! (quantity, expiry, lot or serial) and the mod-43 check character.
//!
//! Forms read (ANSI/HIBC 2.6 Supplier Labeling Standard):
//! - primary alone `+LLLLP...UC`, secondary alone `+S...LC` (L = link to the primary's check),
//!   and both concatenated `+LLLLP...U/S...C`;
//! - secondary flags: `$` lot; `$+` serial; `$$` (lot) or `$$+` (serial) with an expiry, optionally
//!   a quantity (`8` + 2 digits or `9` + 5 digits), and a date format: MMYY when the next digit is
//!   0 or 1, else `2` MMDDYY, `3` YYMMDD, `4` YYMMDDHH, `5` YYJJJ, `6` YYJJJHH, `7` no date;
//!   a bare 5-digit Julian date YYJJJ followed by the lot (the oldest form);
//! - supplemental fields after the lot: `/14D` expiry YYYYMMDD, `/16D` production YYYYMMDD,
//!   `/S` serial.
//!
//! Two-digit years use the GS1 century rule; an MMYY expiry is the last day of that month.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::error::Gs1Error;
use super::lint::days_in_month;
use super::values::full_year;

/// The mod-43 character set, in value order.
const MOD43: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

/// What a HIBC label says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HibcLabel {
    /// The Labeler Identification Code (4 characters).
    pub labeler: Option<String>,
    /// The labeler's product or catalogue number.
    pub product: Option<String>,
    pub unit_of_measure: Option<u8>,
    pub quantity: Option<u32>,
    pub expiry: Option<NaiveDate>,
    /// The expiry hour, when the label gives one.
    pub expiry_time: Option<NaiveDateTime>,
    pub production_date: Option<NaiveDate>,
    pub lot: Option<String>,
    pub serial: Option<String>,
    /// The primary's check character, which a separate secondary symbol repeats as its link.
    pub link_character: Option<char>,
}

fn fail(detail: impl Into<String>) -> Gs1Error {
    Gs1Error::Hibc { detail: detail.into() }
}

/// The mod-43 check character of `text`.
pub fn mod43_check(text: &str) -> Result<char, Gs1Error> {
    let mut sum = 0usize;
    for c in text.chars() {
        sum += MOD43
            .find(c)
            .ok_or_else(|| fail(format!("character {c:?} cannot appear in HIBC data")))?;
    }
    MOD43
        .chars()
        .nth(sum % 43)
        .ok_or_else(|| fail("check character out of range"))
}

/// Reads a HIBC label (leading `+`). A Code 39 reading may keep its `*` start and stop.
pub fn parse_hibc(input: &str, today: NaiveDate) -> Result<HibcLabel, Gs1Error> {
    let text = input.trim_matches('*');
    if !text.starts_with('+') || text.len() < 3 || !text.is_ascii() {
        return Err(fail(
            "HIBC data starts with '+' and has at least a field and a check character",
        ));
    }
    let (body, check) = text.split_at(text.len() - 1);
    let expected = mod43_check(body)?;
    let found = check.chars().next().unwrap_or(' ');
    if expected != found {
        return Err(fail(format!("check character is {found:?} but should be {expected:?}")));
    }
    let data = &body[1..];
    let mut label = HibcLabel::default();
    match data.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => match data.split_once('/') {
            Some((primary, secondary)) => {
                read_primary(primary, &mut label)?;
                read_secondary(secondary, today, &mut label)?;
            }
            None => {
                read_primary(data, &mut label)?;
                label.link_character = Some(found);
            }
        },
        _ => {
            // A secondary symbol alone ends with the link to its primary before the check.
            let (secondary, link) = data.split_at(data.len().saturating_sub(1));
            read_secondary(secondary, today, &mut label)?;
            label.link_character = link.chars().next();
        }
    }
    Ok(label)
}

fn read_primary(primary: &str, label: &mut HibcLabel) -> Result<(), Gs1Error> {
    let ok = primary.len() >= 6
        && primary.len() <= 23
        && primary.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !ok {
        return Err(fail(
            "the primary data is a 4-character labeler code, a 1-18 character product number and a unit-of-measure digit, in capitals and digits",
        ));
    }
    let (labeler, rest) = primary.split_at(4);
    let (product, unit) = rest.split_at(rest.len() - 1);
    label.labeler = Some(labeler.to_string());
    label.product = Some(product.to_string());
    label.unit_of_measure = Some(
        unit.parse()
            .map_err(|_| fail("the unit of measure (last primary character) must be a digit"))?,
    );
    Ok(())
}

/// Takes `n` leading digits as a number.
fn digits<'a>(text: &'a str, n: usize, what: &str) -> Result<(u32, &'a str), Gs1Error> {
    match text.get(..n) {
        Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => {
            Ok((d.parse().map_err(|_| fail(what.to_string()))?, &text[n..]))
        }
        _ => Err(fail(format!("{what} needs {n} digits"))),
    }
}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, Gs1Error> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| fail(format!("{year:04}-{month:02}-{day:02} is not a date")))
}

fn read_secondary(text: &str, today: NaiveDate, label: &mut HibcLabel) -> Result<(), Gs1Error> {
    let yy = |y: u32| full_year(y as i32, today);
    let (rest, is_serial) = if let Some(rest) = text.strip_prefix("$$") {
        let (rest, serial) = match rest.strip_prefix('+') {
            Some(r) => (r, true),
            None => (rest, false),
        };
        let rest = match rest.chars().next() {
            Some('8') => {
                let (q, r) = digits(&rest[1..], 2, "a quantity after 8")?;
                label.quantity = Some(q);
                r
            }
            Some('9') => {
                let (q, r) = digits(&rest[1..], 5, "a quantity after 9")?;
                label.quantity = Some(q);
                r
            }
            _ => rest,
        };
        (read_expiry(rest, &yy, label)?, serial)
    } else if let Some(rest) = text.strip_prefix("$+") {
        (rest, true)
    } else if let Some(rest) = text.strip_prefix('$') {
        (rest, false)
    } else {
        let (y, r) = digits(text, 2, "the Julian date's year")?;
        let (day_of_year, r) = digits(r, 3, "the Julian date's day")?;
        label.expiry = Some(
            NaiveDate::from_yo_opt(yy(y), day_of_year)
                .ok_or_else(|| fail(format!("day {day_of_year} does not exist in the year")))?,
        );
        (r, false)
    };
    let mut fields = rest.split('/');
    let main = fields.next().unwrap_or("");
    if !main.is_empty() {
        match is_serial {
            true => label.serial = Some(main.to_string()),
            false => label.lot = Some(main.to_string()),
        }
    }
    for field in fields {
        if let Some(d) = field.strip_prefix("14D") {
            label.expiry = Some(yyyymmdd(d)?);
        } else if let Some(d) = field.strip_prefix("16D") {
            label.production_date = Some(yyyymmdd(d)?);
        } else if let Some(s) = field.strip_prefix('S') {
            label.serial = Some(s.to_string());
        } else {
            return Err(fail(format!("unknown supplemental field {field:?}")));
        }
    }
    Ok(())
}

fn yyyymmdd(text: &str) -> Result<NaiveDate, Gs1Error> {
    if text.len() != 8 {
        return Err(fail("a YYYYMMDD date needs 8 digits"));
    }
    let (y, r) = digits(text, 4, "the year")?;
    let (m, r) = digits(r, 2, "the month")?;
    let (d, _) = digits(r, 2, "the day")?;
    date(y as i32, m, d)
}

/// Reads the expiry after `$$` (and any quantity), returning what follows it.
fn read_expiry<'a>(text: &'a str, yy: &dyn Fn(u32) -> i32, label: &mut HibcLabel) -> Result<&'a str, Gs1Error> {
    let rest = match text.chars().next() {
        Some('0' | '1') => {
            let (m, r) = digits(text, 2, "the MMYY month")?;
            let (y, r) = digits(r, 2, "the MMYY year")?;
            let year = yy(y);
            if !(1..=12).contains(&m) {
                return Err(fail(format!("month {m:02} does not exist")));
            }
            let leap = NaiveDate::from_ymd_opt(year, 2, 29).is_some();
            label.expiry = Some(date(year, m, days_in_month(leap, m))?);
            r
        }
        Some('2') => {
            let (m, r) = digits(&text[1..], 2, "the MMDDYY month")?;
            let (d, r) = digits(r, 2, "the MMDDYY day")?;
            let (y, r) = digits(r, 2, "the MMDDYY year")?;
            label.expiry = Some(date(yy(y), m, d)?);
            r
        }
        Some(format @ ('3' | '4')) => {
            let (y, r) = digits(&text[1..], 2, "the YYMMDD year")?;
            let (m, r) = digits(r, 2, "the YYMMDD month")?;
            let (d, r) = digits(r, 2, "the YYMMDD day")?;
            let day = date(yy(y), m, d)?;
            label.expiry = Some(day);
            with_hour(format == '4', day, r, label)?
        }
        Some(format @ ('5' | '6')) => {
            let (y, r) = digits(&text[1..], 2, "the Julian year")?;
            let (j, r) = digits(r, 3, "the Julian day")?;
            let day =
                NaiveDate::from_yo_opt(yy(y), j).ok_or_else(|| fail(format!("day {j} does not exist in the year")))?;
            label.expiry = Some(day);
            with_hour(format == '6', day, r, label)?
        }
        Some('7') => &text[1..],
        _ => return Err(fail("an expiry date format (MMYY or 2-7) must follow $$")),
    };
    Ok(rest)
}

fn with_hour<'a>(has_hour: bool, day: NaiveDate, text: &'a str, label: &mut HibcLabel) -> Result<&'a str, Gs1Error> {
    if !has_hour {
        return Ok(text);
    }
    let (h, r) = digits(text, 2, "the expiry hour")?;
    let time = NaiveTime::from_hms_opt(h, 0, 0).ok_or_else(|| fail(format!("hour {h:02} does not exist")))?;
    label.expiry_time = Some(day.and_time(time));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    /// Appends the check character, so tests state the data and let the rule close it.
    fn with_check(data: &str) -> String {
        format!("{data}{}", mod43_check(data).expect("HIBC characters"))
    }

    #[test]
    fn check_character_worked_examples() {
        // Zebra's HIBCC43 example: + A 1 2 3 B J C 5 D 6 E 7 1 sums to
        // 41+10+1+2+3+11+19+12+5+13+6+14+7+1 = 145; 145 mod 43 = 16, which is 'G'.
        assert_eq!(mod43_check("+A123BJC5D6E71"), Ok('G'));
        // With a fourth digit in the product: 149 mod 43 = 20, 'K'.
        assert_eq!(mod43_check("+A1234BJC5D6E71"), Ok('K'));
    }

    #[test]
    fn primary_alone() {
        let label = parse_hibc("+A123BJC5D6E71G", today()).expect("valid");
        assert_eq!(label.labeler.as_deref(), Some("A123"));
        assert_eq!(label.product.as_deref(), Some("BJC5D6E7"));
        assert_eq!(label.unit_of_measure, Some(1));
        assert_eq!(label.link_character, Some('G'));
        assert!(parse_hibc("*+A123BJC5D6E71G*", today()).is_ok(), "Code 39 asterisks");
        assert!(parse_hibc("+A123BJC5D6E71H", today()).is_err());
    }

    #[test]
    fn concatenated_with_expiry_and_lot() {
        for (secondary, expiry, lot) in [
            ("$$0627LOT42", day(2027, 6, 30), "LOT42"),    // MMYY: last day of June 2027
            ("$$0228LOT42", day(2028, 2, 29), "LOT42"),    // 2028 is a leap year
            ("$$2063027LOT42", day(2027, 6, 30), "LOT42"), // MMDDYY
            ("$$3270630LOT42", day(2027, 6, 30), "LOT42"), // YYMMDD
            ("$$527181LOT42", day(2027, 6, 30), "LOT42"),  // Julian: day 181 of 2027 = 30 June
            ("27181LOT42", day(2027, 6, 30), "LOT42"),     // bare Julian date
        ] {
            let label = parse_hibc(&with_check(&format!("+A123BJC5D6E71/{secondary}")), today())
                .unwrap_or_else(|e| panic!("{secondary}: {e}"));
            assert_eq!(label.expiry, Some(expiry), "{secondary}");
            assert_eq!(label.lot.as_deref(), Some(lot), "{secondary}");
            assert_eq!(label.product.as_deref(), Some("BJC5D6E7"));
        }
    }

    #[test]
    fn secondary_alone_quantities_serials_and_supplements() {
        let label = parse_hibc(&with_check("+$$8123270630LOT7G"), today()).expect("valid");
        assert_eq!((label.quantity, label.expiry), (Some(12), Some(day(2027, 6, 30))));
        assert_eq!(label.lot.as_deref(), Some("LOT7"));
        assert_eq!(label.link_character, Some('G'));
        let label = parse_hibc(&with_check("+$+SER9/14D20270630G"), today()).expect("valid");
        assert_eq!(label.serial.as_deref(), Some("SER9"));
        assert_eq!(label.expiry, Some(day(2027, 6, 30)));
        let label = parse_hibc(&with_check("+$$4270630143B1G"), today()).expect("valid");
        assert_eq!(label.expiry_time, day(2027, 6, 30).and_hms_opt(14, 0, 0));
    }

    #[test]
    fn faults_say_what_is_wrong() {
        for (data, message) in [
            ("+$$1327L", "HIBC barcode: month 13 does not exist"),
            ("+$$3270631L", "HIBC barcode: 2027-06-31 is not a date"),
            ("+$$X", "HIBC barcode: an expiry date format (MMYY or 2-7) must follow $$"),
            ("+A1/$L", "HIBC barcode: the primary data is a 4-character labeler code, a 1-18 character product number and a unit-of-measure digit, in capitals and digits"),
        ] {
            let err = parse_hibc(&with_check(data), today()).expect_err(data);
            assert_eq!(err.to_string(), message);
        }
    }
}

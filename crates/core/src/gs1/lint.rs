//! Content rules for AI values ("linters" in the GS1 Syntax Dictionary): check digits, dates,
//! times, character sets and the few structured numbers the supported AIs use.

use std::fmt;

use super::table::Charset;

/// The dictionary's content rules that Benchmate implements, by their dictionary names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Linter {
    /// GS1 mod-10 check digit in the last position (GTIN, SSCC, GLN, ...).
    Csum,
    /// YYMMDD where day 00 means the last day of the month.
    Yymmd0,
    /// YYMMDD with a real day.
    Yymmdd,
    /// HHMI, 24-hour clock.
    Hhmi,
    Hh,
    Mi,
    Ss,
    /// All zeros.
    Zero,
    /// Not all zeros.
    Nonzero,
    /// Roll winding direction: 0, 1 or 9.
    Winding,
    /// Piece number then total pieces, each half of the field; 1 <= piece <= total.
    PieceOfTotal,
    /// Position of the GS1 Company Prefix. Checking it needs GS1's list of allocated company
    /// prefixes, an online data source, so Benchmate accepts it as GS1's engine does when
    /// no such source is configured.
    GcpPosition,
}

impl Linter {
    pub fn from_name(name: &str) -> Option<Linter> {
        Some(match name {
            "csum" => Linter::Csum,
            "yymmd0" => Linter::Yymmd0,
            "yymmdd" => Linter::Yymmdd,
            "hhmi" => Linter::Hhmi,
            "hh" => Linter::Hh,
            "mi" => Linter::Mi,
            "ss" => Linter::Ss,
            "zero" => Linter::Zero,
            "nonzero" => Linter::Nonzero,
            "winding" => Linter::Winding,
            "pieceoftotal" => Linter::PieceOfTotal,
            "gcppos1" | "gcppos2" => Linter::GcpPosition,
            _ => return None,
        })
    }

    /// Checks one component's text.
    pub fn check(self, text: &str) -> Result<(), LintFault> {
        match self {
            Linter::Csum => check_digit(text),
            Linter::Yymmd0 => check_date(text, true),
            Linter::Yymmdd => check_date(text, false),
            Linter::Hhmi => {
                fixed_digits(text, 4, LintFault::TimeLength { expected: 4 })?;
                in_range(&text[..2], 23, LintFault::IllegalHour)?;
                in_range(&text[2..], 59, LintFault::IllegalMinute)
            }
            Linter::Hh => two_digit(text, 23, LintFault::IllegalHour),
            Linter::Mi => two_digit(text, 59, LintFault::IllegalMinute),
            Linter::Ss => two_digit(text, 59, LintFault::IllegalSecond),
            Linter::Zero if !text.is_empty() && text.bytes().all(|b| b == b'0') => Ok(()),
            Linter::Zero => Err(LintFault::NotZero),
            Linter::Nonzero => {
                all_digits(text)?;
                match text.bytes().any(|b| b != b'0') {
                    true => Ok(()),
                    false => Err(LintFault::IllegalZeroValue),
                }
            }
            Linter::Winding => match text {
                "0" | "1" | "9" => Ok(()),
                _ => Err(LintFault::InvalidWinding),
            },
            Linter::PieceOfTotal => check_piece_of_total(text),
            Linter::GcpPosition => Ok(()),
        }
    }
}

/// Checks that every character belongs to the component's character set.
pub fn check_charset(charset: Charset, text: &str) -> Result<(), LintFault> {
    match charset {
        Charset::Numeric => all_digits(text),
        Charset::Cset82 => match text.char_indices().find(|(_, c)| !is_cset82(*c)) {
            None => Ok(()),
            Some((position, ch)) => Err(LintFault::NotCset82 { position, ch }),
        },
    }
}

/// GS1 AI encodable character set 82: the invariant subset of ISO 646.
pub fn is_cset82(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

/// The GS1 mod-10 check digit for the digits before it (weights 3, 1, 3, ... from the right).
pub fn gs1_check_digit(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i.is_multiple_of(2) { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// One fault in one component's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LintFault {
    NonDigit { position: usize, ch: char },
    NotCset82 { position: usize, ch: char },
    TooShortForCheckDigit,
    CheckDigit { expected: u8, found: u8 },
    DateLength { expected: usize },
    TimeLength { expected: usize },
    IllegalMonth(u32),
    IllegalDay { day: u32, month: u32 },
    IllegalHour(u32),
    IllegalMinute(u32),
    IllegalSecond(u32),
    NotZero,
    IllegalZeroValue,
    InvalidWinding,
    PieceLength,
    ZeroPiece,
    ZeroTotal,
    PieceExceedsTotal { piece: u32, total: u32 },
}

impl LintFault {
    /// The GS1 Syntax Engine's name for the fault, so tests can compare with its vectors.
    pub fn gs1_code(&self) -> &'static str {
        match self {
            LintFault::NonDigit { .. } => "GS1_LINTER_NON_DIGIT_CHARACTER",
            LintFault::NotCset82 { .. } => "GS1_LINTER_INVALID_CSET82_CHARACTER",
            LintFault::TooShortForCheckDigit => "GS1_LINTER_TOO_SHORT_FOR_CHECK_DIGIT",
            LintFault::CheckDigit { .. } => "GS1_LINTER_INCORRECT_CHECK_DIGIT",
            LintFault::DateLength { .. } => "GS1_LINTER_DATE_LENGTH",
            LintFault::TimeLength { .. } => "GS1_LINTER_TIME_LENGTH",
            LintFault::IllegalMonth(_) => "GS1_LINTER_ILLEGAL_MONTH",
            LintFault::IllegalDay { .. } => "GS1_LINTER_ILLEGAL_DAY",
            LintFault::IllegalHour(_) => "GS1_LINTER_ILLEGAL_HOUR",
            LintFault::IllegalMinute(_) => "GS1_LINTER_ILLEGAL_MINUTE",
            LintFault::IllegalSecond(_) => "GS1_LINTER_ILLEGAL_SECOND",
            LintFault::NotZero => "GS1_LINTER_NOT_ZERO",
            LintFault::IllegalZeroValue => "GS1_LINTER_ILLEGAL_ZERO_VALUE",
            LintFault::InvalidWinding => "GS1_LINTER_INVALID_WINDING_DIRECTION",
            LintFault::PieceLength => "GS1_LINTER_INVALID_LENGTH_FOR_PIECE_OF_TOTAL",
            LintFault::ZeroPiece => "GS1_LINTER_ZERO_PIECE_NUMBER",
            LintFault::ZeroTotal => "GS1_LINTER_ZERO_TOTAL_PIECES",
            LintFault::PieceExceedsTotal { .. } => "GS1_LINTER_PIECE_NUMBER_EXCEEDS_TOTAL",
        }
    }
}

impl fmt::Display for LintFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LintFault::NonDigit { position, ch } => {
                write!(f, "character {ch:?} at position {} is not a digit", position + 1)
            }
            LintFault::NotCset82 { position, ch } => write!(
                f,
                "character {ch:?} at position {} is not allowed in GS1 data (character set 82)",
                position + 1
            ),
            LintFault::TooShortForCheckDigit => write!(f, "too short to hold a check digit"),
            LintFault::CheckDigit { expected, found } => {
                write!(f, "check digit is {found} but should be {expected}")
            }
            LintFault::DateLength { expected } => write!(f, "a date needs {expected} digits"),
            LintFault::TimeLength { expected } => write!(f, "a time needs {expected} digits"),
            LintFault::IllegalMonth(m) => write!(f, "month {m:02} does not exist"),
            LintFault::IllegalDay { day, month } => {
                write!(f, "day {day:02} does not exist in month {month:02}")
            }
            LintFault::IllegalHour(h) => write!(f, "hour {h:02} does not exist (00-23)"),
            LintFault::IllegalMinute(m) => write!(f, "minute {m:02} does not exist (00-59)"),
            LintFault::IllegalSecond(s) => write!(f, "second {s:02} does not exist (00-59)"),
            LintFault::NotZero => write!(f, "must be zero"),
            LintFault::IllegalZeroValue => write!(f, "must not be zero"),
            LintFault::InvalidWinding => write!(f, "winding direction must be 0, 1 or 9"),
            LintFault::PieceLength => write!(f, "piece and total must have the same length"),
            LintFault::ZeroPiece => write!(f, "piece number must not be zero"),
            LintFault::ZeroTotal => write!(f, "total number of pieces must not be zero"),
            LintFault::PieceExceedsTotal { piece, total } => {
                write!(f, "piece {piece} is beyond the total of {total}")
            }
        }
    }
}

fn all_digits(text: &str) -> Result<(), LintFault> {
    match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        None => Ok(()),
        Some((position, ch)) => Err(LintFault::NonDigit { position, ch }),
    }
}

fn fixed_digits(text: &str, len: usize, wrong_length: LintFault) -> Result<(), LintFault> {
    if text.chars().count() != len {
        return Err(wrong_length);
    }
    all_digits(text)
}

/// Reads digits already checked by [`all_digits`].
fn number(digits: &str) -> u32 {
    digits
        .bytes()
        .fold(0, |n, d| n.saturating_mul(10).saturating_add(u32::from(d - b'0')))
}

fn in_range(digits: &str, max: u32, fault: fn(u32) -> LintFault) -> Result<(), LintFault> {
    let n = number(digits);
    if n > max {
        return Err(fault(n));
    }
    Ok(())
}

fn two_digit(text: &str, max: u32, fault: fn(u32) -> LintFault) -> Result<(), LintFault> {
    fixed_digits(text, 2, LintFault::TimeLength { expected: 2 })?;
    in_range(text, max, fault)
}

fn check_digit(text: &str) -> Result<(), LintFault> {
    all_digits(text)?;
    let digits = text.as_bytes();
    let Some((&last, body)) = digits.split_last() else {
        return Err(LintFault::TooShortForCheckDigit);
    };
    let expected = gs1_check_digit(body);
    let found = last - b'0';
    if expected != found {
        return Err(LintFault::CheckDigit { expected, found });
    }
    Ok(())
}

/// Checks YYMMDD. The century is not known here, so a year is a leap year when YY is a
/// multiple of 4: true for every year the GS1 century rule can give until 2100.
fn check_date(text: &str, day_zero_allowed: bool) -> Result<(), LintFault> {
    fixed_digits(text, 6, LintFault::DateLength { expected: 6 })?;
    let (yy, month, day) = (number(&text[..2]), number(&text[2..4]), number(&text[4..]));
    if !(1..=12).contains(&month) {
        return Err(LintFault::IllegalMonth(month));
    }
    let last_day = days_in_month(yy.is_multiple_of(4), month);
    if (day == 0 && !day_zero_allowed) || day > last_day {
        return Err(LintFault::IllegalDay { day, month });
    }
    Ok(())
}

/// Days in a month (1-12).
pub fn days_in_month(leap_year: bool, month: u32) -> u32 {
    match month {
        2 if leap_year => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn check_piece_of_total(text: &str) -> Result<(), LintFault> {
    let len = text.chars().count();
    if len == 0 || !len.is_multiple_of(2) {
        return Err(LintFault::PieceLength);
    }
    all_digits(text)?;
    let (piece, total) = (number(&text[..len / 2]), number(&text[len / 2..]));
    if piece == 0 {
        return Err(LintFault::ZeroPiece);
    }
    if total == 0 {
        return Err(LintFault::ZeroTotal);
    }
    if piece > total {
        return Err(LintFault::PieceExceedsTotal { piece, total });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(linter: Linter, input: &str, expect: Result<(), LintFault>) {
        assert_eq!(linter.check(input), expect, "{linter:?} on {input:?}");
    }

    #[test]
    fn check_digits_follow_the_gs1_mod_10_rule() {
        // GTIN-14 09520123456788 (GS1's own example): digits 0952012345678 weighted 3,1,3,...
        // from the right: 8*3+7*1+6*3+5+4*3+3+2*3+1+0+2+5*3+9+0 = 102, so 10 - 2 = 8.
        check(Linter::Csum, "09520123456788", Ok(()));
        check(
            Linter::Csum,
            "09520123456787",
            Err(LintFault::CheckDigit { expected: 8, found: 7 }),
        );
        check(Linter::Csum, "", Err(LintFault::TooShortForCheckDigit));
        check(Linter::Csum, "0952A", Err(LintFault::NonDigit { position: 4, ch: 'A' }));
    }

    #[test]
    fn dates_know_month_lengths_leap_years_and_day_zero() {
        check(Linter::Yymmd0, "250200", Ok(()));
        check(
            Linter::Yymmdd,
            "250200",
            Err(LintFault::IllegalDay { day: 0, month: 2 }),
        );
        check(Linter::Yymmdd, "240229", Ok(()));
        check(
            Linter::Yymmdd,
            "250229",
            Err(LintFault::IllegalDay { day: 29, month: 2 }),
        );
        check(Linter::Yymmdd, "251301", Err(LintFault::IllegalMonth(13)));
        check(
            Linter::Yymmdd,
            "250431",
            Err(LintFault::IllegalDay { day: 31, month: 4 }),
        );
        check(Linter::Yymmdd, "25043", Err(LintFault::DateLength { expected: 6 }));
    }

    #[test]
    fn times_and_structured_numbers() {
        check(Linter::Hhmi, "2359", Ok(()));
        check(Linter::Hhmi, "2400", Err(LintFault::IllegalHour(24)));
        check(Linter::Hhmi, "1260", Err(LintFault::IllegalMinute(60)));
        check(Linter::PieceOfTotal, "0203", Ok(()));
        check(
            Linter::PieceOfTotal,
            "0302",
            Err(LintFault::PieceExceedsTotal { piece: 3, total: 2 }),
        );
        check(Linter::Winding, "9", Ok(()));
        check(Linter::Nonzero, "000", Err(LintFault::IllegalZeroValue));
    }

    #[test]
    fn cset82_excludes_space_caret_and_tilde() {
        assert_eq!(check_charset(Charset::Cset82, "AB-12/x"), Ok(()));
        for (text, position, ch) in [("A B", 1, ' '), ("^1", 0, '^'), ("1~", 1, '~')] {
            assert_eq!(
                check_charset(Charset::Cset82, text),
                Err(LintFault::NotCset82 { position, ch })
            );
        }
    }
}

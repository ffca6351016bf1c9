//! The units people type (mcg, mEq, IU, cc, x10^9/L, K/uL, mm Hg, ...) mapped to UCUM codes.

use super::{ucum, UnitError};

/// Whole spellings whose pieces would mislead if read one by one (keys in lower case, after
/// spaces are removed and micro signs read as `u`). `K/uL` means thousands per microlitre at
/// the bench, although `K` alone is the kelvin in UCUM.
const WHOLE: &[(&str, &str)] = &[
    ("k/ul", "10*3/uL"),
    ("k/mm3", "10*3/mm3"),
    ("k/cumm", "10*3/mm3"),
    ("thou/ul", "10*3/uL"),
    ("m/ul", "10*6/uL"),
    ("mil/ul", "10*6/uL"),
    ("m/mm3", "10*6/mm3"),
    ("ml/min/1.73m2", "mL/min/{1.73_m2}"),
    ("ml/min/1.73msq", "mL/min/{1.73_m2}"),
    ("mmhg", "mm[Hg]"),
    ("cmh2o", "cm[H2O]"),
    ("xg", "[g]"),
    ("*g", "[g]"),
    ("rpm", "/min"),
    ("percent", "%"),
];

/// Case-sensitive pieces: molar shorthand, where `mM` (millimolar) and `mm` differ.
const EXACT: &[(&str, &str)] = &[
    ("M", "mol/L"),
    ("mM", "mmol/L"),
    ("uM", "umol/L"),
    ("nM", "nmol/L"),
    ("pM", "pmol/L"),
];

/// Case-insensitive pieces (keys in lower case).
const PIECES: &[(&str, &str)] = &[
    ("mcg", "ug"),
    ("ug", "ug"),
    ("mg", "mg"),
    ("ng", "ng"),
    ("pg", "pg"),
    ("g", "g"),
    ("kg", "kg"),
    ("gm", "g"),
    ("l", "L"),
    ("dl", "dL"),
    ("ml", "mL"),
    ("ul", "uL"),
    ("nl", "nL"),
    ("fl", "fL"),
    ("cc", "cm3"),
    ("cumm", "mm3"),
    ("mol", "mol"),
    ("mmol", "mmol"),
    ("umol", "umol"),
    ("nmol", "nmol"),
    ("pmol", "pmol"),
    ("eq", "eq"),
    ("meq", "meq"),
    ("ueq", "ueq"),
    ("osm", "osm"),
    ("mosm", "mosm"),
    ("iu", "[IU]"),
    ("kiu", "k[IU]"),
    ("miu", "m[IU]"),
    ("uiu", "u[IU]"),
    ("u", "U"),
    ("mu", "mU"),
    ("units", "U"),
    ("kat", "kat"),
    ("ukat", "ukat"),
    ("mmhg", "mm[Hg]"),
    ("cmh2o", "cm[H2O]"),
    ("°c", "Cel"),
    ("degc", "Cel"),
    ("celsius", "Cel"),
    ("°f", "[degF]"),
    ("degf", "[degF]"),
    ("fahrenheit", "[degF]"),
    ("s", "s"),
    ("sec", "s"),
    ("secs", "s"),
    ("second", "s"),
    ("seconds", "s"),
    ("min", "min"),
    ("mins", "min"),
    ("minute", "min"),
    ("minutes", "min"),
    ("h", "h"),
    ("hr", "h"),
    ("hrs", "h"),
    ("hour", "h"),
    ("hours", "h"),
    ("d", "d"),
    ("day", "d"),
    ("days", "d"),
    ("wk", "wk"),
    ("week", "wk"),
    ("weeks", "wk"),
    ("mo", "mo"),
    ("month", "mo"),
    ("months", "mo"),
    ("y", "a"),
    ("yr", "a"),
    ("yrs", "a"),
    ("year", "a"),
    ("years", "a"),
    ("in", "[in_i]"),
    ("inch", "[in_i]"),
    ("inches", "[in_i]"),
    ("ft", "[ft_i]"),
    ("feet", "[ft_i]"),
    ("foot", "[ft_i]"),
    ("lb", "[lb_av]"),
    ("lbs", "[lb_av]"),
    ("pound", "[lb_av]"),
    ("pounds", "[lb_av]"),
    ("oz", "[oz_av]"),
    ("cells", "{cells}"),
    ("cell", "{cells}"),
    ("%", "%"),
];

/// Turns a unit as people write it into a valid UCUM code, or says why it cannot.
///
/// Valid UCUM comes back unchanged apart from the common lower-case slips (`mg/dl` becomes
/// `mg/dL`). The result always passes `ucum::validate`.
pub fn normalize(text: &str) -> Result<String, UnitError> {
    let trimmed = text.trim();
    ucum::check_length(trimmed)?;
    let plain = plain_ascii(trimmed);
    ucum::check_length(&plain)?;
    let candidate = match WHOLE.iter().find(|(k, _)| *k == plain.to_lowercase()) {
        Some((_, code)) => code.to_string(),
        None => map_pieces(&powers_of_ten(&plain)),
    };
    if ucum::validate(&candidate).is_ok() {
        return Ok(candidate);
    }
    match ucum::validate(&plain) {
        Ok(()) => Ok(plain),
        Err(UnitError::Unrecognized { reason, .. }) => Err(UnitError::Unrecognized {
            text: trimmed.to_string(),
            reason,
        }),
        Err(other) => Err(other),
    }
}

/// Removes spaces and replaces the non-ASCII signs people paste (µ, ², ×, ·, superscripts).
/// A superscript right after a written digit is a power (`10⁹` is `10^9`); after a letter it
/// is an exponent (`m²` is `m2`).
fn plain_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_was_superscript = false;
    for c in text.chars() {
        let superscript = superscript_digit(c);
        if let Some(digit) = superscript {
            if !previous_was_superscript && out.ends_with(|p: char| p.is_ascii_digit()) {
                out.push('^');
            }
            out.push(digit);
        } else {
            match c {
                c if c.is_whitespace() => {}
                'µ' | 'μ' => out.push('u'),
                '×' => out.push('x'),
                '·' | '•' | '⋅' => out.push('.'),
                '⁻' => {
                    if out.ends_with(|p: char| p.is_ascii_digit()) {
                        out.push('^');
                    }
                    out.push('-');
                }
                c => out.push(c),
            }
        }
        previous_was_superscript = superscript.is_some() || c == '⁻';
    }
    out
}

fn superscript_digit(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => char::from_digit(c as u32 - '⁴' as u32 + 4, 10),
        _ => None,
    }
}

/// `x10^9/L`, `10E9/L`, `10**9/L` and `*10^3/uL` become UCUM's `10*9/L` and `10*3/uL`.
fn powers_of_ten(text: &str) -> String {
    let mut rest = text;
    if let Some(stripped) = rest
        .strip_prefix('x')
        .or_else(|| rest.strip_prefix('X'))
        .or_else(|| rest.strip_prefix('*'))
    {
        if stripped.starts_with("10") {
            rest = stripped;
        }
    }
    let Some(after_ten) = rest.strip_prefix("10") else {
        return rest.to_string();
    };
    for marker in ["^", "**", "*", "e", "E"] {
        if let Some(exponent_and_rest) = after_ten.strip_prefix(marker) {
            let digits: String = exponent_and_rest
                .chars()
                .enumerate()
                .take_while(|(i, c)| c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+')))
                .map(|(_, c)| c)
                .collect();
            if digits.chars().any(|c| c.is_ascii_digit()) {
                let tail = &exponent_and_rest[digits.len()..];
                return format!("10*{}{}", digits.trim_start_matches('+'), tail);
            }
        }
    }
    rest.to_string()
}

/// Liter spellings: UCUM reads `l` and `L` alike, so writing `L` changes nothing but looks.
const LITRES: &[(&str, &str)] = &[
    ("l", "L"),
    ("dl", "dL"),
    ("ml", "mL"),
    ("ul", "uL"),
    ("nl", "nL"),
    ("fl", "fL"),
];

/// Maps each piece between `.`, `/` and parentheses through `EXACT` then `PIECES`.
///
/// A piece that is already a valid UCUM unit is kept as written (`S` is the siemens, not a
/// second), except in text written all in capitals (`MG/DL`, `MEQ/L`), which is read
/// case-insensitively because `MG` there means milligram, not megagauss.
fn map_pieces(text: &str) -> String {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters > 1 && !text.chars().any(|c| c.is_lowercase());
    let whole_piece = !text.contains(['.', '/', '(', ')']);
    let mut out = String::with_capacity(text.len() + 8);
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut String| {
        if !piece.is_empty() {
            out.push_str(&map_piece(piece, whole_piece, shouted));
            piece.clear();
        }
    };
    let mut in_braces = false;
    for c in text.chars() {
        match c {
            '{' => {
                in_braces = true;
                piece.push(c);
            }
            '}' => {
                in_braces = false;
                piece.push(c);
            }
            '.' | '/' | '(' | ')' if !in_braces => {
                flush(&mut piece, &mut out);
                out.push(c);
            }
            c => piece.push(c),
        }
    }
    flush(&mut piece, &mut out);
    out
}

fn map_piece(piece: &str, whole: bool, shouted: bool) -> String {
    if !shouted {
        if let Some((_, code)) = EXACT.iter().find(|(k, _)| *k == piece) {
            return if whole { code.to_string() } else { format!("({code})") };
        }
    }
    // A trailing exponent (`cm2`, `m-1`) is kept; the symbol before it is looked up.
    let split = piece
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '-' || *c == '+')
        .last()
        .map_or(piece.len(), |(i, _)| i);
    let (symbol, exponent) = piece.split_at(split);
    if symbol.is_empty() || symbol.starts_with('{') {
        return piece.to_string();
    }
    let lower = symbol.to_lowercase();
    // `u` is the atomic mass unit in UCUM, but `u/l` at a bench is always enzyme units.
    if symbol == "u" {
        return format!("U{exponent}");
    }
    if let Some((_, code)) = LITRES.iter().find(|(k, _)| *k == lower) {
        return format!("{code}{exponent}");
    }
    if !shouted && ucum::validate(symbol).is_ok() {
        return piece.to_string();
    }
    match PIECES.iter().find(|(k, _)| *k == lower) {
        Some((_, code)) => format!("{code}{exponent}"),
        None => piece.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        assert_eq!(normalize(text).as_deref(), Ok(expect), "normalize({text:?})");
    }

    #[test]
    fn maps_bench_spellings_to_ucum() {
        check("mg/dL", "mg/dL");
        check("mg/dl", "mg/dL");
        check("MG/DL", "mg/dL");
        check("mcg/mL", "ug/mL");
        check("µg/dL", "ug/dL");
        check("mEq/L", "meq/L");
        check("IU/L", "[IU]/L");
        check("mIU/mL", "m[IU]/mL");
        check("µIU/mL", "u[IU]/mL");
        check("uIU/ml", "u[IU]/mL");
        check("cc", "cm3");
        check("x10^9/L", "10*9/L");
        check("×10⁹/L", "10*9/L");
        check("10^3/uL", "10*3/uL");
        check("10E9/L", "10*9/L");
        check("10⁻³", "10*-3");
        check("10¹²/L", "10*12/L");
        check("K/uL", "10*3/uL");
        check("K/µL", "10*3/uL");
        check("cells/uL", "{cells}/uL");
        check("cells/mm3", "{cells}/mm3");
        check("mmHg", "mm[Hg]");
        check("mm Hg", "mm[Hg]");
        check("mm[Hg]", "mm[Hg]");
        check("mM", "mmol/L");
        check("mmol/L", "mmol/L");
        check("mL/min/1.73 m²", "mL/min/{1.73_m2}");
        check("U/L", "U/L");
        check("u/l", "U/L");
        check("kg/m2", "kg/m2");
        check("kg/m²", "kg/m2");
        check("lbs", "[lb_av]");
        check("in", "[in_i]");
        check("°C", "Cel");
        check("%", "%");
        check("fL", "fL");
        check("mOsm/kg", "mosm/kg");
        check("g/L", "g/L");
        check("  mg/dL ", "mg/dL");
        check("10*3/uL", "10*3/uL");
        check("[IU]/L", "[IU]/L");
        check("MEQ/L", "meq/L");
        check("MMOL/L", "mmol/L");
        // Valid UCUM is kept as written: S is the siemens, N the newton, K the kelvin.
        check("S", "S");
        check("g.m.s-2.A-2", "g.m.s-2.A-2");
        check("s/m.mg", "s/m.mg");
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(matches!(normalize("furlongs"), Err(UnitError::Unrecognized { .. })));
        assert_eq!(normalize(""), Err(UnitError::Empty));
        assert_eq!(normalize("   "), Err(UnitError::Empty));
        assert!(matches!(
            normalize(&"m.".repeat(10_000)),
            Err(UnitError::TooLong { .. })
        ));
    }
}

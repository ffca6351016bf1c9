//! GS1 element strings: bracketed `(01)...(10)...` text and raw data separated by ASCII 29,
//! the checks every value goes through, and the canonical forms written back out.

use chrono::NaiveDate;

use super::error::Gs1Error;
use super::lint::{check_charset, LintFault};
use super::table::{lookup, lookup_prefix, AiEntry, Charset};
use super::values::typed_value;
use super::Element;

/// The group separator (ASCII 29) that ends a variable-length value in raw data.
const GS: char = '\u{1d}';

/// Reads `(01)09520123456788(17)250600(10)LOT42`. A literal `(` inside a value is written `\(`.
pub fn parse_bracketed(text: &str, today: NaiveDate) -> Result<Vec<Element>, Gs1Error> {
    let malformed = |detail: &str| Gs1Error::MalformedAi {
        detail: detail.to_string(),
    };
    let mut rest = text
        .strip_prefix('(')
        .ok_or_else(|| malformed("bracketed data must start with an AI in brackets, e.g. (01)"))?;
    let mut elements = Vec::new();
    loop {
        let (ai, after) = rest
            .split_once(')')
            .ok_or_else(|| malformed("an AI's bracket is not closed"))?;
        if !(2..=4).contains(&ai.len()) || !ai.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed(&format!("({ai}) is not an AI: an AI is 2 to 4 digits")));
        }
        // The value runs to the next unescaped '('; "\(" stands for a literal bracket.
        let mut value = String::new();
        let mut chars = after.char_indices().peekable();
        let mut next = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if matches!(chars.peek(), Some((_, '('))) => {
                    value.push('(');
                    chars.next();
                }
                '(' => {
                    next = Some(&after[i + 1..]);
                    break;
                }
                _ => value.push(c),
            }
        }
        if value.is_empty() {
            return Err(Gs1Error::EmptyValue { ai: ai.to_string() });
        }
        let entry = lookup(ai).ok_or_else(|| Gs1Error::UnsupportedAi { ai: ai.to_string() })?;
        elements.push(check_value(entry, &value, today)?);
        match next {
            Some(more) => rest = more,
            None => return Ok(elements),
        }
    }
}

/// Reads raw data such as `01095201234567881725060010LOT42<GS>21S1` where the group separator
/// (ASCII 29) follows each variable-length value that is not the last. Separators where none is
/// needed are tolerated, as scanners emit them.
pub fn parse_raw(text: &str, today: NaiveDate) -> Result<Vec<Element>, Gs1Error> {
    let mut rest = text;
    let mut elements = Vec::new();
    while let Some(first) = rest.chars().next() {
        if first == GS {
            rest = &rest[first.len_utf8()..];
            continue;
        }
        let entry = lookup_prefix(rest).ok_or_else(|| Gs1Error::UnknownAi {
            at: rest.chars().take(8).collect(),
        })?;
        rest = &rest[entry.ai.len()..];
        let end = match entry.fixed_length.then(|| entry.fixed_value_len()).flatten() {
            // A predefined length: the value is exactly that long, and the next AI may follow
            // at once. A separator inside it means the value was cut short.
            Some(len) => rest
                .char_indices()
                .nth(len)
                .map_or(rest.len(), |(i, _)| i)
                .min(rest.find(GS).unwrap_or(rest.len())),
            None => rest.find(GS).unwrap_or(rest.len()),
        };
        let (value, after) = rest.split_at(end);
        if value.is_empty() {
            return Err(Gs1Error::EmptyValue { ai: entry.ai.clone() });
        }
        elements.push(check_value(entry, value, today)?);
        rest = after;
    }
    if elements.is_empty() {
        return Err(Gs1Error::Empty);
    }
    Ok(elements)
}

/// Splits a value into the AI's components and applies each one's character set and rules.
pub(crate) fn check_value(entry: &AiEntry, value: &str, today: NaiveDate) -> Result<Element, Gs1Error> {
    let bad = |fault: LintFault| Gs1Error::BadValue {
        ai: entry.ai.clone(),
        title: entry.title.clone(),
        value: value.to_string(),
        fault,
    };
    let bad_length = || Gs1Error::BadLength {
        ai: entry.ai.clone(),
        title: entry.title.clone(),
        value: value.to_string(),
        format: format_of(entry),
    };
    // Both character sets are ASCII, so anything else is refused before slicing by bytes.
    if let Some((position, ch)) = value.char_indices().find(|(_, c)| !c.is_ascii()) {
        return Err(bad(LintFault::NotCset82 { position, ch }));
    }
    let mut position = 0;
    for component in &entry.components {
        let remaining = value.len() - position;
        if remaining == 0 && component.optional {
            break;
        }
        if remaining < component.min_len {
            return Err(bad_length());
        }
        let take = component.max_len.min(remaining);
        let part = &value[position..position + take];
        check_charset(component.charset, part).map_err(|f| bad(shifted(f, position)))?;
        for linter in &component.linters {
            linter.check(part).map_err(|f| bad(shifted(f, position)))?;
        }
        position += take;
    }
    if position < value.len() {
        return Err(bad_length());
    }
    let typed = typed_value(entry, value, today).ok_or_else(|| Gs1Error::DateOutOfRange {
        ai: entry.ai.clone(),
        value: value.to_string(),
    })?;
    Ok(Element {
        ai: entry.ai.clone(),
        title: entry.title.clone(),
        raw: value.to_string(),
        value: typed,
    })
}

/// Moves a character position from a component to the whole value.
fn shifted(fault: LintFault, offset: usize) -> LintFault {
    match fault {
        LintFault::NonDigit { position, ch } => LintFault::NonDigit {
            position: position + offset,
            ch,
        },
        LintFault::NotCset82 { position, ch } => LintFault::NotCset82 {
            position: position + offset,
            ch,
        },
        other => other,
    }
}

/// The AI's format as the dictionary writes it, e.g. `N6 [N6]` or `X..20`.
fn format_of(entry: &AiEntry) -> String {
    let parts: Vec<String> = entry
        .components
        .iter()
        .map(|c| {
            let kind = match c.charset {
                Charset::Numeric => 'N',
                Charset::Cset82 => 'X',
            };
            let len = match c.min_len == c.max_len {
                true => c.max_len.to_string(),
                false => format!("..{}", c.max_len),
            };
            match c.optional {
                true => format!("[{kind}{len}]"),
                false => format!("{kind}{len}"),
            }
        })
        .collect();
    parts.join(" ")
}

/// The raw form: `fnc1` first, then each AI and value, with `fnc1` after every
/// variable-length value that is followed by another AI. With `fnc1` = ASCII 29 and the leading
/// one dropped this is what a scanner sends; GS1's own tools write it with `^`.
pub fn to_fnc1_string(elements: &[Element], fnc1: char) -> String {
    let mut out = String::from(fnc1);
    for (i, element) in elements.iter().enumerate() {
        out.push_str(&element.ai);
        out.push_str(&element.raw);
        let fixed = lookup(&element.ai).is_some_and(|e| e.fixed_length);
        if !fixed && i + 1 < elements.len() {
            out.push(fnc1);
        }
    }
    out
}

/// The bracketed form people read: `(01)09520123456788(10)LOT42`.
pub fn to_bracketed(elements: &[Element]) -> String {
    elements
        .iter()
        .map(|e| format!("({}){}", e.ai, e.raw.replace('(', "\\(")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Gs1Value;
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
    }

    fn pairs(elements: &[Element]) -> Vec<(String, String)> {
        elements.iter().map(|e| (e.ai.clone(), e.raw.clone())).collect()
    }

    fn check_raw(input: &str, expect: &[(&str, &str)]) {
        let got = parse_raw(input, today()).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        let expect: Vec<_> = expect.iter().map(|(a, v)| (a.to_string(), v.to_string())).collect();
        assert_eq!(pairs(&got), expect, "{input:?}");
    }

    #[test]
    fn raw_data_from_domain_facts() {
        // The worked vectors in domain-facts.md (GS1 section), with <GS> as ASCII 29.
        check_raw(
            "0108806388269617112302141728021310230214A3263-01\u{1d}21059\u{1d}240ARO4808C",
            &[
                ("01", "08806388269617"),
                ("11", "230214"),
                ("17", "280213"),
                ("10", "230214A3263-01"),
                ("21", "059"),
                ("240", "ARO4808C"),
            ],
        );
        check_raw(
            "0104150000021126172506302112345ABC\u{1d}10LOT42X",
            &[
                ("01", "04150000021126"),
                ("17", "250630"),
                ("21", "12345ABC"),
                ("10", "LOT42X"),
            ],
        );
    }

    #[test]
    fn bracketed_dates_are_typed() {
        let got = parse_bracketed("(01)04012345678901(17)150129(10)ABC123", today()).expect("valid label");
        assert_eq!(
            got[1].value,
            Gs1Value::Date(NaiveDate::from_ymd_opt(2015, 1, 29).expect("date"))
        );
        assert_eq!(got[0].value, Gs1Value::Gtin("04012345678901".into()));
        assert_eq!(to_bracketed(&got), "(01)04012345678901(17)150129(10)ABC123");
        assert_eq!(to_fnc1_string(&got, '^'), "^01040123456789011715012910ABC123");
    }

    #[test]
    fn faults_name_the_ai() {
        for (input, message) in [
            ("(01)04012345678902", "AI (01) GTIN: value \"04012345678902\": check digit is 2 but should be 1"),
            ("(17)251301", "AI (17) USE BY or EXPIRY: value \"251301\": month 13 does not exist"),
            ("(17)2501", "AI (17) USE BY or EXPIRY: value \"2501\" has 4 characters, which does not fit the format N6"),
            ("(10)A B", "AI (10) BATCH/LOT: value \"A B\": character ' ' at position 2 is not allowed in GS1 data (character set 82)"),
            ("(10)", "AI (10) has no value"),
            ("(89)X", "AI (89) is not an Application Identifier Benchmate reads"),
        ] {
            let err = parse_bracketed(input, today()).expect_err(input);
            assert_eq!(err.to_string(), message, "{input}");
        }
    }
}

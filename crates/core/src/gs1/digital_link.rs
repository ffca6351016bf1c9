//! GS1 Digital Link URIs (`https://id.gs1.org/01/09520123456788/10/ABC1?17=250600`): the
//! primary key and its qualifiers in the path, further AIs as query attributes.
//!
//! The rules follow the GS1 Digital Link standard as GS1's Syntax Engine applies them by
//! default: any domain and path stem, the rightmost primary key in the path starts the AI
//! data, qualifiers in the order the key allows, query attributes only for AIs allowed as such
//! and never for an AI that belongs in the path, no AI twice. Deprecated options (convenience
//! names like `/gtin/`, zero-suppressed GTINs) are not accepted.

use chrono::NaiveDate;

use super::element_string::check_value;
use super::error::Gs1Error;
use super::table::{lookup, AiEntry};
use super::Element;

/// Characters allowed anywhere in a URI (RFC 3986 unreserved, reserved and '%').
const URI_CHARACTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

/// URI characters that cannot appear in a domain name.
const BAD_DOMAIN_CHARACTERS: &str = "_~?#@!$&'()*+,;=%";

const SCHEMES: [&str; 4] = ["https://", "HTTPS://", "http://", "HTTP://"];

/// Whether the text looks like a web address, so it should be read as a Digital Link.
pub fn is_digital_link(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Reads a GS1 Digital Link URI into its AIs: the path's key and qualifiers, then the query's.
pub fn parse_digital_link(uri: &str, today: NaiveDate) -> Result<Vec<Element>, Gs1Error> {
    let fail = |detail: String| Gs1Error::DigitalLink { detail };
    if let Some(c) = uri.chars().find(|c| !URI_CHARACTERS.contains(*c)) {
        return Err(fail(format!("character {c:?} is not allowed in a URI")));
    }
    let rest = SCHEMES
        .iter()
        .find_map(|scheme| uri.strip_prefix(scheme))
        .ok_or_else(|| fail("the URI must start with https:// or http://, all in lower or all in upper case".into()))?;
    let slash = rest
        .find('/')
        .filter(|&at| at > 0)
        .ok_or_else(|| fail("the URI has no domain and path".into()))?;
    let (domain, rest) = rest.split_at(slash);
    if domain.chars().any(|c| BAD_DOMAIN_CHARACTERS.contains(c)) {
        return Err(fail(format!(
            "the domain {domain:?} has a character not allowed in domains"
        )));
    }
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let segments: Vec<&str> = path[1..].split('/').collect();

    let start = find_primary_key(&segments)
        .ok_or_else(|| fail("no GS1 primary key (such as /01/ for a GTIN) that Benchmate reads in the path".into()))?;
    let mut elements = Vec::new();
    let mut path_ais = Vec::new();
    for pair in segments[start..].chunks(2) {
        let (ai, raw) = (pair[0], pair.get(1).copied().unwrap_or(""));
        let entry = lookup(ai).ok_or_else(|| Gs1Error::UnsupportedAi { ai: ai.to_string() })?;
        if raw.is_empty() {
            return Err(Gs1Error::EmptyValue { ai: ai.to_string() });
        }
        let value = unescape(raw, false).map_err(|d| fail(format!("AI ({ai}): {d}")))?;
        elements.push(check_value(entry, &value, today)?);
        path_ais.push(entry);
    }
    if !is_key_qualifier_sequence(&path_ais) {
        let order: Vec<&str> = path_ais.iter().map(|e| e.ai.as_str()).collect();
        return Err(fail(format!(
            "the path AIs {} are not a primary key followed by its qualifiers in order",
            order.join("/")
        )));
    }

    for param in query.split('&').filter(|p| !p.is_empty()) {
        // Parameters that are not AIs belong to the brand's own web site: skipped, as GS1 says.
        let Some((key, raw)) = param.split_once('=') else {
            continue;
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let entry = lookup(key).ok_or_else(|| Gs1Error::UnsupportedAi { ai: key.to_string() })?;
        if raw.is_empty() {
            return Err(Gs1Error::EmptyValue { ai: key.to_string() });
        }
        if elements.iter().any(|e| e.ai == entry.ai) {
            return Err(fail(format!("AI ({key}) appears more than once")));
        }
        if !entry.dl_attribute {
            return Err(fail(format!("AI ({key}) is not allowed as a query attribute")));
        }
        if belongs_in_path(&path_ais, entry) {
            return Err(fail(format!(
                "AI ({key}) qualifies the primary key and belongs in the path, not the query"
            )));
        }
        let value = unescape(raw, true).map_err(|d| fail(format!("AI ({key}): {d}")))?;
        elements.push(check_value(entry, &value, today)?);
    }
    Ok(elements)
}

/// Looks from the right, two path segments at a time, for the rightmost `/key/value` pair;
/// everything before it is the site's own path stem.
fn find_primary_key(segments: &[&str]) -> Option<usize> {
    let mut at = segments.len().checked_sub(2)?;
    loop {
        let entry = lookup(segments[at])?;
        if entry.dl_key_qualifiers.is_some() {
            return Some(at);
        }
        at = at.checked_sub(2)?;
    }
}

/// Whether the AIs are a primary key followed by some of its qualifiers, in the allowed order.
fn is_key_qualifier_sequence(ais: &[&AiEntry]) -> bool {
    let Some((key, qualifiers)) = ais.split_first() else {
        return false;
    };
    let Some(sequences) = &key.dl_key_qualifiers else {
        return false;
    };
    sequences.iter().any(|allowed| {
        let mut allowed = allowed.iter();
        qualifiers.iter().all(|q| allowed.any(|a| *a == q.ai))
    })
}

/// Whether an AI given as a query attribute would fit as a qualifier somewhere in the path.
fn belongs_in_path(path: &[&AiEntry], candidate: &AiEntry) -> bool {
    (1..=path.len()).any(|at| {
        let mut trial = path.to_vec();
        trial.insert(at, candidate);
        is_key_qualifier_sequence(&trial)
    })
}

/// Reverses percent-encoding; in a query, '+' also stands for a space.
fn unescape(text: &str, in_query: bool) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        match (bytes[i], hex) {
            (b'%', Some(hex)) => {
                let digits = std::str::from_utf8(hex).map_err(|_| "bad escape")?;
                let byte = u8::from_str_radix(digits, 16).map_err(|_| "bad escape")?;
                if byte == 0 {
                    return Err("the value contains an escaped NUL character".into());
                }
                out.push(byte);
                i += 3;
            }
            (b'+', _) if in_query => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "the value is not valid UTF-8 once unescaped".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gs1::to_fnc1_string;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
    }

    fn check(uri: &str, expect: Result<&str, &str>) {
        let got = parse_digital_link(uri, today())
            .map(|e| to_fnc1_string(&e, '^'))
            .map_err(|e| e.to_string());
        assert_eq!(got.as_deref(), expect.map_err(str::to_string).as_deref(), "{uri}");
    }

    #[test]
    fn reagent_box_uri() {
        check(
            "https://id.gs1.org/01/09520123456788/10/ABC1?17=250600",
            Ok("^010952012345678810ABC1^17250600"),
        );
        check(
            "https://brand.example/catalog/01/09520123456788/21/X%2F1?10=L1",
            Err("GS1 Digital Link URI: AI (10) qualifies the primary key and belongs in the path, not the query"),
        );
        check(
            "https://id.gs1.org/01/09520123456788/21/S1/10/L1",
            Err(
                "GS1 Digital Link URI: the path AIs 01/21/10 are not a primary key followed by its qualifiers in order",
            ),
        );
    }
}

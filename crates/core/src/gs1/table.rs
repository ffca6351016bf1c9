//! The AI table as typed entries: what each supported Application Identifier looks like.

use std::sync::OnceLock;

pub use super::ai_rows::AI_ROWS;
use super::lint::Linter;

/// The characters a component may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    /// Digits only (`N`).
    Numeric,
    /// GS1 AI encodable character set 82 (`X`).
    Cset82,
}

/// One part of an AI's value, e.g. the `N6` date of (7003) followed by its `N4` time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Component {
    pub charset: Charset,
    pub min_len: usize,
    pub max_len: usize,
    /// Optional components may be left out when the data ends before them.
    pub optional: bool,
    pub linters: Vec<Linter>,
}

/// Everything known about one AI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AiEntry {
    pub ai: String,
    /// The short title from the dictionary, e.g. "USE BY or EXPIRY".
    pub title: String,
    /// A predefined length: the next AI may follow without a group separator.
    pub fixed_length: bool,
    /// The AI may appear as a query attribute of a GS1 Digital Link URI.
    pub dl_attribute: bool,
    pub components: Vec<Component>,
    /// Each inner list is one `req=` attribute: alternatives, each a set of AI patterns joined by `+`.
    pub requires: Vec<Vec<Vec<String>>>,
    /// AI patterns that must not appear with this AI (`n` matches any digit).
    pub excludes: Vec<String>,
    /// Digital Link key-qualifier sequences when this AI is a primary key; `None` otherwise.
    pub dl_key_qualifiers: Option<Vec<Vec<String>>>,
}

impl AiEntry {
    /// The total length of the value when every component is fixed, else `None`.
    pub fn fixed_value_len(&self) -> Option<usize> {
        self.components
            .iter()
            .map(|c| (c.min_len == c.max_len && !c.optional).then_some(c.max_len))
            .sum()
    }
}

/// The supported AIs, parsed once from [`AI_ROWS`].
pub fn entries() -> &'static [AiEntry] {
    static TABLE: OnceLock<Vec<AiEntry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        AI_ROWS
            .lines()
            .filter(|line| !line.trim().is_empty())
            .flat_map(|line| {
                // The rows are fixed data checked by a unit test, so a bad row is a programming
                // error caught before release, never a user-facing failure.
                parse_row(line).unwrap_or_else(|why| panic!("bad AI table row {line:?}: {why}"))
            })
            .collect()
    })
}

/// Finds the entry for an AI written out in full, e.g. "17" or "3103".
pub fn lookup(ai: &str) -> Option<&'static AiEntry> {
    entries().iter().find(|entry| entry.ai == ai)
}

/// Finds the AI that starts `data`: GS1 AIs are prefix-free, so at most one length matches.
pub fn lookup_prefix(data: &str) -> Option<&'static AiEntry> {
    (2..=4).filter_map(|len| data.get(..len)).find_map(lookup)
}

/// Whether an AI matches a dictionary pattern such as `310n` or `31nn`.
pub fn matches_pattern(ai: &str, pattern: &str) -> bool {
    ai.len() == pattern.len()
        && ai
            .bytes()
            .zip(pattern.bytes())
            .all(|(a, p)| a == p || (p == b'n' && a.is_ascii_digit()))
}

/// Parses one dictionary row into one entry per AI of its range.
pub(crate) fn parse_row(line: &str) -> Result<Vec<AiEntry>, String> {
    let (body, title) = line.split_once(" # ").ok_or("no title")?;
    let mut words = body.split_whitespace().peekable();
    let range = words.next().ok_or("no AI")?;
    let (first, last) = range.split_once('-').unwrap_or((range, range));
    let (mut fixed_length, mut dl_attribute) = (false, false);
    if let Some(flags) = words.next_if(|w| w.chars().all(|c| "*?".contains(c))) {
        fixed_length = flags.contains('*');
        dl_attribute = flags.contains('?');
    }
    let mut components = Vec::new();
    let mut requires = Vec::new();
    let mut excludes = Vec::new();
    let mut dl_key_qualifiers = None;
    for word in words {
        if let Some(list) = word.strip_prefix("req=") {
            requires.push(
                list.split(',')
                    .map(|alt| alt.split('+').map(str::to_string).collect())
                    .collect(),
            );
        } else if let Some(list) = word.strip_prefix("ex=") {
            excludes.extend(list.split(',').map(str::to_string));
        } else if word == "dlpkey" {
            dl_key_qualifiers = Some(vec![Vec::new()]);
        } else if let Some(list) = word.strip_prefix("dlpkey=") {
            dl_key_qualifiers = Some(
                list.split('|')
                    .map(|seq| seq.split(',').map(str::to_string).collect())
                    .collect(),
            );
        } else {
            components.push(parse_component(word)?);
        }
    }
    let first_n: u32 = first.parse().map_err(|_| "AI not numeric")?;
    let last_n: u32 = last.parse().map_err(|_| "AI not numeric")?;
    Ok((first_n..=last_n)
        .map(|n| AiEntry {
            ai: format!("{n:0width$}", width = first.len()),
            title: title.trim().to_string(),
            fixed_length,
            dl_attribute,
            components: components.clone(),
            requires: requires.clone(),
            excludes: excludes.clone(),
            dl_key_qualifiers: dl_key_qualifiers.clone(),
        })
        .collect())
}

/// Parses `N6,yymmd0`, `X..20` or `[N..12]`.
fn parse_component(word: &str) -> Result<Component, String> {
    let mut parts = word.split(',');
    let spec = parts.next().ok_or("empty component")?;
    let (spec, optional) = match spec.strip_prefix('[') {
        Some(inner) => (inner.strip_suffix(']').ok_or("unclosed [")?, true),
        None => (spec, false),
    };
    let charset = match spec.chars().next() {
        Some('N') => Charset::Numeric,
        Some('X') => Charset::Cset82,
        _ => return Err(format!("unsupported component type {spec:?}")),
    };
    let lengths = &spec[1..];
    let (min_len, max_len) = match lengths.strip_prefix("..") {
        Some(max) => (1, max.parse().map_err(|_| "bad length")?),
        None => {
            let n = lengths.parse().map_err(|_| "bad length")?;
            (n, n)
        }
    };
    let linters = parts
        .map(|name| Linter::from_name(name).ok_or(format!("unimplemented linter {name:?}")))
        .collect::<Result<_, _>>()?;
    Ok(Component {
        charset,
        min_len,
        max_len,
        optional,
        linters,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_and_ais_are_unique() {
        let all = entries();
        assert!(all.len() > 100, "ranges expand into single AIs");
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b.ai != a.ai), "duplicate {}", a.ai);
        }
    }

    #[test]
    fn rows_expand_ranges_and_read_attributes() {
        let e = lookup("3103").expect("3103 is in the 3100-3105 row");
        assert_eq!(e.title, "NET WEIGHT (kg)");
        assert!(e.fixed_length);
        assert_eq!(e.excludes, vec!["310n"]);
        let gtin = lookup("01").expect("01");
        assert_eq!(gtin.fixed_value_len(), Some(14));
        assert_eq!(
            gtin.dl_key_qualifiers,
            Some(vec![vec!["22".into(), "10".into(), "21".into()], vec!["235".into()]])
        );
        let lot = lookup("10").expect("10");
        assert_eq!(lot.fixed_value_len(), None);
        assert!(!lot.fixed_length);
        assert_eq!(lookup("7230").map(|e| e.title.as_str()), Some("CERT # 1"));
        assert_eq!(lookup_prefix("17250630").map(|e| e.ai.as_str()), Some("17"));
        assert_eq!(lookup_prefix("3103000195").map(|e| e.ai.as_str()), Some("3103"));
        assert!(lookup_prefix("89ABC").is_none());
    }

    #[test]
    fn patterns_match_digits_only_where_marked() {
        for (ai, pattern, expect) in [
            ("3103", "310n", true),
            ("3113", "310n", false),
            ("3925", "39nn", true),
            ("01", "01", true),
            ("010", "01", false),
            ("31A3", "31nn", false),
        ] {
            assert_eq!(matches_pattern(ai, pattern), expect, "{ai} vs {pattern}");
        }
    }
}

//! Reads the atoms of a valid UCUM code with their net exponents, to see what UCUM hides.
//!
//! UCUM treats the mole as a pure number (6.0221367e23), so `mmol/L` and `/L` have the same
//! dimension and the crate would happily convert one into the other. The clinical layer must
//! know how many moles (and equivalents, which UCUM also equates with moles) a unit carries;
//! this walk over the code's symbols tells it. It only ever runs on codes that UCUM accepted.

/// One symbol of a unit code (prefix included, annotations dropped) with its net exponent:
/// the written exponent times -1 for every division that applies to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub symbol: String,
    pub exponent: i32,
}

/// The symbols of a UCUM code in order. Numeric factors (`4`, `10*3`) are skipped, since
/// they never carry a substance or an arbitrary unit.
pub fn terms(code: &str) -> Vec<Term> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    // The sign of each open parenthesis group, and of the operator before the next symbol.
    let mut groups: Vec<i32> = vec![1];
    let mut operator = 1;
    let mut i = 0;
    while i < chars.len() {
        let group = groups.last().copied().unwrap_or(1);
        match chars[i] {
            '{' => i = skip_past(&chars, i, '}'),
            '(' => {
                groups.push(group * operator);
                operator = 1;
                i += 1;
            }
            ')' => {
                if groups.len() > 1 {
                    groups.pop();
                }
                i += 1;
            }
            '.' => {
                operator = 1;
                i += 1;
            }
            '/' => {
                operator = -1;
                i += 1;
            }
            _ => {
                let start = i;
                while i < chars.len() && !matches!(chars[i], '.' | '/' | '(' | ')' | '{') {
                    if chars[i] == '[' {
                        i = skip_past(&chars, i, ']');
                    } else {
                        i += 1;
                    }
                }
                let raw: String = chars[start..i].iter().collect();
                if let Some((symbol, exponent)) = split_exponent(&raw) {
                    out.push(Term {
                        symbol,
                        exponent: exponent * group * operator,
                    });
                }
            }
        }
    }
    out
}

/// Index just past the first `close` at or after `i` (or the end).
fn skip_past(chars: &[char], i: usize, close: char) -> usize {
    let mut j = i;
    while j < chars.len() && chars[j] != close {
        j += 1;
    }
    (j + 1).min(chars.len())
}

/// Splits `mm2` into (`mm`, 2) and `[ft_i]-1` into (`[ft_i]`, -1); `None` for numbers.
fn split_exponent(raw: &str) -> Option<(String, i32)> {
    if raw.is_empty() || raw.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let tail_start = match raw.rfind(']') {
        Some(close) => close + 1,
        None => raw
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '-' || *c == '+')
            .last()
            .map_or(raw.len(), |(idx, _)| idx),
    };
    let (symbol, tail) = raw.split_at(tail_start);
    let exponent = if tail.is_empty() {
        1
    } else {
        tail.parse::<i32>().unwrap_or(1)
    };
    Some((symbol.to_string(), exponent))
}

/// UCUM's metric prefixes, longest first so `da` wins over `d`.
const PREFIXES: [&str; 24] = [
    "da", "Ki", "Mi", "Gi", "Ti", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "n", "p", "f", "a",
    "z", "y",
];

/// True when `symbol` is `base` or a metric prefix followed by `base`.
pub fn is_prefixed(symbol: &str, base: &str) -> bool {
    match symbol.strip_suffix(base) {
        Some("") => true,
        Some(prefix) => PREFIXES.contains(&prefix),
        None => false,
    }
}

/// How many moles and how many equivalents a code carries, e.g. `mmol/L` (1, 0),
/// `meq/L` (0, 1), `U/L` (1, 0) since the enzyme unit is umol/min, `mg/dL` (0, 0).
pub fn substance(terms: &[Term]) -> (i32, i32) {
    let mut moles = 0;
    let mut equivalents = 0;
    for term in terms {
        if is_prefixed(&term.symbol, "eq") {
            equivalents += term.exponent;
        } else if ["mol", "osm", "kat", "U"]
            .iter()
            .any(|base| is_prefixed(&term.symbol, base))
        {
            moles += term.exponent;
        }
    }
    (moles, equivalents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(code: &str, expect: &[(&str, i32)]) {
        let got: Vec<(String, i32)> = terms(code).into_iter().map(|t| (t.symbol, t.exponent)).collect();
        let want: Vec<(String, i32)> = expect.iter().map(|(s, e)| (s.to_string(), *e)).collect();
        assert_eq!(got, want, "terms of {code}");
    }

    #[test]
    fn reads_symbols_with_net_exponents() {
        check("mmol/L", &[("mmol", 1), ("L", -1)]);
        check("mg/dL", &[("mg", 1), ("dL", -1)]);
        check("/L", &[("L", -1)]);
        check("10*9/L", &[("L", -1)]);
        check("kg/(m.s2)", &[("kg", 1), ("m", -1), ("s", -2)]);
        // UCUM is left-associative: a/b.c is (a/b).c, so c is in the numerator.
        check("s/m.mg", &[("s", 1), ("m", -1), ("mg", 1)]);
        check("m[IU]/mL", &[("m[IU]", 1), ("mL", -1)]);
        check("mmol{creat}/L", &[("mmol", 1), ("L", -1)]);
        check("mL/min/{1.73_m2}", &[("mL", 1), ("min", -1)]);
        check("mm[Hg]", &[("mm[Hg]", 1)]);
        check("s.mm-2", &[("s", 1), ("mm", -2)]);
        check("/(mmol.L-1)", &[("mmol", -1), ("L", 1)]);
    }

    #[test]
    fn counts_moles_and_equivalents() {
        let cases = [
            ("mmol/L", (1, 0)),
            ("meq/L", (0, 1)),
            ("U/L", (1, 0)),
            ("ukat/L", (1, 0)),
            ("mosm/kg", (1, 0)),
            ("mg/dL", (0, 0)),
            ("mg/mmol", (-1, 0)),
            ("/L", (0, 0)),
            ("mL/min", (0, 0)),
            ("Pa", (0, 0)),
        ];
        for (code, want) in cases {
            assert_eq!(substance(&terms(code)), want, "{code}");
        }
    }
}

//! Search as you type over analytes, by name, abbreviation, synonym or LOINC code.
//!
//! [`SearchIndex::build`] runs once per table (not per keystroke): it folds every key (see
//! [`super::normalize`]), keeps the keys and their single words in one sorted list, so that
//! prefix matches are a binary search, and a bigram index over that list, so that the typo
//! pass computes edit distances only for words that share letters with the query.
//!
//! Ranking, best first: a whole key equal to the query (`k` is Potassium's abbreviation),
//! a whole key starting with it (`trop` -> Troponin), a word of a key equal to or starting
//! with it, all words of a several-word query found, then a key within a small edit distance
//! (one edit from 4 letters, two from 8). Ties go to the shorter key, then the table order.

use super::model::Analyte;
use super::normalize::normalize_words;
use std::collections::HashMap;

/// The kind of key an entry came from; names outrank synonyms on otherwise equal matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    Name,
    Abbreviation,
    Synonym,
    Loinc,
}

#[derive(Clone, Debug)]
struct Entry {
    analyte: u32,
    key: u32,
    /// True for a whole key run together; false for one word of a several-word key.
    whole: bool,
}

#[derive(Clone, Debug)]
struct Key {
    text: String,
    kind: KeyKind,
    folded_len: u16,
}

/// A prebuilt index over a list of analytes.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Folded keys and words, sorted, each with the entries it stands for.
    tokens: Vec<(String, Vec<Entry>)>,
    keys: Vec<Key>,
    /// Bigram code -> tokens containing that bigram (each token listed once).
    bigrams: HashMap<u16, Vec<u32>>,
}

/// One search result: the analyte's position in the list the index was built from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub analyte: usize,
    pub score: u16,
    /// The key that matched as written in the table (`K`, `2823-3`, `Haemoglobin`).
    pub matched: String,
}

const SCORE_EXACT: u16 = 100;
const SCORE_PREFIX: u16 = 80;
const SCORE_WORD_EXACT: u16 = 65;
const SCORE_WORD_PREFIX: u16 = 60;
const SCORE_ALL_WORDS: u16 = 55;
const SCORE_TYPO: u16 = 40;

/// The longest query looked at; longer input is cut (no analyte key is this long).
const MAX_QUERY: usize = 48;

fn bigram_code(a: u8, b: u8) -> u16 {
    (u16::from(a) << 8) | u16::from(b)
}

fn bigrams(text: &str) -> impl Iterator<Item = u16> + '_ {
    text.as_bytes().windows(2).map(|w| bigram_code(w[0], w[1]))
}

impl SearchIndex {
    pub fn build(analytes: &[Analyte]) -> SearchIndex {
        let mut by_token: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut keys = Vec::new();
        for (i, analyte) in analytes.iter().enumerate() {
            let analyte_index = u32::try_from(i).unwrap_or(u32::MAX);
            let named = std::iter::once((analyte.name.as_str(), KeyKind::Name))
                .chain(analyte.abbreviations.iter().map(|a| (a.as_str(), KeyKind::Abbreviation)))
                .chain(analyte.synonyms.iter().map(|s| (s.as_str(), KeyKind::Synonym)))
                .chain((!analyte.loinc.is_empty()).then_some((analyte.loinc.as_str(), KeyKind::Loinc)));
            for (text, kind) in named {
                let words = normalize_words(text);
                let whole = words.concat();
                if whole.is_empty() {
                    continue;
                }
                let key = u32::try_from(keys.len()).unwrap_or(u32::MAX);
                keys.push(Key {
                    text: text.to_string(),
                    kind,
                    folded_len: u16::try_from(whole.len()).unwrap_or(u16::MAX),
                });
                by_token.entry(whole.clone()).or_default().push(Entry { analyte: analyte_index, key, whole: true });
                // A LOINC code's parts ("2823", "3") are not words anyone searches by.
                if words.len() > 1 && kind != KeyKind::Loinc {
                    for word in words {
                        if word != whole {
                            by_token.entry(word).or_default().push(Entry { analyte: analyte_index, key, whole: false });
                        }
                    }
                }
            }
        }
        let mut tokens: Vec<(String, Vec<Entry>)> = by_token.into_iter().collect();
        tokens.sort_by(|a, b| a.0.cmp(&b.0));
        let mut bigram_index: HashMap<u16, Vec<u32>> = HashMap::new();
        for (t, (text, _)) in tokens.iter().enumerate() {
            let t = u32::try_from(t).unwrap_or(u32::MAX);
            for code in bigrams(text) {
                let list = bigram_index.entry(code).or_default();
                if list.last() != Some(&t) {
                    list.push(t);
                }
            }
        }
        SearchIndex { tokens, keys, bigrams: bigram_index }
    }

    /// The best `limit` analytes for what has been typed so far, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words = normalize_words(query);
        let mut folded = words.concat();
        folded.truncate(MAX_QUERY);
        if folded.is_empty() || limit == 0 {
            return Vec::new();
        }
        // analyte -> (score, key length, key id): the best match found so far per analyte.
        let mut best: HashMap<u32, (u16, u16, u32)> = HashMap::new();
        let mut offer = |entry: &Entry, score: u16, keys: &[Key]| {
            let key = &keys[entry.key as usize];
            let score = score + kind_bonus(key.kind);
            let candidate = (score, key.folded_len, entry.key);
            best.entry(entry.analyte)
                .and_modify(|b| {
                    if (candidate.0, std::cmp::Reverse(candidate.1)) > (b.0, std::cmp::Reverse(b.1)) {
                        *b = candidate;
                    }
                })
                .or_insert(candidate);
        };

        for (token, entries) in self.with_prefix(&folded) {
            let exact = token.len() == folded.len();
            for entry in entries {
                let score = match (entry.whole, exact) {
                    (true, true) => SCORE_EXACT,
                    (true, false) => SCORE_PREFIX,
                    (false, true) => SCORE_WORD_EXACT,
                    (false, false) => SCORE_WORD_PREFIX,
                };
                offer(entry, score, &self.keys);
            }
        }

        if words.len() > 1 {
            for (analyte, key) in self.all_words_match(&words) {
                offer(&Entry { analyte, key, whole: true }, SCORE_ALL_WORDS, &self.keys);
            }
        }

        if folded.len() >= 4 {
            let allowed = if folded.len() >= 8 { 2 } else { 1 };
            for (t, distance) in self.near(&folded, allowed) {
                let score = SCORE_TYPO - 10 * u16::from(distance);
                for entry in &self.tokens[t].1 {
                    offer(entry, score, &self.keys);
                }
            }
        }

        let mut hits: Vec<(u32, (u16, u16, u32))> = best.into_iter().collect();
        hits.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)).then(a.0.cmp(&b.0)));
        hits.into_iter()
            .take(limit)
            .map(|(analyte, (score, _, key))| Hit {
                analyte: analyte as usize,
                score,
                matched: self.keys[key as usize].text.clone(),
            })
            .collect()
    }

    /// The tokens starting with `prefix`, found by binary search in the sorted list.
    fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a [Entry])> + 'a {
        let start = self.tokens.partition_point(|(t, _)| t.as_str() < prefix);
        self.tokens[start..]
            .iter()
            .take_while(move |(t, _)| t.starts_with(prefix))
            .map(|(t, e)| (t.as_str(), e.as_slice()))
    }

    /// Analytes where every query word starts some word of one key.
    fn all_words_match(&self, words: &[String]) -> Vec<(u32, u32)> {
        let mut per_key: HashMap<u32, (u32, usize)> = HashMap::new();
        for (n, word) in words.iter().enumerate() {
            for (_, entries) in self.with_prefix(word) {
                for entry in entries {
                    let slot = per_key.entry(entry.key).or_insert((entry.analyte, 0));
                    // Count each query word once per key, in order of the words.
                    if slot.1 == n {
                        slot.1 += 1;
                    }
                }
            }
        }
        per_key
            .into_iter()
            .filter(|(_, (_, count))| *count == words.len())
            .map(|(key, (analyte, _))| (analyte, key))
            .collect()
    }

    /// Tokens whose some prefix is within `allowed` edits of `query`, with that distance.
    fn near(&self, query: &str, allowed: u8) -> Vec<(usize, u8)> {
        let query_bigrams: Vec<u16> = {
            let mut b: Vec<u16> = bigrams(query).collect();
            b.sort_unstable();
            b.dedup();
            b
        };
        // One edit changes at most three bigrams (a transposition), so a token that shares
        // fewer than this many of the query's bigrams cannot be close enough.
        let needed = query_bigrams.len().saturating_sub(3 * usize::from(allowed)).max(1);
        let mut shared = vec![0u8; self.tokens.len()];
        let mut candidates = Vec::new();
        for code in &query_bigrams {
            for &t in self.bigrams.get(code).map_or(&[][..], Vec::as_slice) {
                let count = &mut shared[t as usize];
                *count = count.saturating_add(1);
                if usize::from(*count) == needed {
                    candidates.push(t as usize);
                }
            }
        }
        candidates
            .into_iter()
            .filter_map(|t| {
                let distance = prefix_distance(query.as_bytes(), self.tokens[t].0.as_bytes(), allowed)?;
                (distance > 0).then_some((t, distance))
            })
            .collect()
    }
}

fn kind_bonus(kind: KeyKind) -> u16 {
    match kind {
        KeyKind::Name | KeyKind::Abbreviation | KeyKind::Loinc => 2,
        KeyKind::Synonym => 0,
    }
}

/// The smallest edit distance (insert, delete, substitute, swap two neighbours) between
/// `query` and any prefix of `token`, if it is at most `allowed`.
fn prefix_distance(query: &[u8], token: &[u8], allowed: u8) -> Option<u8> {
    let n = token.len();
    let mut before: Vec<usize> = vec![0; n + 1];
    let mut previous: Vec<usize> = (0..=n).collect();
    let mut current: Vec<usize> = vec![0; n + 1];
    for i in 1..=query.len() {
        current[0] = i;
        for j in 1..=n {
            let cost = usize::from(query[i - 1] != token[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && query[i - 1] == token[j - 2] && query[i - 2] == token[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous.iter().copied().min().unwrap_or(usize::MAX);
    u8::try_from(distance).ok().filter(|&d| d <= allowed)
}

#[cfg(test)]
mod tests {
    use super::prefix_distance;

    #[test]
    fn prefix_distance_counts_edits_against_the_best_prefix() {
        for (query, token, expect) in [
            ("potasium", "potassium", Some(1)),
            ("hemoglobni", "hemoglobin", Some(1)),
            ("trop", "troponini", Some(0)),
            ("xyzw", "troponin", None),
            ("magnseium", "magnesium", Some(1)),
        ] {
            assert_eq!(prefix_distance(query.as_bytes(), token.as_bytes(), 2), expect, "{query} ~ {token}");
        }
    }
}

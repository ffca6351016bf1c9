//! Search as you type over analytes, by name, abbreviation, synonym or LOINC code.
//!
//! [`SearchIndex::build`] runs once per table (not per keystroke): it folds every key (see
//! [`super::normalize`]), keeps the keys and their single words in one sorted list, so that
//! prefix matches are a binary search; the typo pass computes bounded edit distances only
//! over the run of words that share the query's first letter.
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

impl SearchIndex {
    pub fn build(analytes: &[Analyte]) -> SearchIndex {
        let mut by_token: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut keys = Vec::new();
        for (i, analyte) in analytes.iter().enumerate() {
            let analyte_index = u32::try_from(i).unwrap_or(u32::MAX);
            let named = std::iter::once((analyte.name.as_str(), KeyKind::Name))
                .chain(
                    analyte
                        .abbreviations
                        .iter()
                        .map(|a| (a.as_str(), KeyKind::Abbreviation)),
                )
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
                by_token.entry(whole.clone()).or_default().push(Entry {
                    analyte: analyte_index,
                    key,
                    whole: true,
                });
                // A LOINC code's parts ("2823", "3") are not words anyone searches by.
                if words.len() > 1 && kind != KeyKind::Loinc {
                    for word in words {
                        if word != whole {
                            by_token.entry(word).or_default().push(Entry {
                                analyte: analyte_index,
                                key,
                                whole: false,
                            });
                        }
                    }
                }
            }
        }
        let mut tokens: Vec<(String, Vec<Entry>)> = by_token.into_iter().collect();
        tokens.sort_by(|a, b| a.0.cmp(&b.0));
        SearchIndex { tokens, keys }
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
        let mut best = Best::new();
        for (token, entries) in self.with_prefix(&folded) {
            let exact = token.len() == folded.len();
            for entry in entries {
                let score = match (entry.whole, exact) {
                    (true, true) => SCORE_EXACT,
                    (true, false) => SCORE_PREFIX,
                    (false, true) => SCORE_WORD_EXACT,
                    (false, false) => SCORE_WORD_PREFIX,
                };
                offer(&mut best, &self.keys, entry, score);
            }
        }

        if words.len() > 1 {
            for (analyte, key) in self.all_words_match(&words) {
                offer(
                    &mut best,
                    &self.keys,
                    &Entry {
                        analyte,
                        key,
                        whole: true,
                    },
                    SCORE_ALL_WORDS,
                );
            }
        }

        // A typo match scores below every other kind, so once `limit` analytes matched
        // better it cannot change the answer, and the costliest pass is skipped.
        if folded.len() >= 4 && best.len() < limit {
            let allowed = if folded.len() >= 8 { 2 } else { 1 };
            for (t, distance) in self.near(&folded, allowed) {
                let score = SCORE_TYPO - 10 * u16::from(distance);
                for entry in &self.tokens[t].1 {
                    offer(&mut best, &self.keys, entry, score);
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

    /// Tokens with a prefix within `allowed` edits of `query`, with that distance.
    ///
    /// Like most search engines' fuzzy matching, the first letter must be right: people
    /// rarely mistype it, and it narrows the candidates to one run of the sorted list.
    fn near(&self, query: &str, allowed: u8) -> Vec<(usize, u8)> {
        let Some(first) = query.get(..1) else {
            return Vec::new();
        };
        let start = self.tokens.partition_point(|(t, _)| t.as_str() < first);
        let shortest = query.len().saturating_sub(usize::from(allowed));
        let mut rows = DistanceRows::default();
        self.tokens[start..]
            .iter()
            .take_while(|(t, _)| t.starts_with(first))
            .enumerate()
            .filter(|(_, (t, _))| t.len() >= shortest)
            .filter_map(|(i, (t, _))| {
                let distance = rows.prefix_distance(query.as_bytes(), t.as_bytes(), allowed)?;
                (distance > 0).then_some((start + i, distance))
            })
            .collect()
    }
}

/// Best match per analyte: (score, folded key length, key id).
type Best = HashMap<u32, (u16, u16, u32)>;

/// Keeps `entry` for its analyte if it beats what the analyte has: a higher score, or the
/// same score on a shorter key.
fn offer(best: &mut Best, keys: &[Key], entry: &Entry, score: u16) {
    let key = &keys[entry.key as usize];
    let candidate = (score + kind_bonus(key.kind), key.folded_len, entry.key);
    best.entry(entry.analyte)
        .and_modify(|b| {
            if (candidate.0, std::cmp::Reverse(candidate.1)) > (b.0, std::cmp::Reverse(b.1)) {
                *b = candidate;
            }
        })
        .or_insert(candidate);
}

fn kind_bonus(kind: KeyKind) -> u16 {
    match kind {
        KeyKind::Name | KeyKind::Abbreviation | KeyKind::Loinc => 2,
        KeyKind::Synonym => 0,
    }
}

/// Reused rows of the edit-distance table, so a query allocates them once.
#[derive(Default)]
struct DistanceRows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl DistanceRows {
    /// The smallest edit distance (insert, delete, substitute, swap two neighbours) between
    /// `query` and any prefix of `token`, if it is at most `allowed`. Stops as soon as a whole
    /// row exceeds `allowed`, since later rows can only grow.
    fn prefix_distance(&mut self, query: &[u8], token: &[u8], allowed: u8) -> Option<u8> {
        let n = token.len();
        let allowed = usize::from(allowed);
        self.before.clear();
        self.before.resize(n + 1, 0);
        self.previous.clear();
        self.previous.extend(0..=n);
        self.current.clear();
        self.current.resize(n + 1, 0);
        for i in 1..=query.len() {
            self.current[0] = i;
            let mut row_min = i;
            for j in 1..=n {
                let cost = usize::from(query[i - 1] != token[j - 1]);
                let mut d = (self.previous[j] + 1)
                    .min(self.current[j - 1] + 1)
                    .min(self.previous[j - 1] + cost);
                if i > 1 && j > 1 && query[i - 1] == token[j - 2] && query[i - 2] == token[j - 1] {
                    d = d.min(self.before[j - 2] + 1);
                }
                self.current[j] = d;
                row_min = row_min.min(d);
            }
            if row_min > allowed {
                return None;
            }
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        let distance = self.previous.iter().copied().min().unwrap_or(usize::MAX);
        u8::try_from(distance).ok().filter(|&d| usize::from(d) <= allowed)
    }
}

#[cfg(test)]
mod tests {
    use super::DistanceRows;

    #[test]
    fn prefix_distance_counts_edits_against_the_best_prefix() {
        for (query, token, expect) in [
            ("potasium", "potassium", Some(1)),
            ("hemoglobni", "hemoglobin", Some(1)),
            ("trop", "troponini", Some(0)),
            ("xyzw", "troponin", None),
            ("magnseium", "magnesium", Some(1)),
        ] {
            let mut rows = DistanceRows::default();
            assert_eq!(
                rows.prefix_distance(query.as_bytes(), token.as_bytes(), 2),
                expect,
                "{query} ~ {token}"
            );
        }
    }
}

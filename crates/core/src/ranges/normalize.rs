//! Folding text for search: case, spacing, punctuation, Greek letters and British spelling.
//!
//! Both the index keys and the query go through the same folding, so "Haemoglobin",
//! "hemoglobin" and "HEMO-GLOBIN" meet, and "β-hCG" meets "beta hcg".

/// Lowercase ASCII words, with British spellings mapped to US ones.
pub fn normalize_words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'α' | 'Α' => folded.push_str(" alpha "),
            'β' | 'Β' => folded.push_str(" beta "),
            'γ' | 'Γ' => folded.push_str(" gamma "),
            'µ' | 'μ' => folded.push('u'),
            '\'' | '’' => {}
            c if c.is_ascii_alphanumeric() => folded.push(c.to_ascii_lowercase()),
            _ => folded.push(' '),
        }
    }
    folded.split_whitespace().map(us_spelling).collect()
}

/// The words run together: the form every key and query is compared in first.
pub fn normalize(text: &str) -> String {
    normalize_words(text).concat()
}

/// British to US spelling for the words lab names use: haemoglobin, oestradiol, sulphate,
/// caeruloplasmin, litre. Folding "ae" and "oe" to "e" everywhere is cruder than a word list
/// but applies to query and keys alike, so it can only make two spellings meet.
fn us_spelling(word: &str) -> String {
    word.replace("ae", "e")
        .replace("oe", "e")
        .replace("sulph", "sulf")
        .replace("litre", "liter")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_punctuation_fold_together() {
        for (a, b) in [
            ("Haemoglobin", "hemoglobin"),
            ("Oestradiol", "estradiol"),
            ("Caeruloplasmin", "ceruloplasmin"),
            ("DHEA-sulphate", "dhea sulfate"),
            ("β-hCG", "beta hcg"),
            ("Troponin  I (hs)", "troponin i hs"),
        ] {
            assert_eq!(normalize(a), normalize(b), "{a} vs {b}");
        }
        assert_eq!(normalize_words("2823-3"), vec!["2823", "3"]);
        assert_eq!(normalize("2823-3"), "28233");
    }
}

//! A minimal RFC 4180 CSV writer: fields containing a comma, a double quote, CR or LF are
//! quoted, quotes inside are doubled, and records end with CRLF. Written here rather than
//! taken from the `csv` crate because writing is all the portfolio needs.

use std::borrow::Cow;

/// Quotes a field if RFC 4180 requires it.
pub fn quote_field(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// Builds a CSV document row by row.
#[derive(Debug, Default)]
pub struct CsvWriter {
    text: String,
}

impl CsvWriter {
    pub fn new() -> CsvWriter {
        CsvWriter::default()
    }

    /// Appends one record.
    pub fn row<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (index, field) in fields.into_iter().enumerate() {
            if index > 0 {
                self.text.push(',');
            }
            self.text.push_str(&quote_field(field.as_ref()));
        }
        self.text.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// A named CSV document, for exports made of several files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvFile {
    pub name: String,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(field: &str, expect: &str) {
        assert_eq!(quote_field(field), expect, "{field:?}");
    }

    #[test]
    fn fields_are_quoted_exactly_when_rfc_4180_needs_it() {
        check("plain", "plain");
        check("", "");
        check(" spaces are data ", " spaces are data ");
        check("a,b", "\"a,b\"");
        check("say \"hi\"", "\"say \"\"hi\"\"\"");
        check("two\nlines", "\"two\nlines\"");
        check("cr\rhere", "\"cr\rhere\"");
        check("é, ü", "\"é, ü\"");
    }

    #[test]
    fn records_end_with_crlf() {
        let mut writer = CsvWriter::new();
        writer.row(["title", "hours"]);
        writer.row(["Ethics, part 1", "1.5"]);
        assert_eq!(writer.finish(), "title,hours\r\n\"Ethics, part 1\",1.5\r\n");
    }
}

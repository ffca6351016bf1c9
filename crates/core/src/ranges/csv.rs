//! A small RFC 4180 CSV reader and writer that remembers the line each record starts on.
//!
//! The range tables need exactly this much CSV: quoted fields with embedded commas, quotes
//! and line breaks, CRLF or LF line ends, and a byte-order mark from spreadsheet exports.
//! Writing it here (instead of pulling in the `csv` crate and its serde layer) keeps the
//! wasm small and lets every validation message name the line a person sees in their editor.

use std::fmt;

/// One parsed record: its fields and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A fault that stops the whole file from being read as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field opened on this line is never closed.
    UnterminatedQuote { line: usize },
    /// Text follows a closing quote inside a field, e.g. `"abc"def`.
    TextAfterQuote { line: usize },
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::UnterminatedQuote { line } => {
                write!(f, "line {line}: a quoted field is never closed")
            }
            CsvError::TextAfterQuote { line } => write!(
                f,
                "line {line}: text after a closing quote (write a quote inside a quoted field as \"\")"
            ),
        }
    }
}

/// Reads every record of `text`. Blank lines are skipped, since spreadsheets often leave them
/// at the end; a line holding only commas is kept so that it can be reported as empty.
pub fn read_records(text: &str) -> Result<Vec<CsvRecord>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    let mut after_quote = false;
    let mut field_started = false;
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    in_quotes = false;
                    after_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                fields.push(std::mem::take(&mut field));
                after_quote = false;
                field_started = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(&mut records, &mut fields, &mut field, record_line, field_started);
                line += 1;
                record_line = line;
                after_quote = false;
                field_started = false;
            }
            '"' if field.is_empty() && !after_quote => {
                in_quotes = true;
                field_started = true;
            }
            _ if after_quote => return Err(CsvError::TextAfterQuote { line }),
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if in_quotes {
        return Err(CsvError::UnterminatedQuote { line: record_line });
    }
    end_record(&mut records, &mut fields, &mut field, record_line, field_started);
    Ok(records)
}

fn end_record(records: &mut Vec<CsvRecord>, fields: &mut Vec<String>, field: &mut String, line: usize, started: bool) {
    if !started && fields.is_empty() && field.is_empty() {
        return;
    }
    fields.push(std::mem::take(field));
    records.push(CsvRecord {
        line,
        fields: std::mem::take(fields),
    });
}

/// Writes one field, quoted when it holds a comma, quote or line break.
///
/// Text fields that a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`)
/// get a leading apostrophe, so an exported table or call log cannot carry a formula into
/// the lab's spreadsheet. Numbers are written by [`write_number`] and are never touched.
pub fn write_text(out: &mut String, text: &str) {
    let guarded;
    let text = if text.starts_with(['=', '+', '-', '@']) {
        guarded = format!("'{text}");
        guarded.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Writes a number in its shortest exact decimal form (`6.5`, `140`, `-2`).
pub fn write_number(out: &mut String, value: f64) {
    out.push_str(&format!("{value}"));
}

/// Joins already-written fields into one line ending in CRLF, as RFC 4180 asks.
pub fn write_row(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[(usize, &[&str])]) {
        let records = read_records(input).expect("valid CSV");
        let got: Vec<(usize, Vec<&str>)> = records
            .iter()
            .map(|r| (r.line, r.fields.iter().map(String::as_str).collect()))
            .collect();
        let want: Vec<(usize, Vec<&str>)> = expect.iter().map(|(l, f)| (*l, f.to_vec())).collect();
        assert_eq!(got, want, "input {input:?}");
    }

    #[test]
    fn reads_plain_quoted_and_multiline_fields_with_their_lines() {
        check("a,b\n1,2\n", &[(1, &["a", "b"]), (2, &["1", "2"])]);
        check("a,b\r\n1,2", &[(1, &["a", "b"]), (2, &["1", "2"])]);
        check("\u{feff}x\n\n\ny\n", &[(1, &["x"]), (4, &["y"])]);
        check("\"a,b\",\"say \"\"hi\"\"\"\n", &[(1, &["a,b", "say \"hi\""])]);
        check("\"two\nlines\",x\nnext\n", &[(1, &["two\nlines", "x"]), (3, &["next"])]);
        check(",,\n", &[(1, &["", "", ""])]);
        check("a,\n", &[(1, &["a", ""])]);
    }

    #[test]
    fn reports_broken_quotes_with_the_line() {
        assert_eq!(
            read_records("ok\n\"never closed\nmore"),
            Err(CsvError::UnterminatedQuote { line: 2 })
        );
        assert_eq!(
            read_records("a\n\"abc\"def\n"),
            Err(CsvError::TextAfterQuote { line: 2 })
        );
    }

    #[test]
    fn writes_fields_that_read_back_the_same_and_defuses_formulas() {
        let mut out = String::new();
        let mut a = String::new();
        write_text(&mut a, "Smith, J \"RN\"");
        let mut b = String::new();
        write_text(&mut b, "=HYPERLINK(1)");
        let mut c = String::new();
        write_number(&mut c, -2.5);
        write_row(&mut out, &[a, b, c]);
        assert_eq!(out, "\"Smith, J \"\"RN\"\"\",'=HYPERLINK(1),-2.5\r\n");
        let back = read_records(&out).expect("own output reads back");
        assert_eq!(back[0].fields, vec!["Smith, J \"RN\"", "'=HYPERLINK(1)", "-2.5"]);
    }
}

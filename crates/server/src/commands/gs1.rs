//! `benchmate gs1 parse DATA [--json]`: reads a GS1 barcode's data and prints its AIs and values.

use benchmate_core::gs1::{self, Element, Gs1Value, HibcLabel, ScannedLabel};
use chrono::NaiveDate;

/// Arguments of `benchmate gs1`.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct Gs1Args {
    #[command(subcommand)]
    pub command: Gs1Command,
}

/// What `benchmate gs1` can do.
#[derive(clap::Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum Gs1Command {
    /// Parse barcode data: bracketed `(01)...(17)...`, raw data with group separators (or
    /// `<GS>`), scanner output with a `]C1`/`]d2`/`]Q3`/`]e0` prefix, a GS1 Digital Link URI,
    /// or a HIBC label (leading `+`).
    /// Prints the AIs and values (dates as ISO 8601); exits 1 with the reason if invalid.
    Parse {
        /// The scanned data.
        data: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command: `Ok` is the text for stdout, `Err` the message for stderr (exit 1).
pub fn execute(args: &Gs1Args) -> Result<String, String> {
    execute_on(args, chrono::Local::now().date_naive())
}

/// Runs the command with `today` deciding the century of two-digit years (GS1's rule).
pub fn execute_on(args: &Gs1Args, today: NaiveDate) -> Result<String, String> {
    match &args.command {
        Gs1Command::Parse { data, json } => {
            let label = gs1::read_label(data, today).map_err(|e| format!("invalid barcode data: {e}"))?;
            Ok(match (label, json) {
                (ScannedLabel::Gs1(elements), true) => to_json(&elements),
                (ScannedLabel::Gs1(elements), false) => to_text(&elements),
                (ScannedLabel::Hibc(label), true) => hibc_json(&label),
                (ScannedLabel::Hibc(label), false) => hibc_text(&label),
            })
        }
    }
}

fn kind(value: &Gs1Value) -> &'static str {
    match value {
        Gs1Value::Gtin(_) => "gtin",
        Gs1Value::Date(_) => "date",
        Gs1Value::DateTime(_) => "date_time",
        Gs1Value::Count(_) => "count",
        Gs1Value::Measure { .. } => "measure",
        Gs1Value::Text(_) => "text",
    }
}

/// One line per AI: `(17) USE BY or EXPIRY: 2025-06-30`.
fn to_text(elements: &[Element]) -> String {
    elements
        .iter()
        .map(|e| format!("({}) {}: {}\n", e.ai, e.title, e.value.display()))
        .collect()
}

/// `{"elements": [{"ai", "title", "type", "value", "raw"}]}` with ISO 8601 dates.
fn to_json(elements: &[Element]) -> String {
    let list: Vec<serde_json::Value> = elements
        .iter()
        .map(|e| {
            serde_json::json!({
                "ai": e.ai,
                "title": e.title,
                "type": kind(&e.value),
                "value": e.value.display(),
                "raw": e.raw,
            })
        })
        .collect();
    let mut text = serde_json::json!({ "elements": list }).to_string();
    text.push('\n');
    text
}

/// The HIBC fields present, one a line, dates as ISO 8601.
fn hibc_text(label: &HibcLabel) -> String {
    let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let fields = [
        ("HIBC labeler", label.labeler.clone()),
        ("HIBC product", label.product.clone()),
        ("HIBC unit of measure", label.unit_of_measure.map(|u| u.to_string())),
        ("quantity", label.quantity.map(|q| q.to_string())),
        ("expiry", label.expiry.map(iso)),
        (
            "expiry time",
            label.expiry_time.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
        ),
        ("production date", label.production_date.map(iso)),
        ("lot", label.lot.clone()),
        ("serial", label.serial.clone()),
    ];
    fields
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}: {v}\n")))
        .collect()
}

/// `{"hibc": {...}}` with ISO 8601 dates (chrono's serde form).
fn hibc_json(label: &HibcLabel) -> String {
    let mut text = serde_json::json!({ "hibc": label }).to_string();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(data: &str, json: bool) -> Result<String, String> {
        let args = Gs1Args {
            command: Gs1Command::Parse {
                data: data.to_string(),
                json,
            },
        };
        execute_on(&args, NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date"))
    }

    #[test]
    fn prints_ais_and_iso_dates() {
        // domain-facts.md: ]d2 ... 17 250630 ... 10 LOT42X.
        let out = run("]d20104150000021126172506302112345ABC\u{1d}10LOT42X", false);
        assert_eq!(
            out.as_deref(),
            Ok("(01) GTIN: 04150000021126\n\
                (17) USE BY or EXPIRY: 2025-06-30\n\
                (21) SERIAL: 12345ABC\n\
                (10) BATCH/LOT: LOT42X\n")
        );
    }

    #[test]
    fn day_zero_becomes_the_last_day_in_json() {
        let out = run("(01)04150000021126(17)240200(10)A1", true).expect("valid");
        let json: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(json["elements"][1]["type"], "date");
        assert_eq!(json["elements"][1]["value"], "2024-02-29");
        assert_eq!(json["elements"][1]["raw"], "240200");
        assert_eq!(json["elements"][2]["ai"], "10");
    }

    #[test]
    fn invalid_data_gives_the_reason() {
        assert_eq!(
            run("(01)04150000021127", false),
            Err(
                "invalid barcode data: AI (01) GTIN: value \"04150000021127\": check digit is 7 but should be 6"
                    .to_string()
            )
        );
    }

    #[test]
    fn reads_hibc_labels_too() {
        // Primary +A123BJC5D6E71 and secondary $$3270630LOT42 (YYMMDD expiry, lot), closed by
        // the mod-43 check character of the whole string.
        let data = "+A123BJC5D6E71/$$3270630LOT42";
        let check = gs1::hibc::mod43_check(data).expect("HIBC characters");
        let out = run(&format!("{data}{check}"), false);
        assert_eq!(
            out.as_deref(),
            Ok("HIBC labeler: A123\n\
                HIBC product: BJC5D6E7\n\
                HIBC unit of measure: 1\n\
                expiry: 2027-06-30\n\
                lot: LOT42\n")
        );
        let json: serde_json::Value =
            serde_json::from_str(&run(&format!("{data}{check}"), true).expect("valid")).expect("json");
        assert_eq!(json["hibc"]["expiry"], "2027-06-30");
    }

    #[test]
    fn execute_uses_todays_date_for_the_century() {
        // A lot number alone involves no date, so the clock's day cannot change the output.
        let args = Gs1Args {
            command: Gs1Command::Parse {
                data: "(10)LOT42".into(),
                json: false,
            },
        };
        assert_eq!(execute(&args).as_deref(), Ok("(10) BATCH/LOT: LOT42\n"));
    }

    #[test]
    fn clap_reads_the_command_line() {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Cli {
            #[command(subcommand)]
            command: Top,
        }
        #[derive(clap::Subcommand)]
        enum Top {
            Gs1(Gs1Args),
        }
        let cli = Cli::try_parse_from(["benchmate", "gs1", "parse", "(10)X", "--json"]).expect("parses");
        let Top::Gs1(args) = cli.command;
        assert_eq!(
            args.command,
            Gs1Command::Parse {
                data: "(10)X".into(),
                json: true
            }
        );
    }
}

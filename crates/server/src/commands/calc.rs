//! `benchmate calc --list [--json]` and `benchmate calc ID NAME=VALUE[UNIT] ... [--json]`.

use benchmate_core::calc::{self, InputKind, Inputs, Outcome};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Run a calculator, or list them all.
#[derive(clap::Args, Debug)]
pub struct CalcArgs {
    /// List every calculator with its inputs.
    #[arg(long)]
    pub list: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// The calculator to run (see --list), e.g. egfr-ckd-epi-2021-cr.
    #[arg(required_unless_present = "list")]
    pub id: Option<String>,
    /// Inputs as NAME=VALUE[UNIT]: creatinine=1.09mg/dL, 'creatinine=96 umol/L', sex=female.
    /// A missing unit means the input's default unit.
    pub inputs: Vec<String>,
}

/// Lists or computes.
pub fn execute(args: &CalcArgs) -> Result<String, String> {
    match (&args.id, args.list) {
        (_, true) => Ok(list(args.json)),
        (Some(id), false) => run(id, &args.inputs, args.json),
        (None, false) => Err("name a calculator, or use --list".to_string()),
    }
}

fn list(json: bool) -> String {
    if json {
        return serde_json::to_string_pretty(calc::registry()).unwrap_or_default();
    }
    let mut out = String::new();
    for calculator in calc::registry() {
        out.push_str(&format!("{}  {}\n", calculator.id, calculator.title));
        for input in calculator.inputs {
            let what = match input.kind {
                InputKind::Quantity { unit, default, .. } => match default {
                    Some(d) => format!("[{unit}, default {d}]"),
                    None => format!("[{unit}]"),
                },
                InputKind::FreeQuantity { unit, .. } => {
                    format!("[{unit} or any commensurable unit]")
                }
                InputKind::Choice { options, default } => match default {
                    Some(d) => format!("{{{}}}, default {d}", options.join("|")),
                    None => format!("{{{}}}", options.join("|")),
                },
            };
            let optional = if input.required { "" } else { " (optional)" };
            out.push_str(&format!("    {} {what}  {}{optional}\n", input.name, input.label));
        }
    }
    out
}

fn run(id: &str, arguments: &[String], json: bool) -> Result<String, String> {
    let result = Inputs::parse(arguments.iter().map(String::as_str)).and_then(|inputs| calc::compute(id, &inputs));
    match result {
        Ok(outcome) if json => Ok(serde_json::to_string(&JsonOutcome(&outcome)).unwrap_or_default()),
        Ok(outcome) => Ok(text(&outcome)),
        Err(error) if json => Err(super::json_error(&error.to_string(), error.input())),
        Err(error) => Err(error.to_string()),
    }
}

fn text(outcome: &Outcome) -> String {
    let mut out = String::new();
    for output in &outcome.outputs {
        out.push_str(&format!("{}: {} {}\n", output.label, output.display, output.unit));
    }
    if let Some(table) = &outcome.table {
        let header: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                if c.unit == "1" {
                    c.label.to_string()
                } else {
                    format!("{} ({})", c.label, c.unit)
                }
            })
            .collect();
        out.push_str(&header.join(" | "));
        out.push('\n');
        for row in &table.rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&table.columns)
                .map(|(value, column)| calc::display(*value, column.decimals))
                .collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    for warning in &outcome.warnings {
        out.push_str(&format!("warning: {warning}\n"));
    }
    out
}

/// `{"id", "outputs": {NAME: {"value", "unit", "label", "display"}}, "warnings", "table"?}`
/// with the outputs in the registry's order (primary first), which a JSON map would lose.
struct JsonOutcome<'a>(&'a Outcome);

struct JsonOutputs<'a>(&'a Outcome);

impl Serialize for JsonOutcome<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let outcome = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", outcome.id)?;
        map.serialize_entry("outputs", &JsonOutputs(outcome))?;
        map.serialize_entry("warnings", &outcome.warnings)?;
        if let Some(table) = &outcome.table {
            map.serialize_entry("table", table)?;
        }
        map.end()
    }
}

impl Serialize for JsonOutputs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.outputs.len()))?;
        for output in &self.0.outputs {
            let entry = serde_json::json!({
                "value": output.value,
                "unit": output.unit,
                "label": output.label,
                "display": output.display,
            });
            map.serialize_entry(output.name, &entry)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: CalcArgs,
    }

    fn run(argv: &[&str]) -> Result<String, String> {
        let cli =
            Cli::try_parse_from(std::iter::once("calc").chain(argv.iter().copied())).map_err(|e| e.to_string())?;
        execute(&cli.args)
    }

    #[test]
    fn computes_with_units_in_either_form() {
        // domain-facts #16: 1.09 mg/dL, 55 M -> 80; 85 umol/L, 65 F -> 66.
        let out = run(&["egfr-ckd-epi-2021-cr", "sex=male", "age=55", "creatinine=1.09mg/dL"]).unwrap();
        assert!(out.starts_with("eGFR: 80 mL/min/{1.73_m2}"), "{out}");
        let out = run(&["egfr-ckd-epi-2021-cr", "sex=female", "age=65", "creatinine=85 umol/L"]).unwrap();
        assert!(out.starts_with("eGFR: 66 "), "{out}");
        // domain-facts #10: 140/110/9.4 -> 20.6, no units given means mmol/L.
        let out = run(&["anion-gap", "sodium=140", "chloride=110", "bicarbonate=9.4"]).unwrap();
        assert_eq!(out, "Anion gap: 20.6 mmol/L\n");
    }

    #[test]
    fn json_keeps_the_primary_output_first() {
        // domain-facts #18 (MedCalc-Bench): 53 M, 87 kg, 175 cm, 1.39 mg/dL, by BMI -> 67.0.
        let out = run(&[
            "crcl-cockcroft-gault",
            "sex=male",
            "age=53",
            "weight=87kg",
            "height=175cm",
            "creatinine=1.39",
            "weight_policy=bmi",
            "--json",
        ])
        .unwrap();
        let crcl = out.find("\"crcl\"").unwrap();
        let weight = out.find("\"weight_used\"").unwrap();
        assert!(crcl < weight, "{out}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["id"], "crcl-cockcroft-gault");
        let value = json["outputs"]["crcl"]["value"].as_f64().unwrap();
        assert!((value - 67.005).abs() < 0.01, "{value}");
        assert_eq!(json["outputs"]["crcl"]["unit"], "mL/min");
        assert!(json["outputs"]["crcl"]["label"].as_str().unwrap().contains("adjusted"));
        assert!(json["warnings"].as_array().unwrap().is_empty());
    }

    #[test]
    fn invalid_input_is_a_json_error_naming_it() {
        let err = run(&["anion-gap", "sodium=14000", "chloride=110", "bicarbonate=9", "--json"]).unwrap_err();
        let json: serde_json::Value = serde_json::from_str(&err).unwrap();
        assert_eq!(json["input"], "sodium");
        assert!(json["error"].as_str().unwrap().contains("plausible range"));
        let err = run(&["anion-gap", "sodium=140", "chloride=110"]).unwrap_err();
        assert!(err.starts_with("bicarbonate"), "{err}");
        let err = run(&["no-such", "x=1"]).unwrap_err();
        assert!(err.contains("no calculator"), "{err}");
        assert!(run(&[]).is_err(), "an id or --list is required");
    }

    #[test]
    fn lists_every_calculator() {
        let out = run(&["--list"]).unwrap();
        for calculator in calc::registry() {
            assert!(out.contains(calculator.id), "{}", calculator.id);
        }
        assert!(out.contains("    weight_policy {actual|ideal|adjusted|bmi}"), "{out}");
        let json: serde_json::Value = serde_json::from_str(&run(&["--list", "--json"]).unwrap()).unwrap();
        assert_eq!(json.as_array().unwrap().len(), calc::registry().len());
        assert_eq!(json[0]["inputs"][0]["name"], "c1");
    }

    #[test]
    fn planners_print_their_table() {
        let out = run(&["serial-dilution", "dilution_factor=10", "tubes=2", "tube_volume=1mL"]).unwrap();
        // Two tubes of 1 mL at 1:10: 0.1 mL transferred into 0.9 mL diluent each.
        assert!(out.contains("1 | 10 | 0.1000 | 0.9000 | 0.9000"), "{out}");
        assert!(out.contains("2 | 100 | 0.1000 | 0.9000 | 1.0000"), "{out}");
    }
}

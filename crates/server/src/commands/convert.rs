//! `benchmate convert VALUE FROM TO [--analyte NAME | --mw G_PER_MOL] [--charge N] [--json]`.

use benchmate_core::units::{self, MolarContext};

/// Convert a value between units (UCUM codes or the usual spellings: mg/dL, mEq/L, x10^9/L).
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// The value to convert.
    #[arg(allow_negative_numbers = true)]
    pub value: f64,
    /// The unit the value is in.
    pub from: String,
    /// The unit to convert to.
    pub to: String,
    /// Analyte whose molar mass and valence apply (e.g. glucose, creatinine, calcium).
    #[arg(long, value_name = "NAME", conflicts_with = "mw")]
    pub analyte: Option<String>,
    /// Molar mass in g/mol, for mass <-> substance conversions.
    #[arg(long, value_name = "G_PER_MOL")]
    pub mw: Option<f64>,
    /// Charge of the ion (sign ignored), for mEq <-> mmol conversions.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub charge: Option<i32>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Converts, or says why not.
pub fn execute(args: &ConvertArgs) -> Result<String, String> {
    let fail = |message: String| {
        if args.json {
            super::json_error(&message, None)
        } else {
            message
        }
    };
    let context = context(args).map_err(fail)?;
    let to_code = units::normalize(&args.to).map_err(|e| fail(e.to_string()))?;
    let value = units::convert(args.value, &args.from, &args.to, context.as_ref()).map_err(|e| fail(e.to_string()))?;
    let shown = units::round_significant(value, 12);
    Ok(if args.json {
        serde_json::json!({
            "value": shown,
            "unit": to_code,
            "input": { "value": args.value, "unit": args.from },
            "analyte": args.analyte,
        })
        .to_string()
    } else {
        format!("{shown} {to_code}")
    })
}

fn context(args: &ConvertArgs) -> Result<Option<MolarContext>, String> {
    let mut context = match &args.analyte {
        Some(name) => match units::analyte(name) {
            Some(a) => a.molar_context(),
            None => {
                let known: Vec<&str> = units::ANALYTES.iter().map(|a| a.id).collect();
                return Err(format!("unknown analyte '{name}'; known: {}", known.join(", ")));
            }
        },
        None => MolarContext {
            molar_mass: None,
            valence: None,
        },
    };
    if let Some(mw) = args.mw {
        context.molar_mass = Some(mw);
    }
    if let Some(charge) = args.charge {
        if charge == 0 {
            return Err("--charge must not be 0".to_string());
        }
        context.valence = Some(charge.unsigned_abs());
    }
    Ok((context.molar_mass.is_some() || context.valence.is_some()).then_some(context))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: ConvertArgs,
    }

    fn run(argv: &[&str]) -> Result<String, String> {
        let cli =
            Cli::try_parse_from(std::iter::once("convert").chain(argv.iter().copied())).map_err(|e| e.to_string())?;
        execute(&cli.args)
    }

    #[test]
    fn converts_with_and_without_context() {
        // domain-facts #6: glucose 90 mg/dL -> 5 mmol/L (factor 0.05551: 4.9959).
        assert_eq!(
            run(&["90", "mg/dL", "mmol/L", "--analyte", "glucose"]),
            Ok("4.9959 mmol/L".into())
        );
        // 1 mg/dL is exactly 0.01 g/L once f64 noise is rounded away.
        assert_eq!(run(&["1", "mg/dL", "g/L"]), Ok("0.01 g/L".into()));
        // 180.16 g/mol: 1 mmol/L -> 18.016 mg/dL.
        assert_eq!(
            run(&["1", "mmol/L", "mg/dL", "--mw", "180.16"]),
            Ok("18.016 mg/dL".into())
        );
        // Chloride, charge -1: 100 mEq/L = 100 mmol/L.
        assert_eq!(
            run(&["100", "mEq/L", "mmol/L", "--charge", "-1"]),
            Ok("100 mmol/L".into())
        );
        assert_eq!(run(&["7.5", "K/uL", "x10^9/L"]), Ok("7.5 10*9/L".into()));
    }

    #[test]
    fn json_output() {
        let out = run(&["8", "mg/dL", "mEq/L", "--analyte", "calcium", "--json"]).unwrap();
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        // 8 x 0.2495 = 1.996 mmol/L x 2 = 3.992 mEq/L.
        assert_eq!(json["value"], 3.992);
        assert_eq!(json["unit"], "meq/L");
    }

    #[test]
    fn refuses_with_a_reason() {
        let err = run(&["1", "mmol/L", "/L"]).unwrap_err();
        assert!(err.contains("amount of substance"), "{err}");
        let err = run(&["1", "mg/dL", "mmol/L"]).unwrap_err();
        assert!(err.contains("molar mass"), "{err}");
        let err = run(&["1", "mg", "furlongs"]).unwrap_err();
        assert!(err.contains("furlongs"), "{err}");
        let err = run(&["1", "mg/dL", "mmol/L", "--analyte", "unobtainium"]).unwrap_err();
        assert!(err.contains("unknown analyte"), "{err}");
        let err = run(&["1", "mg", "m", "--json"]).unwrap_err();
        let json: serde_json::Value = serde_json::from_str(&err).unwrap();
        assert!(json["error"].as_str().unwrap().contains("cannot convert"));
    }
}

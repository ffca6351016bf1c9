//! `benchmate ucum validate UNIT` and `benchmate ucum normalize TEXT`.

use benchmate_core::units;

/// Check UCUM codes and turn units as people write them into UCUM.
#[derive(clap::Args, Debug)]
pub struct UcumArgs {
    #[command(subcommand)]
    pub command: UcumCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum UcumCommand {
    /// Exit 0 if UNIT is a valid UCUM code (case-sensitive), 1 with the reason if not.
    Validate { unit: String },
    /// Print the UCUM code for a unit as people write it (mEq/L, mcg, x10^9/L, mm Hg); exit 1
    /// if it cannot be read.
    Normalize { text: String },
}

/// Validates or normalizes.
pub fn execute(args: &UcumArgs) -> Result<String, String> {
    match &args.command {
        UcumCommand::Validate { unit } => units::validate(unit)
            .map(|()| format!("{unit}: valid UCUM"))
            .map_err(|e| e.to_string()),
        UcumCommand::Normalize { text } => units::normalize(text).map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: UcumArgs,
    }

    fn run(argv: &[&str]) -> Result<String, String> {
        let cli =
            Cli::try_parse_from(std::iter::once("ucum").chain(argv.iter().copied())).map_err(|e| e.to_string())?;
        execute(&cli.args)
    }

    #[test]
    fn validates() {
        assert_eq!(run(&["validate", "mg/dL"]), Ok("mg/dL: valid UCUM".into()));
        assert_eq!(run(&["validate", "10*9/L"]), Ok("10*9/L: valid UCUM".into()));
        let err = run(&["validate", "mEq/L"]).unwrap_err();
        assert!(err.contains("mEq"), "{err}");
        assert!(
            run(&["validate", "g/12h"]).is_err(),
            "UCUM test 1-263: 12h is not a unit"
        );
    }

    #[test]
    fn normalizes() {
        let cases = [
            ("mEq/L", "meq/L"),
            ("mcg", "ug"),
            ("IU/L", "[IU]/L"),
            ("cc", "cm3"),
            ("x10^9/L", "10*9/L"),
            ("10^3/uL", "10*3/uL"),
            ("K/uL", "10*3/uL"),
            ("cells/uL", "{cells}/uL"),
            ("mmHg", "mm[Hg]"),
            ("mm Hg", "mm[Hg]"),
        ];
        for (text, code) in cases {
            assert_eq!(run(&["normalize", text]), Ok(code.to_string()), "{text}");
        }
        assert!(run(&["normalize", "furlongs per fortnight"]).is_err());
    }
}

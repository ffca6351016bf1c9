//! Percent solutions: w/v, v/v and w/w.

use super::super::spec::{choice, output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};
use super::volume;

pub const CALCULATOR: Calculator = Calculator {
    id: "percent-solution",
    title: "Percent solution (w/v, v/v, w/w)",
    category: Category::Solutions,
    inputs: &[
        choice("kind", "Kind", &["w/v", "v/v", "w/w"], None),
        quantity("percent", "Percent", "%", &["%"], (0.000_001, 100.0), None),
        volume("volume", "Final volume (w/v, v/v)").optional(),
        quantity(
            "mass",
            "Final mass (w/w)",
            "g",
            &["g", "kg", "mg"],
            (0.000_1, 1_000_000.0),
            None,
        )
        .optional(),
    ],
    outputs: &[
        output("solute", "Solute", "g", 4),
        output("make_up_to", "Make up to (final volume)", "mL", 2),
        output("solvent", "Solvent", "g", 4),
    ],
    formula: "w/v: g = % x mL / 100; v/v: mL = % x mL / 100; w/w: g solute = % x g / 100, solvent = total - solute",
    source: "Definitions of percent concentration (w/v = g per 100 mL)",
    validity: &["v/v volumes are not additive for all liquids (ethanol and water shrink): make up to the final volume"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let percent = values.get("percent")?;
    let kind = values.choice("kind")?;
    let need = |name: &str| {
        values
            .opt(name)
            .ok_or_else(|| CalcError::invalid(name, format!("needed for a {kind} solution")))
    };
    Ok(match kind {
        "w/w" => {
            let total = need("mass")?;
            let solute = percent * total / 100.0;
            Computed::single("solute", solute).with("solvent", total - solute)
        }
        "v/v" => {
            let total = need("volume")?;
            Computed::default()
                .with_labelled("solute", percent * total / 100.0, None, Some("mL".to_string()))
                .with("make_up_to", total)
        }
        _ => {
            let total = need("volume")?;
            Computed::single("solute", percent * total / 100.0).with("make_up_to", total)
        }
    })
}

//! Mass of solute for a stock of given molarity: g = M x L x MW.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};
use super::volume;

pub const CALCULATOR: Calculator = Calculator {
    id: "stock-molar",
    title: "Stock solution by molarity",
    category: Category::Solutions,
    inputs: &[
        quantity(
            "concentration",
            "Molar concentration",
            "mol/L",
            &["mol/L", "mmol/L", "umol/L"],
            (1e-12, 50.0),
            None,
        ),
        volume("volume", "Final volume"),
        quantity(
            "molecular_weight",
            "Molecular weight (formula weight)",
            "g/mol",
            &["g/mol"],
            (1.0, 10_000_000.0),
            None,
        ),
    ],
    outputs: &[output("mass", "Mass to weigh", "g", 4)],
    formula: "mass [g] = concentration [mol/L] x volume [L] x MW [g/mol]; dissolve and make up to the volume",
    source: "Definition of molarity",
    validity: &["Use the formula weight of the form you weigh (hydrates included)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let litres = values.get("volume")? / 1000.0;
    Ok(Computed::single(
        "mass",
        values.get("concentration")? * litres * values.get("molecular_weight")?,
    ))
}

//! Transferrin saturation: iron / TIBC x 100.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "transferrin-saturation",
    title: "Transferrin saturation",
    category: Category::Chemistry,
    inputs: &[
        quantity(
            "iron",
            "Serum iron",
            "ug/dL",
            &["ug/dL", "umol/L"],
            (1.0, 1500.0),
            Some("iron"),
        ),
        quantity(
            "tibc",
            "Total iron-binding capacity",
            "ug/dL",
            &["ug/dL", "umol/L"],
            (20.0, 1500.0),
            Some("iron"),
        ),
    ],
    outputs: &[output("transferrin_saturation", "Transferrin saturation", "%", 0)],
    formula: "TSAT = iron / TIBC x 100",
    source: "Standard definition (e.g. Tietz Textbook of Clinical Chemistry)",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let iron = values.get("iron")?;
    let tibc = values.get("tibc")?;
    if iron > tibc {
        return Err(CalcError::invalid(
            "tibc",
            "is below the serum iron; TIBC includes the iron bound to transferrin",
        ));
    }
    Ok(Computed::single("transferrin_saturation", iron / tibc * 100.0))
}

//! Hemocytometer (Neubauer chamber) count: cells per microlitre and per millilitre.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "hemocytometer",
    title: "Hemocytometer count",
    category: Category::Hematology,
    inputs: &[
        quantity("cells_counted", "Cells counted", "1", &["1"], (0.0, 100_000.0), None),
        quantity(
            "squares_counted",
            "Large squares counted",
            "1",
            &["1"],
            (1.0, 100.0),
            None,
        ),
        quantity(
            "dilution_factor",
            "Dilution factor",
            "1",
            &["1"],
            (1.0, 1_000_000.0),
            None,
        )
        .with_default(1.0),
        quantity(
            "square_area",
            "Area of one square",
            "mm2",
            &["mm2"],
            (0.0001, 10.0),
            None,
        )
        .with_default(1.0),
        quantity("depth", "Chamber depth", "mm", &["mm"], (0.01, 1.0), None).with_default(0.1),
    ],
    outputs: &[
        output("cells_per_ul", "Cells per microlitre", "/uL", 0),
        output("cells_per_ml", "Cells per millilitre", "/mL", 0),
    ],
    formula: "cells/uL = N x DF / (squares x area [mm2] x depth [mm]); cells/mL = cells/uL x 1000",
    source: "Standard Neubauer chamber calculation (laboratoryinfo.com; protocol-online worked example)",
    validity: &["Count at least 100 cells for a coefficient of variation near 10 %"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let volume_ul = values.get("squares_counted")? * values.get("square_area")? * values.get("depth")?;
    let per_ul = values.get("cells_counted")? * values.get("dilution_factor")? / volume_ul;
    Ok(Computed::single("cells_per_ul", per_ul)
        .with("cells_per_ml", per_ul * 1000.0)
        .warn_if(
            values.get("cells_counted")? < 100.0,
            "Fewer than 100 cells counted: the count is imprecise",
        ))
}

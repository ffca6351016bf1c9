//! WBC count corrected for nucleated red cells.

use super::super::common::WBC;
use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "wbc-corrected-nrbc",
    title: "WBC corrected for nucleated RBCs",
    category: Category::Hematology,
    inputs: &[
        WBC,
        quantity("nrbc", "nRBC per 100 WBC", "1", &["1"], (0.0, 1000.0), None),
    ],
    outputs: &[output("wbc_corrected", "Corrected WBC", "10*9/L", 2)],
    formula: "corrected WBC = WBC x 100 / (100 + nRBC per 100 WBC)",
    source: "medicalalgorithms.com; Andrews University CLSC 411 notes",
    validity: &["Correct when nRBC >= 5 per 100 WBC (many labs' rule)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let nrbc = values.get("nrbc")?;
    Ok(
        Computed::single("wbc_corrected", values.get("wbc")? * 100.0 / (100.0 + nrbc)).warn_if(
            nrbc < 5.0,
            "Fewer than 5 nRBC per 100 WBC: most labs report the uncorrected count",
        ),
    )
}

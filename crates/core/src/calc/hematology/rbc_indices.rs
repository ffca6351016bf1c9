//! Red cell indices: MCV, MCH, MCHC.

use super::super::common::HEMATOCRIT;
use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "rbc-indices",
    title: "RBC indices (MCV, MCH, MCHC)",
    category: Category::Hematology,
    inputs: &[
        quantity(
            "rbc",
            "RBC count",
            "10*12/L",
            &["10*12/L", "10*6/uL"],
            (0.1, 15.0),
            None,
        ),
        quantity(
            "hemoglobin",
            "Hemoglobin",
            "g/dL",
            &["g/dL", "g/L"],
            (1.0, 30.0),
            Some("hemoglobin"),
        ),
        HEMATOCRIT,
    ],
    outputs: &[
        output("mcv", "MCV", "fL", 1),
        output("mch", "MCH", "pg", 1),
        output("mchc", "MCHC", "g/dL", 1),
    ],
    formula: "MCV = Hct [%] x 10 / RBC [10^12/L]; MCH = Hb [g/dL] x 10 / RBC; MCHC = Hb x 100 / Hct",
    source: "Wintrobe MM. Am J Med Sci 1929 (indices as in any hematology text)",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let rbc = values.get("rbc")?;
    let hb = values.get("hemoglobin")?;
    let hct = values.get("hematocrit")?;
    Ok(Computed::single("mcv", hct * 10.0 / rbc)
        .with("mch", hb * 10.0 / rbc)
        .with("mchc", hb * 100.0 / hct))
}

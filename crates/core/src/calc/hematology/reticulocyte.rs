//! Reticulocyte count corrected for anemia, reticulocyte production index and absolute count.

use super::super::common::HEMATOCRIT;
use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "reticulocyte-corrected",
    title: "Reticulocytes: corrected count and RPI",
    category: Category::Hematology,
    inputs: &[
        quantity("reticulocytes", "Reticulocytes", "%", &["%"], (0.0, 60.0), None),
        HEMATOCRIT,
        quantity("rbc", "RBC count (for the absolute count)", "10*12/L", &["10*12/L", "10*6/uL"], (0.1, 15.0), None)
            .optional(),
    ],
    outputs: &[
        output("reticulocytes_corrected", "Corrected reticulocytes", "%", 2),
        output("rpi", "Reticulocyte production index", "1", 2),
        output("reticulocytes_absolute", "Absolute reticulocytes", "10*9/L", 0),
    ],
    formula: "corrected = retic % x Hct / 45; RPI = corrected / maturation (Hct >= 40: 1.0, 30-39: 1.5, 20-29: 2.0, < 20: 2.5); absolute = retic % x RBC [10^12/L] x 10",
    source: "Hillman RS, Finch CA (maturation times); Dr-42 / MedNotes tables",
    validity: &["Normal hematocrit taken as 45 %"],
    compute,
};

/// Days a reticulocyte stays in the blood at this hematocrit (the RPI divisor).
fn maturation_days(hematocrit: f64) -> f64 {
    match hematocrit {
        h if h >= 40.0 => 1.0,
        h if h >= 30.0 => 1.5,
        h if h >= 20.0 => 2.0,
        _ => 2.5,
    }
}

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let retic = values.get("reticulocytes")?;
    let hct = values.get("hematocrit")?;
    let corrected = retic * hct / 45.0;
    let mut computed =
        Computed::single("reticulocytes_corrected", corrected).with("rpi", corrected / maturation_days(hct));
    if let Some(rbc) = values.opt("rbc") {
        // % of 10^12/L = 10 x 10^9/L per percent.
        computed = computed.with("reticulocytes_absolute", retic * rbc * 10.0);
    }
    Ok(computed)
}

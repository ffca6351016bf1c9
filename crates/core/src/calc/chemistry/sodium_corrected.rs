//! Sodium corrected for hyperglycemia (Hillier): Na + 0.024 x (glucose - 100).

use super::super::common::{GLUCOSE, SODIUM};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "sodium-corrected-glucose",
    title: "Sodium corrected for glucose",
    category: Category::Chemistry,
    inputs: &[SODIUM, GLUCOSE],
    outputs: &[output("sodium_corrected", "Corrected sodium", "mmol/L", 1)],
    formula: "Na corrected = Na + 0.024 x (glucose [mg/dL] - 100)",
    source: "Hillier TA et al. Hyponatremia: evaluating the correction factor for hyperglycemia. Am J Med 1999;106:399-403 (Katz 1973 used 0.016)",
    validity: &["Meant for hyperglycemia (glucose above 100 mg/dL)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let glucose = values.get("glucose")?;
    Ok(
        Computed::single("sodium_corrected", values.get("sodium")? + 0.024 * (glucose - 100.0)).warn_if(
            glucose <= 100.0,
            "Glucose is not raised: the correction is meant for hyperglycemia",
        ),
    )
}

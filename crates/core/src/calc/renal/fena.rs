//! Fractional excretion of sodium.

use super::super::common::{CREATININE, SODIUM, URINE_CREATININE, URINE_SODIUM};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "fena",
    title: "Fractional excretion of sodium (FENa)",
    category: Category::Renal,
    inputs: &[SODIUM, CREATININE, URINE_SODIUM, URINE_CREATININE],
    outputs: &[output("fena", "FENa", "%", 2)],
    formula: "FENa = (urine Na x serum creatinine) / (serum Na x urine creatinine) x 100",
    source: "Espinel CH. JAMA 1976;236:579-81",
    validity: &["Unreliable after diuretics (use FEUrea)"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let fena = values.get("urine_sodium")? * values.get("creatinine")?
        / (values.get("sodium")? * values.get("urine_creatinine")?)
        * 100.0;
    Ok(Computed::single("fena", fena))
}

//! Dilution factor and ratio from the sample and diluent volumes.

use super::super::spec::{output, Calculator, Category};
use super::super::{display, CalcError, Computed, Values};
use super::volume;

pub const CALCULATOR: Calculator = Calculator {
    id: "dilution-factor",
    title: "Dilution factor and ratio",
    category: Category::Dilutions,
    inputs: &[
        volume("sample_volume", "Sample volume"),
        volume("diluent_volume", "Diluent volume"),
    ],
    outputs: &[
        output("dilution_factor", "Dilution factor", "1", 2),
        output("total_volume", "Total volume", "mL", 3),
    ],
    formula: "DF = (sample + diluent) / sample; written 1:DF",
    source: "Standard definition (laboratoryinfo.com: a 1:20 WBC pipette)",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let sample = values.get("sample_volume")?;
    let total = sample + values.get("diluent_volume")?;
    let factor = total / sample;
    let label = format!(
        "Dilution factor (1:{})",
        display(factor, 2).trim_end_matches('0').trim_end_matches('.')
    );
    Ok(Computed::default()
        .with_labelled("dilution_factor", factor, Some(label), None)
        .with("total_volume", total))
}

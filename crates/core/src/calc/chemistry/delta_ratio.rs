//! Delta ratio: (AG - 12) / (24 - HCO3).

use super::super::common::{BICARBONATE, CHLORIDE, SODIUM};
use super::super::spec::{signed_output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "delta-ratio",
    title: "Delta ratio",
    category: Category::Chemistry,
    inputs: &[SODIUM, CHLORIDE, BICARBONATE],
    outputs: &[
        signed_output("delta_ratio", "Delta ratio", "1", 2),
        signed_output("anion_gap", "Anion gap", "mmol/L", 1),
    ],
    formula: "Delta ratio = (AG - 12) / (24 - HCO3)",
    source: "Rastegar A. Use of the delta AG/delta HCO3 ratio. J Am Soc Nephrol 2007;18:2429-31",
    validity: &["Undefined at HCO3 = 24 mmol/L; assumes normal AG 12 and HCO3 24 mmol/L"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let gap = super::anion_gap(values)?;
    Ok(Computed::single("delta_ratio", super::delta_ratio(gap, values)?).with("anion_gap", gap))
}

//! HbA1c conversions: NGSP % to IFCC mmol/mol and to estimated average glucose.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "hba1c-conversion",
    title: "HbA1c: IFCC units and estimated average glucose",
    category: Category::Endocrine,
    inputs: &[quantity("hba1c", "HbA1c (NGSP/DCCT)", "%", &["%"], (3.0, 20.0), None)],
    outputs: &[
        output("ifcc", "HbA1c (IFCC)", "mmol/mol", 0),
        output("eag", "Estimated average glucose", "mg/dL", 0),
    ],
    formula: "IFCC = 10.929 x (NGSP - 2.15); eAG = 28.7 x A1c - 46.7",
    source: "Hoelzel W et al. Clin Chem 2004;50:166-74 (IFCC-NGSP master equation); Nathan DM et al. (ADAG) Diabetes Care 2008;31:1473-8",
    validity: &["eAG assumes a normal red cell life span"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let a1c = values.get("hba1c")?;
    Ok(Computed::single("ifcc", 10.929 * (a1c - 2.15)).with("eag", 28.7 * a1c - 46.7))
}

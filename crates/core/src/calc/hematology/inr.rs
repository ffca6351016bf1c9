//! International normalized ratio.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "inr",
    title: "INR",
    category: Category::Coagulation,
    inputs: &[
        quantity("pt", "Patient prothrombin time", "s", &["s"], (5.0, 300.0), None),
        quantity("mnpt", "Mean normal PT", "s", &["s"], (5.0, 30.0), None),
        quantity("isi", "ISI of the thromboplastin", "1", &["1"], (0.8, 3.0), None),
    ],
    outputs: &[output("inr", "INR", "1", 1)],
    formula: "INR = (PT / MNPT)^ISI",
    source: "WHO Expert Committee on Biological Standardization, 1983 (ICSH/ICTH)",
    validity: &["Validated for patients on vitamin K antagonists"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    Ok(Computed::single(
        "inr",
        (values.get("pt")? / values.get("mnpt")?).powf(values.get("isi")?),
    ))
}

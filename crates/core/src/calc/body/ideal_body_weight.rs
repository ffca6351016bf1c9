//! Ideal body weight (Devine).

use super::super::common::{HEIGHT, SEX};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "ideal-body-weight",
    title: "Ideal body weight (Devine)",
    category: Category::Body,
    inputs: &[SEX, HEIGHT],
    outputs: &[output("ideal_body_weight", "Ideal body weight", "kg", 1)],
    formula: "IBW = 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch of height over 60 inches",
    source: "Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650-5",
    validity: &["Adults at least 5 feet (152.4 cm) tall"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let height = values.get("height")?;
    let ideal = super::ideal_body_weight(values.choice("sex")? == "female", height);
    if ideal <= 0.0 {
        return Err(CalcError::invalid(
            "height",
            "too short for the Devine formula (no positive weight)",
        ));
    }
    Ok(Computed::single("ideal_body_weight", ideal)
        .warn_if(height < 152.4, "Below 5 feet the Devine formula is an extrapolation"))
}

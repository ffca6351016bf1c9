//! Creatinine clearance by Cockcroft-Gault, with the weight policy stated, never implied.

use super::super::body::{adjusted_body_weight, body_mass_index, ideal_body_weight};
use super::super::common::{AGE, CREATININE, HEIGHT, SEX, WEIGHT};
use super::super::spec::{choice, output, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "crcl-cockcroft-gault",
    title: "Creatinine clearance, Cockcroft-Gault",
    category: Category::Renal,
    inputs: &[
        SEX,
        AGE,
        WEIGHT,
        CREATININE,
        choice("weight_policy", "Weight used", &["actual", "ideal", "adjusted", "bmi"], None),
        HEIGHT.optional(),
    ],
    outputs: &[
        output("crcl", "Creatinine clearance", "mL/min", 0),
        output("weight_used", "Weight used", "kg", 1),
    ],
    formula: "CrCl = (140 - age) x weight / (72 x Scr [mg/dL]) x 0.85 [female]; weight by policy: actual; ideal (Devine: 50 kg M / 45.5 kg F + 2.3 kg per inch over 60 in); adjusted = IBW + 0.4 x (actual - IBW); bmi: BMI < 18.5 actual, 18.5-24.9 min(IBW, actual), >= 25 adjusted",
    source: "Cockcroft DW, Gault MH. Nephron 1976;16:31-41; weight by BMI as in MedCalc-Bench (Khandekar et al. 2024)",
    validity: &[super::ADULTS_ONLY, "Not for unstable creatinine; not normalized to body surface area"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let female = values.choice("sex")? == "female";
    let age = values.get("age")?;
    let actual = values.get("weight")?;
    let policy = values.choice("weight_policy")?;
    let height = || {
        values
            .opt("height")
            .ok_or_else(|| CalcError::invalid("height", format!("needed for the '{policy}' weight policy")))
    };
    let (weight, described) = match policy {
        "actual" => (actual, "actual body weight".to_string()),
        "ideal" => (ideal_body_weight(female, height()?), "ideal body weight".to_string()),
        "adjusted" => (
            adjusted_body_weight(female, height()?, actual),
            "adjusted body weight".to_string(),
        ),
        _ => {
            let height = height()?;
            let bmi = body_mass_index(actual, height);
            let ideal = ideal_body_weight(female, height);
            if bmi < 18.5 {
                (actual, format!("BMI {bmi:.1}: actual body weight"))
            } else if bmi < 25.0 {
                (
                    ideal.min(actual),
                    format!("BMI {bmi:.1}: lesser of ideal and actual weight"),
                )
            } else {
                (
                    adjusted_body_weight(female, height, actual),
                    format!("BMI {bmi:.1}: adjusted body weight"),
                )
            }
        }
    };
    if age >= 140.0 {
        return Err(CalcError::invalid(
            "age",
            "the equation gives no clearance at 140 years or more",
        ));
    }
    if weight <= 0.0 {
        return Err(CalcError::invalid(
            "height",
            "gives an ideal body weight of zero or less",
        ));
    }
    let sex_factor = if female { 0.85 } else { 1.0 };
    let crcl = (140.0 - age) * weight / (72.0 * values.get("creatinine")?) * sex_factor;
    let label = format!("Creatinine clearance (Cockcroft-Gault, {described})");
    let mut computed = Computed::default()
        .with_labelled("crcl", crcl, Some(label), None)
        .with("weight_used", weight)
        .warn_if(age < 18.0, super::ADULTS_ONLY);
    if policy == "ideal" && weight > actual {
        computed
            .warnings
            .push("Ideal body weight exceeds the actual weight; many protocols use the actual weight then".to_string());
    }
    Ok(computed)
}

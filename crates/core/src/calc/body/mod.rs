//! Body size: BMI, BSA, ideal and adjusted body weight, and the body weights that dosing and Cockcroft-Gault use.

pub mod adjusted_body_weight;
pub mod bmi;
pub mod bsa_mosteller;
pub mod ideal_body_weight;

/// BMI in kg/m2 from kg and cm.
pub fn body_mass_index(weight_kg: f64, height_cm: f64) -> f64 {
    weight_kg / (height_cm / 100.0).powi(2)
}

/// Ideal body weight (Devine 1974): 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch over
/// 5 feet. Below 5 feet it decreases on the same line and can reach zero, which callers refuse.
pub fn ideal_body_weight(female: bool, height_cm: f64) -> f64 {
    let base = if female { 45.5 } else { 50.0 };
    base + 2.3 * (height_cm / 2.54 - 60.0)
}

/// Adjusted body weight: IBW + 0.4 x (actual - IBW).
pub fn adjusted_body_weight(female: bool, height_cm: f64, actual_kg: f64) -> f64 {
    let ideal = ideal_body_weight(female, height_cm);
    ideal + 0.4 * (actual_kg - ideal)
}

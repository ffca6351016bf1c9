//! A calculation kept in "Recent", so a tech can see what they computed earlier in the run.

use serde::{Deserialize, Serialize};

use crate::record::RecordBody;

use super::{Calculator, Outcome};
use crate::units::label;

/// What is kept of one calculation: enough to read it back, not to recompute it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecentCalculation {
    pub calculator: String,
    pub title: String,
    /// Each input as shown: ("Sodium", "140 mmol/L").
    pub inputs: Vec<(String, String)>,
    /// The primary result as shown: "20.6 mmol/L".
    pub result: String,
    /// When it was kept, in milliseconds since 1970 (UTC).
    pub at_millis: u64,
}

impl RecordBody for RecentCalculation {
    const KIND: &'static str = "recent_calculation";
}

impl RecentCalculation {
    /// The record of `outcome`, computed by `calculator` from `inputs` (label, value, unit code).
    pub fn new(calculator: &Calculator, inputs: &[(&str, String, String)], outcome: &Outcome, at_millis: u64) -> Self {
        let result = outcome
            .outputs
            .first()
            .map(|o| format!("{} {}", o.display, label(&o.unit)).trim().to_string())
            .unwrap_or_default();
        RecentCalculation {
            calculator: calculator.id.to_string(),
            title: calculator.title.to_string(),
            inputs: inputs
                .iter()
                .map(|(name, value, unit)| (name.to_string(), format!("{value} {}", label(unit)).trim().to_string()))
                .collect(),
            result,
            at_millis,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{compute, find, Inputs};

    #[test]
    fn keeps_the_inputs_and_the_reported_result_as_shown() {
        let calculator = find("anion-gap").unwrap();
        let inputs = Inputs::new()
            .with("sodium", 140.0, "mmol/L")
            .with("chloride", 110.0, "mmol/L")
            .with("bicarbonate", 9.4, "meq/L");
        let outcome = compute("anion-gap", &inputs).unwrap();
        let shown = [
            ("Sodium", "140".to_string(), "mmol/L".to_string()),
            ("Chloride", "110".to_string(), "mmol/L".to_string()),
            ("Bicarbonate", "9.4".to_string(), "meq/L".to_string()),
        ];
        let recent = RecentCalculation::new(calculator, &shown, &outcome, 1_764_000_000_000);
        assert_eq!(recent.result, "20.6 mmol/L");
        assert_eq!(recent.inputs[2], ("Bicarbonate".to_string(), "9.4 mEq/L".to_string()));
        let json = serde_json::to_string(&recent).unwrap();
        assert_eq!(serde_json::from_str::<RecentCalculation>(&json).unwrap(), recent);
    }
}

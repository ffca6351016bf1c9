//! Intervals in the unit system the user prefers (conventional or SI), converted and rounded
//! as the lab reports them.

use super::flag::{ConversionError, UnitConverter};
use super::model::{Analyte, Interval};
use crate::prefs::UnitSystem;

/// The unit an analyte is shown in for a unit system: its SI unit or its conventional one.
pub fn preferred_unit(analyte: &Analyte, system: UnitSystem) -> &str {
    match system {
        UnitSystem::Si => &analyte.si_unit,
        UnitSystem::Conventional => &analyte.unit,
    }
}

/// The interval with its limits converted to `unit` and rounded to the decimals reported in
/// that unit; the interval itself when it is already in `unit`.
pub fn interval_in_unit(
    analyte: &Analyte,
    interval: &Interval,
    unit: &str,
    converter: &dyn UnitConverter,
) -> Result<Interval, ConversionError> {
    if interval.unit == unit {
        return Ok(interval.clone());
    }
    let scale = 10f64.powi(i32::from(analyte.decimals_for(unit)));
    let convert = |limit: Option<f64>| -> Result<Option<f64>, ConversionError> {
        limit
            .map(|v| {
                converter
                    .convert(analyte, v, &interval.unit, unit)
                    .map(|c| (c * scale).round() / scale)
            })
            .transpose()
    };
    Ok(Interval {
        low: convert(interval.low)?,
        high: convert(interval.high)?,
        unit: unit.to_string(),
        ..interval.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranges::{Patient, PatientSex, RangeBook, UcumConverter};

    #[test]
    fn limits_are_shown_in_the_preferred_unit_as_reported() {
        let book = RangeBook::bundled();
        let adult = Patient::new(Some(40 * 365), PatientSex::Unknown);
        // Glucose adult 70 to 140 mg/dL; critical below 45 or above 480 mg/dL (intervals.csv).
        // In mmol/L (factor 0.05551, 1 decimal): 70 x 0.05551 = 3.886 -> 3.9;
        // 140 x 0.05551 = 7.771 -> 7.8; 45 x 0.05551 = 2.498 -> 2.5; 480 x 0.05551 = 26.6.
        // Potassium is reported in mmol/L in both systems: unchanged.
        let cases = [
            (
                "glucose",
                UnitSystem::Si,
                "3.9 to 7.8 mmol/L",
                "below 2.5 or above 26.6 mmol/L",
            ),
            (
                "glucose",
                UnitSystem::Conventional,
                "70 to 140 mg/dL",
                "below 45 or above 480 mg/dL",
            ),
            (
                "potassium",
                UnitSystem::Si,
                "3.5 to 5.1 mmol/L",
                "below 2.8 or above 6.2 mmol/L",
            ),
        ];
        for (id, system, reference, critical) in cases {
            let analyte = book.analyte(id).expect("analyte");
            let unit = preferred_unit(analyte, system);
            let selection = book.select(id, &adult);
            let describe = |interval: &Interval| {
                let shown = interval_in_unit(analyte, interval, unit, &UcumConverter).expect("converts");
                shown.describe_limits(analyte.decimals_for(unit))
            };
            assert_eq!(
                describe(selection.reference.expect("reference").interval),
                reference,
                "{id}"
            );
            assert_eq!(
                describe(selection.critical.expect("critical").interval),
                critical,
                "{id}"
            );
        }
    }
}

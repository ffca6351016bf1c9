//! The units layer wired into flagging: any commensurable unit a person types is converted
//! to the interval's unit through UCUM, with the analyte's molar mass and valence where mass,
//! moles and equivalents meet.

use super::flag::{AnalyteFactorConverter, ConversionError, UnitConverter};
use super::model::Analyte;
use crate::units::{self, MolarContext};

/// Converts through [`units::convert`]. The molar context comes from the units layer's
/// analyte table when it knows the analyte (its molar mass reproduces the published SI
/// factor to every digit), otherwise from the range table's own molecular weight.
#[derive(Clone, Copy, Debug, Default)]
pub struct UcumConverter;

/// The molar mass and valence for an analyte of the range table, where known.
pub fn molar_context(analyte: &Analyte) -> Option<MolarContext> {
    let key = analyte.id.replace('-', "_");
    let known = units::analyte(&key).or_else(|| units::analyte(&analyte.name));
    match (known, analyte.molecular_weight) {
        (Some(known), _) => Some(known.molar_context()),
        (None, Some(mw)) => Some(MolarContext::with_molar_mass(mw)),
        (None, None) => None,
    }
}

impl UnitConverter for UcumConverter {
    fn convert(&self, analyte: &Analyte, value: f64, from: &str, to: &str) -> Result<f64, ConversionError> {
        let context = molar_context(analyte);
        match units::convert(value, from, to, context.as_ref()) {
            Ok(converted) => Ok(converted),
            // The table's own conventional-to-SI factor still holds where UCUM has no bridge
            // (an SI unit the units layer cannot relate without a molar mass it lacks).
            Err(ucum_error) => AnalyteFactorConverter
                .convert(analyte, value, from, to)
                .map_err(|_| ConversionError {
                    from: from.to_string(),
                    to: to.to_string(),
                    reason: ucum_error.to_string(),
                }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranges::{flag_result, Flag, Notice, Patient, PatientSex, RangeBook};

    const ADULT_DAYS: u32 = 40 * 365;

    /// Flags `value unit` for an adult of unknown sex and returns the flag and the value in
    /// the reference interval's unit.
    fn flag(book: &RangeBook, analyte: &str, value: f64, unit: &str) -> (Option<Flag>, Option<f64>, Vec<Notice>) {
        let patient = Patient::new(Some(ADULT_DAYS), PatientSex::Unknown);
        let report = flag_result(book, analyte, value, unit, &patient, &UcumConverter).expect("known analyte");
        (report.flag, report.value_in_reference_unit, report.notices)
    }

    #[test]
    fn a_value_in_another_unit_is_converted_before_it_is_flagged() {
        let book = RangeBook::bundled();
        // Glucose: the adult interval is 70 to 140 mg/dL, critical below 45 or above 480
        // (intervals.csv). 180.16 g/mol (units table, implied by the factor 0.05551):
        // 5.0 mmol/L x 180.15 g/mol / 10 = 90.1 mg/dL, reported as 90 (0 decimals): normal.
        // 2.0 mmol/L = 36.0 mg/dL, below 45: critical low.
        // 30 mmol/L = 540 mg/dL, above 480: critical high.
        // 0.9 g/L = 90 mg/dL (a metric prefix only, no molar mass): normal.
        // Potassium in meq/L (valence 1): 6.8 meq/L = 6.8 mmol/L, above 6.2: critical high.
        // Sodium 3220 mg/L / 22.99 g/mol = 140.06 mmol/L, reported 140 (0 decimals): normal.
        // Potassium 27 mg/dL = 270 mg/L / 39.098 g/mol = 6.906 mmol/L, reported 6.9: critical high.
        let cases = [
            ("glucose", 5.0, "mmol/L", Some(Flag::Normal), Some(90.0)),
            ("glucose", 2.0, "mmol/L", Some(Flag::CriticalLow), Some(36.0)),
            ("glucose", 30.0, "mmol/L", Some(Flag::CriticalHigh), Some(540.0)),
            ("glucose", 0.9, "g/L", Some(Flag::Normal), Some(90.0)),
            ("potassium", 6.8, "meq/L", Some(Flag::CriticalHigh), Some(6.8)),
            ("potassium", 6.8, "mmol/L", Some(Flag::CriticalHigh), Some(6.8)),
            ("sodium", 3220.0, "mg/L", Some(Flag::Normal), Some(140.0)),
            ("potassium", 27.0, "mg/dL", Some(Flag::CriticalHigh), Some(6.9)),
        ];
        for (analyte, value, unit, want_flag, want_value) in cases {
            let (got_flag, got_value, notices) = flag(&book, analyte, value, unit);
            assert_eq!(got_flag, want_flag, "{analyte} {value} {unit}: {notices:?}");
            assert_eq!(got_value, want_value, "{analyte} {value} {unit}");
        }
    }

    #[test]
    fn an_incommensurable_unit_is_said_plainly_and_not_flagged() {
        let book = RangeBook::bundled();
        for (analyte, value, unit) in [
            ("glucose", 5.0, "mL"),
            ("potassium", 4.0, "g"),
            ("glucose", 5.0, "furlong"),
        ] {
            let (got_flag, _, notices) = flag(&book, analyte, value, unit);
            assert_eq!(got_flag, None, "{analyte} {unit}");
            let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
            assert!(
                notices.iter().any(|n| matches!(n, Notice::NotConvertible(_))),
                "{analyte} {unit}: {text:?}"
            );
            assert!(
                text.iter()
                    .any(|t| t.starts_with(&format!("cannot convert {unit} to "))),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_molar_context_comes_from_the_units_table_or_the_range_table() {
        let book = RangeBook::bundled();
        let potassium = book.analyte("potassium").expect("potassium");
        let context = molar_context(potassium).expect("potassium is in the units table");
        assert_eq!(context.valence, Some(1));
        let mut unknown = potassium.clone();
        unknown.id = "made-up".into();
        unknown.name = "Made up".into();
        unknown.molecular_weight = Some(100.0);
        assert_eq!(molar_context(&unknown), Some(MolarContext::with_molar_mass(100.0)));
        unknown.molecular_weight = None;
        assert_eq!(molar_context(&unknown), None);
    }
}

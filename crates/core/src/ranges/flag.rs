//! Flagging a result: normal, low, high, critical low or critical high, said in words.
//!
//! The value is converted to the unit of each interval it is compared with, through a
//! [`UnitConverter`] the caller supplies (the app wires the UCUM units layer; tests and the
//! fallback use the analyte's own SI factor). A converted value is rounded to the decimals
//! the lab reports in the target unit before comparing, as the reported number is what a
//! person compares: glucose 70 mg/dL is 3.886 mmol/L, reported 3.9, inside 3.9 to 5.5.

use super::book::{RangeBook, Shown};
use super::model::{Analyte, Interval};
use super::select::{NoMatch, Patient};
use std::fmt;

/// Why a value could not be converted between two units for an analyte.
#[derive(Clone, Debug, PartialEq)]
pub struct ConversionError {
    pub from: String,
    pub to: String,
    pub reason: String,
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot convert {} to {}: {}", self.from, self.to, self.reason)
    }
}

/// Converts a value of an analyte from one UCUM unit to another.
pub trait UnitConverter {
    fn convert(&self, analyte: &Analyte, value: f64, from: &str, to: &str) -> Result<f64, ConversionError>;
}

/// Converts only between an analyte's conventional and SI units, by its SI factor.
#[derive(Clone, Copy, Debug, Default)]
pub struct AnalyteFactorConverter;

impl UnitConverter for AnalyteFactorConverter {
    fn convert(&self, analyte: &Analyte, value: f64, from: &str, to: &str) -> Result<f64, ConversionError> {
        let converted = if from == to {
            value
        } else if from == analyte.unit && to == analyte.si_unit {
            value * analyte.si_factor
        } else if from == analyte.si_unit && to == analyte.unit {
            value / analyte.si_factor
        } else {
            return Err(ConversionError {
                from: from.to_string(),
                to: to.to_string(),
                reason: format!(
                    "{} is reported in {}",
                    analyte.name,
                    analyte.units().collect::<Vec<_>>().join(" or ")
                ),
            });
        };
        if converted.is_finite() {
            Ok(converted)
        } else {
            Err(ConversionError {
                from: from.to_string(),
                to: to.to_string(),
                reason: "the result is not a finite number".to_string(),
            })
        }
    }
}

/// The flag a result gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Normal,
    Low,
    High,
    CriticalLow,
    CriticalHigh,
}

impl Flag {
    /// The words shown beside the colour: a flag is never colour alone.
    pub fn text(self) -> &'static str {
        match self {
            Flag::Normal => "normal",
            Flag::Low => "low",
            Flag::High => "high",
            Flag::CriticalLow => "critical low",
            Flag::CriticalHigh => "critical high",
        }
    }

    /// The short code a LIS prints: N, L, H, LL, HH.
    pub fn code(self) -> &'static str {
        match self {
            Flag::Normal => "N",
            Flag::Low => "L",
            Flag::High => "H",
            Flag::CriticalLow => "LL",
            Flag::CriticalHigh => "HH",
        }
    }

    pub fn is_critical(self) -> bool {
        matches!(self, Flag::CriticalLow | Flag::CriticalHigh)
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// Something the person should read beside (or instead of) the flag.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    NoReference(NoMatch),
    /// Critical limits exist for the analyte but none for this patient.
    NoCritical(NoMatch),
    NotConvertible(ConversionError),
    /// The value is outside the reportable range: check before reporting.
    OutsideReportable {
        range: String,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::NoReference(why) | Notice::NoCritical(why) => write!(f, "{why}"),
            Notice::NotConvertible(why) => write!(f, "{why}"),
            Notice::OutsideReportable { range } => write!(
                f,
                "outside the reportable range ({range}): check the entry, re-run or dilute before reporting"
            ),
        }
    }
}

/// Why a result could not be flagged at all.
#[derive(Clone, Debug, PartialEq)]
pub enum FlagError {
    NotFinite,
    UnknownAnalyte(String),
}

impl fmt::Display for FlagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlagError::NotFinite => write!(f, "the value must be a finite number"),
            FlagError::UnknownAnalyte(id) => write!(f, "unknown analyte '{id}'"),
        }
    }
}

/// The outcome for one result.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagReport<'a> {
    /// `None` when nothing applies (no interval, or the unit cannot be converted).
    pub flag: Option<Flag>,
    pub reference: Option<Shown<'a>>,
    pub critical: Option<Shown<'a>>,
    /// The value in the reference interval's unit, rounded as reported.
    pub value_in_reference_unit: Option<f64>,
    pub notices: Vec<Notice>,
}

/// Compares a value already in each interval's unit. Critical limits are checked first:
/// below the critical `low` or above the critical `high` (strictly) is critical; otherwise
/// the reference interval decides, its limits included as normal.
pub fn flag_value(
    reference_value: Option<f64>,
    reference: Option<&Interval>,
    critical_value: Option<f64>,
    critical: Option<&Interval>,
) -> Option<Flag> {
    if let (Some(v), Some(c)) = (critical_value, critical) {
        if c.low.is_some_and(|low| v < low) {
            return Some(Flag::CriticalLow);
        }
        if c.high.is_some_and(|high| v > high) {
            return Some(Flag::CriticalHigh);
        }
    }
    let (v, r) = (reference_value?, reference?);
    Some(if r.low.is_some_and(|low| v < low) {
        Flag::Low
    } else if r.high.is_some_and(|high| v > high) {
        Flag::High
    } else {
        Flag::Normal
    })
}

fn to_unit_of(
    analyte: &Analyte,
    value: f64,
    unit: &str,
    interval: &Interval,
    converter: &dyn UnitConverter,
) -> Result<f64, ConversionError> {
    if unit == interval.unit {
        return Ok(value);
    }
    let converted = converter.convert(analyte, value, unit, &interval.unit)?;
    let scale = 10f64.powi(i32::from(analyte.decimals_for(&interval.unit)));
    Ok((converted * scale).round() / scale)
}

/// Flags `value` in `unit` for `patient`, with the intervals the book selects.
pub fn flag_result<'a>(
    book: &'a RangeBook,
    analyte_id: &str,
    value: f64,
    unit: &str,
    patient: &Patient,
    converter: &dyn UnitConverter,
) -> Result<FlagReport<'a>, FlagError> {
    if !value.is_finite() {
        return Err(FlagError::NotFinite);
    }
    let analyte = book
        .analyte(analyte_id)
        .ok_or_else(|| FlagError::UnknownAnalyte(analyte_id.to_string()))?;
    let selection = book.select(analyte_id, patient);
    let mut notices = Vec::new();
    let convert = |shown: &Shown<'a>, notices: &mut Vec<Notice>| match to_unit_of(
        analyte,
        value,
        unit,
        shown.interval,
        converter,
    ) {
        Ok(v) => Some(v),
        Err(e) => {
            if !notices.contains(&Notice::NotConvertible(e.clone())) {
                notices.push(Notice::NotConvertible(e));
            }
            None
        }
    };
    let reference = match selection.reference {
        Ok(shown) => Some(shown),
        Err(why) => {
            notices.push(Notice::NoReference(why));
            None
        }
    };
    let critical = match selection.critical {
        Ok(shown) => Some(shown),
        Err(NoMatch::NotDefined { .. }) => None,
        Err(why) => {
            notices.push(Notice::NoCritical(why));
            None
        }
    };
    let reference_value = reference.as_ref().and_then(|s| convert(s, &mut notices));
    let critical_value = critical.as_ref().and_then(|s| convert(s, &mut notices));
    if let Ok(absolute) = selection.absolute {
        if let Some(v) = convert(&absolute, &mut notices) {
            let i = absolute.interval;
            if i.low.is_some_and(|low| v < low) || i.high.is_some_and(|high| v > high) {
                notices.push(Notice::OutsideReportable {
                    range: i.describe_limits(analyte.decimals_for(&i.unit)),
                });
            }
        }
    }
    let flag = flag_value(
        reference_value,
        reference.map(|s| s.interval),
        critical_value,
        critical.map(|s| s.interval),
    );
    Ok(FlagReport {
        flag,
        reference,
        critical,
        value_in_reference_unit: reference_value,
        notices,
    })
}

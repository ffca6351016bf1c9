//! Credit amounts as entered (a value and a credit type) and `Points`, the exact fixed-point
//! quantity the rule engine adds up after a program's unit conversion.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How a course's credit is stated on its certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditType {
    /// ASCLS P.A.C.E. contact hours (1 contact hour = 50 minutes of instruction).
    PaceContactHour,
    /// Contact hours from another accreditor (ACCENT, CME category 1, a state board, ...).
    ContactHour,
    /// Continuing Education Units: 1 CEU = 10 contact hours.
    Ceu,
    /// College credit in a quarter system.
    AcademicQuarterHour,
    /// College credit in a semester system.
    AcademicSemesterHour,
    /// Anything else; counts only where a program's rules give it a conversion.
    Other,
}

impl CreditType {
    /// Every credit type, in the order a picker shows them.
    pub const ALL: [CreditType; 6] = [
        CreditType::PaceContactHour,
        CreditType::ContactHour,
        CreditType::Ceu,
        CreditType::AcademicQuarterHour,
        CreditType::AcademicSemesterHour,
        CreditType::Other,
    ];

    /// The name people read on screen and in exports.
    pub fn label(self) -> &'static str {
        match self {
            CreditType::PaceContactHour => "P.A.C.E. contact hours",
            CreditType::ContactHour => "Contact hours",
            CreditType::Ceu => "CEU",
            CreditType::AcademicQuarterHour => "Academic quarter hours",
            CreditType::AcademicSemesterHour => "Academic semester hours",
            CreditType::Other => "Other",
        }
    }

    /// The stable id used in data files and CSV (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            CreditType::PaceContactHour => "pace_contact_hour",
            CreditType::ContactHour => "contact_hour",
            CreditType::Ceu => "ceu",
            CreditType::AcademicQuarterHour => "academic_quarter_hour",
            CreditType::AcademicSemesterHour => "academic_semester_hour",
            CreditType::Other => "other",
        }
    }

    /// One unit of the credit type, as in "1 CEU = 10 points".
    pub fn singular(self) -> &'static str {
        match self {
            CreditType::PaceContactHour => "P.A.C.E. contact hour",
            CreditType::ContactHour => "contact hour",
            CreditType::Ceu => "CEU",
            CreditType::AcademicQuarterHour => "academic quarter hour",
            CreditType::AcademicSemesterHour => "academic semester hour",
            CreditType::Other => "unit of other credit",
        }
    }

    /// True for college credit, which some programs cap.
    pub fn is_academic(self) -> bool {
        matches!(self, CreditType::AcademicQuarterHour | CreditType::AcademicSemesterHour)
    }
}

/// The credit printed on a certificate: "1.5 P.A.C.E. contact hours", "0.2 CEU".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditAmount {
    pub value: f64,
    pub credit_type: CreditType,
}

impl CreditAmount {
    /// The largest amount one entry may claim: a full academic year is far below this, so a
    /// bigger number is a typing slip rather than a course.
    pub const MAX_VALUE: f64 = 1000.0;

    pub fn new(value: f64, credit_type: CreditType) -> CreditAmount {
        CreditAmount { value, credit_type }
    }

    /// True when the value is a finite number above zero and not absurdly large.
    pub fn is_usable(&self) -> bool {
        self.value.is_finite() && self.value > 0.0 && self.value <= Self::MAX_VALUE
    }
}

impl fmt::Display for CreditAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_decimal(self.value), self.credit_type.label())
    }
}

/// A quantity of a program's unit (points or hours) in thousandths, so that sums and the
/// comparison "earned >= needed" are exact: 0.1 + 0.2 hours must meet a 0.3 hour minimum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Points(pub i64);

impl Points {
    pub const ZERO: Points = Points(0);
    const SCALE: f64 = 1000.0;

    /// Converts a decimal number of points, rounding half away from zero to the nearest
    /// thousandth. `None` for NaN, infinity, or a number too big for the fixed-point range.
    pub fn from_decimal(value: f64) -> Option<Points> {
        let scaled = (value * Self::SCALE).round();
        if scaled.is_finite() && scaled.abs() < 1e15 {
            // The bound above makes the cast exact.
            Some(Points(scaled as i64))
        } else {
            None
        }
    }

    /// Whole points, for display and CSV.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE
    }

    pub fn saturating_sub(self, other: Points) -> Points {
        Points((self.0 - other.0).max(0))
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, rhs: Points) -> Points {
        Points(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::AddAssign for Points {
    fn add_assign(&mut self, rhs: Points) {
        *self = *self + rhs;
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Points {
    /// Writes the shortest exact decimal: 36, 1.5, 0.25, 0.125.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / 1000;
        let frac = abs % 1000;
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{frac:03}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// Writes a user-entered decimal without float noise (at most three decimals).
pub fn format_decimal(value: f64) -> String {
    match Points::from_decimal(value) {
        Some(points) => points.to_string(),
        None => value.to_string(),
    }
}

/// What a program counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditUnit {
    Points,
    Hours,
}

impl CreditUnit {
    pub fn label(self) -> &'static str {
        match self {
            CreditUnit::Points => "points",
            CreditUnit::Hours => "hours",
        }
    }

    /// An amount with its unit, singular for exactly one: "1 point", "1.5 hours", "0 points".
    pub fn amount_text(self, amount: Points) -> String {
        let one = amount == Points(1000);
        let unit = match (self, one) {
            (CreditUnit::Points, true) => "point",
            (CreditUnit::Hours, true) => "hour",
            (unit, false) => unit.label(),
        };
        format!("{amount} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_display(value: f64, expect: &str) {
        let points = Points::from_decimal(value).expect("finite");
        assert_eq!(points.to_string(), expect, "value {value}");
    }

    #[test]
    fn points_print_the_shortest_exact_decimal() {
        check_display(36.0, "36");
        check_display(1.5, "1.5");
        check_display(0.25, "0.25");
        check_display(0.125, "0.125");
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; thousandths make it 0.3.
        check_display(0.1 + 0.2, "0.3");
        check_display(-2.5, "-2.5");
    }

    #[test]
    fn points_reject_values_that_are_not_numbers() {
        assert_eq!(Points::from_decimal(f64::NAN), None);
        assert_eq!(Points::from_decimal(f64::INFINITY), None);
        assert_eq!(Points::from_decimal(1e300), None);
    }

    #[test]
    fn exact_sums_meet_a_minimum_that_floats_would_miss() {
        let sum: Points = [0.1, 0.2]
            .iter()
            .map(|v| Points::from_decimal(*v).expect("finite"))
            .sum();
        assert!(sum >= Points::from_decimal(0.3).expect("finite"));
    }

    #[test]
    fn amounts_print_with_their_credit_type() {
        let amount = CreditAmount::new(1.5, CreditType::PaceContactHour);
        assert_eq!(amount.to_string(), "1.5 P.A.C.E. contact hours");
        assert!(amount.is_usable());
        assert!(!CreditAmount::new(0.0, CreditType::Ceu).is_usable());
        assert!(!CreditAmount::new(f64::NAN, CreditType::Ceu).is_usable());
        assert!(!CreditAmount::new(1000.5, CreditType::Ceu).is_usable());
    }

    #[test]
    fn amounts_with_units_are_singular_only_for_exactly_one() {
        let text = |unit: CreditUnit, v: f64| unit.amount_text(Points::from_decimal(v).expect("finite"));
        assert_eq!(text(CreditUnit::Points, 1.0), "1 point");
        assert_eq!(text(CreditUnit::Points, 1.5), "1.5 points");
        assert_eq!(text(CreditUnit::Points, 0.0), "0 points");
        assert_eq!(text(CreditUnit::Hours, 1.0), "1 hour");
        assert_eq!(text(CreditUnit::Hours, 24.0), "24 hours");
    }

    #[test]
    fn credit_type_ids_match_their_serde_names() {
        for credit_type in CreditType::ALL {
            let json = serde_json::to_string(&credit_type).expect("serializes");
            assert_eq!(json, format!("\"{}\"", credit_type.id()));
        }
    }
}

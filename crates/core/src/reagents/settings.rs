//! The lab's expiry alert thresholds as a setting: read from what a user types, checked, and
//! stored as a lab-scope record (kind `expiry_thresholds`) so every member of the lab sees
//! the same buckets. Two devices may each create the record while offline; every device then
//! follows the one with the smallest record id, so they agree once synced.

use std::fmt;

use super::expiry::ExpiryThresholds;
use crate::record::RecordId;

/// The longest threshold accepted: a year covers any reagent's planning horizon, and a bigger
/// number is far more likely a typing slip.
pub const MAX_THRESHOLD_DAYS: u32 = 365;

/// What is wrong with typed thresholds, said so that the user can fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThresholdError {
    /// A field is not a whole number of days.
    NotWholeDays { field: &'static str, text: String },
    /// A field is 0 or above the maximum.
    OutOfRange { field: &'static str, days: u32 },
    /// The first threshold is not shorter than the second.
    NotIncreasing { soon_days: u32, later_days: u32 },
}

impl fmt::Display for ThresholdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThresholdError::NotWholeDays { field, text } if text.trim().is_empty() => {
                write!(f, "{field}: enter a number of days")
            }
            ThresholdError::NotWholeDays { field, text } => {
                write!(f, "{field}: \"{}\" is not a whole number of days", text.trim())
            }
            ThresholdError::OutOfRange { field, days } => {
                write!(f, "{field}: {days} days is outside 1 to {MAX_THRESHOLD_DAYS}")
            }
            ThresholdError::NotIncreasing { soon_days, later_days } => write!(
                f,
                "the first alert ({soon_days} days) must be sooner than the second ({later_days} days)"
            ),
        }
    }
}

impl std::error::Error for ThresholdError {}

const SOON_FIELD: &str = "First alert";
const LATER_FIELD: &str = "Second alert";

fn parse_days(field: &'static str, text: &str) -> Result<u32, ThresholdError> {
    text.trim().parse::<u32>().map_err(|_| ThresholdError::NotWholeDays {
        field,
        text: text.to_string(),
    })
}

impl ExpiryThresholds {
    /// Thresholds from the two fields as typed, checked.
    pub fn from_text(soon: &str, later: &str) -> Result<ExpiryThresholds, ThresholdError> {
        let thresholds = ExpiryThresholds {
            soon_days: parse_days(SOON_FIELD, soon)?,
            later_days: parse_days(LATER_FIELD, later)?,
        };
        thresholds.check()?;
        Ok(thresholds)
    }

    /// Each threshold is 1 to 365 days, and the first is the shorter.
    pub fn check(&self) -> Result<(), ThresholdError> {
        for (field, days) in [(SOON_FIELD, self.soon_days), (LATER_FIELD, self.later_days)] {
            if days == 0 || days > MAX_THRESHOLD_DAYS {
                return Err(ThresholdError::OutOfRange { field, days });
            }
        }
        if self.soon_days >= self.later_days {
            return Err(ThresholdError::NotIncreasing {
                soon_days: self.soon_days,
                later_days: self.later_days,
            });
        }
        Ok(())
    }

    /// The lab's thresholds among the stored records (normally one): the record with the
    /// smallest id, if its values pass the checks; otherwise the defaults. The id is returned
    /// so that an edit updates that record rather than adding another.
    pub fn of_lab(
        records: impl IntoIterator<Item = (RecordId, ExpiryThresholds)>,
    ) -> (Option<RecordId>, ExpiryThresholds) {
        match records.into_iter().min_by_key(|(id, _)| *id) {
            Some((id, thresholds)) if thresholds.check().is_ok() => (Some(id), thresholds),
            Some((id, _)) => (Some(id), ExpiryThresholds::default()),
            None => (None, ExpiryThresholds::default()),
        }
    }
}

/// The thresholds are a lab-scope record of their own kind.
impl crate::record::RecordBody for ExpiryThresholds {
    const KIND: &'static str = "expiry_thresholds";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(soon: &str, later: &str, expect: Result<(u32, u32), &str>) {
        let got = ExpiryThresholds::from_text(soon, later)
            .map(|t| (t.soon_days, t.later_days))
            .map_err(|err| err.to_string());
        assert_eq!(got, expect.map_err(ToString::to_string), "({soon:?}, {later:?})");
    }

    #[test]
    fn typed_thresholds_are_checked() {
        check("7", "30", Ok((7, 30)));
        check(" 3 ", "14", Ok((3, 14)));
        check("1", "365", Ok((1, 365)));
        check("", "30", Err("First alert: enter a number of days"));
        check(
            "7",
            "thirty",
            Err("Second alert: \"thirty\" is not a whole number of days"),
        );
        check("2.5", "30", Err("First alert: \"2.5\" is not a whole number of days"));
        check("-1", "30", Err("First alert: \"-1\" is not a whole number of days"));
        check("0", "30", Err("First alert: 0 days is outside 1 to 365"));
        check("7", "366", Err("Second alert: 366 days is outside 1 to 365"));
        check(
            "30",
            "30",
            Err("the first alert (30 days) must be sooner than the second (30 days)"),
        );
        check(
            "31",
            "30",
            Err("the first alert (31 days) must be sooner than the second (30 days)"),
        );
    }

    fn id(millis: u64) -> RecordId {
        RecordId::new_v7(millis, [1; 10]).expect("valid id")
    }

    #[test]
    fn the_lab_follows_its_oldest_record() {
        let t = |soon_days, later_days| ExpiryThresholds { soon_days, later_days };
        assert_eq!(ExpiryThresholds::of_lab([]), (None, t(7, 30)));
        assert_eq!(ExpiryThresholds::of_lab([(id(5), t(3, 14))]), (Some(id(5)), t(3, 14)));
        // Two devices created the setting offline: both follow the smaller id, whatever order
        // the store lists them in.
        let both = [(id(9), t(10, 60)), (id(5), t(3, 14))];
        assert_eq!(ExpiryThresholds::of_lab(both), (Some(id(5)), t(3, 14)));
        assert_eq!(
            ExpiryThresholds::of_lab(both.into_iter().rev()),
            (Some(id(5)), t(3, 14))
        );
        // A damaged record (written by a faulty client) falls back to the defaults but is
        // still the one an edit repairs.
        assert_eq!(ExpiryThresholds::of_lab([(id(5), t(0, 0))]), (Some(id(5)), t(7, 30)));
    }

    #[test]
    fn thresholds_are_stored_as_their_own_record_kind() {
        use crate::record::RecordBody;
        assert_eq!(
            ExpiryThresholds::kind().expect("valid kind").as_str(),
            "expiry_thresholds"
        );
        let json = serde_json::to_string(&ExpiryThresholds::default()).expect("serializes");
        assert_eq!(json, r#"{"soon_days":7,"later_days":30}"#);
    }
}

//! Version stamps from a hybrid logical clock (Kulkarni et al., 2014): ordered like wall
//! time when clocks agree, and still monotonic and causal when a device clock is wrong.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ids::DeviceId;

/// How far ahead of the receiver's wall clock a stamp may be before it is refused: one hour.
///
/// Why refuse rather than accept: observing a stamp drags the receiver's clock forward to
/// it, and a stamp from a device whose clock is set a year ahead would make that device's
/// writes win every conflict for a year and drag every other device along. An hour is far
/// more than phones drift when their time is set by the network, and small enough that a
/// wrong manual setting is caught. A refused write stays on the device that made it.
pub const MAX_FORWARD_DRIFT_MILLIS: u64 = 60 * 60 * 1000;

/// One write's version: the HLC's wall-time part (Unix milliseconds), its counter, and the
/// device that made it. Stamps are totally ordered by (millis, counter, device); two writes
/// never share a stamp, because one device's clock never issues the same stamp twice.
///
/// In JSON a stamp is one string, `<millis: 16 hex>-<counter: 8 hex>-<device: 32 hex>`,
/// whose byte order is the stamp order, so a store can index and compare it as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Stamp {
    pub millis: u64,
    pub counter: u32,
    pub device: DeviceId,
}

/// Why a stamp was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HlcError {
    /// The stamp's wall time is more than [`MAX_FORWARD_DRIFT_MILLIS`] ahead of ours.
    FarFuture { stamp: Stamp, now_millis: u64 },
    /// The text is not a stamp.
    BadText { input: String },
}

impl fmt::Display for HlcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HlcError::FarFuture { stamp, now_millis } => write!(
                f,
                "version stamp from device {} is {} ms ahead of this clock (at most {} ms is accepted); \
                 that device's clock is probably wrong",
                stamp.device,
                stamp.millis.saturating_sub(*now_millis),
                MAX_FORWARD_DRIFT_MILLIS
            ),
            HlcError::BadText { input } => write!(
                f,
                "{input:?} is not a version stamp (expected 16 hex digits, '-', 8 hex digits, '-', 32 hex digits)"
            ),
        }
    }
}

impl std::error::Error for HlcError {}

impl Stamp {
    /// Refuses a stamp whose wall time is more than [`MAX_FORWARD_DRIFT_MILLIS`] after `now_millis`.
    pub fn check_not_far_future(&self, now_millis: u64) -> Result<(), HlcError> {
        if self.millis > now_millis.saturating_add(MAX_FORWARD_DRIFT_MILLIS) {
            Err(HlcError::FarFuture {
                stamp: *self,
                now_millis,
            })
        } else {
            Ok(())
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}-{:08x}-{}", self.millis, self.counter, self.device.simple())
    }
}

impl FromStr for Stamp {
    type Err = HlcError;
    fn from_str(input: &str) -> Result<Stamp, HlcError> {
        let bad = || HlcError::BadText {
            input: input.to_string(),
        };
        let mut parts = input.split('-');
        let (Some(millis), Some(counter), Some(device), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let is_hex = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !is_hex(millis, 16) || !is_hex(counter, 8) || !is_hex(device, 32) {
            return Err(bad());
        }
        Ok(Stamp {
            millis: u64::from_str_radix(millis, 16).map_err(|_| bad())?,
            counter: u32::from_str_radix(counter, 16).map_err(|_| bad())?,
            device: device.parse().map_err(|_| bad())?,
        })
    }
}

impl TryFrom<String> for Stamp {
    type Error = HlcError;
    fn try_from(text: String) -> Result<Stamp, HlcError> {
        text.parse()
    }
}

impl From<Stamp> for String {
    fn from(stamp: Stamp) -> String {
        stamp.to_string()
    }
}

/// A device's hybrid logical clock. Persist it (it is serde) beside the records, or rebuild
/// it with [`Hlc::resume`] from the newest stamp in the store, so that it stays monotonic
/// across reloads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hlc {
    device: DeviceId,
    millis: u64,
    counter: u32,
}

impl Hlc {
    /// A clock that has issued nothing yet.
    pub fn new(device: DeviceId) -> Hlc {
        Hlc {
            device,
            millis: 0,
            counter: 0,
        }
    }

    /// A clock for `device` that will only issue stamps after `latest`, the newest stamp
    /// this device has stored (its own or another device's).
    pub fn resume(device: DeviceId, latest: Stamp) -> Hlc {
        let mut clock = Hlc::new(device);
        clock.witness(&latest);
        clock
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// The newest stamp this clock has issued or witnessed, seen as if issued here.
    pub fn latest(&self) -> Stamp {
        Stamp {
            millis: self.millis,
            counter: self.counter,
            device: self.device,
        }
    }

    /// Issues the stamp of a local event at wall time `now_millis`. The result is greater
    /// than every stamp issued or witnessed before, even when `now_millis` went backwards:
    /// then the wall part stays where it was and the counter grows.
    pub fn tick(&mut self, now_millis: u64) -> Stamp {
        if now_millis > self.millis {
            self.millis = now_millis;
            self.counter = 0;
        } else if self.counter == u32::MAX {
            // Four billion events in one millisecond only happen with a stuck wall clock;
            // borrowing a millisecond keeps the order strict instead of wrapping.
            self.millis = self.millis.saturating_add(1);
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        self.latest()
    }

    /// Takes in a stamp received from elsewhere, so that every later local stamp is greater
    /// than it (the receive rule of an HLC). A stamp more than [`MAX_FORWARD_DRIFT_MILLIS`]
    /// ahead of `now_millis` is refused and leaves the clock unchanged.
    pub fn observe(&mut self, remote: &Stamp, now_millis: u64) -> Result<(), HlcError> {
        remote.check_not_far_future(now_millis)?;
        self.witness(remote);
        Ok(())
    }

    /// Moves the clock up to `stamp` without the drift check: for stamps that were already
    /// checked, such as those in this device's own store or in records pulled from the
    /// server (which checked them against its clock when they were pushed). A device whose
    /// own clock runs slow would otherwise refuse the server's records.
    ///
    /// Correctness does not depend on calling it: an edit always moves the clock past the
    /// stamp of the field it overwrites. Witnessing pulled records keeps the wall part of
    /// later stamps close to the causal order across fields and records.
    pub fn witness(&mut self, stamp: &Stamp) {
        if (stamp.millis, stamp.counter) > (self.millis, self.counter) {
            self.millis = stamp.millis;
            self.counter = stamp.counter;
        }
    }
}

//! The names of things in the record store: record, device and user ids, kinds and scopes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::{Builder, Uuid, Variant};

/// Why an id, kind or scope given as text (or as parts) was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    /// The text is not a UUID, or not the version the id requires.
    BadUuid {
        what: &'static str,
        input: String,
        reason: String,
    },
    /// A UUIDv7 holds 48 bits of Unix milliseconds; later times cannot be encoded.
    TimeOutOfRange { millis: u64 },
    /// A kind must be 1 to 64 characters of `a-z`, `0-9` and `_`, starting with a letter.
    BadKind { input: String },
    /// A user or lab id must be 1 to 128 characters with no control characters.
    BadText { what: &'static str, input: String },
    /// A scope is written `personal:<user id>` or `lab:<lab id>`.
    BadScope { input: String },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::BadUuid { what, input, reason } => {
                write!(f, "{what} {input:?} is not valid: {reason}")
            }
            IdError::TimeOutOfRange { millis } => write!(
                f,
                "time {millis} ms does not fit the 48 bits a UUIDv7 holds (max {})",
                RecordId::MAX_MILLIS
            ),
            IdError::BadKind { input } => write!(
                f,
                "record kind {input:?} is not valid: use 1 to 64 of a-z, 0-9 and _, starting with a letter"
            ),
            IdError::BadText { what, input } => write!(
                f,
                "{what} {input:?} is not valid: use 1 to 128 characters and no control characters"
            ),
            IdError::BadScope { input } => write!(
                f,
                "scope {input:?} is not valid: write personal:<user id> or lab:<lab id>"
            ),
        }
    }
}

impl std::error::Error for IdError {}

/// A record's id: a UUIDv7 made on the device that created the record, so ids sort by
/// creation time and never need a server round trip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(Uuid);

impl RecordId {
    /// The latest Unix time, in milliseconds, that the 48-bit timestamp field can hold.
    pub const MAX_MILLIS: u64 = (1 << 48) - 1;

    /// Builds a UUIDv7 from the creation time and 10 random bytes, both supplied by the
    /// caller because core has no clock and no random source. Of the random bytes, 74 bits
    /// are used (the rest of the bits are the version and variant).
    pub fn new_v7(unix_millis: u64, random: [u8; 10]) -> Result<RecordId, IdError> {
        if unix_millis > Self::MAX_MILLIS {
            return Err(IdError::TimeOutOfRange { millis: unix_millis });
        }
        Ok(RecordId(
            Builder::from_unix_timestamp_millis(unix_millis, &random).into_uuid(),
        ))
    }

    /// The creation time encoded in the id, in Unix milliseconds.
    pub fn unix_millis(&self) -> u64 {
        let bytes = self.0.as_bytes();
        bytes[..6].iter().fold(0u64, |acc, byte| (acc << 8) | u64::from(*byte))
    }

    pub fn as_uuid(&self) -> &Uuid {
        &self.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for RecordId {
    type Err = IdError;

    /// Accepts only UUIDv7 with the RFC 9562 variant, so a hand-edited or foreign id in an
    /// import is caught at the door.
    fn from_str(input: &str) -> Result<RecordId, IdError> {
        let bad = |reason: String| IdError::BadUuid {
            what: "record id",
            input: input.to_string(),
            reason,
        };
        let uuid = Uuid::parse_str(input).map_err(|e| bad(e.to_string()))?;
        if uuid.get_version_num() != 7 || uuid.get_variant() != Variant::RFC4122 {
            return Err(bad(format!(
                "expected a version 7 UUID, found version {}",
                uuid.get_version_num()
            )));
        }
        Ok(RecordId(uuid))
    }
}

impl TryFrom<String> for RecordId {
    type Error = IdError;
    fn try_from(text: String) -> Result<RecordId, IdError> {
        text.parse()
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.to_string()
    }
}

/// One installation of the app (a browser profile on a phone, a tablet, ...), or the
/// server. It is part of every version stamp and of every mutation's replay key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct DeviceId(Uuid);

impl DeviceId {
    /// A random (version 4) device id from 16 random bytes supplied by the caller.
    pub fn from_random_bytes(random: [u8; 16]) -> DeviceId {
        DeviceId(Builder::from_random_bytes(random).into_uuid())
    }

    /// The 32 lowercase hex digits of the id, as used inside version stamps.
    pub fn simple(&self) -> String {
        self.0.simple().to_string()
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for DeviceId {
    type Err = IdError;
    fn from_str(input: &str) -> Result<DeviceId, IdError> {
        Uuid::parse_str(input).map(DeviceId).map_err(|e| IdError::BadUuid {
            what: "device id",
            input: input.to_string(),
            reason: e.to_string(),
        })
    }
}

impl TryFrom<String> for DeviceId {
    type Error = IdError;
    fn try_from(text: String) -> Result<DeviceId, IdError> {
        text.parse()
    }
}

impl From<DeviceId> for String {
    fn from(id: DeviceId) -> String {
        id.to_string()
    }
}

/// What a record holds, e.g. `ce_entry` or `reagent_lot`: it picks the body type and the
/// screens, and lets the store index records by kind.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Kind(String);

impl Kind {
    pub fn new(name: &str) -> Result<Kind, IdError> {
        let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let all_allowed = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if starts_with_letter && all_allowed && name.len() <= 64 {
            Ok(Kind(name.to_string()))
        } else {
            Err(IdError::BadKind {
                input: name.to_string(),
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Kind {
    type Error = IdError;
    fn try_from(text: String) -> Result<Kind, IdError> {
        Kind::new(&text)
    }
}

impl From<Kind> for String {
    fn from(kind: Kind) -> String {
        kind.0
    }
}

/// Checks the text of a user or lab id: these come from the server, so core only makes
/// sure they are printable and bounded.
fn check_text_id(what: &'static str, text: &str) -> Result<(), IdError> {
    let length = text.chars().count();
    if (1..=128).contains(&length) && !text.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(IdError::BadText {
            what,
            input: text.to_string(),
        })
    }
}

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn new(text: &str) -> Result<$name, IdError> {
                check_text_id($what, text).map(|()| $name(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(text: String) -> Result<$name, IdError> {
                $name::new(&text)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

text_id!(
    /// A user account's id, as the server assigns it. It also names the author of a write.
    UserId,
    "user id"
);
text_id!(
    /// A lab's id, as the server assigns it.
    LabId,
    "lab id"
);

/// Who may see a record: one user's devices, or every member of one lab. A record never
/// changes scope; merging records of different scopes is refused.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub enum Scope {
    Personal(UserId),
    Lab(LabId),
}

impl fmt::Display for Scope {
    /// `personal:<user id>` or `lab:<lab id>`: one string, so a store can index by it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Personal(user) => write!(f, "personal:{user}"),
            Scope::Lab(lab) => write!(f, "lab:{lab}"),
        }
    }
}

impl FromStr for Scope {
    type Err = IdError;
    fn from_str(input: &str) -> Result<Scope, IdError> {
        let bad = || IdError::BadScope {
            input: input.to_string(),
        };
        match input.split_once(':') {
            Some(("personal", user)) => Ok(Scope::Personal(UserId::new(user).map_err(|_| bad())?)),
            Some(("lab", lab)) => Ok(Scope::Lab(LabId::new(lab).map_err(|_| bad())?)),
            _ => Err(bad()),
        }
    }
}

impl TryFrom<String> for Scope {
    type Error = IdError;
    fn try_from(text: String) -> Result<Scope, IdError> {
        text.parse()
    }
}

impl From<Scope> for String {
    fn from(scope: Scope) -> String {
        scope.to_string()
    }
}

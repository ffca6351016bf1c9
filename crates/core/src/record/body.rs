//! Typed bodies: a feature declares a serde struct and a kind name, and converts between it
//! and a [`Record`] whose fields are the struct's top-level JSON keys.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::edit::{Change, EditContext, EditError};
use super::envelope::Record;
use super::ids::{IdError, Kind, RecordId, Scope};

/// A record kind's typed body. Each top-level key of the serialized struct is a field
/// with its own version, so two devices editing different fields never conflict.
///
/// ```
/// use benchmate_core::record::RecordBody;
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct CeEntry { title: String, hours: f64 }
/// impl RecordBody for CeEntry { const KIND: &'static str = "ce_entry"; }
/// ```
pub trait RecordBody: Serialize + DeserializeOwned {
    /// The kind name: 1 to 64 of `a-z`, `0-9` and `_`, starting with a letter.
    const KIND: &'static str;

    fn kind() -> Result<Kind, IdError> {
        Kind::new(Self::KIND)
    }
}

/// Why a body could not be read from or written to a record.
#[derive(Clone, Debug, PartialEq)]
pub enum BodyError {
    /// The body type's `KIND` is not a valid kind name (a programming error, reported anyway).
    BadKind(IdError),
    /// The record is of another kind than the body type asked for.
    WrongKind {
        id: RecordId,
        expected: Kind,
        found: Kind,
    },
    /// The body type does not serialize to a JSON object, so it has no fields.
    NotAnObject {
        kind: String,
    },
    /// The record's fields do not make a valid body of this type.
    Decode {
        id: RecordId,
        kind: Kind,
        reason: String,
    },
    Edit(EditError),
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::BadKind(e) => e.fmt(f),
            BodyError::WrongKind { id, expected, found } => write!(f, "record {id} is a {found}, not a {expected}"),
            BodyError::NotAnObject { kind } => write!(
                f,
                "a {kind} body must serialize to a JSON object (a struct with named fields)"
            ),
            BodyError::Decode { id, kind, reason } => {
                write!(f, "record {id} is not a valid {kind}: {reason}")
            }
            BodyError::Edit(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for BodyError {}

impl From<EditError> for BodyError {
    fn from(e: EditError) -> BodyError {
        BodyError::Edit(e)
    }
}

fn to_object<T: RecordBody>(body: &T) -> Result<Map<String, Value>, BodyError> {
    match serde_json::to_value(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(BodyError::NotAnObject {
            kind: T::KIND.to_string(),
        }),
    }
}

impl Record {
    /// A new record of `T`'s kind holding `body`, with the changes to put in the outbox.
    pub fn create<T: RecordBody>(
        ctx: &mut EditContext<'_>,
        id: RecordId,
        scope: Scope,
        body: &T,
    ) -> Result<(Record, Vec<Change>), BodyError> {
        let mut record = Record::new(id, T::kind().map_err(BodyError::BadKind)?, scope);
        let changes = record.set_body(ctx, body)?;
        Ok((record, changes))
    }

    /// Reads the current field values as a `T`. Cleared (null) fields are left out, so they
    /// read as `None` or as the field's serde default.
    pub fn body<T: RecordBody>(&self) -> Result<T, BodyError> {
        self.check_kind::<T>()?;
        let object: Map<String, Value> = self
            .fields()
            .keys()
            .filter_map(|name| self.get(name).map(|v| (name.clone(), v.clone())))
            .collect();
        serde_json::from_value(Value::Object(object)).map_err(|e| BodyError::Decode {
            id: self.id(),
            kind: self.kind().clone(),
            reason: e.to_string(),
        })
    }

    /// Writes `body` field by field: only changed fields get a new write. A field the type
    /// produced before but not now (an `Option` skipped when `None`) is cleared. Fields the
    /// type does not know are left alone, so an older app never erases a newer one's data.
    pub fn set_body<T: RecordBody>(&mut self, ctx: &mut EditContext<'_>, body: &T) -> Result<Vec<Change>, BodyError> {
        self.check_kind::<T>()?;
        let new = to_object(body)?;
        let old_keys: Vec<String> = match self.body::<T>() {
            Ok(old) => to_object(&old)?.into_iter().map(|(k, _)| k).collect(),
            Err(_) => Vec::new(),
        };
        let mut changes = Vec::new();
        for key in old_keys.iter().filter(|k| !new.contains_key(*k)) {
            changes.extend(self.set(ctx, key, Value::Null)?);
        }
        for (key, value) in new {
            changes.extend(self.set(ctx, &key, value)?);
        }
        Ok(changes)
    }

    fn check_kind<T: RecordBody>(&self) -> Result<(), BodyError> {
        let expected = T::kind().map_err(BodyError::BadKind)?;
        if self.kind() == &expected {
            Ok(())
        } else {
            Err(BodyError::WrongKind {
                id: self.id(),
                expected,
                found: self.kind().clone(),
            })
        }
    }
}

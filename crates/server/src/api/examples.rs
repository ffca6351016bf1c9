//! Example messages for the OpenAPI document, made by the same serde types the handlers
//! read and write, so the documented shapes are the real ones.

use benchmate_core::record::{DeviceId, EditContext, Hlc, Kind, LabId, Record, RecordId, Scope, UserId};
use benchmate_core::sync::{Cursor, Outbox, PullPage, PullRequest, PushRequest, PushResponse};
use serde_json::{json, Value};

use super::auth::{LoginRequest, LoginResponse, Me};
use crate::store::accounts::{Membership, Role, User};

/// 2026-11-25T12:00:00Z, a fixed time so the document does not change between requests.
const NOON_MILLIS: u64 = 1_795_608_000_000;

fn to_value<T: serde::Serialize>(message: &T) -> Value {
    serde_json::to_value(message).unwrap_or(Value::Null)
}

pub fn login_request() -> Value {
    to_value(&LoginRequest {
        email: "alice@lab.example".into(),
        password: "correct horse battery staple".into(),
    })
}

pub fn login_response() -> Value {
    to_value(&LoginResponse {
        token: "q3Yh2kP0vS9bX1mN7cR4tW8eL6uJ5aZ-fG0dH3iK2oB".into(),
        expires_at: NOON_MILLIS + super::SESSION_MILLIS,
    })
}

pub fn me() -> Value {
    to_value(&Me {
        user: User {
            id: "u-0a1b2c3d4e5f60718293a4b5c6d7e8f9".into(),
            email: "alice@lab.example".into(),
        },
        personal_scope: "personal:u-0a1b2c3d4e5f60718293a4b5c6d7e8f9".into(),
        labs: vec![Membership {
            lab_id: "l-f9e8d7c6b5a4938271605f4e3d2c1b0a".into(),
            name: "Core Lab".into(),
            role: Role::Member,
            scope: "lab:l-f9e8d7c6b5a4938271605f4e3d2c1b0a".into(),
        }],
    })
}

/// A record a device created, and the push that carries it.
fn example_push() -> Option<(PushRequest, Record)> {
    let device = DeviceId::from_random_bytes([7; 16]);
    let mut clock = Hlc::new(device);
    let user = UserId::new("u-0a1b2c3d4e5f60718293a4b5c6d7e8f9").ok()?;
    let scope = Scope::Lab(LabId::new("l-f9e8d7c6b5a4938271605f4e3d2c1b0a").ok()?);
    let mut record = Record::new(
        RecordId::new_v7(NOON_MILLIS, [3; 10]).ok()?,
        Kind::new("reagent_lot").ok()?,
        scope,
    );
    let mut ctx = EditContext {
        clock: &mut clock,
        now_millis: NOON_MILLIS,
        author: Some(user),
    };
    let change = record.set(&mut ctx, "lot_number", json!("A1234")).ok()??;
    let mut outbox = Outbox::new(device);
    outbox.enqueue(&record, vec![change]);
    Some((outbox.next_batch(PushRequest::MAX_MUTATIONS), record))
}

pub fn push_request() -> Value {
    example_push().map_or(Value::Null, |(request, _)| to_value(&request))
}

pub fn push_response() -> Value {
    to_value(&PushResponse {
        acknowledged_up_to: 1,
        rejected: Vec::new(),
    })
}

pub fn pull_page() -> Value {
    example_push().map_or(Value::Null, |(_, record)| {
        let request = PullRequest {
            scope: record.scope().clone(),
            cursor: Cursor::START,
            limit: 100,
        };
        to_value(&PullPage::from_rows(&request, vec![(1, record)]))
    })
}

//! The device side's pure decisions: what the sync indicator says, how long to wait before
//! retrying, and which attachments a record refers to.

use serde_json::Value;

use crate::record::{ContentHash, Record};

/// What the sync indicator shows, decided from the facts the app has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncStatus {
    /// No account on this device: everything stays here, and that is fine.
    SignedOut,
    Syncing,
    /// The browser says it has no network; `pending` changes wait for it.
    Offline {
        pending: u32,
    },
    /// The last sync failed; it is retried by itself.
    Failed {
        reason: String,
        pending: u32,
    },
    /// Changes wait for the next sync (which is due shortly).
    Pending(u32),
    Synced,
}

impl SyncStatus {
    /// Picks the status: syncing beats offline (a sync in flight says so), offline beats an
    /// old error (the error is most likely the lost network), and an error beats a count.
    pub fn decide(signed_in: bool, online: bool, syncing: bool, pending: u32, error: Option<&str>) -> SyncStatus {
        match (signed_in, syncing, online, error) {
            (false, _, _, _) => SyncStatus::SignedOut,
            (true, true, _, _) => SyncStatus::Syncing,
            (true, false, false, _) => SyncStatus::Offline { pending },
            (true, false, true, Some(reason)) => SyncStatus::Failed {
                reason: reason.to_string(),
                pending,
            },
            (true, false, true, None) if pending > 0 => SyncStatus::Pending(pending),
            (true, false, true, None) => SyncStatus::Synced,
        }
    }

    /// The indicator's text: words, so it never depends on colour.
    pub fn text(&self) -> String {
        match self {
            SyncStatus::SignedOut => "On this device only".to_string(),
            SyncStatus::Syncing => "Syncing…".to_string(),
            SyncStatus::Offline { pending: 0 } => "Offline".to_string(),
            SyncStatus::Offline { pending } => format!("Offline, {} waiting", changes(*pending)),
            SyncStatus::Failed { reason, .. } => format!("Sync failed: {reason}"),
            SyncStatus::Pending(pending) => format!("{} waiting", changes(*pending)),
            SyncStatus::Synced => "Synced".to_string(),
        }
    }

    /// A stable name for styling and tests (`data-status`).
    pub fn name(&self) -> &'static str {
        match self {
            SyncStatus::SignedOut => "signed-out",
            SyncStatus::Syncing => "syncing",
            SyncStatus::Offline { .. } => "offline",
            SyncStatus::Failed { .. } => "error",
            SyncStatus::Pending(_) => "pending",
            SyncStatus::Synced => "synced",
        }
    }
}

/// "1 change", "3 changes".
pub fn changes(count: u32) -> String {
    if count == 1 {
        "1 change".to_string()
    } else {
        format!("{count} changes")
    }
}

/// Seconds to wait before retrying after `failures` failed syncs in a row (1 for the first):
/// 15 s, doubling, at most 5 minutes, so a server that is down is not hammered by every
/// device of a lab, and one that comes back is found within minutes. A server's own
/// `Retry-After` (a sign-in rate limit) wins when it is longer.
pub fn retry_delay_secs(failures: u32, retry_after: Option<u32>) -> u32 {
    const FIRST: u32 = 15;
    const MAX: u32 = 300;
    let doubled = FIRST.saturating_mul(1u32 << failures.saturating_sub(1).min(10));
    doubled.min(MAX).max(retry_after.unwrap_or(0))
}

/// The attachments `record` refers to: every `sha256` member holding a well-formed hash in
/// its current field values, at any depth (an `AttachmentRef` anywhere in a body), in order
/// and without repeats.
pub fn referenced_attachments(record: &Record) -> Vec<ContentHash> {
    let mut found = Vec::new();
    for field in record.fields().keys() {
        if let Some(value) = record.get(field) {
            collect_hashes(value, &mut found);
        }
    }
    found
}

fn collect_hashes(value: &Value, found: &mut Vec<ContentHash>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                match (key.as_str(), member) {
                    ("sha256", Value::String(text)) => {
                        if let Ok(hash) = text.parse::<ContentHash>() {
                            if !found.contains(&hash) {
                                found.push(hash);
                            }
                        }
                    }
                    _ => collect_hashes(member, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_hashes(item, found)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, EditContext, Hlc, Kind, RecordId};
    use serde_json::json;

    #[test]
    fn the_status_shown_for_each_situation() {
        let check = |signed_in, online, syncing, pending, error: Option<&str>, expect: &str, name: &str| {
            let status = SyncStatus::decide(signed_in, online, syncing, pending, error);
            assert_eq!((status.text().as_str(), status.name()), (expect, name), "{status:?}");
        };
        check(false, true, false, 4, None, "On this device only", "signed-out");
        check(true, true, true, 4, Some("x"), "Syncing…", "syncing");
        check(true, false, false, 0, None, "Offline", "offline");
        check(
            true,
            false,
            false,
            1,
            Some("unreachable"),
            "Offline, 1 change waiting",
            "offline",
        );
        check(
            true,
            true,
            false,
            2,
            Some("the server is unreachable"),
            "Sync failed: the server is unreachable",
            "error",
        );
        check(true, true, false, 3, None, "3 changes waiting", "pending");
        check(true, true, false, 0, None, "Synced", "synced");
    }

    #[test]
    fn retries_back_off_and_respect_the_server() {
        let check = |failures, retry_after, expect| {
            assert_eq!(
                retry_delay_secs(failures, retry_after),
                expect,
                "{failures} {retry_after:?}"
            );
        };
        check(0, None, 15);
        check(1, None, 15);
        check(2, None, 30);
        check(3, None, 60);
        check(5, None, 240);
        check(6, None, 300);
        check(u32::MAX, None, 300);
        check(1, Some(900), 900);
        check(4, Some(10), 120);
    }

    #[test]
    fn attachments_are_found_at_any_depth_once() {
        let a = "a".repeat(64);
        let b = "b".repeat(64);
        let device = DeviceId::from_random_bytes([4; 16]);
        let mut clock = Hlc::new(device);
        let mut record = Record::new(
            RecordId::new_v7(1_700_000_000_000, [5; 10]).unwrap(),
            Kind::new("ce_entry").unwrap(),
            "personal:u-1".parse().unwrap(),
        );
        let mut ctx = EditContext {
            clock: &mut clock,
            now_millis: 1_700_000_000_000,
            author: None,
        };
        record
            .set(
                &mut ctx,
                "certificate",
                json!({"sha256": a, "media_type": "image/jpeg"}),
            )
            .unwrap();
        record
            .set(&mut ctx, "extras", json!([{"file": {"sha256": b}}, {"sha256": a}]))
            .unwrap();
        record.set(&mut ctx, "note", json!({"sha256": "not a hash"})).unwrap();
        record.set(&mut ctx, "title", json!(b)).unwrap();
        let found: Vec<String> = referenced_attachments(&record).iter().map(|h| h.to_string()).collect();
        assert_eq!(found, vec![a, b]);
    }
}

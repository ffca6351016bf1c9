//! A push batch is applied as a whole: a record edited several times in one batch is merged
//! in order and stored once, at one new server seq, beside other records and refused
//! mutations, on SQLite and PostgreSQL alike.

mod common;

use benchmate_core::record::{LabId, Scope};
use benchmate_core::sync::{PullPage, PushResponse};
use common::device::Device;
use common::TestServer;
use serde_json::json;

#[tokio::test]
async fn a_record_edited_several_times_in_one_batch_is_stored_once_with_every_write() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let mine = Scope::Personal(alice.id.clone());
    // A lab Alice is not a member of: its mutations are refused one by one, not the batch.
    let foreign = Scope::Lab(LabId::new("l-not-alices").unwrap());
    let mut phone = Device::new(&alice);
    let lot = phone.create(&mine, &[("lot", json!("A1"))]);
    phone.set(lot, "expiry", json!("2027-01-31"));
    let refused = phone.create(&foreign, &[("lot", json!("X"))]);
    let other = phone.create(&mine, &[("lot", json!("B1"))]);
    phone.set(lot, "lot", json!("A2"));
    assert_eq!(phone.outbox.pending().len(), 5);

    let responses = phone.push(&server, 50).await;
    let answer: &PushResponse = &responses[0];
    assert_eq!(responses.len(), 1, "one batch");
    assert_eq!(answer.acknowledged_up_to, 5);
    let rejected: Vec<_> = answer.rejected.iter().map(|r| (r.seq, r.record)).collect();
    assert_eq!(rejected, vec![(3, refused)]);

    let (status, body) = server
        .get(&format!("/api/v1/sync/pull?scope={mine}&cursor=0"), Some(&alice.token))
        .await;
    assert_eq!(status, 200, "{body}");
    let page: PullPage = serde_json::from_value(body).unwrap();
    // Two records changed: two new seqs, in the order they first changed, each record once.
    let order: Vec<_> = page.changes.iter().map(|c| (c.server_seq, c.record.id())).collect();
    assert_eq!(order, vec![(1, lot), (2, other)]);
    assert_eq!(page.next_cursor.0, 2);
    let stored = &page.changes[0].record;
    assert_eq!(stored.get("lot"), Some(&json!("A2")));
    assert_eq!(stored.get("expiry"), Some(&json!("2027-01-31")));
    assert_eq!(
        stored.field_history("lot").len(),
        2,
        "the first value is kept in history"
    );

    // The next batch edits the stored record again: it moves to the next seq, once.
    phone.set(lot, "expiry", json!("2027-02-28"));
    phone.set(lot, "expiry", json!("2027-03-31"));
    phone.push(&server, 50).await;
    let (_, body) = server
        .get(&format!("/api/v1/sync/pull?scope={mine}&cursor=2"), Some(&alice.token))
        .await;
    let page: PullPage = serde_json::from_value(body).unwrap();
    let order: Vec<_> = page.changes.iter().map(|c| (c.server_seq, c.record.id())).collect();
    assert_eq!(order, vec![(3, lot)]);
    assert_eq!(page.changes[0].record.get("expiry"), Some(&json!("2027-03-31")));
    assert_eq!(page.changes[0].record.get("lot"), Some(&json!("A2")));
}

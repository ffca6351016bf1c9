//! Two and three devices edit the same and different fields of shared records offline,
//! then sync in every order: every copy ends the same as the server's, and every value
//! anyone saved is either current or in the record's history.

mod common;

use std::collections::BTreeSet;

use benchmate_core::record::{Record, RecordId, Scope};
use benchmate_server::store::accounts::Role;
use common::device::Device;
use common::TestServer;
use serde_json::{json, Value};

/// Every permutation of `0..n`.
fn orders(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for rest in orders(n - 1) {
        for position in 0..=rest.len() {
            let mut order = rest.clone();
            order.insert(position, n - 1);
            all.push(order);
        }
    }
    all
}

/// The values a field has held, current or in its history.
fn values_of(record: &Record, field: &str) -> BTreeSet<String> {
    record
        .field_history(field)
        .into_iter()
        .map(|entry| entry.new.to_string())
        .collect()
}

fn check_kept(record: &Record, field: &str, expect: &[Value]) {
    let kept = values_of(record, field);
    for value in expect {
        assert!(kept.contains(&value.to_string()), "{field} lost {value}: kept {kept:?}");
    }
}

/// Syncs the devices in `order` twice over (the second round carries the later devices'
/// changes to the earlier ones), pushing in batches of `batch`.
async fn sync_in_order(
    server: &TestServer,
    devices: &mut [Device],
    scopes: &[Vec<Scope>],
    order: &[usize],
    batch: usize,
) {
    for _round in 0..2 {
        for &index in order {
            devices[index].push(server, batch).await;
            for scope in &scopes[index] {
                devices[index].pull(server, scope, 2).await;
            }
        }
    }
}

/// The server's copy of a record, read by a fresh pull of its scope.
async fn server_copy(server: &TestServer, token: &str, scope: &Scope, id: RecordId) -> Record {
    let (status, body) = server
        .get(&format!("/api/v1/sync/pull?scope={scope}&cursor=0"), Some(token))
        .await;
    assert_eq!(status, 200, "{body}");
    let page: benchmate_core::sync::PullPage = serde_json::from_value(body).unwrap();
    let copies: Vec<_> = page.changes.into_iter().filter(|c| c.record.id() == id).collect();
    assert_eq!(copies.len(), 1, "a record appears once in a pull");
    copies[0].record.clone()
}

#[tokio::test]
async fn three_devices_converge_in_every_order_and_lose_nothing() {
    for order in orders(3) {
        let server = TestServer::new().await;
        let alice = server.user("alice@lab.example").await;
        let bob = server.user("bob@lab.example").await;
        let lab = server
            .lab("Core lab", &[(&alice, Role::Member), (&bob, Role::Supervisor)])
            .await;
        let personal = Scope::Personal(alice.id.clone());
        let lab = Scope::Lab(lab);
        let mut devices = vec![Device::new(&alice), Device::new(&alice), Device::new(&bob)];
        let scopes = vec![
            vec![personal.clone(), lab.clone()],
            vec![personal.clone(), lab.clone()],
            vec![lab.clone()],
        ];

        // Alice's phone creates a personal and a lab record; everyone syncs once.
        let p = devices[0].create(&personal, &[("title", json!("t0")), ("hours", json!(1))]);
        let l = devices[0].create(&lab, &[("lot", json!("x")), ("qty", json!(1))]);
        sync_in_order(&server, &mut devices, &scopes, &[0, 1, 2], 50).await;
        assert!(devices[1].records.contains_key(&p) && devices[2].records.contains_key(&l));

        // Offline: the same fields on two devices, and different fields.
        devices[0].set(p, "title", json!("a1"));
        devices[0].set(p, "hours", json!(2));
        devices[0].set(l, "qty", json!(10));
        devices[1].set(p, "title", json!("a2"));
        devices[1].set(p, "note", json!("n2"));
        devices[1].set(l, "lot", json!("y"));
        devices[2].set(l, "qty", json!(20));
        devices[2].set(l, "location", json!("fridge"));

        sync_in_order(&server, &mut devices, &scopes, &order, 1).await;

        let server_p = server_copy(&server, &alice.token, &personal, p).await;
        let server_l = server_copy(&server, &bob.token, &lab, l).await;
        assert_eq!(devices[0].records[&p], server_p, "order {order:?}");
        assert_eq!(devices[1].records[&p], server_p, "order {order:?}");
        for device in &devices {
            assert_eq!(device.records[&l], server_l, "order {order:?}");
        }
        assert!(
            !devices[2].records.contains_key(&p),
            "Bob never sees Alice's personal record"
        );

        check_kept(&server_p, "title", &[json!("t0"), json!("a1"), json!("a2")]);
        check_kept(&server_p, "hours", &[json!(1), json!(2)]);
        check_kept(&server_p, "note", &[json!("n2")]);
        check_kept(&server_l, "qty", &[json!(1), json!(10), json!(20)]);
        check_kept(&server_l, "lot", &[json!("x"), json!("y")]);
        check_kept(&server_l, "location", &[json!("fridge")]);
        // Different fields merge cleanly; the same field edited on two devices is a conflict.
        assert_eq!(server_p.get("hours"), Some(&json!(2)));
        assert_eq!(server_p.get("note"), Some(&json!("n2")));
        assert_eq!(server_p.conflicted_fields(), vec!["title"], "order {order:?}");
        assert_eq!(server_l.conflicted_fields(), vec!["qty"], "order {order:?}");
        assert_eq!(server_l.get("lot"), Some(&json!("y")));
    }
}

#[tokio::test]
async fn two_devices_converge_in_both_orders() {
    for order in orders(2) {
        let server = TestServer::new().await;
        let alice = server.user("alice@lab.example").await;
        let personal = Scope::Personal(alice.id.clone());
        let mut devices = vec![Device::new(&alice), Device::new(&alice)];
        let scopes = vec![vec![personal.clone()], vec![personal.clone()]];
        // Each device creates a record offline and edits the other's after one sync.
        let first = devices[0].create(&personal, &[("title", json!("from phone"))]);
        let second = devices[1].create(&personal, &[("title", json!("from tablet"))]);
        sync_in_order(&server, &mut devices, &scopes, &order, 50).await;
        devices[0].set(second, "title", json!("phone edit"));
        devices[1].set(second, "hours", json!(3));
        devices[1].set(first, "title", json!("tablet edit"));
        sync_in_order(&server, &mut devices, &scopes, &order, 50).await;
        assert_eq!(devices[0].records, devices[1].records, "order {order:?}");
        assert_eq!(devices[0].records.len(), 2);
        let second_record = &devices[0].records[&second];
        assert_eq!(second_record.get("title"), Some(&json!("phone edit")));
        assert_eq!(second_record.get("hours"), Some(&json!(3)));
        assert!(second_record.conflicted_fields().is_empty());
        assert_eq!(devices[0].records[&first].get("title"), Some(&json!("tablet edit")));
    }
}

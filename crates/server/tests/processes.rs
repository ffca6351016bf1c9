//! Separate server processes: two servers on one database give the same guarantees as one
//! (PostgreSQL when `BENCHMATE_TEST_POSTGRES` is set, else one SQLite file), and a server killed with
//! SIGKILL in the middle of a push, then restarted, applies the retried push exactly once.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use benchmate_core::record::Scope;
use benchmate_core::sync::{PullPage, PushResponse};
use benchmate_server::store::accounts::Role;
use common::device::Device;
use common::process::ServerProcess;
use common::TestServer;
use serde_json::{json, Value};

/// Every change of `scope` through `server`, paging with `limit`.
async fn pull_everything(server: &ServerProcess, token: &str, scope: &Scope) -> Vec<(u64, Value)> {
    let mut cursor = 0;
    let mut all = Vec::new();
    loop {
        let path = format!("/api/v1/sync/pull?scope={scope}&cursor={cursor}&limit=37");
        let (status, body) = server
            .request("GET", &path, Some(token), None)
            .await
            .expect("pull answers");
        assert_eq!(status, 200, "{body}");
        let page: PullPage = serde_json::from_value(body).unwrap();
        all.extend(
            page.changes
                .iter()
                .map(|c| (c.server_seq, serde_json::to_value(&c.record).unwrap())),
        );
        cursor = page.next_cursor.0;
        if !page.has_more {
            return all;
        }
    }
}

#[tokio::test]
async fn two_servers_on_one_database_agree() {
    let harness = TestServer::new().await;
    let alice = harness.user("alice@lab.example").await;
    let bob = harness.user("bob@lab.example").await;
    let lab = Scope::Lab(
        harness
            .lab("Lab", &[(&alice, Role::Member), (&bob, Role::Member)])
            .await,
    );
    let data = tempfile::tempdir().unwrap();
    // Two processes on the harness's database (its SQLite folder, or its PostgreSQL database).
    let location = harness.location.clone();
    let data_dir = match &location {
        benchmate_server::db::Location::Sqlite(dir) => dir.clone(),
        benchmate_server::db::Location::Postgres(_) => data.path().to_path_buf(),
    };
    let servers = Arc::new([
        ServerProcess::start(&location, &data_dir),
        ServerProcess::start(&location, &data_dir),
    ]);

    // Four devices push 60 records each into one lab scope, in batches of 7, each batch
    // sent to both servers at once (a retry racing the original).
    let mut tasks = Vec::new();
    for (n, account) in [&alice, &bob, &alice, &bob].into_iter().enumerate() {
        let mut device = Device::new(account);
        for k in 0..60 {
            device.create(&lab, &[("n", json!(format!("{n}-{k}")))]);
        }
        let servers = servers.clone();
        let token = account.token.clone();
        tasks.push(tokio::spawn(async move {
            while !device.outbox.pending().is_empty() {
                let batch = serde_json::to_value(device.outbox.next_batch(7)).unwrap();
                let (first, second) = tokio::join!(
                    servers[0].request("POST", "/api/v1/sync/push", Some(&token), Some(&batch)),
                    servers[1].request("POST", "/api/v1/sync/push", Some(&token), Some(&batch)),
                );
                for (status, body) in [first.unwrap(), second.unwrap()] {
                    assert_eq!(status, 200, "{body}");
                    let response: PushResponse = serde_json::from_value(body).unwrap();
                    assert!(response.rejected.is_empty());
                    device.outbox.acknowledge(response.acknowledged_up_to).unwrap();
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }

    // Both servers show the same feed: 240 records, seqs 1..=240 with no gap or repeat.
    let one = pull_everything(&servers[0], &alice.token, &lab).await;
    let two = pull_everything(&servers[1], &bob.token, &lab).await;
    assert_eq!(one, two);
    let seqs: Vec<u64> = one.iter().map(|(seq, _)| *seq).collect();
    assert_eq!(seqs, (1..=240).collect::<Vec<u64>>());
    let values: BTreeSet<String> = one.iter().map(|(_, r)| r["fields"]["n"].to_string()).collect();
    assert_eq!(values.len(), 240);

    // A sign-in lock taken on one server holds on the other.
    for _ in 0..benchmate_server::auth::login_limit::MAX_FAILURES_PER_ACCOUNT {
        let wrong = json!({ "email": "alice@lab.example", "password": "guess guess" });
        let (status, _) = servers[0]
            .request("POST", "/api/v1/auth/login", None, Some(&wrong))
            .await
            .unwrap();
        assert_eq!(status, 401);
    }
    let right = json!({ "email": "alice@lab.example", "password": common::PASSWORD });
    let (status, _) = servers[1]
        .request("POST", "/api/v1/auth/login", None, Some(&right))
        .await
        .unwrap();
    assert_eq!(status, 429);
    // Signing out everywhere on one server ends the session on the other.
    servers[0]
        .request("POST", "/api/v1/auth/logout-everywhere", Some(&bob.token), None)
        .await
        .unwrap();
    let (status, _) = servers[1]
        .request("GET", "/api/v1/me", Some(&bob.token), None)
        .await
        .unwrap();
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_server_killed_during_a_push_applies_the_retry_once() {
    let harness = TestServer::new().await;
    let alice = harness.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let data = tempfile::tempdir().unwrap();
    let location = harness.location.clone();
    let data_dir = match &location {
        benchmate_server::db::Location::Sqlite(dir) => dir.clone(),
        benchmate_server::db::Location::Postgres(_) => data.path().to_path_buf(),
    };
    let mut device = Device::new(&alice);
    for k in 0..400 {
        device.create(&scope, &[("n", json!(k)), ("note", json!("x".repeat(200)))]);
    }
    let batch = serde_json::to_value(device.outbox.next_batch(400)).unwrap();

    // Kill the server at several moments after the push was sent: before it read the
    // request, during the transaction, or after the commit; the retry must fix each.
    for delay_ms in [0u64, 5, 20, 60, 150] {
        let mut server = ServerProcess::start(&location, &data_dir);
        let push = server.request("POST", "/api/v1/sync/push", Some(&alice.token), Some(&batch));
        let kill_after = tokio::time::sleep(std::time::Duration::from_millis(delay_ms));
        // Whichever comes first: the answer, or the client hanging up and the server being killed.
        tokio::select! {
            _ = push => {},
            _ = kill_after => {},
        }
        server.kill();
    }
    let server = ServerProcess::start(&location, &data_dir);
    let (status, body) = server
        .request("POST", "/api/v1/sync/push", Some(&alice.token), Some(&batch))
        .await
        .unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["acknowledged_up_to"], 400);
    let all = pull_everything(&server, &alice.token, &scope).await;
    let seqs: Vec<u64> = all.iter().map(|(seq, _)| *seq).collect();
    assert_eq!(seqs, (1..=400).collect::<Vec<u64>>(), "every record once, no gaps");
}

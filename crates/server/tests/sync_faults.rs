//! Pushes that are lost, repeated, cut off or refused: each applies once or not at all, and
//! the refusals are 4xx JSON errors naming the problem with nothing written.

mod common;

use benchmate_core::record::{Scope, MAX_FORWARD_DRIFT_MILLIS};
use benchmate_core::sync::{PullPage, PushRequest, PushResponse};
use benchmate_server::auth::now_millis;
use common::device::Device;
use common::TestServer;
use serde_json::{json, Value};

async fn pull_all(server: &TestServer, token: &str, scope: &Scope) -> PullPage {
    let (status, body) = server
        .get(&format!("/api/v1/sync/pull?scope={scope}&cursor=0"), Some(token))
        .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_value(body).unwrap()
}

async fn push_raw(server: &TestServer, token: &str, request: &Value) -> (u16, Value) {
    let (status, body) = server.post_json("/api/v1/sync/push", Some(token), request).await;
    (status.as_u16(), body)
}

#[tokio::test]
async fn a_push_whose_answer_was_lost_applies_once_when_retried() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let mut phone = Device::new(&alice);
    for n in 0..5 {
        phone.create(&scope, &[("n", json!(n))]);
    }
    let batch = serde_json::to_value(phone.outbox.next_batch(3)).unwrap();
    // The first answer is lost on the way back; the device sends the same batch again,
    // twice, then the whole outbox (which overlaps it).
    for _ in 0..3 {
        let (status, body) = push_raw(&server, &alice.token, &batch).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["acknowledged_up_to"], 3);
    }
    let responses = phone.push(&server, 50).await;
    assert_eq!(responses.last().unwrap().acknowledged_up_to, 5);
    let page = pull_all(&server, &alice.token, &scope).await;
    // 5 records, each changed once: server seqs 1..=5 and nothing doubled.
    let seqs: Vec<u64> = page.changes.iter().map(|c| c.server_seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4, 5]);
    assert_eq!(page.next_cursor.0, 5);
    for change in &page.changes {
        assert_eq!(change.record.field_history("n").len(), 1, "each write stored once");
    }
}

#[tokio::test]
async fn a_batch_with_one_bad_mutation_writes_nothing() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let mut phone = Device::new(&alice);
    phone.create(&scope, &[("n", json!(1))]);
    phone.create(&scope, &[("n", json!(2))]);
    let batch = serde_json::to_value(phone.outbox.next_batch(10)).unwrap();

    // A stamp a day ahead of the server's clock on the second mutation.
    let far = now_millis() + MAX_FORWARD_DRIFT_MILLIS + 24 * 3600 * 1000;
    let stamp = batch["mutations"][1]["changes"][0]["write"]["stamp"]
        .as_str()
        .unwrap()
        .to_string();
    let far_stamp = format!("{far:016x}{}", &stamp[16..]);
    let mut far_future = batch.clone();
    far_future["mutations"][1]["changes"][0]["write"]["stamp"] = json!(far_stamp);
    let (status, body) = push_raw(&server, &alice.token, &far_future).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("mutation 2: version stamp"),
        "{body}"
    );
    assert!(
        body["error"].as_str().unwrap().contains("ahead of this clock"),
        "{body}"
    );

    // A write claiming another author.
    let mut other_author = batch.clone();
    other_author["mutations"][0]["changes"][0]["write"]["author"] = json!("u-someone-else");
    let (status, body) = push_raw(&server, &alice.token, &other_author).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("another user as the author"),
        "{body}"
    );

    // Seqs out of order.
    let mut reordered = batch.clone();
    reordered["mutations"].as_array_mut().unwrap().reverse();
    let (status, body) = push_raw(&server, &alice.token, &reordered).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"].as_str().unwrap().contains("out of order"), "{body}");

    let page = pull_all(&server, &alice.token, &scope).await;
    assert!(page.changes.is_empty(), "nothing was written: {page:?}");

    // The untouched batch then goes in whole.
    let (status, body) = push_raw(&server, &alice.token, &batch).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(pull_all(&server, &alice.token, &scope).await.changes.len(), 2);
}

#[tokio::test]
async fn batches_over_the_limit_are_refused_whole() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let mut phone = Device::new(&alice);
    for n in 0..=PushRequest::MAX_MUTATIONS {
        phone.create(&scope, &[("n", json!(n))]);
    }
    let batch = serde_json::to_value(phone.outbox.next_batch(PushRequest::MAX_MUTATIONS + 1)).unwrap();
    let (status, body) = push_raw(&server, &alice.token, &batch).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["error"], "a push holds at most 500 mutations, this one has 501");
    assert!(pull_all(&server, &alice.token, &scope).await.changes.is_empty());

    // A body over the byte limit is refused before it is read as JSON.
    let huge = format!(
        r#"{{"device": "{}", "mutations": [], "pad": "{}"}}"#,
        phone.outbox.device(),
        "x".repeat(5 << 20)
    );
    let (status, body) = server
        .send(
            axum::http::Method::POST,
            "/api/v1/sync/push",
            Some(&alice.token),
            Some("application/json"),
            huge.into_bytes(),
        )
        .await;
    assert_eq!(status, 413, "{body}");
    assert!(body["error"]
        .as_str()
        .unwrap()
        .contains("larger than this route accepts"));
}

#[tokio::test]
async fn pulls_page_through_a_scope_and_refuse_a_cursor_from_the_future() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let mut phone = Device::new(&alice);
    let ids: Vec<_> = (0..7).map(|n| phone.create(&scope, &[("n", json!(n))])).collect();
    phone.push(&server, 50).await;
    // An edit of the first record moves it to the end of the feed (seq 8).
    phone.set(ids[0], "n", json!(100));
    let acknowledged: Vec<PushResponse> = phone.push(&server, 50).await;
    assert_eq!(acknowledged[0].acknowledged_up_to, 8);

    let mut cursor = 0;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let (status, body) = server
            .get(
                &format!("/api/v1/sync/pull?scope={scope}&cursor={cursor}&limit=3"),
                Some(&alice.token),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let page: PullPage = serde_json::from_value(body).unwrap();
        pages += 1;
        seen.extend(page.changes.iter().map(|c| (c.server_seq, c.record.id())));
        cursor = page.next_cursor.0;
        if !page.has_more {
            break;
        }
    }
    // Seqs 2..=8 (seq 1 was the first record's creation, superseded by its edit at 8):
    // 7 records in pages of 3, 3 and 1.
    assert_eq!(pages, 3);
    assert_eq!(
        seen.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        vec![2, 3, 4, 5, 6, 7, 8]
    );
    assert_eq!(seen.last().unwrap().1, ids[0]);

    for (query, expect) in [
        (
            format!("scope={scope}&cursor=9"),
            "cursor 9 is ahead of the latest change",
        ),
        (format!("scope={scope}&cursor=99999999999999999999"), "bad pull query"),
        (format!("scope={scope}&cursor=-1"), "bad pull query"),
        (format!("scope={scope}"), "missing field `cursor`"),
        (
            "scope=everything&cursor=0".to_string(),
            "scope \"everything\" is not valid",
        ),
        (format!("scope={scope}&cursor=0&admin=1"), "unknown field `admin`"),
    ] {
        let (status, body) = server
            .get(&format!("/api/v1/sync/pull?{query}"), Some(&alice.token))
            .await;
        assert_eq!(status, 400, "{query}: {body}");
        let message = body["error"].as_str().unwrap();
        assert!(
            message.contains(expect),
            "{query}: {message:?} should mention {expect:?}"
        );
    }
}

#[tokio::test]
async fn a_mutation_that_changes_a_records_kind_is_rejected_and_acknowledged() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let mut phone = Device::new(&alice);
    let id = phone.create(&scope, &[("title", json!("a"))]);
    phone.push(&server, 10).await;
    phone.set(id, "title", json!("b"));
    let mut batch = serde_json::to_value(phone.outbox.next_batch(10)).unwrap();
    batch["mutations"][0]["kind"] = json!("reagent_lot");
    let (status, body) = push_raw(&server, &alice.token, &batch).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["acknowledged_up_to"], 2);
    let reason = body["rejected"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("a record never changes kind"), "{reason}");
    let page = pull_all(&server, &alice.token, &scope).await;
    assert_eq!(page.changes.len(), 1);
    assert_eq!(
        page.changes[0].record.get("title"),
        Some(&json!("a")),
        "the refused write is not applied"
    );
}

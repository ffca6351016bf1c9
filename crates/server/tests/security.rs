//! Who may do what: anonymous, another lab's member, a member and a supervisor against
//! every endpoint that touches data, in a personal and a lab scope; and guessed ids.

mod common;

use axum::http::Method;
use benchmate_core::record::{ContentHash, Scope};
use benchmate_core::sync::PullPage;
use benchmate_server::store::accounts::Role;
use common::device::Device;
use common::{Account, TestServer};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Allowed,
    /// Signed in, but not the scope's: refused with no hint of what exists.
    Denied,
    /// Not signed in.
    Anonymous,
}

struct World {
    server: TestServer,
    alice: Account,
    bob: Account,
    carol: Account,
    personal: Scope,
    lab: Scope,
}

/// Alice is a member and Bob a supervisor of lab A; Carol belongs to lab B only.
async fn world() -> World {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let bob = server.user("bob@lab.example").await;
    let carol = server.user("carol@other.example").await;
    let lab_a = server
        .lab("Lab A", &[(&alice, Role::Member), (&bob, Role::Supervisor)])
        .await;
    server.lab("Lab B", &[(&carol, Role::Member)]).await;
    let personal = Scope::Personal(alice.id.clone());
    World {
        server,
        personal,
        lab: Scope::Lab(lab_a),
        alice,
        bob,
        carol,
    }
}

/// The number of records a legitimate reader sees in `scope`.
async fn count(world: &World, scope: &Scope) -> usize {
    let (status, body) = world
        .server
        .get(
            &format!("/api/v1/sync/pull?scope={scope}&cursor=0"),
            Some(&world.alice.token),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_value::<PullPage>(body).unwrap().changes.len()
}

async fn check(world: &World, who: &str, account: Option<&Account>, scope: &Scope, expect: Expect) {
    let server = &world.server;
    let token = account.map(|a| a.token.as_str());
    let case = format!("{who} on {scope}");
    let before = count(world, scope).await;

    // Push one new record into the scope.
    let mut device = Device::new(account.unwrap_or(&world.alice));
    device.create(scope, &[("title", json!("probe"))]);
    let push = serde_json::to_value(device.outbox.next_batch(10)).unwrap();
    let (status, body) = server.post_json("/api/v1/sync/push", token, &push).await;
    match expect {
        Expect::Allowed => {
            assert_eq!(status, 200, "{case}: {body}");
            assert!(body.get("rejected").is_none(), "{case}: {body}");
            assert_eq!(count(world, scope).await, before + 1, "{case}");
        }
        Expect::Denied => {
            assert_eq!(status, 200, "{case}: {body}");
            assert_eq!(
                body["rejected"][0]["reason"],
                format!("you may not write to {scope}"),
                "{case}"
            );
            assert_eq!(count(world, scope).await, before, "{case}: nothing written");
        }
        Expect::Anonymous => {
            assert_eq!(status, 401, "{case}: {body}");
            assert_eq!(count(world, scope).await, before, "{case}: nothing written");
        }
    }

    // Pull the scope.
    let (status, body) = server
        .get(&format!("/api/v1/sync/pull?scope={scope}&cursor=0"), token)
        .await;
    match expect {
        Expect::Allowed => assert_eq!(status, 200, "{case}: {body}"),
        Expect::Denied => {
            assert_eq!(status, 403, "{case}: {body}");
            assert_eq!(body["error"], format!("you may not read {scope}"), "{case}");
        }
        Expect::Anonymous => assert_eq!(status, 401, "{case}: {body}"),
    }

    // Upload, then download an attachment that the owner stored.
    let bytes = format!("certificate for {who}").into_bytes();
    let hash = ContentHash::of(&bytes);
    let path = format!("/api/v1/attachments/{scope}/{hash}");
    let (status, body) = server
        .send(Method::PUT, &path, token, Some("application/pdf"), bytes.clone())
        .await;
    let expected_upload = match expect {
        Expect::Allowed => 201,
        Expect::Denied => 403,
        Expect::Anonymous => 401,
    };
    assert_eq!(status, expected_upload, "{case} upload: {body}");
    let owned = b"stored by a legitimate user".to_vec();
    let owned_hash = ContentHash::of(&owned);
    let owned_path = format!("/api/v1/attachments/{scope}/{owned_hash}");
    server
        .send(
            Method::PUT,
            &owned_path,
            Some(&world.alice.token),
            Some("image/png"),
            owned.clone(),
        )
        .await;
    let (status, downloaded) = server.send_raw(Method::GET, &owned_path, token, None, Vec::new()).await;
    match expect {
        Expect::Allowed => {
            assert_eq!(status, 200, "{case} download");
            assert_eq!(downloaded, owned, "{case}");
        }
        Expect::Denied => assert_eq!(status, 403, "{case} download"),
        Expect::Anonymous => assert_eq!(status, 401, "{case} download"),
    }
}

#[tokio::test]
async fn every_data_endpoint_checks_the_user_and_the_scope() {
    let world = world().await;
    let (alice, bob, carol) = (world.alice.clone(), world.bob.clone(), world.carol.clone());
    let (personal, lab) = (world.personal.clone(), world.lab.clone());
    let matrix = [
        ("anonymous", None, &personal, Expect::Anonymous),
        ("anonymous", None, &lab, Expect::Anonymous),
        ("other lab's member", Some(&carol), &personal, Expect::Denied),
        ("other lab's member", Some(&carol), &lab, Expect::Denied),
        ("supervisor of the owner's lab", Some(&bob), &personal, Expect::Denied),
        ("owner and member", Some(&alice), &personal, Expect::Allowed),
        ("member", Some(&alice), &lab, Expect::Allowed),
        ("supervisor", Some(&bob), &lab, Expect::Allowed),
    ];
    for (who, account, scope, expect) in matrix {
        check(&world, who, account, scope, expect).await;
    }
}

#[tokio::test]
async fn account_endpoints_need_a_valid_session() {
    let world = world().await;
    let server = &world.server;
    for (method, path) in [
        (Method::GET, "/api/v1/me"),
        (Method::POST, "/api/v1/auth/logout"),
        (Method::POST, "/api/v1/auth/logout-everywhere"),
        (Method::GET, "/api/v1/sync/pull?scope=lab:x&cursor=0"),
    ] {
        for token in [None, Some("not-a-token"), Some("")] {
            let (status, body) = server.send(method.clone(), path, token, None, Vec::new()).await;
            assert_eq!(status, 401, "{method} {path} with {token:?}: {body}");
            assert!(body["error"].is_string(), "{body}");
        }
    }
    // Me shows only the user's own labs.
    let (status, body) = server.get("/api/v1/me", Some(&world.carol.token)).await;
    assert_eq!(status, 200);
    assert_eq!(body["labs"].as_array().unwrap().len(), 1);
    assert_eq!(body["labs"][0]["name"], "Lab B");
    assert_eq!(body["personal_scope"], format!("personal:{}", world.carol.id));
}

#[tokio::test]
async fn a_guessed_id_or_scope_reaches_nothing() {
    let world = world().await;
    let server = &world.server;
    // Alice keeps a lab record and a personal one.
    let mut phone = Device::new(&world.alice);
    let lab_record = phone.create(&world.lab, &[("lot", json!("A1"))]);
    let personal_record = phone.create(&world.personal, &[("title", json!("mine"))]);
    phone.push(server, 10).await;

    // Carol knows both ids and writes them into her own scope: she gets records of her
    // own under those ids, and Alice's are untouched.
    let carol_scope = Scope::Personal(world.carol.id.clone());
    let mut intruder = Device::new(&world.carol);
    for id in [lab_record, personal_record] {
        let mut record = benchmate_core::record::Record::new(
            id,
            benchmate_core::record::Kind::new("ce_entry").unwrap(),
            carol_scope.clone(),
        );
        let mut ctx = benchmate_core::record::EditContext {
            clock: &mut intruder.clock,
            now_millis: benchmate_server::auth::now_millis(),
            author: Some(world.carol.id.clone()),
        };
        let change = record.set(&mut ctx, "lot", json!("overwritten")).unwrap().unwrap();
        intruder.outbox.enqueue(&record, vec![change]);
    }
    let responses = intruder.push(server, 10).await;
    assert!(responses[0].rejected.is_empty());
    phone.pull(server, &world.lab, 10).await;
    phone.pull(server, &world.personal, 10).await;
    assert_eq!(phone.records[&lab_record].get("lot"), Some(&json!("A1")));
    assert_eq!(phone.records[&personal_record].get("lot"), None);

    // Pulling a lab that does not exist answers exactly like one that exists.
    for scope in [
        "lab:l-00000000000000000000000000000000",
        &world.lab.to_string(),
        &world.personal.to_string(),
    ] {
        let (status, body) = server
            .get(
                &format!("/api/v1/sync/pull?scope={scope}&cursor=0"),
                Some(&world.carol.token),
            )
            .await;
        assert_eq!(status, 403);
        assert_eq!(body["error"], format!("you may not read {scope}"));
    }
}

#[tokio::test]
async fn a_removed_member_loses_the_lab_at_once() {
    let world = world().await;
    let server = &world.server;
    let mut phone = Device::new(&world.alice);
    phone.create(&world.lab, &[("lot", json!("A1"))]);
    phone.push(server, 10).await;
    benchmate_server::store::accounts::remove_member(&server.db.pool, "Lab A", &world.alice.email)
        .await
        .unwrap();
    let (status, _) = server
        .get(
            &format!("/api/v1/sync/pull?scope={}&cursor=0", world.lab),
            Some(&world.alice.token),
        )
        .await;
    assert_eq!(status, 403);
    phone.create(&world.lab, &[("lot", json!("A2"))]);
    let responses = phone.push(server, 10).await;
    assert_eq!(responses[0].rejected.len(), 1, "the new write is refused");
    let (status, body) = server
        .get(
            &format!("/api/v1/sync/pull?scope={}&cursor=0", world.lab),
            Some(&world.bob.token),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["changes"].as_array().unwrap().len(),
        1,
        "only the write made while a member"
    );
    let (_, me) = server.get("/api/v1/me", Some(&world.alice.token)).await;
    assert_eq!(me["labs"], json!([]));
}

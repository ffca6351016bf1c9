//! Push of N mutations and pull of N changes through the real HTTP handlers (the whole
//! `benchmate_server::app` router, driven in-process by tower's `oneshot`), each timed against
//! a plain batched INSERT of the same rows into a scratch table of the same shape in the same
//! database: the cost of the sync protocol (checks, merge, locks, per-scope sequence) over
//! storing the bytes.

use std::time::Instant;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use benchmate_core::record::Scope;
use benchmate_core::sync::{PullPage, PushRequest, PushResponse};
use benchmate_server::api::json::parse_strict;
use benchmate_server::store::records::ROWS_PER_STATEMENT;
use benchmate_server::AppState;
use http_body_util::BodyExt;
use sqlx::AnyPool;
use tower::ServiceExt;

use crate::harness::{add_member, fresh_db, median, Device, Target};

/// The timings of one run, in seconds.
struct Run {
    insert: f64,
    push: f64,
    strict_json: f64,
    pull: f64,
    select: f64,
}

/// Sends one request through the router; answers the status and the whole body.
async fn call(app: &Router, request: Request<Body>) -> Result<(StatusCode, Vec<u8>), String> {
    let response = app.clone().oneshot(request).await.map_err(|err| err.to_string())?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|err| err.to_string())?
        .to_bytes();
    Ok((status, body.to_vec()))
}

async fn one_run(target: &Target, password_hash: &str, mutations: usize, batch: usize) -> Result<Run, String> {
    let fresh = fresh_db(target).await?;
    let pool = fresh.db.pool.clone();
    let app = benchmate_server::app(AppState::new(fresh.db.clone()));
    // Two sessions of one user: the phone pushes, the tablet pulls.
    let member = add_member(&fresh.db, "bench@lab.example", password_hash, 2).await?;
    let scope: Scope = format!("personal:{}", member.id).parse().map_err(|e| format!("{e}"))?;
    let mut phone = Device::new(&member.id)?;
    for _ in 0..mutations {
        phone.make_record(&scope)?;
    }
    // The device's work (making and encoding the batches) is not the server's: done first.
    let mut bodies = Vec::new();
    while !phone.outbox.pending().is_empty() {
        bodies.push(serde_json::to_vec(&phone.take_batch(batch)?).map_err(|e| e.to_string())?);
    }

    // How much of the push is the strict JSON extractor alone (parse, read back, compare).
    let started = Instant::now();
    for body in &bodies {
        parse_strict::<PushRequest>(body).map_err(|err| format!("the bench's own push is refused: {err:?}"))?;
    }
    let strict_json = started.elapsed().as_secs_f64();

    let started = Instant::now();
    for body in bodies {
        let request = Request::post("/api/v1/sync/push")
            .header(header::AUTHORIZATION, format!("Bearer {}", member.tokens[0]))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .map_err(|e| e.to_string())?;
        let (status, body) = call(&app, request).await?;
        if status != StatusCode::OK {
            return Err(format!("push answered {status}: {}", String::from_utf8_lossy(&body)));
        }
        let answer: PushResponse = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        if !answer.rejected.is_empty() {
            return Err(format!("push rejected mutations: {:?}", answer.rejected[0]));
        }
    }
    let push = started.elapsed().as_secs_f64();

    let mut pulled = 0;
    let mut cursor = 0;
    let mut pull = 0.0;
    loop {
        let request = Request::get(format!("/api/v1/sync/pull?scope={scope}&cursor={cursor}&limit={batch}"))
            .header(header::AUTHORIZATION, format!("Bearer {}", member.tokens[1]))
            .body(Body::empty())
            .map_err(|e| e.to_string())?;
        let started = Instant::now();
        let (status, body) = call(&app, request).await?;
        pull += started.elapsed().as_secs_f64();
        if status != StatusCode::OK {
            return Err(format!("pull answered {status}: {}", String::from_utf8_lossy(&body)));
        }
        // Reading the page is the device's work, so it is outside the timing.
        let page: PullPage = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        pulled += page.changes.len();
        cursor = page.next_cursor.0;
        if !page.has_more {
            break;
        }
    }
    if pulled != mutations {
        return Err(format!("pulled {pulled} changes, pushed {mutations}"));
    }

    let (insert, select) = plain_sql(&pool, batch).await?;
    Ok(Run {
        insert,
        push,
        strict_json,
        pull,
        select,
    })
}

/// The yardsticks: the rows the push stored, written again by multi-row INSERTs, `batch` rows
/// a transaction, into a scratch table shaped like `records`; then read back by plain
/// keyset-paged SELECTs. Answers both times in seconds.
async fn plain_sql(pool: &AnyPool, batch: usize) -> Result<(f64, f64), String> {
    let db = |e: sqlx::Error| e.to_string();
    sqlx::query(
        "CREATE TABLE bench_plain (scope TEXT NOT NULL, record_id TEXT NOT NULL, kind TEXT NOT NULL, \
         server_seq BIGINT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (scope, record_id))",
    )
    .execute(pool)
    .await
    .map_err(db)?;
    sqlx::query("CREATE UNIQUE INDEX bench_plain_by_seq ON bench_plain (scope, server_seq)")
        .execute(pool)
        .await
        .map_err(db)?;
    let rows: Vec<(String, String, String, i64, String)> =
        sqlx::query_as("SELECT scope, record_id, kind, server_seq, body FROM records ORDER BY server_seq")
            .fetch_all(pool)
            .await
            .map_err(db)?;
    let started = Instant::now();
    for batch_rows in rows.chunks(batch) {
        let mut tx = pool.begin().await.map_err(db)?;
        // Statements of as many rows as the push writes in one, since sqlx's lookup of SQLite
        // parameters by name costs the square of a statement's parameter count.
        for chunk in batch_rows.chunks(ROWS_PER_STATEMENT) {
            let placeholders: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let n = i * 5;
                    format!("(${}, ${}, ${}, ${}, ${})", n + 1, n + 2, n + 3, n + 4, n + 5)
                })
                .collect();
            let sql = format!(
                "INSERT INTO bench_plain (scope, record_id, kind, server_seq, body) VALUES {}",
                placeholders.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for (scope, id, kind, seq, body) in chunk {
                query = query
                    .bind(scope.clone())
                    .bind(id.clone())
                    .bind(kind.clone())
                    .bind(*seq)
                    .bind(body.clone());
            }
            query.execute(&mut *tx).await.map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
    }
    let insert = started.elapsed().as_secs_f64();

    let scope = rows.first().map(|row| row.0.clone()).unwrap_or_default();
    let started = Instant::now();
    let mut cursor = 0_i64;
    loop {
        let page: Vec<(i64, String)> = sqlx::query_as(
            "SELECT server_seq, body FROM bench_plain WHERE scope = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3",
        )
        .bind(scope.clone())
        .bind(cursor)
        .bind(i64::try_from(batch).unwrap_or(i64::MAX))
        .fetch_all(pool)
        .await
        .map_err(db)?;
        match page.last() {
            Some((seq, _)) => cursor = *seq,
            None => break,
        }
    }
    Ok((insert, started.elapsed().as_secs_f64()))
}

/// Runs the comparison `runs` times on each target and prints one table row per measure:
/// the median time, the time per item, and the ratio to the plain INSERT.
pub async fn compare(targets: &[Target], runs: usize, mutations: usize, batch: usize) -> Result<(), String> {
    let password_hash = benchmate_server::auth::credentials::hash_password("bench password, not secret")?;
    println!(
        "push of {mutations} mutations in batches of {batch}, pull in pages of {batch}; median of {runs} runs, each on a fresh database\n"
    );
    println!(
        "{:<11} {:<44} {:>10} {:>10} {:>12}",
        "database", "measure", "median", "per item", "× INSERT"
    );
    for target in targets {
        let mut results = Vec::new();
        for _ in 0..runs.max(1) {
            results.push(one_run(target, &password_hash, mutations, batch).await?);
        }
        let insert = median(results.iter().map(|r| r.insert).collect());
        let rows = [
            (format!("plain batched INSERT of the same {mutations} rows"), insert),
            (
                format!("push: {} requests via the HTTP handler", mutations.div_ceil(batch)),
                median(results.iter().map(|r| r.push).collect()),
            ),
            (
                "  of which reading the bodies as strict JSON".to_string(),
                median(results.iter().map(|r| r.strict_json).collect()),
            ),
            (
                format!("pull: {} pages via the HTTP handler", mutations.div_ceil(batch)),
                median(results.iter().map(|r| r.pull).collect()),
            ),
            (
                "plain paged SELECT of the same rows".to_string(),
                median(results.iter().map(|r| r.select).collect()),
            ),
        ];
        for (measure, seconds) in rows {
            println!(
                "{:<11} {:<44} {:>8.0}ms {:>8.1}µs {:>11.2}x",
                target.name(),
                measure,
                seconds * 1e3,
                seconds * 1e6 / mutations as f64,
                seconds / insert
            );
        }
    }
    Ok(())
}

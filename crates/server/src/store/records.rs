//! The sync store: applying a push (one transaction per batch) and reading a pull page.
//!
//! Locks are taken in one order, the device's progress row first and then each scope's
//! counter row in sorted order, so concurrent pushes (also from several server processes
//! on one PostgreSQL) never deadlock, and pushes into one scope commit in the order of the
//! sequence numbers they took: a pull can never see change 7 before change 6 has committed
//! and so skip it.

use std::collections::{BTreeMap, BTreeSet};

use benchmate_core::record::{Record, Scope, UserId};
use benchmate_core::sync::{
    apply_mutation, Cursor, Mutation, PullPage, PullRequest, PushRequest, PushResponse, Rejected,
};
use sqlx::{Any, AnyPool, Transaction};

use super::db_millis;

/// Why a pull was refused.
#[derive(Debug)]
pub enum PullError {
    /// The cursor is past the scope's latest change: the device's cursor came from another
    /// server or a database since restored from a backup. Pull again from 0.
    CursorAhead {
        cursor: u64,
        latest: u64,
    },
    Database(sqlx::Error),
}

impl From<sqlx::Error> for PullError {
    fn from(err: sqlx::Error) -> PullError {
        PullError::Database(err)
    }
}

/// Applies the mutations of `request` that this user's device has not pushed before, as one
/// transaction, and answers with the acknowledgement. `writable` lists the scopes of the
/// batch the user may write (the caller asked the database); a mutation for any other
/// scope is acknowledged as rejected and writes nothing. The batch must already have passed
/// the pure checks (shape, stamps, authors).
pub async fn push(
    pool: &AnyPool,
    user: &UserId,
    request: &PushRequest,
    writable: &BTreeSet<Scope>,
    now_millis: u64,
) -> Result<PushResponse, String> {
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let result = push_in(&mut tx, user, request, writable, now_millis).await;
    match result {
        Ok(response) => {
            tx.commit().await.map_err(|e| e.to_string())?;
            Ok(response)
        }
        Err(err) => {
            // Dropping the transaction rolls it back; say so explicitly for the reader.
            let _ = tx.rollback().await;
            Err(err)
        }
    }
}

async fn push_in(
    tx: &mut Transaction<'static, Any>,
    user: &UserId,
    request: &PushRequest,
    writable: &BTreeSet<Scope>,
    now_millis: u64,
) -> Result<PushResponse, String> {
    let device = request.device.to_string();
    let db = |e: sqlx::Error| e.to_string();
    // Lock (and create) the device's progress row first: a second push from the same device
    // waits here and then sees what this one applied.
    sqlx::query(
        "INSERT INTO device_progress (user_id, device_id, applied_seq) VALUES ($1, $2, 0) \
         ON CONFLICT (user_id, device_id) DO UPDATE SET applied_seq = device_progress.applied_seq",
    )
    .bind(user.as_str().to_string())
    .bind(device.clone())
    .execute(&mut **tx)
    .await
    .map_err(db)?;
    let highest: i64 =
        sqlx::query_scalar("SELECT applied_seq FROM device_progress WHERE user_id = $1 AND device_id = $2")
            .bind(user.as_str().to_string())
            .bind(device.clone())
            .fetch_one(&mut **tx)
            .await
            .map_err(db)?;
    let highest = u64::try_from(highest).unwrap_or(0);

    let unapplied: Vec<&Mutation> = request.unapplied(highest).collect();
    let scopes: BTreeSet<String> = unapplied
        .iter()
        .filter(|m| writable.contains(&m.scope))
        .map(|m| m.scope.to_string())
        .collect();
    for scope in &scopes {
        sqlx::query(
            "INSERT INTO scope_seqs (scope, last_seq) VALUES ($1, 0) \
             ON CONFLICT (scope) DO UPDATE SET last_seq = scope_seqs.last_seq",
        )
        .bind(scope.clone())
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    }

    // With the scopes locked, read every stored record the batch touches at once, merge in
    // memory (a record edited twice in the batch merges twice), and write each changed
    // record once: a few statements per batch instead of three per mutation.
    let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for mutation in unapplied.iter().filter(|m| writable.contains(&m.scope)) {
        wanted
            .entry(mutation.scope.to_string())
            .or_default()
            .insert(mutation.record.to_string());
    }
    let mut records = load_all(tx, &wanted).await?;
    // The changed records in the order they first changed, per scope.
    let mut changed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut dirty = BTreeSet::new();
    let mut rejected = Vec::new();
    let mut acknowledged = highest;
    for mutation in unapplied {
        acknowledged = mutation.seq;
        if !writable.contains(&mutation.scope) {
            rejected.push(Rejected {
                seq: mutation.seq,
                record: mutation.record,
                reason: format!("you may not write to {}", mutation.scope),
            });
            continue;
        }
        let key = (mutation.scope.to_string(), mutation.record.to_string());
        match apply_mutation(records.get(&key), mutation, now_millis) {
            Ok(applied) if applied.changed => {
                if dirty.insert(key.clone()) {
                    changed.entry(key.0.clone()).or_default().push(key.1.clone());
                }
                records.insert(key, applied.record);
            }
            Ok(_) => {}
            Err(error) => rejected.push(Rejected {
                seq: mutation.seq,
                record: mutation.record,
                reason: error.to_string(),
            }),
        }
    }
    for (scope, ids) in changed {
        store_changed(tx, &scope, &ids, &records).await?;
    }
    sqlx::query("UPDATE device_progress SET applied_seq = $1 WHERE user_id = $2 AND device_id = $3")
        .bind(db_millis(acknowledged))
        .bind(user.as_str().to_string())
        .bind(device)
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    Ok(PushResponse {
        acknowledged_up_to: acknowledged,
        rejected,
    })
}

/// The most rows one statement reads or writes. Far under both engines' limits on bound
/// parameters; kept small because sqlx finds each SQLite parameter by its `$n` name, a cost
/// that grows with the square of the parameters in one statement (measured by the sync
/// benchmark: 500-row statements spent a tenth of the push there).
pub const ROWS_PER_STATEMENT: usize = 100;

/// The stored records of these ids, per scope, keyed by (scope, record id).
async fn load_all(
    tx: &mut Transaction<'static, Any>,
    wanted: &BTreeMap<String, BTreeSet<String>>,
) -> Result<BTreeMap<(String, String), Record>, String> {
    let mut found = BTreeMap::new();
    for (scope, ids) in wanted {
        let ids: Vec<&String> = ids.iter().collect();
        for chunk in ids.chunks(ROWS_PER_STATEMENT) {
            // A join from a VALUES list (whose one column both engines call `column1`), not
            // `record_id IN (...)`: PostgreSQL then looks each id up by the primary key even
            // before it has statistics, where the IN list let it scan the whole scope.
            let values: Vec<String> = (2..chunk.len() + 2).map(|n| format!("(${n})")).collect();
            let sql = format!(
                "SELECT records.record_id, records.body FROM (VALUES {}) AS wanted \
                 JOIN records ON records.scope = $1 AND records.record_id = wanted.column1",
                values.join(", ")
            );
            let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(scope.clone());
            for id in chunk {
                query = query.bind((*id).clone());
            }
            for (id, body) in query.fetch_all(&mut **tx).await.map_err(|e| e.to_string())? {
                let record: Record =
                    serde_json::from_str(&body).map_err(|e| format!("stored record {scope}/{id} is damaged: {e}"))?;
                found.insert((scope.clone(), id), record);
            }
        }
    }
    Ok(found)
}

/// Gives each changed record of `scope` the next sequence number, in the order they changed,
/// and writes them. The scope's counter row is locked, so the numbers are the scope's next.
async fn store_changed(
    tx: &mut Transaction<'static, Any>,
    scope: &str,
    ids: &[String],
    records: &BTreeMap<(String, String), Record>,
) -> Result<(), String> {
    let db = |e: sqlx::Error| e.to_string();
    let count = i64::try_from(ids.len()).map_err(|e| e.to_string())?;
    let last: i64 =
        sqlx::query_scalar("UPDATE scope_seqs SET last_seq = last_seq + $1 WHERE scope = $2 RETURNING last_seq")
            .bind(count)
            .bind(scope.to_string())
            .fetch_one(&mut **tx)
            .await
            .map_err(db)?;
    let first = last - count + 1;
    let mut rows = Vec::with_capacity(ids.len());
    for (offset, id) in (0_i64..).zip(ids) {
        let record = records
            .get(&(scope.to_string(), id.clone()))
            .ok_or_else(|| format!("changed record {scope}/{id} went missing"))?;
        let body = serde_json::to_string(record).map_err(|e| e.to_string())?;
        rows.push((id, record.kind().to_string(), first + offset, body));
    }
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let n = i * 5;
                format!("(${}, ${}, ${}, ${}, ${})", n + 1, n + 2, n + 3, n + 4, n + 5)
            })
            .collect();
        let sql = format!(
            "INSERT INTO records (scope, record_id, kind, server_seq, body) VALUES {} \
             ON CONFLICT (scope, record_id) DO UPDATE SET \
             kind = excluded.kind, server_seq = excluded.server_seq, body = excluded.body",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (id, kind, seq, body) in chunk {
            query = query
                .bind(scope.to_string())
                .bind((*id).clone())
                .bind(kind.clone())
                .bind(*seq)
                .bind(body.clone());
        }
        query.execute(&mut **tx).await.map_err(db)?;
    }
    Ok(())
}

/// One page of the scope's changes after the request's cursor. The caller has checked that
/// the user may read the scope.
pub async fn pull(pool: &AnyPool, request: &PullRequest) -> Result<PullPage, PullError> {
    let scope = request.scope.to_string();
    let latest: Option<i64> = sqlx::query_scalar("SELECT last_seq FROM scope_seqs WHERE scope = $1")
        .bind(scope.clone())
        .fetch_optional(pool)
        .await?;
    let latest = latest.and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
    let Cursor(cursor) = request.cursor;
    if cursor > latest {
        return Err(PullError::CursorAhead { cursor, latest });
    }
    let limit = request.effective_limit() + 1;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT server_seq, body FROM records WHERE scope = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3",
    )
    .bind(scope)
    .bind(db_millis(cursor))
    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
    .fetch_all(pool)
    .await?;
    let mut records = Vec::with_capacity(rows.len());
    for (seq, body) in rows {
        let record: Record = serde_json::from_str(&body)
            .map_err(|e| PullError::Database(sqlx::Error::Protocol(format!("stored record is damaged: {e}"))))?;
        records.push((u64::try_from(seq).unwrap_or(0), record));
    }
    Ok(PullPage::from_rows(request, records))
}

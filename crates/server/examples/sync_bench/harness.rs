//! What both benchmarks stand on: a fresh database (SQLite in a temporary folder, or a new
//! database on a PostgreSQL server), accounts and sessions made directly in it, and a
//! simulated device that makes records and pushes them as the app's outbox would.

use benchmate_core::record::{DeviceId, EditContext, Hlc, Kind, Record, RecordId, Scope, UserId};
use benchmate_core::sync::{Outbox, PushRequest};
use benchmate_server::auth::credentials::{new_token, random_bytes, token_digest};
use benchmate_server::auth::now_millis;
use benchmate_server::db::{self, Db, Location};
use benchmate_server::store::accounts;
use serde_json::json;
use sqlx::{Connection, Executor};

/// Which database a benchmark runs on.
#[derive(Clone, Debug)]
pub enum Target {
    Sqlite,
    /// A PostgreSQL server whose user may create databases; each run gets a new one.
    Postgres(String),
}

impl Target {
    pub fn name(&self) -> &'static str {
        match self {
            Target::Sqlite => "SQLite",
            Target::Postgres(_) => "PostgreSQL",
        }
    }
}

/// An open, migrated, empty database; the SQLite folder is deleted when this is dropped.
pub struct FreshDb {
    pub db: Db,
    _dir: Option<tempfile::TempDir>,
}

pub async fn fresh_db(target: &Target) -> Result<FreshDb, String> {
    match target {
        Target::Sqlite => {
            let dir = tempfile::tempdir().map_err(|err| format!("no temporary folder: {err}"))?;
            let db = db::open(&Location::Sqlite(dir.path().to_path_buf())).await?;
            Ok(FreshDb { db, _dir: Some(dir) })
        }
        Target::Postgres(url) => {
            sqlx::any::install_default_drivers();
            let name = format!(
                "benchmate_bench_{}",
                benchmate_server::auth::credentials::hex(&random_bytes::<8>()?)
            );
            let mut admin = sqlx::AnyConnection::connect(url)
                .await
                .map_err(|err| format!("cannot reach PostgreSQL: {err}"))?;
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .map_err(|err| format!("cannot create the benchmark database: {err}"))?;
            admin.close().await.ok();
            let (base, query) = url.split_once('?').map_or((url.as_str(), None), |(b, q)| (b, Some(q)));
            let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
            let url = match query {
                Some(query) => format!("{server}/{name}?{query}"),
                None => format!("{server}/{name}"),
            };
            let db = db::open(&Location::Postgres(url)).await?;
            Ok(FreshDb { db, _dir: None })
        }
    }
}

/// A user made directly in the database (with a password hash made once by the caller, since
/// Argon2id costs a good part of a second) and a session token for each of its devices.
pub struct Member {
    pub id: UserId,
    pub tokens: Vec<String>,
}

pub async fn add_member(db: &Db, email: &str, password_hash: &str, devices: usize) -> Result<Member, String> {
    let now = now_millis();
    let user = accounts::add_user(&db.pool, email, password_hash, now)
        .await
        .map_err(|err| format!("cannot add {email}: {err}"))?;
    let mut tokens = Vec::with_capacity(devices);
    for _ in 0..devices {
        let token = new_token()?;
        accounts::create_session(&db.pool, &user.id, &token_digest(&token), now, now + 86_400_000)
            .await
            .map_err(|err| format!("cannot open a session: {err}"))?;
        tokens.push(token);
    }
    Ok(Member {
        id: UserId::new(&user.id).map_err(|err| err.to_string())?,
        tokens,
    })
}

/// A device making new reagent-lot records, each its own mutation, into its outbox.
pub struct Device {
    clock: Hlc,
    pub outbox: Outbox,
    author: UserId,
    made: u64,
}

impl Device {
    pub fn new(author: &UserId) -> Result<Device, String> {
        let device = DeviceId::from_random_bytes(random_bytes()?);
        Ok(Device {
            clock: Hlc::new(device),
            outbox: Outbox::new(device),
            author: author.clone(),
            made: 0,
        })
    }

    /// Records a new lot in `scope` with the fields a received box has, and queues it.
    pub fn make_record(&mut self, scope: &Scope) -> Result<Record, String> {
        let now = now_millis();
        self.made += 1;
        let id = RecordId::new_v7(now, random_bytes()?).map_err(|err| err.to_string())?;
        let mut record = Record::new(id, Kind::new("reagent_lot").map_err(|e| e.to_string())?, scope.clone());
        let mut ctx = EditContext {
            clock: &mut self.clock,
            now_millis: now,
            author: Some(self.author.clone()),
        };
        let fields = [
            ("id", json!(format!("lot-{}-{}", self.outbox.device(), self.made))),
            ("reagent", json!("reagent-troponin-i")),
            ("lot_number", json!(format!("A{:06}", self.made))),
            ("expiry", json!("2027-06-30")),
            ("status", json!("in_use")),
            ("location", json!("Fridge 2, shelf B")),
            ("quantity", json!(12)),
        ];
        let mut changes = Vec::with_capacity(fields.len());
        for (field, value) in fields {
            if let Some(change) = record.set(&mut ctx, field, value).map_err(|err| err.to_string())? {
                changes.push(change);
            }
        }
        self.outbox.enqueue(&record, changes);
        Ok(record)
    }

    /// The next push, and drops it from the outbox as if acknowledged (callers check the answer).
    pub fn take_batch(&mut self, max: usize) -> Result<PushRequest, String> {
        let batch = self.outbox.next_batch(max);
        if let Some(last) = batch.mutations.last() {
            self.outbox.acknowledge(last.seq).map_err(|err| err.to_string())?;
        }
        Ok(batch)
    }
}

/// The median of some timings (0 when there are none; callers always have one or more).
pub fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    match samples.len() {
        0 => 0.0,
        n if n % 2 == 1 => samples[n / 2],
        n => (samples[n / 2 - 1] + samples[n / 2]) / 2.0,
    }
}

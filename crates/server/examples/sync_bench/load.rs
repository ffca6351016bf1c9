//! The load test: the real server on a loopback port and many clients at once, each with its
//! own keep-alive HTTP/1 connection, pushing a small batch and pulling its lab's new changes
//! in a loop until the time is up. Prints throughput, latency percentiles and errors.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{header, Method, Request, StatusCode};
use benchmate_core::record::Scope;
use benchmate_core::sync::{PullPage, PushResponse};
use benchmate_server::store::accounts::{self, Role};
use benchmate_server::AppState;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::harness::{add_member, fresh_db, Device, Target};

/// What the test does: how many clients, for how long, and how much each push carries.
pub struct Plan {
    pub clients: usize,
    pub seconds: u64,
    pub batch: usize,
    /// Clients per user (a user's phone, tablet, ...) and users per lab.
    pub devices_per_user: usize,
    pub users_per_lab: usize,
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    push_latencies: Vec<Duration>,
    pull_latencies: Vec<Duration>,
    mutations: usize,
    errors: usize,
    first_error: Option<String>,
}

impl Tally {
    fn error(&mut self, what: String) {
        self.errors += 1;
        self.first_error.get_or_insert(what);
    }
}

/// A client's connection: one request at a time, as a device's sync loop sends them.
struct Connection {
    sender: SendRequest<Full<Bytes>>,
    token: String,
}

impl Connection {
    async fn open(addr: SocketAddr, token: String) -> Result<Connection, String> {
        let stream = TcpStream::connect(addr)
            .await
            .map_err(|err| format!("cannot connect: {err}"))?;
        stream.set_nodelay(true).ok();
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|err| format!("HTTP handshake failed: {err}"))?;
        tokio::spawn(connection);
        Ok(Connection { sender, token })
    }

    async fn send(&mut self, method: Method, path: &str, body: Vec<u8>) -> Result<(StatusCode, Bytes), String> {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "127.0.0.1")
            .header(header::AUTHORIZATION, format!("Bearer {}", self.token))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Full::new(Bytes::from(body)))
            .map_err(|err| err.to_string())?;
        self.sender
            .ready()
            .await
            .map_err(|err| format!("connection lost: {err}"))?;
        let response = self
            .sender
            .send_request(request)
            .await
            .map_err(|err| format!("request failed: {err}"))?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|err| format!("body cut off: {err}"))?;
        Ok((status, body.to_bytes()))
    }
}

/// One client's loop: push a batch (half personal records, half the lab's), then pull one
/// page of the lab's changes after its cursor, until `until`.
async fn client(
    addr: SocketAddr,
    token: String,
    mut device: Device,
    scopes: [Scope; 2],
    batch: usize,
    until: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let mut connection = match Connection::open(addr, token).await {
        Ok(connection) => connection,
        Err(err) => {
            tally.error(err);
            return tally;
        }
    };
    let mut cursor = 0;
    while Instant::now() < until {
        for i in 0..batch {
            if let Err(err) = device.make_record(&scopes[i % 2]) {
                tally.error(err);
                return tally;
            }
        }
        let body = match device
            .take_batch(batch)
            .and_then(|b| serde_json::to_vec(&b).map_err(|e| e.to_string()))
        {
            Ok(body) => body,
            Err(err) => {
                tally.error(err);
                return tally;
            }
        };
        let started = Instant::now();
        match connection.send(Method::POST, "/api/v1/sync/push", body).await {
            Ok((StatusCode::OK, body)) => {
                tally.push_latencies.push(started.elapsed());
                match serde_json::from_slice::<PushResponse>(&body) {
                    Ok(answer) if answer.rejected.is_empty() => tally.mutations += batch,
                    Ok(answer) => tally.error(format!("push rejected: {:?}", answer.rejected[0])),
                    Err(err) => tally.error(format!("push answer unreadable: {err}")),
                }
            }
            Ok((status, body)) => tally.error(format!("push answered {status}: {}", String::from_utf8_lossy(&body))),
            Err(err) => tally.error(err),
        }
        let path = format!("/api/v1/sync/pull?scope={}&cursor={cursor}&limit=100", scopes[1]);
        let started = Instant::now();
        match connection.send(Method::GET, &path, Vec::new()).await {
            Ok((StatusCode::OK, body)) => {
                tally.pull_latencies.push(started.elapsed());
                match serde_json::from_slice::<PullPage>(&body) {
                    Ok(page) => cursor = page.next_cursor.0,
                    Err(err) => tally.error(format!("pull answer unreadable: {err}")),
                }
            }
            Ok((status, body)) => tally.error(format!("pull answered {status}: {}", String::from_utf8_lossy(&body))),
            Err(err) => tally.error(err),
        }
    }
    tally
}

fn percentile(sorted: &[Duration], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1e3
}

/// Runs the plan against a fresh database on `target`; answers the number of errors.
pub async fn run(target: &Target, plan: &Plan) -> Result<usize, String> {
    let fresh = fresh_db(target).await?;
    let db = fresh.db.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|err| format!("cannot listen on loopback: {err}"))?;
    let addr = listener.local_addr().map_err(|err| err.to_string())?;
    let service = benchmate_server::app(AppState::new(db.clone())).into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, service).await });

    let password_hash = benchmate_server::auth::credentials::hash_password("bench password, not secret")?;
    let users = plan.clients.div_ceil(plan.devices_per_user);
    let mut clients = Vec::with_capacity(plan.clients);
    let mut lab = String::new();
    for user in 0..users {
        if user % plan.users_per_lab == 0 {
            lab = accounts::add_lab(&db.pool, &format!("Lab {}", user / plan.users_per_lab), 1)
                .await
                .map_err(|err| err.to_string())?;
        }
        let email = format!("tech{user}@lab.example");
        let devices = plan.devices_per_user.min(plan.clients - clients.len());
        let member = add_member(&db, &email, &password_hash, devices).await?;
        accounts::add_member(&db.pool, &lab, &email, Role::Member)
            .await
            .map_err(|err| err.to_string())?;
        let personal: Scope = format!("personal:{}", member.id).parse().map_err(|e| format!("{e}"))?;
        let shared: Scope = format!("lab:{lab}").parse().map_err(|e| format!("{e}"))?;
        for token in member.tokens {
            clients.push((token, Device::new(&member.id)?, [personal.clone(), shared.clone()]));
        }
    }

    let started = Instant::now();
    let until = started + Duration::from_secs(plan.seconds);
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|(token, device, scopes)| tokio::spawn(client(addr, token, device, scopes, plan.batch, until)))
        .collect();
    let mut total = Tally::default();
    for task in tasks {
        // A request in flight at the deadline may finish after it; a minute more is the bound.
        let tally = match tokio::time::timeout(Duration::from_secs(plan.seconds + 60), task).await {
            Ok(Ok(tally)) => tally,
            Ok(Err(err)) => {
                total.error(format!("a client panicked: {err}"));
                continue;
            }
            Err(_) => {
                total.error("a client did not stop within a minute of the deadline".to_string());
                continue;
            }
        };
        total.push_latencies.extend(tally.push_latencies);
        total.pull_latencies.extend(tally.pull_latencies);
        total.mutations += tally.mutations;
        total.errors += tally.errors;
        if let Some(error) = tally.first_error {
            total.first_error.get_or_insert(error);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    server.abort();

    let requests = total.push_latencies.len() + total.pull_latencies.len();
    println!(
        "{}: {} clients ({} users, {} labs) for {:.1} s, {} mutations per push, one pull page (≤100) after each",
        target.name(),
        plan.clients,
        users,
        users.div_ceil(plan.users_per_lab),
        elapsed,
        plan.batch
    );
    println!(
        "  {:.0} requests/s, {:.0} mutations/s pushed, {} errors",
        requests as f64 / elapsed,
        total.mutations as f64 / elapsed,
        total.errors
    );
    let mut all = Vec::with_capacity(requests);
    for (name, mut latencies) in [("push", total.push_latencies), ("pull", total.pull_latencies)] {
        latencies.sort();
        println!(
            "  {name}: {} requests, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            latencies.len(),
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99),
            percentile(&latencies, 1.0)
        );
        all.extend(latencies);
    }
    all.sort();
    println!(
        "  all: p50 {:.1} ms, p99 {:.1} ms",
        percentile(&all, 0.50),
        percentile(&all, 0.99)
    );
    if let Some(error) = total.first_error {
        println!("  first error: {error}");
    }
    Ok(total.errors)
}

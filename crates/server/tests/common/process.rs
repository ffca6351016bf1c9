//! Real `benchmate serve` processes on loopback, and a minimal HTTP/1.1 client for them
//! (one request per connection), for the tests that need separate processes: two servers
//! on one database, and a server killed with SIGKILL in the middle of a push.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use benchmate_server::db::Location;

pub struct ServerProcess {
    pub child: Child,
    pub addr: SocketAddr,
}

impl ServerProcess {
    /// Starts `benchmate serve` on a free port over the database at `location`.
    pub fn start(location: &Location, data: &Path) -> ServerProcess {
        let mut command = Command::new(env!("CARGO_BIN_EXE_benchmate"));
        command
            .args(["serve", "--addr", "127.0.0.1:0", "--data"])
            .arg(data)
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Location::Postgres(url) = location {
            command.env("DATABASE_URL", url);
        }
        let mut child = command.spawn().expect("the server starts");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        // "Benchmate is serving http://127.0.0.1:PORT/ (...)"
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        ServerProcess { child, addr }
    }

    pub fn kill(&mut self) {
        // SIGKILL: no graceful shutdown, no flushing.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Sends one request; `None` when the connection failed or was cut.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Option<(u16, Value)> {
        let mut stream = tokio::net::TcpStream::connect(self.addr).await.ok()?;
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        if let Some(token) = token {
            head.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.ok()?;
        stream.write_all(body.as_bytes()).await.ok()?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.ok()?;
        let text = String::from_utf8_lossy(&response);
        let (head, body) = text.split_once("\r\n\r\n")?;
        let status: u16 = head.split(' ').nth(1)?.parse().ok()?;
        let value = serde_json::from_str(body).unwrap_or(Value::Null);
        Some((status, value))
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

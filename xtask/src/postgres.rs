//! A throwaway PostgreSQL 15 for the server tests: `initdb` into a temporary folder,
//! `pg_ctl start` on a free loopback port, and stop and delete it when dropped. Installs
//! Debian's `postgresql-15` when it is missing and this is root on a Debian machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::proc;

/// The server binaries' folder; `BENCHMATE_PG_BIN` overrides it.
fn bin_dir() -> PathBuf {
    std::env::var_os("BENCHMATE_PG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/postgresql/15/bin"))
}

fn is_root() -> bool {
    proc::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// The PostgreSQL 15 binaries, installed from Debian when missing and possible; `None`
/// (with the reason) when they are absent and cannot be installed.
pub fn ensure_binaries() -> Result<PathBuf, String> {
    let bin = bin_dir();
    if bin.join("initdb").exists() {
        return Ok(bin);
    }
    if !(is_root() && Path::new("/usr/bin/apt-get").exists()) {
        return Err(format!(
            "PostgreSQL 15 is not installed ({} has no initdb); install Debian's postgresql-15 \
             (`sudo apt-get install postgresql-15`) or set BENCHMATE_PG_BIN",
            bin.display()
        ));
    }
    proc::run(Command::new("apt-get").arg("update").arg("-q"))?;
    proc::run(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends", "postgresql-15"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    if bin.join("initdb").exists() {
        Ok(bin)
    } else {
        Err(format!("installed postgresql-15, but {} has no initdb", bin.display()))
    }
}

/// A running throwaway cluster; stopped and deleted on drop.
pub struct Throwaway {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
    pub url: String,
}

impl Throwaway {
    /// initdb refuses to run as root, so as root the cluster belongs to the `postgres`
    /// user (which Debian's package creates) and its commands run through `runuser`.
    pub fn start(bin: &Path) -> Result<Throwaway, String> {
        let as_postgres = is_root();
        let dir = std::env::temp_dir().join(format!("benchmate-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
        if as_postgres {
            proc::run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let port = free_port()?;
        let cluster = Throwaway {
            bin: bin.to_path_buf(),
            url: format!("postgres://benchmate@127.0.0.1:{port}/postgres"),
            dir,
            as_postgres,
        };
        let data = cluster.dir.join("data");
        proc::run(cluster.pg("initdb").arg("-D").arg(&data).args([
            "-U",
            "benchmate",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ]))?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            cluster.dir.display()
        );
        proc::run(
            cluster
                .pg("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(cluster.dir.join("log"))
                .args(["-o", &options, "-w", "start"]),
        )?;
        Ok(cluster)
    }

    fn pg(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path).current_dir(&self.dir);
            command
        } else {
            Command::new(path)
        }
    }
}

impl Drop for Throwaway {
    fn drop(&mut self) {
        let _ = self
            .pg("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|err| format!("no free port: {err}"))?;
    listener
        .local_addr()
        .map(|addr| addr.port())
        .map_err(|err| format!("no free port: {err}"))
}

//! The server's sync benchmarks, run by `cargo xtask bench` in a release build:
//! `ratio` times push and pull through the HTTP handlers against a plain batched INSERT, and
//! `load` runs many concurrent clients on loopback. SQLite always; PostgreSQL too when
//! `--postgres URL` names a server whose user may create databases (one per run).
//!
//! `cargo run --release -p benchmate-server --example sync_bench -- ratio|load --help`

mod harness;
mod load;
mod ratio;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use harness::Target;

#[derive(Parser)]
#[command(about = "Benchmarks of the sync API: push/pull against plain SQL, and a load test")]
struct Cli {
    /// Also run on this PostgreSQL (postgres://user@host:port/db); the user must be allowed
    /// to create databases, since each run gets a new one.
    #[arg(long, global = true, env = "BENCHMATE_BENCH_POSTGRES")]
    postgres: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Push N mutations and pull N changes through the HTTP handlers, each against a plain
    /// batched INSERT of the same rows.
    Ratio {
        #[arg(long, default_value_t = 10_000)]
        mutations: usize,
        /// Mutations per push and changes per pull page (the protocol allows up to 500).
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u16).range(1..=500))]
        batch: u16,
        /// Runs per database; the median is printed.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=100))]
        runs: u16,
    },
    /// Many concurrent clients pushing and pulling on a loopback port for a while.
    Load {
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u16).range(1..=2000))]
        clients: u16,
        /// How long the clients run, in seconds.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
        seconds: u64,
        /// Mutations per push.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=500))]
        batch: u16,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut targets = vec![Target::Sqlite];
    targets.extend(cli.postgres.map(Target::Postgres));
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("sync_bench: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Ratio { mutations, batch, runs } => {
                ratio::compare(&targets, usize::from(runs), mutations, usize::from(batch)).await
            }
            Command::Load {
                clients,
                seconds,
                batch,
            } => {
                let plan = load::Plan {
                    clients: usize::from(clients),
                    seconds,
                    batch: usize::from(batch),
                    devices_per_user: 2,
                    users_per_lab: 20,
                };
                let mut errors = 0;
                for target in &targets {
                    errors += load::run(target, &plan).await?;
                }
                if errors > 0 {
                    return Err(format!("the load test saw {errors} errors; there must be none"));
                }
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sync_bench: {message}");
            ExitCode::FAILURE
        }
    }
}

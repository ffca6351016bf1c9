//! The command line: every subcommand, flag and environment variable, documented for `--help`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Benchmate's server: serves the lab companion app and keeps the lab's shared data.
#[derive(Debug, Parser)]
#[command(name = "benchmate", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the app and the /api/v1 API until Ctrl-C or SIGTERM.
    Serve(ServeArgs),
    /// Run a calculator: `benchmate calc anion-gap sodium=140 chloride=104 bicarbonate=24`.
    Calc(crate::commands::calc::CalcArgs),
    /// Convert a value between units: `benchmate convert 90 mg/dL mmol/L --analyte glucose`.
    Convert(crate::commands::convert::ConvertArgs),
    /// Validate or normalize a UCUM unit.
    Ucum(crate::commands::ucum::UcumArgs),
    /// Read GS1 (or HIBC) barcode data, as a scanner sends it.
    Gs1(crate::commands::gs1::Gs1Args),
    /// Manage user accounts (passwords are read from standard input, never from arguments).
    User(crate::commands::admin::UserArgs),
    /// Manage labs and their members.
    Lab(crate::commands::admin::LabArgs),
    /// Write a consistent copy of the database to FILE, also while the server runs (SQLite;
    /// for PostgreSQL use pg_dump).
    Backup(crate::commands::admin::BackupArgs),
}

/// Where the server's data lives; shared by `serve` and the admin commands.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// Folder for the embedded SQLite database (`benchmate.sqlite3`); created if missing.
    #[arg(long, env = "BENCHMATE_DATA", default_value = "data", global = true)]
    pub data: PathBuf,

    /// A PostgreSQL URL (`postgres://user:password@host/db`): keep the data there instead of
    /// SQLite. Several servers may share one PostgreSQL.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<String>,
}

/// Where the server listens and keeps its data.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on. Put a TLS-terminating reverse proxy in front of it for
    /// anything but loopback: phones only install the app and run its service worker over HTTPS.
    #[arg(long, env = "BENCHMATE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,

    #[command(flatten)]
    pub store: StoreArgs,

    /// Trust the last `X-Forwarded-For` entry as the client's address, for the sign-in limit
    /// per address. Set it only behind a reverse proxy that sets that header; without it,
    /// every client behind the proxy shares the proxy's address and its limit.
    #[arg(long, env = "BENCHMATE_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// Log format: `text` for people, `json` for log collectors. Verbosity follows `RUST_LOG`
    /// (e.g. `RUST_LOG=debug`), default `info`.
    #[arg(long, env = "BENCHMATE_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    pub log_format: String,
}

impl Cli {
    pub fn run(self) -> ExitCode {
        let result = match self.command {
            Command::Serve(args) => return crate::serve::run(args),
            Command::Calc(args) => crate::commands::calc::execute(&args),
            Command::Convert(args) => crate::commands::convert::execute(&args),
            Command::Ucum(args) => crate::commands::ucum::execute(&args),
            Command::Gs1(args) => crate::commands::gs1::execute(&args),
            Command::User(args) => crate::commands::admin::user(&args),
            Command::Lab(args) => crate::commands::admin::lab(&args),
            Command::Backup(args) => crate::commands::admin::backup(&args),
        };
        print_outcome(result)
    }
}

/// Prints a tool's answer to stdout, or its complaint to stderr with exit status 1. A reader
/// that stops early (`benchmate calc --list | head`) is not an error worth a panic.
fn print_outcome(result: Result<String, String>) -> ExitCode {
    use std::io::Write;
    match result {
        Ok(text) => {
            let _ = writeln!(std::io::stdout().lock(), "{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(message) => {
            let _ = writeln!(std::io::stderr().lock(), "{}", message.trim_end());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn serve_help_names_every_flag_and_environment_variable() {
        let help = Cli::command()
            .find_subcommand_mut("serve")
            .unwrap()
            .render_long_help()
            .to_string();
        for expected in [
            "--addr",
            "BENCHMATE_ADDR",
            "--data",
            "BENCHMATE_DATA",
            "--database-url",
            "DATABASE_URL",
            "--trust-proxy",
            "--log-format",
            "RUST_LOG",
        ] {
            assert!(
                help.contains(expected),
                "`benchmate serve --help` should mention {expected}:\n{help}"
            );
        }
    }
}

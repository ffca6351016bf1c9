//! The `benchmate` binary: parses the command line and hands over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    benchmate_server::cli::Cli::parse().run()
}

//! The command-line subcommands of the `benchmate` binary, one module each.

pub mod gs1;

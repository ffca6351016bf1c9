//! The `benchmate` binary.

mod commands;

fn main() {}

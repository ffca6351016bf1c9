//! Benchmate's automation.

fn main() {}

//! The `benchmate` binary.

fn main() {}

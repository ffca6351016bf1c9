//! Benchmate's domain, shared by the browser app and the server.
//!
//! Everything here is plain, synchronous Rust over values: no file system, network, clock,
//! async runtime or browser API (the tidy test in `xtask` enforces it). Front ends pass in
//! what the outside world knows (the time, the stored records) and get back values to show
//! or to store, so every rule is tested natively and runs the same in both places.

pub mod calc;
pub mod gs1;
pub mod portfolio;
pub mod prefs;
pub mod qc;
pub mod ranges;
pub mod reagents;
pub mod record;
pub mod sync;
pub mod units;

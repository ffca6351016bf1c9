//! The `benchmate` server: serves the built Benchmate app and the `/api/v1` sync API, and
//! carries the command line a lab's IT person uses (serving, units, calculators and barcodes).
//!
//! `app(state)` builds the whole HTTP service, so tests drive it in-process without a socket.

pub mod api;
pub mod assets;
pub mod auth;
pub mod cli;
pub mod commands;
pub mod db;
pub mod error;
pub mod serve;
pub mod store;

pub use serve::{app, AppState};

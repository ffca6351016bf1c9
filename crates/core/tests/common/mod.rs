//! Helpers shared by the record and sync integration tests.
#![allow(dead_code)]

pub mod replicas;
pub mod server;

//! The Benchmate app: a Leptos client-side app for the bench.

pub fn mount() {}

//! The server half of `cargo xtask bench`: the sync benchmarks of `crates/server/examples/
//! sync_bench` in a release build, on SQLite and on a throwaway PostgreSQL 15.

use crate::proc;

/// How long the load test runs on each database unless `--load-seconds` says otherwise.
pub const DEFAULT_LOAD_SECONDS: u64 = 30;

/// Push and pull against a plain batched INSERT (median of 5), then the load test (200
/// clients for `load_seconds` on each database). Without PostgreSQL this says so and
/// measures SQLite alone, but under `CI` it fails.
pub fn sync_bench(load_seconds: u64) -> Result<(), String> {
    let root = crate::root();
    // Release binaries embed the built app (rust-embed needs the folder to exist); the
    // benchmarks never serve it, so an empty folder does when the app was not built.
    std::fs::create_dir_all(root.join("dist")).map_err(|err| format!("cannot create dist/: {err}"))?;
    let cluster = match crate::postgres::ensure_binaries() {
        Ok(bin) => Some(crate::postgres::Throwaway::start(&bin)?),
        Err(reason) if std::env::var_os("CI").is_some() => return Err(reason),
        Err(reason) => {
            println!("SKIPPED the PostgreSQL half of the sync benchmarks: {reason}");
            None
        }
    };
    let bench = |args: &[&str]| {
        let mut command = proc::cmd("cargo", &root);
        command
            .args([
                "run",
                "--release",
                "--quiet",
                "-p",
                "benchmate-server",
                "--example",
                "sync_bench",
                "--",
            ])
            .args(args)
            .env_remove("BENCHMATE_BENCH_POSTGRES");
        if let Some(cluster) = &cluster {
            command.args(["--postgres", &cluster.url]);
        }
        proc::run(&mut command)
    };
    crate::step("Sync: push of 10,000 mutations and pull of 10,000 changes through the HTTP handlers, against a plain batched INSERT");
    bench(&["ratio"])?;
    crate::step(&format!(
        "Sync load test: 200 clients on loopback pushing and pulling for {load_seconds} s per database"
    ));
    bench(&["load", "--clients", "200", "--seconds", &load_seconds.to_string()])
}

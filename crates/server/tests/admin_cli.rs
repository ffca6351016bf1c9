//! The lab IT person's commands, run through the real binary on a real data folder:
//! accounts (password on standard input), labs, members, and a backup taken while the
//! database is open.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `benchmate ARGS --data DIR` with `stdin`; answers (exit code, stdout + stderr).
fn benchmate(data: &Path, args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_benchmate"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A command that fails early may close its input first; that is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn check(data: &Path, args: &[&str], stdin: &str, expect_code: i32, expect_text: &str) -> String {
    let (code, text) = benchmate(data, args, stdin);
    assert_eq!(code, expect_code, "benchmate {args:?}: {text}");
    assert!(
        text.contains(expect_text),
        "benchmate {args:?} should say {expect_text:?}: {text}"
    );
    text
}

#[test]
fn users_labs_members_and_backup_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    check(
        &data,
        &["user", "add", "Alice@Lab.example"],
        "long enough password\n",
        0,
        "created user alice@lab.example",
    );
    check(
        &data,
        &["user", "add", "alice@lab.example"],
        "long enough password\n",
        1,
        "already exists",
    );
    check(
        &data,
        &["user", "add", "bob@lab.example"],
        "short\n",
        1,
        "at least 10 characters",
    );
    check(
        &data,
        &["user", "add", "not-an-email"],
        "long enough password\n",
        1,
        "is not an email address",
    );
    check(
        &data,
        &["user", "add", "bob@lab.example"],
        "another good password\n",
        0,
        "created user bob@lab.example",
    );
    check(&data, &["lab", "add", "Core Lab"], "", 0, "created lab Core Lab");
    check(&data, &["lab", "add", "Core Lab"], "", 1, "already exists");
    check(
        &data,
        &["lab", "add-member", "Core Lab", "alice@lab.example"],
        "",
        0,
        "is a member of Core Lab",
    );
    check(
        &data,
        &[
            "lab",
            "add-member",
            "Core Lab",
            "bob@lab.example",
            "--role",
            "supervisor",
        ],
        "",
        0,
        "is a supervisor",
    );
    check(
        &data,
        &["lab", "add-member", "No Lab", "bob@lab.example"],
        "",
        1,
        "no lab is named",
    );
    check(
        &data,
        &["lab", "add-member", "Core Lab", "carol@lab.example"],
        "",
        1,
        "no user has the email",
    );
    let list = check(&data, &["user", "list"], "", 0, "alice@lab.example");
    assert!(
        list.contains("Core Lab (member)") && list.contains("Core Lab (supervisor)"),
        "{list}"
    );
    check(
        &data,
        &["user", "reset-password", "alice@lab.example"],
        "a new long password\n",
        0,
        "signed out",
    );
    check(
        &data,
        &["user", "reset-password", "zed@lab.example"],
        "a new long password\n",
        1,
        "no user has the email",
    );

    // A backup while another connection holds the database open, then the copy opens as a
    // database with the same users.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let open = runtime.block_on(benchmate_server::db::open_sqlite(&data)).unwrap();
    let backup = dir.path().join("backup.sqlite3");
    check(
        &data,
        &["backup", backup.to_str().unwrap()],
        "",
        0,
        "wrote a consistent copy",
    );
    check(&data, &["backup", backup.to_str().unwrap()], "", 1, "already exists");
    runtime.block_on(open.pool.close());
    let restored = dir.path().join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&backup, restored.join(benchmate_server::db::SQLITE_FILE)).unwrap();
    let list = check(&restored, &["user", "list"], "", 0, "alice@lab.example");
    assert!(list.contains("bob@lab.example"), "{list}");
}

#[test]
fn a_database_url_that_is_not_postgresql_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Choosing the database refuses a URL that is neither unset nor PostgreSQL.
    let out = Command::new(env!("CARGO_BIN_EXE_benchmate"))
        .args(["user", "list"])
        .env("DATABASE_URL", "mysql://localhost/x")
        .arg("--data")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DATABASE_URL must be a PostgreSQL URL"));
}

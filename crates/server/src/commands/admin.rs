//! The lab IT person's commands: `benchmate user add|list|reset-password`, `benchmate lab
//! add|add-member`, `benchmate backup FILE`. They work on the same database as `serve`
//! (the `--data` folder or `DATABASE_URL`) and may run while it serves.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::auth::credentials::{check_new_password, hash_password};
use crate::auth::now_millis;
use crate::cli::StoreArgs;
use crate::db::{self, Db, Location};
use crate::store::accounts::{self, Role};

#[derive(Debug, Args)]
pub struct UserArgs {
    #[command(subcommand)]
    pub command: UserCommand,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is the first line of standard input.
    Add { email: String },
    /// List every account.
    List,
    /// Set a new password (first line of standard input) and sign the user out everywhere.
    ResetPassword { email: String },
}

#[derive(Debug, Args)]
pub struct LabArgs {
    #[command(subcommand)]
    pub command: LabCommand,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum LabCommand {
    /// Create a lab.
    Add { name: String },
    /// Add a user to a lab (or change their role).
    AddMember {
        /// The lab's name or id.
        lab: String,
        email: String,
        #[arg(long, default_value = "member", value_parser = ["member", "supervisor"])]
        role: String,
    },
    /// Remove a user from a lab: they no longer receive or send its records.
    RemoveMember {
        /// The lab's name or id.
        lab: String,
        email: String,
    },
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to write (it must not exist).
    pub file: PathBuf,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Runs an async database job on a small runtime of its own.
fn with_db<F, Fut>(store: &StoreArgs, job: F) -> Result<String, String>
where
    F: FnOnce(Db) -> Fut,
    Fut: std::future::Future<Output = Result<String, String>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the async runtime: {err}"))?;
    runtime.block_on(async {
        let location = Location::choose(&store.data, store.database_url.as_deref())?;
        let db = db::open(&location).await?;
        let result = job(db.clone()).await;
        db.pool.close().await;
        result
    })
}

/// The first line of standard input, without its line ending. Prompts when a person types it.
fn read_password() -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!(
            "Password (at least {} characters): ",
            crate::auth::credentials::MIN_PASSWORD_CHARS
        );
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|err| format!("cannot read the password from standard input: {err}"))?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    check_new_password(&password)?;
    Ok(password)
}

pub fn user(args: &UserArgs) -> Result<String, String> {
    match &args.command {
        UserCommand::Add { email } => {
            let hash = hash_password(&read_password()?)?;
            with_db(&args.store, |db| async move {
                let user = accounts::add_user(&db.pool, email, &hash, now_millis())
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(format!("created user {} ({})", user.email, user.id))
            })
        }
        UserCommand::List => with_db(&args.store, |db| async move {
            let users = accounts::list_users(&db.pool).await.map_err(|e| e.to_string())?;
            let mut lines = Vec::new();
            for user in users {
                let labs = accounts::memberships(&db.pool, &user.id)
                    .await
                    .map_err(|e| e.to_string())?;
                let labs: Vec<String> = labs
                    .iter()
                    .map(|m| format!("{} ({})", m.name, m.role.as_str()))
                    .collect();
                lines.push(format!("{}\t{}\t{}", user.email, user.id, labs.join(", ")));
            }
            if lines.is_empty() {
                Ok("no users yet; add one with `benchmate user add EMAIL`".to_string())
            } else {
                Ok(lines.join("\n"))
            }
        }),
        UserCommand::ResetPassword { email } => {
            let hash = hash_password(&read_password()?)?;
            with_db(&args.store, |db| async move {
                accounts::set_password(&db.pool, email, &hash)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(format!(
                    "set a new password for {email}; every session of theirs is signed out"
                ))
            })
        }
    }
}

pub fn lab(args: &LabArgs) -> Result<String, String> {
    match &args.command {
        LabCommand::Add { name } => with_db(&args.store, |db| async move {
            let id = accounts::add_lab(&db.pool, name, now_millis())
                .await
                .map_err(|e| e.to_string())?;
            Ok(format!("created lab {name} ({id}); its records' scope is lab:{id}"))
        }),
        LabCommand::AddMember { lab, email, role } => {
            let role = if role == "supervisor" {
                Role::Supervisor
            } else {
                Role::Member
            };
            with_db(&args.store, |db| async move {
                accounts::add_member(&db.pool, lab, email, role)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(format!("{email} is a {} of {lab}", role.as_str()))
            })
        }
        LabCommand::RemoveMember { lab, email } => with_db(&args.store, |db| async move {
            let removed = accounts::remove_member(&db.pool, lab, email)
                .await
                .map_err(|e| e.to_string())?;
            if removed {
                Ok(format!("{email} is no longer a member of {lab}"))
            } else {
                Err(format!("{email} was not a member of {lab}"))
            }
        }),
    }
}

pub fn backup(args: &BackupArgs) -> Result<String, String> {
    with_db(&args.store, |db| async move {
        db::backup(&db, &args.file).await?;
        Ok(format!(
            "wrote a consistent copy of the database to {}",
            args.file.display()
        ))
    })
}

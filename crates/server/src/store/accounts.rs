//! Users, sessions, labs and lab membership.

use std::fmt;

use benchmate_core::record::{LabId, Scope, UserId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sqlx::AnyPool;

use super::db_millis;

/// A lab member's role. Supervisors sign off verifications; both roles read and write the
/// lab's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Supervisor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Supervisor => "supervisor",
        }
    }

    fn parse(text: &str) -> Role {
        if text == "supervisor" {
            Role::Supervisor
        } else {
            Role::Member
        }
    }
}

/// A user as the API and `user list` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct User {
    pub id: String,
    pub email: String,
}

/// One lab a user belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Membership {
    pub lab_id: String,
    pub name: String,
    pub role: Role,
    /// The scope of the lab's records, `lab:<lab id>`.
    pub scope: String,
}

/// Why an account or lab change was refused.
#[derive(Debug)]
pub enum AccountError {
    BadEmail(String),
    BadLabName(String),
    EmailTaken(String),
    LabNameTaken(String),
    NoSuchUser(String),
    NoSuchLab(String),
    /// The system's random source failed while making an id.
    Random(String),
    Database(sqlx::Error),
}

impl fmt::Display for AccountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountError::BadEmail(email) => write!(f, "{email:?} is not an email address"),
            AccountError::BadLabName(name) => {
                write!(
                    f,
                    "lab name {name:?} is not valid: use 1 to 100 characters, no control characters"
                )
            }
            AccountError::EmailTaken(email) => write!(f, "a user with email {email} already exists"),
            AccountError::LabNameTaken(name) => write!(f, "a lab named {name:?} already exists"),
            AccountError::NoSuchUser(email) => write!(f, "no user has the email {email}"),
            AccountError::NoSuchLab(name) => write!(f, "no lab is named or has the id {name:?}"),
            AccountError::Random(err) => f.write_str(err),
            AccountError::Database(err) => write!(f, "database error: {err}"),
        }
    }
}

impl From<sqlx::Error> for AccountError {
    fn from(err: sqlx::Error) -> AccountError {
        AccountError::Database(err)
    }
}

/// The email as stored: trimmed and lowercased; refused when it cannot be an address.
pub fn normalize_email(input: &str) -> Result<String, AccountError> {
    let email = input.trim().to_lowercase();
    let plausible = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty() && !domain.contains('@'));
    if plausible {
        Ok(email)
    } else {
        Err(AccountError::BadEmail(input.to_string()))
    }
}

pub async fn add_user(pool: &AnyPool, email: &str, password_hash: &str, now: u64) -> Result<User, AccountError> {
    let email = normalize_email(email)?;
    if find_user(pool, &email).await?.is_some() {
        return Err(AccountError::EmailTaken(email));
    }
    let id = crate::auth::credentials::new_id("u").map_err(AccountError::Random)?;
    sqlx::query("INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id.clone())
        .bind(email.clone())
        .bind(password_hash.to_string())
        .bind(db_millis(now))
        .execute(pool)
        .await?;
    Ok(User { id, email })
}

/// The user with this (normalized) email and their password hash.
pub async fn find_user(pool: &AnyPool, email: &str) -> Result<Option<(User, String)>, sqlx::Error> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, email, password_hash FROM users WHERE email = $1")
            .bind(email.to_string())
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(id, email, hash)| (User { id, email }, hash)))
}

pub async fn list_users(pool: &AnyPool) -> Result<Vec<User>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, email FROM users ORDER BY email")
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(id, email)| User { id, email }).collect())
}

/// Sets a new password hash and ends every session of the user, in one transaction.
pub async fn set_password(pool: &AnyPool, email: &str, password_hash: &str) -> Result<(), AccountError> {
    let email = normalize_email(email)?;
    let (user, _) = find_user(pool, &email)
        .await?
        .ok_or_else(|| AccountError::NoSuchUser(email.clone()))?;
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.to_string())
        .bind(user.id.clone())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn add_lab(pool: &AnyPool, name: &str, now: u64) -> Result<String, AccountError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(AccountError::BadLabName(name.to_string()));
    }
    if find_lab(pool, name).await?.is_some() {
        return Err(AccountError::LabNameTaken(name.to_string()));
    }
    let id = crate::auth::credentials::new_id("l").map_err(AccountError::Random)?;
    sqlx::query("INSERT INTO labs (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(id.clone())
        .bind(name.to_string())
        .bind(db_millis(now))
        .execute(pool)
        .await?;
    Ok(id)
}

/// The id of the lab with this name or id.
pub async fn find_lab(pool: &AnyPool, name_or_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM labs WHERE name = $1 OR id = $1")
        .bind(name_or_id.trim().to_string())
        .fetch_optional(pool)
        .await
}

/// Adds the user to the lab, or changes their role when they are already a member.
pub async fn add_member(pool: &AnyPool, lab: &str, email: &str, role: Role) -> Result<(), AccountError> {
    let lab_id = find_lab(pool, lab)
        .await?
        .ok_or_else(|| AccountError::NoSuchLab(lab.to_string()))?;
    let email = normalize_email(email)?;
    let (user, _) = find_user(pool, &email).await?.ok_or(AccountError::NoSuchUser(email))?;
    sqlx::query(
        "INSERT INTO lab_members (lab_id, user_id, role) VALUES ($1, $2, $3) \
         ON CONFLICT (lab_id, user_id) DO UPDATE SET role = excluded.role",
    )
    .bind(lab_id)
    .bind(user.id)
    .bind(role.as_str().to_string())
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes the user from the lab; says whether they were a member. Their access ends with
/// their next request, on every server process, because access is never cached.
pub async fn remove_member(pool: &AnyPool, lab: &str, email: &str) -> Result<bool, AccountError> {
    let lab_id = find_lab(pool, lab)
        .await?
        .ok_or_else(|| AccountError::NoSuchLab(lab.to_string()))?;
    let email = normalize_email(email)?;
    let (user, _) = find_user(pool, &email).await?.ok_or(AccountError::NoSuchUser(email))?;
    let result = sqlx::query("DELETE FROM lab_members WHERE lab_id = $1 AND user_id = $2")
        .bind(lab_id)
        .bind(user.id)
        .execute(pool)
        .await?;
    Ok(result.rows_affected() > 0)
}

pub async fn memberships(pool: &AnyPool, user_id: &str) -> Result<Vec<Membership>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT labs.id, labs.name, lab_members.role FROM lab_members \
         JOIN labs ON labs.id = lab_members.lab_id WHERE lab_members.user_id = $1 ORDER BY labs.name",
    )
    .bind(user_id.to_string())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(lab_id, name, role)| Membership {
            scope: format!("lab:{lab_id}"),
            lab_id,
            name,
            role: Role::parse(&role),
        })
        .collect())
}

/// Whether `user` may read and write records of `scope`: their own personal scope, or a
/// lab they belong to (either role). Asked on every request, never cached, so a removed
/// member loses access at once and every server process agrees.
pub async fn may_access(pool: &AnyPool, user: &UserId, scope: &Scope) -> Result<bool, sqlx::Error> {
    match scope {
        Scope::Personal(owner) => Ok(owner == user),
        Scope::Lab(lab) => is_member(pool, user, lab).await,
    }
}

async fn is_member(pool: &AnyPool, user: &UserId, lab: &LabId) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar("SELECT role FROM lab_members WHERE lab_id = $1 AND user_id = $2")
        .bind(lab.as_str().to_string())
        .bind(user.as_str().to_string())
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

pub async fn create_session(
    pool: &AnyPool,
    user_id: &str,
    token_hash: &str,
    now: u64,
    expires_at: u64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash.to_string())
        .bind(user_id.to_string())
        .bind(db_millis(now))
        .bind(db_millis(expires_at))
        .execute(pool)
        .await?;
    Ok(())
}

/// The user of an unexpired session.
pub async fn session_user(pool: &AnyPool, token_hash: &str, now: u64) -> Result<Option<User>, sqlx::Error> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT users.id, users.email FROM sessions JOIN users ON users.id = sessions.user_id \
         WHERE sessions.token_hash = $1 AND sessions.expires_at > $2",
    )
    .bind(token_hash.to_string())
    .bind(db_millis(now))
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(id, email)| User { id, email }))
}

pub async fn delete_session(pool: &AnyPool, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash.to_string())
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends every session of the user ("sign out everywhere"), and drops expired sessions of anyone.
pub async fn delete_user_sessions(pool: &AnyPool, user_id: &str, now: u64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 OR expires_at <= $2")
        .bind(user_id.to_string())
        .bind(db_millis(now))
        .execute(pool)
        .await?;
    Ok(())
}

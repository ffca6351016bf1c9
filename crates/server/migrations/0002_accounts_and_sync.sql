-- Accounts, labs, sessions, the login limiter, and the sync store.
-- Written in the SQL that SQLite and PostgreSQL both accept, so one migration serves both:
-- TEXT and BIGINT only (no BOOLEAN, BLOB or BYTEA), times as Unix milliseconds.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    -- Stored lowercased, so sign-in ignores the case people type.
    email TEXT NOT NULL UNIQUE,
    -- A PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    -- The SHA-256 (hex) of the bearer token; the token itself is never stored.
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE labs (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE lab_members (
    lab_id TEXT NOT NULL REFERENCES labs (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('member', 'supervisor')),
    PRIMARY KEY (lab_id, user_id)
);
CREATE INDEX lab_members_by_user ON lab_members (user_id);

-- Failed sign-ins, per subject (`account:<email>` or `address:<ip>`), for rate limiting
-- that holds across server processes.
CREATE TABLE login_failures (
    subject TEXT NOT NULL,
    at_millis BIGINT NOT NULL
);
CREATE INDEX login_failures_by_subject ON login_failures (subject, at_millis);

-- The highest mutation seq applied per (user, device): how a replayed push is recognised.
CREATE TABLE device_progress (
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    applied_seq BIGINT NOT NULL,
    PRIMARY KEY (user_id, device_id)
);

-- The last server sequence number given out per scope. Its row is also the lock that makes
-- pushes into one scope commit in sequence order, so a pull never skips a change.
CREATE TABLE scope_seqs (
    scope TEXT PRIMARY KEY NOT NULL,
    last_seq BIGINT NOT NULL
);

-- Every record's merged state (core's Record as JSON), keyed by scope and id: a record id
-- names a record only within its scope, so guessing an id never reaches another scope.
CREATE TABLE records (
    scope TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    server_seq BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (scope, record_id)
);
CREATE UNIQUE INDEX records_by_scope_seq ON records (scope, server_seq);

-- Attachments, content-addressed within a scope; the bytes as base64 text (portable SQL).
CREATE TABLE attachments (
    scope TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data_base64 TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, sha256)
);

-- The server's own facts (schema notes, instance id), one row per key.
CREATE TABLE IF NOT EXISTS server_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

"""Schema version 4: near-duplicate groups (syndication). One row per grouped document:
its MinHash signature, the content hash it was computed from, and its group's id."""

SQLITE = """
CREATE TABLE IF NOT EXISTS document_groups (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS document_groups_group ON document_groups(group_id);
"""
POSTGRES = """
CREATE TABLE IF NOT EXISTS document_groups (
    document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    signature BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS document_groups_group ON document_groups(group_id);
"""

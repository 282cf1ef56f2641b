"""Schema version 5: who is signed in and what they may do (issue 11 §2), and the
live desk (§3).

- ``users``: one row per person, found by the OpenID Connect subject once they
  have signed in, or by e-mail when an admin added them first; ``role`` is
  reviewer, editor or admin.
- ``review_events`` gain the signed-in identity (``subject``, ``email``; empty for
  events saved with a typed name) and ``action`` (save, finalise, reopen).
- ``reviews`` gain ``finalised_at`` / ``finalised_by``: a finalised verdict is locked.
- ``assignments``: which reviewer an editor gave a claim to.
- ``presence``: who has which claim open, with the time last seen (expires).
"""

_COMMON = """
ALTER TABLE review_events ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE review_events ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE review_events ADD COLUMN action TEXT NOT NULL DEFAULT 'save';
ALTER TABLE reviews ADD COLUMN finalised_at TEXT;
ALTER TABLE reviews ADD COLUMN finalised_by TEXT NOT NULL DEFAULT '';
CREATE TABLE IF NOT EXISTS assignments (
    claim_key TEXT PRIMARY KEY,
    assignee TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    assigned_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS assignments_assignee ON assignments(assignee);
CREATE TABLE IF NOT EXISTS presence (
    claim_key TEXT NOT NULL,
    who TEXT NOT NULL,
    name TEXT NOT NULL,
    seen_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (claim_key, who)
);
CREATE INDEX IF NOT EXISTS presence_seen ON presence(seen_at);
"""

_USERS = """
CREATE TABLE IF NOT EXISTS users (
    id {id_type} PRIMARY KEY,
    subject TEXT UNIQUE,
    email TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users(email) WHERE email <> '';
"""  # the one dialect difference: how an id column counts

SQLITE = _USERS.format(id_type="INTEGER") + _COMMON
POSTGRES = _USERS.format(id_type="BIGSERIAL") + _COMMON

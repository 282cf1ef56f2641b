"""User rows: who may sign in to the desk and with which role. Found by the OpenID
Connect subject once someone has signed in, by e-mail before that (an admin adds
colleagues by e-mail). Rows leave as ``UserRecord``."""

from __future__ import annotations

from dataclasses import dataclass

from .db import Conn, Store

_USER = "id, subject, email, name, role, created_at, last_seen"


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    subject: str | None  # None until they first sign in
    email: str
    name: str
    role: str
    created_at: str
    last_seen: str | None


def _one(conn: Conn, where: str, args: tuple) -> UserRecord | None:
    row = conn.execute(f"SELECT {_USER} FROM users WHERE {where}", args).fetchone()
    return None if row is None else UserRecord(*row)


def by_subject(conn: Conn, subject: str) -> UserRecord | None:
    return _one(conn, "subject=?", (subject,))


def by_id(conn: Conn, user_id: int) -> UserRecord | None:
    return _one(conn, "id=?", (user_id,))


def by_email(conn: Conn, email: str) -> UserRecord | None:
    return _one(conn, "email=?", (email,)) if email else None


def count(conn: Conn) -> int:
    return conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]


def lock_users(conn: Conn) -> None:
    """Serialise sign-ups, so two first users of an empty desk are not both admin."""
    conn.lock_review(" users")  # no claim key starts with a space


def insert(conn: Conn, *, subject: str | None, email: str, name: str, role: str,
           at: str) -> UserRecord:
    conn.execute("INSERT INTO users(subject, email, name, role, created_at, last_seen) "
                 "VALUES (?,?,?,?,?,?)", (subject, email, name, role, at,
                                          at if subject else None))
    found = by_subject(conn, subject) if subject else by_email(conn, email)
    assert found is not None
    return found


def update(conn: Conn, user_id: int, **fields: object) -> None:
    sets = ", ".join(f"{k}=?" for k in fields)
    conn.execute(f"UPDATE users SET {sets} WHERE id=?", (*fields.values(), user_id))


def delete(conn: Conn, user_id: int) -> None:
    conn.execute("DELETE FROM users WHERE id=?", (user_id,))


def count_role(conn: Conn, role: str) -> int:
    return conn.execute("SELECT COUNT(*) FROM users WHERE role=?", (role,)).fetchone()[0]


def all_users(store: Store) -> list[UserRecord]:
    with store.read() as conn:
        return [UserRecord(*r) for r in conn.execute(
            f"SELECT {_USER} FROM users ORDER BY email, id")]

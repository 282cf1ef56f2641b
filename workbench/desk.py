"""The live desk (issue 11 §3): assignments and presence.

An editor assigns claims to reviewers (one at a time or in bulk); "my claims" is
the claims assigned to me. Presence says who has which claim open: each open
review page touches its claim every few seconds, and a touch older than
``PRESENCE_SECONDS`` no longer counts, so a closed tab fades out by itself.
A person is named by their e-mail when signed in, else by their typed name.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from .identity import Identity, Role, require
from .store import Store
from .store import desk as rows
from .store.documents import now

PRESENCE_SECONDS = 15.0  # a page that stopped touching its claim this long ago is gone
HEARTBEAT_SECONDS = 5.0  # how often an open page touches its claim


@dataclass(frozen=True, slots=True)
class Assignment:
    claim_key: str
    assignee: str  # e-mail when signed in, else a typed name
    assigned_by: str
    assigned_at: str


def who(identity: Identity | None, typed_name: str = "") -> str:
    """How the desk names a person: their e-mail (or subject) when signed in."""
    if identity is not None:
        return identity.email or identity.subject
    return typed_name.strip()


def assign(store: Store, claim_keys: Sequence[str], assignee: str | None, *,
           identity: Identity | None = None, by: str = "") -> int:
    """Give ``claim_keys`` to ``assignee`` (``None``/empty: unassign); editors only.
    Returns how many claims changed hands."""
    keys = list(dict.fromkeys(claim_keys))
    assignee = (assignee or "").strip()
    with store.write() as conn:
        require(conn, identity, Role.editor, "assigning claims")
        if assignee:
            rows.assign(conn, keys, assignee.lower() if "@" in assignee else assignee,
                        who(identity, by), now())
        else:
            rows.unassign(conn, keys)
    return len(keys)


def assignments(store: Store, claim_keys: Sequence[str]) -> dict[str, Assignment]:
    return {k: Assignment(r.claim_key, r.assignee, r.assigned_by, r.assigned_at)
            for k, r in rows.assignments(store, claim_keys).items()}


def mine(claim_keys: Sequence[str], assigned: dict[str, Assignment], me: str) -> list[str]:
    """The claims (of ``claim_keys``, in order) assigned to ``me``."""
    me = me.strip().lower()
    return [k for k in claim_keys if k in assigned and assigned[k].assignee.lower() == me]


def touch(store: Store, claim_key: str, me: str, name: str = "", *,
          at: float | None = None) -> None:
    """``me`` has ``claim_key`` open (and no other claim)."""
    if not me:
        return
    at = time.time() if at is None else at
    with store.write() as conn:
        rows.touch(conn, claim_key, me, name or me, at, at - 20 * PRESENCE_SECONDS)


def leave(store: Store, me: str) -> None:
    with store.write() as conn:
        rows.leave(conn, me)


def present(store: Store, claim_keys: Sequence[str], *, at: float | None = None,
            exclude: str = "") -> dict[str, list[str]]:
    """claim key → names of the people on it now (``exclude``: not oneself)."""
    at = time.time() if at is None else at
    out: dict[str, list[str]] = {}
    for key, person, name in rows.present(store, claim_keys, at - PRESENCE_SECONDS):
        if person != exclude:
            out.setdefault(key, []).append(name)
    return out

"""Text and tables of the live desk for the app: who is on a claim, who it is
assigned to, the event log with identities, and what a finalised verdict says.
Plain data in, plain data out (the page draws them)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import settings
from .desk import Assignment
from .display.values import format_time
from .verdicts import Review


def live_seconds() -> float | None:
    """How often an open review page asks whether its claim changed (None: never)."""
    seconds = float(settings.get("live_seconds"))
    return seconds if seconds > 0 else None

ACTIONS = {"save": "saved", "finalise": "finalised", "reopen": "reopened"}


def with_desk_columns(table: pd.DataFrame, present: dict[str, list[str]],
                      assigned: dict[str, Assignment]) -> pd.DataFrame:
    """The claims table (indexed by claim key) with "on it now" (others reviewing
    the claim at this moment) and "assigned to"."""
    out = table.copy()
    out["on it now"] = [", ".join(present.get(k, [])) for k in out.index]
    out["assigned to"] = [assigned[k].assignee if k in assigned else "" for k in out.index]
    return out


def presence_signature(present: dict[str, list[str]]) -> tuple:
    """Compared between polls: a change means the table should be drawn again."""
    return tuple(sorted((k, tuple(v)) for k, v in present.items()))


def history_table(events: Iterable) -> pd.DataFrame:
    """The event log with what was done and the signed-in e-mail (empty for a typed name)."""
    return pd.DataFrame([{
        "when": format_time(e.at), "reviewer": e.reviewer, "e-mail": e.email,
        "action": ACTIONS.get(e.action, e.action), "from": e.old_status or "",
        "to": e.new_status, "note": e.note, "cited": len(e.cited), "version": e.version,
    } for e in events], columns=["when", "reviewer", "e-mail", "action", "from", "to", "note",
                                 "cited", "version"])


def who_changed(events: Iterable) -> str:
    """"By …" under the history: each person once, with their signed-in e-mail."""
    seen: dict[str, str] = {}
    for e in events:
        seen.setdefault(e.email or e.reviewer, f"{e.reviewer} ({e.email})" if e.email
                        else f"{e.reviewer or 'anonymous'} (not signed in)")
    return "By " + ", ".join(seen.values()) if seen else ""


def final_line(review: Review) -> str:
    return (f"Final: finalised by {review.finalised_by or 'an editor'} "
            f"{format_time(review.finalised_at)}; an editor can reopen it.")

"""Stored reviews (verdicts): status, note, cited evidence, never a silent overwrite.

Each save names the version it was based on; if someone saved in between, the
save is refused with ``StaleReview`` carrying the other person's review, so the
reviewer can merge. Every accepted save is also an event row (who, when, old →
new status, note, evidence; with sign-in, the identity's subject and e-mail). This
module does not decide what a status means.

Roles (``workbench.identity``) are checked here, in the transaction that writes:
a reviewer saves, an editor also finalises a verdict (which locks it: every save
is refused with ``Locked``) and reopens it. ``identity=None`` is the local,
unverified user of a desk without sign-in; their typed name is kept.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .errors import Locked, NotFound, StaleReview
from .identity import Identity, Role, require
from .models import Claim, Document, Evidence, Status
from .store import Store
from .store import reviews as rows
from .store.documents import document_of_claim, now


@dataclass(slots=True)
class Review:
    claim_key: str
    status: Status = Status.UNREVIEWED
    note: str = ""
    reviewer: str = ""
    cited: list[dict] = field(default_factory=list)
    version: int = 0  # 0: never saved
    updated_at: str | None = None
    claim: dict = field(default_factory=dict)  # snapshot of the claim when last saved
    finalised_at: str | None = None  # set: locked until an editor reopens it
    finalised_by: str = ""

    @property
    def final(self) -> bool:
        return self.finalised_at is not None


@dataclass(slots=True)
class ReviewEvent:
    at: str
    reviewer: str
    old_status: str | None
    new_status: str
    note: str
    cited: list[dict]
    version: int
    subject: str = ""  # who signed in (empty: a typed name, not verified)
    email: str = ""
    action: str = "save"  # save, finalise or reopen


def _from_row(row: rows.ReviewRecord) -> Review:
    return Review(row.claim_key, Status(row.status), row.note, row.reviewer,
                  json.loads(row.cited), row.version, row.updated_at, json.loads(row.claim),
                  row.finalised_at, row.finalised_by or "")


def claim_key(claim: Claim) -> str:
    """The key a review hangs on; only a stored claim has one."""
    if claim.key is None:
        raise ValueError(f"claim {claim.text!r} is not stored, so it cannot be reviewed")
    return claim.key


def cite(evidence: Evidence) -> dict:
    """What a review keeps of a piece of evidence: enough to find it again even
    if the source set is later deleted."""
    doc = evidence.document
    return {"title": doc.title, "outlet": doc.outlet, "url": doc.url,
            "published": doc.published, "passage": evidence.passage,
            "relation": str(evidence.relation)}


def claim_snapshot(claim: Claim, article: Document | None = None) -> dict:
    snap = {k: v for k, v in asdict(claim).items() if k not in {"evidence", "id"}}
    snap["kind"] = str(claim.kind)
    if article is not None:
        snap["article"] = {"title": article.title, "url": article.url,
                           "source_set": article.source_set, "id": article.id}
    return snap


def get_review(store: Store, claim_key: str) -> Review:
    found = rows.many(store, [claim_key])
    return _from_row(found[claim_key]) if claim_key in found else Review(claim_key)


def reviews_for(store: Store, claim_keys: list[str]) -> dict[str, Review]:
    found = rows.many(store, claim_keys)
    return {k: _from_row(found[k]) if k in found else Review(k) for k in claim_keys}


def save_review(
    store: Store,
    claim: Claim,
    *,
    status: Status | str,
    note: str = "",
    reviewer: str = "",
    cited: list[dict] | None = None,
    expected_version: int,
    article: Document | None = None,
    identity: Identity | None = None,
) -> Review:
    """Save a review based on ``expected_version``; raises ``StaleReview`` if the
    stored version moved on since, ``Locked`` if it is finalised, ``NotAllowed``
    if ``identity`` has no role. With an identity, the reviewer is its name, never
    ``reviewer``. Returns the saved review."""
    status, key = Status(status), claim_key(claim)
    cited = list(cited or [])
    with store.write() as conn:
        require(conn, identity, Role.reviewer, "saving a review")
        row = rows.current(conn, key)
        current = _from_row(row) if row else Review(key)
        if current.version != expected_version:
            raise StaleReview(current)
        if current.final:
            raise Locked(current)
        article = article or document_of_claim(conn, key)
        name, at = (identity.label if identity else reviewer.strip()), now()
        saved = Review(key, status, note, name, cited, current.version + 1,
                       at, claim_snapshot(claim, article))
        rows.write(conn, claim_key=key, old_status=str(current.status) if row else None,
                   status=str(status), note=note, reviewer=saved.reviewer, cited=cited,
                   claim=saved.claim, version=saved.version, at=at,
                   **_signed(identity))
    return saved


def _signed(identity: Identity | None) -> dict[str, str]:
    return {"subject": identity.subject, "email": identity.email} if identity else {}


def finalise_review(store: Store, claim_key: str, *, expected_version: int,
                    identity: Identity | None = None, reviewer: str = "") -> Review:
    """Lock the verdict as it is at ``expected_version`` (editors only): saves are
    refused until an editor reopens it. An event records who finalised."""
    return _set_final(store, claim_key, expected_version, identity, reviewer, final=True)


def reopen_review(store: Store, claim_key: str, *, expected_version: int,
                  identity: Identity | None = None, reviewer: str = "") -> Review:
    """Unlock a finalised verdict (editors only), so it can change again."""
    return _set_final(store, claim_key, expected_version, identity, reviewer, final=False)


def _set_final(store: Store, claim_key: str, expected_version: int, identity: Identity | None,
               reviewer: str, *, final: bool) -> Review:
    action = "finalise" if final else "reopen"
    with store.write() as conn:
        require(conn, identity, Role.editor, f"{action.rstrip('e')}ing a verdict")
        row = rows.current(conn, claim_key)
        if row is None:
            raise NotFound("this claim has no review yet: save a verdict before finalising it")
        current = _from_row(row)
        if current.version != expected_version:
            raise StaleReview(current)
        if current.final == final:
            raise ValueError(f"this verdict is already {'final' if final else 'open'}")
        if final and current.status is Status.UNREVIEWED:
            raise ValueError("an unreviewed claim cannot be finalised: set a status first")
        name = identity.label if identity else reviewer.strip()
        at = now()
        saved = Review(claim_key, current.status, current.note, name, current.cited,
                       current.version + 1, at, current.claim,
                       at if final else None, name if final else "")
        rows.write(conn, claim_key=claim_key, old_status=str(current.status),
                   status=str(current.status), note=current.note, reviewer=name,
                   cited=current.cited, claim=current.claim, version=saved.version, at=at,
                   action=action, finalised_at=saved.finalised_at,
                   finalised_by=saved.finalised_by, **_signed(identity))
    return saved


def history(store: Store, claim_key: str) -> list[ReviewEvent]:
    return [
        ReviewEvent(r.at, r.reviewer, r.old_status, r.new_status, r.note,
                    json.loads(r.cited), r.version, r.subject, r.email, r.action)
        for r in rows.events(store, claim_key)
    ]


def all_reviews(store: Store) -> list[Review]:
    return [_from_row(r) for r in rows.all_rows(store)]


def versions(store: Store, claim_keys: list[str]) -> dict[str, int]:
    """Current version per claim (0: never saved), for a page that polls for changes."""
    found = rows.versions(store, claim_keys)
    return {k: found.get(k, 0) for k in claim_keys}

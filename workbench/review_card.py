"""The review card of one claim: the stored review it is based on, what the reviewer
has chosen, and the other side when someone saved first.

The page keeps one ``ReviewCard`` per claim in its session and draws widgets from it;
every transition (save, take theirs, re-apply mine on top, follow a newer version)
is a method here, so it is tested without a browser. A refused save never
overwrites: the card keeps both sides until the reviewer picks one. A finalised
verdict (``Locked``) or a person without the role (``NotAllowed``) refuses too: the
card then shows what is stored and says why (``refused``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .display.labels import evidence_label, relation_label
from .errors import Locked, NotAllowed, StaleReview
from .identity import Identity, Role, check
from .keyboard import Presses
from .models import Claim, Document, Evidence
from .store import Store
from .verdicts import Review, cite, claim_key, get_review, save_review


@dataclass(slots=True)
class ReviewFields:
    """The parts of a review a reviewer edits."""

    status: str
    note: str = ""
    cited: list[dict] = field(default_factory=list)

    @classmethod
    def of(cls, review: Review) -> ReviewFields:
        return cls(str(review.status), review.note, list(review.cited))


@dataclass(slots=True)
class Conflict:
    """A save refused because ``theirs`` was saved first; ``mine`` is what was refused."""

    theirs: Review
    mine: ReviewFields


def cited_key(cited: dict) -> tuple:
    """What tells two citations apart: the document's title and the passage."""
    return (cited.get("title"), cited.get("passage"))


def merge_review(base: ReviewFields, mine: ReviewFields, theirs: ReviewFields) -> ReviewFields:
    """Three-way merge: each field I changed since ``base`` takes my value, the others
    keep theirs; cited evidence is theirs plus what I added, minus what I removed."""
    status = mine.status if mine.status != base.status else theirs.status
    note = mine.note if mine.note != base.note else theirs.note
    removed = {cited_key(c) for c in base.cited} - {cited_key(c) for c in mine.cited}
    cited = [c for c in theirs.cited if cited_key(c) not in removed]
    known = {cited_key(c) for c in theirs.cited}
    cited += [c for c in mine.cited if cited_key(c) not in known]
    return ReviewFields(status, note, cited)


def cite_options(evidence: Sequence[Evidence], cited: Sequence[dict]) -> dict[str, dict]:
    """Choices for "evidence cited": label → what a review keeps (``cite``). Items cited
    earlier that are no longer among the evidence (set deleted, text changed) stay listed."""
    options = {evidence_label(i, e): cite(e) for i, e in enumerate(evidence, start=1)}
    known = {cited_key(c) for c in options.values()}
    for n, c in enumerate(cited, start=1):
        if cited_key(c) not in known:
            where = c.get("outlet") or c.get("title") or "unknown source"
            options[f"saved {n}. {relation_label(c.get('relation', ''))} — {where}"] = c
            known.add(cited_key(c))
    return options


def cited_labels(options: dict[str, dict], cited: Sequence[dict]) -> list[str]:
    """The labels of ``options`` that ``cited`` holds, in the options' order."""
    wanted = {cited_key(c) for c in cited}
    return [label for label, c in options.items() if cited_key(c) in wanted]


@dataclass(slots=True)
class ReviewCard:
    """One claim's card. ``base`` is the stored review the reviewer's edits start from;
    ``conflict`` is set while a refused save waits for the reviewer's choice; ``refused``
    says why the last save was refused (locked, no role). ``generation`` moves on when
    the widgets' values are changed from here rather than typed (a colleague's version
    brought in, a save from a status or cite key, take theirs, a merge, a finalise or
    reopen): the widgets get fresh keys, so a rerun that carries the browser's previous
    values (the live poll sends one at any moment) is for widgets that no longer exist
    and cannot save them back. ``presses`` makes each of the card's key presses act once.
    """

    key: str
    base: Review
    conflict: Conflict | None = None
    refused: str = ""
    generation: int = 0
    presses: Presses = field(default_factory=Presses)

    @classmethod
    def load(cls, store: Store, key: str) -> ReviewCard:
        return cls(key, get_review(store, key))

    @property
    def widget_keys(self) -> tuple[str, str, str]:
        """Session keys of the card's status, note and cited widgets."""
        suffix = f"_{self.generation}" if self.generation else ""
        return (f"status_{self.key}{suffix}", f"note_{self.key}{suffix}",
                f"cited_{self.key}{suffix}")

    @property
    def shown(self) -> ReviewFields:
        """What the widgets show: my refused change while a conflict is open, else the
        stored review."""
        return self.conflict.mine if self.conflict else ReviewFields.of(self.base)

    def options(self, claim: Claim) -> dict[str, dict]:
        """The "evidence cited" choices; they number the evidence shown, so they are
        rebuilt on every render (the evidence may change)."""
        return cite_options(claim.evidence, self.shown.cited)

    def fields(self, claim: Claim, status: str, note: str, labels: Sequence[str],
               ) -> ReviewFields:
        """The widgets' values as review fields (cited labels back to citations)."""
        options = self.options(claim)
        return ReviewFields(status, note, [options[label] for label in labels])

    def follow(self, stored: Review) -> bool:
        """Show a newer stored version (someone else saved) unless a conflict is open;
        True when the card moved and its widgets must be refilled."""
        if self.conflict is not None or stored.version == self.base.version:
            return False
        self.base, self.generation = stored, self.generation + 1
        return True

    @property
    def locked(self) -> bool:
        """A finalised verdict: no save until an editor reopens it."""
        return self.base.final

    def save(self, store: Store, claim: Claim, fields: ReviewFields, *, reviewer: str = "",
             article: Document | None = None, identity: Identity | None = None,
             typed: bool = False) -> bool:
        """Save ``fields`` on top of ``base``. True when saved (or nothing changed: no new
        version); False when someone saved first (then ``conflict`` holds both sides and
        nothing was overwritten) or the save was refused (``refused`` says why). Fields
        not ``typed`` into the widgets give them fresh keys (``generation``)."""
        if not typed:
            self.generation += 1
        if self.conflict is None and fields == ReviewFields.of(self.base):
            return True
        try:
            saved = save_review(store, claim, status=fields.status, note=fields.note,
                                reviewer=reviewer, cited=fields.cited,
                                expected_version=self.base.version, article=article,
                                identity=identity)
        except StaleReview as exc:
            self.conflict = Conflict(exc.current, fields)
            return False
        except Locked as exc:
            self.base, self.conflict, self.refused = exc.current, None, str(exc)
            return False
        except NotAllowed as exc:
            self.conflict, self.refused = None, str(exc)
            return False
        self.base, self.conflict, self.refused = saved, None, ""
        return True

    def decided(self, review: Review) -> None:
        """A finalise or reopen went through: the card shows that version, in fresh
        widgets (enabled or disabled with the lock)."""
        self.base, self.conflict, self.refused = review, None, ""
        self.generation += 1

    def take_theirs(self) -> None:
        """Drop my refused change: the card shows their review (in fresh widgets)."""
        if self.conflict is not None:
            self.base, self.conflict = self.conflict.theirs, None
            self.generation += 1

    def reapply_mine(self, store: Store, claim: Claim, *, reviewer: str = "",
                     article: Document | None = None, identity: Identity | None = None,
                     ) -> bool:
        """Save my refused change merged on top of theirs (``merge_review``); False if
        yet another save came first (a new conflict)."""
        if self.conflict is None:
            return True
        theirs, mine = self.conflict.theirs, self.conflict.mine
        merged = merge_review(ReviewFields.of(self.base), mine, ReviewFields.of(theirs))
        self.base = theirs
        return self.save(store, claim, merged, reviewer=reviewer, article=article,
                         identity=identity)


@dataclass(slots=True)
class BulkResult:
    """What one status for several claims did: saved, refused because someone saved
    the claim in between (those are left for the reviewer to open), or left alone
    because the verdict is finalised (``locked``)."""

    saved: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)


def added_note(existing: str, note: str) -> str:
    """``note`` below an existing note (once), so a bulk note never erases one."""
    note, existing = note.strip(), existing.rstrip()
    if not note or note in existing.splitlines():
        return existing
    return f"{existing}\n{note}" if existing else note


def set_status_of_many(store: Store, claims: Sequence[Claim], status: str, note: str = "", *,
                       reviewer: str = "", article: Document | None = None,
                       identity: Identity | None = None) -> BulkResult:
    """One status (and note) for several claims, each saved on its current version with
    its cited evidence kept; the note is added below the claim's own. Needs the
    reviewer role (``NotAllowed`` before anything is saved); finalised verdicts stay."""
    check(store, identity, Role.reviewer, "setting the status of several claims")
    result = BulkResult()
    for claim in claims:
        card = ReviewCard.load(store, claim_key(claim))
        if card.locked:
            result.locked.append(card.key)
            continue
        fields = ReviewFields(status, added_note(card.base.note, note), list(card.base.cited))
        saved = card.save(store, claim, fields, reviewer=reviewer, article=article,
                          identity=identity)
        if saved:
            result.saved.append(card.key)
        else:
            (result.locked if card.locked else result.refused).append(card.key)
    return result

"""Reports on one article (issue 13): what an editor must see before it runs.

``article_report`` gathers, from the evidence the workbench already finds and the
reviews already saved, the claims that no source supports, every conflict and every
misattribution, with each claim's verdict, note, cited evidence, independent
confirmations and first appearance. ``html`` renders it as one escaped page,
``pdf`` prints that page, ``claimreview`` exports verdicts as schema.org JSON-LD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..corpus import default_sets
from ..match import check_document
from ..models import Claim, Document, Evidence, Relation
from ..store import Store
from ..verdicts import Review, claim_key, reviews_for

__all__ = ["ArticleReport", "ClaimEntry", "article_report"]


@dataclass(slots=True)
class ClaimEntry:
    """A claim of the article with its evidence and its review."""

    claim: Claim
    review: Review

    def having(self, relation: Relation) -> list[Evidence]:
        return [e for e in self.claim.evidence if e.relation is relation]

    @property
    def supported(self) -> bool:
        return bool(self.having(Relation.SUPPORTS))


@dataclass(slots=True)
class ArticleReport:
    article: Document
    sets: list[str]
    entries: list[ClaimEntry] = field(default_factory=list)

    @property
    def unsupported(self) -> list[ClaimEntry]:
        """Claims with no supporting passage in the chosen sets."""
        return [e for e in self.entries if not e.supported]

    @property
    def conflicts(self) -> list[ClaimEntry]:
        return [e for e in self.entries if e.having(Relation.CONFLICTS)]

    @property
    def misattributions(self) -> list[ClaimEntry]:
        return [e for e in self.entries if e.having(Relation.MISATTRIBUTED)]

    def to_dict(self) -> dict:
        def claim(entry: ClaimEntry) -> dict:
            review = entry.review
            return {**entry.claim.to_dict(), "status": str(review.status), "note": review.note,
                    "reviewer": review.reviewer, "cited": review.cited}

        return {
            "article": self.article.to_dict(), "sets": self.sets,
            "unsupported": [claim(e) for e in self.unsupported],
            "conflicts": [claim(e) for e in self.conflicts],
            "misattributions": [claim(e) for e in self.misattributions],
            "claims": [claim(e) for e in self.entries],
        }

    def findings(self) -> list[dict]:
        """One row per finding (a claim may be in several lists), for a table."""
        rows = []
        for finding, entries in (("no supporting evidence", self.unsupported),
                                 ("conflict", self.conflicts),
                                 ("misattribution", self.misattributions)):
            for e in entries:
                rows.append({"finding": finding, "kind": str(e.claim.kind),
                             "claim": e.claim.text, "speaker": e.claim.speaker or "",
                             "status": str(e.review.status)})
        return rows

    def text_lines(self) -> list[str]:
        """The three lists as plain lines, for the terminal."""
        lines = [f"# {self.article.title}", f"matched against: {', '.join(self.sets) or '-'}"]
        for title, entries, relation in (
            ("no supporting evidence", self.unsupported, None),
            ("conflicts", self.conflicts, Relation.CONFLICTS),
            ("misattributions", self.misattributions, Relation.MISATTRIBUTED),
        ):
            lines.append(f"\n{title} ({len(entries)}):")
            for entry in entries:
                c = entry.claim
                who = f" — {c.speaker}" if c.speaker else ""
                lines.append(f"  [{entry.review.status}] {c.kind} “{c.text}”{who}")
                for ev in entry.having(relation) if relation else []:
                    source = ev.document.outlet or ev.document.title
                    said = f" ({ev.speaker})" if relation is Relation.MISATTRIBUTED else ""
                    stale = f" [stale: {ev.time_scope['reason']}]" if ev.stale and \
                        ev.time_scope else ""
                    lines.append(f"      {source}{said}{stale}: {' '.join(ev.passage.split())}")
        return lines


def article_report(store: Store, doc_id: int, *, sets: Sequence[str] | None = None
                   ) -> ArticleReport:
    """The report of a stored article against ``sets`` (default: every set but the
    articles under review)."""
    sets = list(default_sets(store) if sets is None else sets)
    article, claims = check_document(store, doc_id, sets=sets)
    reviews = reviews_for(store, [claim_key(c) for c in claims])
    return ArticleReport(article, sets, [ClaimEntry(c, reviews[claim_key(c)]) for c in claims])

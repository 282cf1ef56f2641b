"""Small builders for tests that need stored documents without running spaCy."""

from __future__ import annotations

from workbench.models import Claim, ClaimKind, Document, Passage
from workbench.store import Store
from workbench.store import documents as rows


def sentences(text: str) -> list[Passage]:
    """Naive sentence passages: split after '. ' (enough for hand-made texts)."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(Passage(start, i + 1, text[start:i + 1]))
            start = i + 2
    if start < len(text):
        out.append(Passage(start, len(text), text[start:]))
    return out


def quote(text: str, quoted: str, speaker: str | None, cue: str = "said") -> Claim:
    start = text.index(quoted)
    return Claim(ClaimKind.QUOTE, quoted, start, start + len(quoted), speaker=speaker, cue=cue)


def number(text: str, surface: str, value: float, unit: str, si: float, dimension: str,
           qualifier: str | None = None, about: str | None = None) -> Claim:
    start = text.index(surface)
    return Claim(ClaimKind.NUMERIC, surface, start, start + len(surface), value=value, unit=unit,
                 qualifier=qualifier, si_value=si, si_unit={"speed": "m/s", "count": "count"}.get(
                     dimension, "m"), dimension=dimension, about=about)


def store_doc(store: Store, source_set: str, doc: Document, claims: list[Claim]) -> int:
    with store.write() as conn:
        rows.ensure_set(conn, source_set)
        doc.source_set = source_set
        existing = rows.find_existing(conn, source_set, doc)
        return rows.write_document(conn, source_set, doc, sentences(doc.text), claims,
                                   existing.id if existing else None)

"""Small builders for tests that need stored documents without running spaCy."""

from __future__ import annotations

from workbench.models import Claim, ClaimKind, Document, Evidence, Passage
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


# Records as the pages get them: a Northwire document, evidence, two claims.
def doc(title="Wire", outlet="Northwire", url="https://wire.example/a", published="2026-03-14"):
    return Document(title=title, text="", outlet=outlet, url=url, published=published,
                    source_set="demo", id=1)


def ev(relation, score=90.0, passage="It flew at Mach 10.", start=11, end=18, **kw):
    return Evidence(doc(), passage, start, end, score, relation, passage_start=0, **kw)


def speed_claim(**kw):
    values = dict(kind=ClaimKind.NUMERIC, text="more than 3,200 kilometers per hour", start=0,
                  end=35, value=3200.0, unit="km/h", qualifier="more than",
                  si_value=888.889, si_unit="m/s", dimension="speed", about="missile", key="k1")
    return Claim(**{**values, **kw})


def quote_claim(**kw):
    values = dict(kind=ClaimKind.QUOTE, text="The test met every objective we set", start=1,
                  end=36, speaker="Petra Vance", cue="said", key="k2")
    return Claim(**{**values, **kw})

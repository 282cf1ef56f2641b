"""Index lookups for matching: candidate passages and what was extracted there.

The index proposes, rapidfuzz decides: these queries only fetch candidates, cheaply
and in bulk. Candidates are ranked by ``postings`` from the full-text index (FTS5's
doclists, or PostgreSQL's ``tsvector`` GIN index); user and document text reaches
either only as quoted terms, so no string can change a query's syntax. What
leaves this module are records (``PassageRecord``, ``Claim``, ``Document``),
never driver rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from ..models import Claim
from . import postings
from .db import Conn
from .documents import row_to_claim, row_to_document

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PassageRecord:
    """A stored passage: a sentence of a document, at its offsets there."""
    id: int
    document_id: int
    start: int
    end: int
    text: str


class QuantityRecord(NamedTuple):
    """A stored numeric claim with the passage it sits in (unpacks as a tuple)."""
    claim: Claim
    passage_id: int | None
    passage_start: int | None
    passage_text: str | None
    document_id: int


def _passage(row: Any) -> PassageRecord:
    return PassageRecord(row[0], row[1], row[2], row[3], row[4])


def candidate_passages(
    conn: Conn,
    terms: Iterable[str],
    *,
    sets: Sequence[str] | None,
    exclude_hash: str | None,
    limit: int,
) -> list[PassageRecord]:
    """Passages sharing words with ``terms``, the rarest shared words first
    (see ``postings``); never passages of documents with ``exclude_hash``."""
    words = [w.lower() for term in terms for w in _WORD.findall(term)]
    # Twice as many as asked, for the article's own duplicates filtered out below.
    ranked = postings.ranked_passages(conn, words, sets=sets, limit=2 * limit)
    if not ranked:
        return []
    where, args = ("d.content_hash != ?", [exclude_hash]) if exclude_hash else ("1=1", [])
    ids = [pid for pid, _ in ranked]
    rows = {}
    for chunk in _chunked(ids):
        for row in conn.execute(
            'SELECT p.id, p.document_id, p.start, p."end", p.text FROM passages p '

            f"JOIN documents d ON d.id = p.document_id WHERE {where} "
            f"AND p.id IN ({', '.join('?' * len(chunk))})", (*args, *chunk)
        ):
            rows[row[0]] = _passage(row)
    return [rows[pid] for pid in ids if pid in rows][:limit]


def quotes_in_passages(conn: Conn, passage_ids: Sequence[int]) -> dict[int, list]:
    """Quote claims stored for these passages, by passage id."""
    out: dict[int, list] = {}
    for chunk in _chunked(passage_ids):
        for row in conn.execute(
            f"SELECT * FROM claims WHERE {conn.unindexed('kind')}='quote' "  # the passage index
            f"AND passage_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            out.setdefault(row["passage_id"], []).append(row_to_claim(row))
    return out


def quantities_in_documents(
    conn: Conn, doc_ids: Sequence[int], *, dimension: str, si_unit: str | None
) -> list[QuantityRecord]:
    """Numeric claims of one dimension (and SI unit) in these documents, with the
    passage each sits in: ``(claim, passage_id, passage_start, passage_text)``."""
    out: list[QuantityRecord] = []
    for chunk in _chunked(doc_ids):
        rows = conn.execute(
            "SELECT c.*, p.start AS p_start, p.text AS p_text FROM claims c "
            "LEFT JOIN passages p ON p.id = c.passage_id "
            f"WHERE {conn.unindexed('c.kind')}='numeric' AND {conn.unindexed('c.dimension')}=? "
            f"AND {conn.unindexed('c.si_unit')} IS NOT DISTINCT FROM ? "  # the document index
            f"AND c.document_id IN ({', '.join('?' * len(chunk))})",
            (dimension, si_unit, *chunk),
        )
        out.extend(QuantityRecord(row_to_claim(r), r["passage_id"], r["p_start"], r["p_text"],
                                  r["document_id"]) for r in rows)
    return out


def documents_by_id(conn: Conn, doc_ids: Iterable[int]) -> dict:
    """Documents by id, without their text (evidence needs only the metadata)."""
    ids = list(set(doc_ids))
    out = {}
    for chunk in _chunked(ids):
        for row in conn.execute(
            "SELECT id, source_set, title, outlet, url, published, path, record, '' AS text "
            f"FROM documents WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        ):
            out[row["id"]] = row_to_document(row)
    return out


def lead_passages(conn: Conn, doc_ids: Iterable[int], *, chars: int = 400) -> dict[int, str]:
    """Each document's opening passages (those starting in its first ``chars``
    characters), joined: with the title, what the document is mainly about."""
    out: dict[int, list[str]] = {}
    for chunk in _chunked(list(set(doc_ids))):
        for row in conn.execute(
            "SELECT document_id, text FROM passages WHERE start < ? "
            f"AND document_id IN ({', '.join('?' * len(chunk))}) ORDER BY document_id, start",
            (chars, *chunk),
        ):
            out.setdefault(row[0], []).append(row[1])
    return {doc_id: " ".join(texts) for doc_id, texts in out.items()}


def passages_of(conn: Conn, doc_id: int) -> list[PassageRecord]:
    """Every passage of a document, in text order."""
    return [_passage(r) for r in conn.execute(
        'SELECT id, document_id, start, "end", text FROM passages WHERE document_id=? '
        "ORDER BY start", (doc_id,))]


def passage_containing(conn: Conn, doc_id: int, offset: int) -> PassageRecord | None:
    row = conn.execute(
        'SELECT id, document_id, start, "end", text FROM passages '
        'WHERE document_id=? AND start<=? AND "end">? ',
        (doc_id, offset, offset),
    ).fetchone()
    return None if row is None else _passage(row)


def _chunked(items: Iterable, size: int = 500) -> Iterator[list]:
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def cached_evidence(conn: Conn, claim_ids: Sequence[int], signature: str
                    ) -> Iterator[tuple[int, str]]:
    """``(claim_id, payload)`` of evidence cached under this signature."""
    for chunk in _chunked(claim_ids):
        yield from (tuple(r) for r in conn.execute(
            f"SELECT claim_id, payload FROM evidence_cache WHERE signature=? "
            f"AND claim_id IN ({', '.join('?' * len(chunk))})",
            (signature, *chunk),
        ).fetchall())


def cache_evidence(conn: Conn, rows: Sequence[tuple[int, str, str]]) -> None:
    """Cache evidence per (claim, signature), so reviewers matching against other
    sets do not evict each other; entries of older corpus versions are dropped."""
    stamp = datetime.now(UTC).isoformat(timespec="microseconds")
    conn.executemany(
        "INSERT INTO evidence_cache(claim_id, signature, payload, cached_at) VALUES (?,?,?,?) "
        "ON CONFLICT(claim_id, signature) DO UPDATE SET payload=excluded.payload, "
        "cached_at=excluded.cached_at",
        [(*row, stamp) for row in rows],
    )
    for claim_id, signature, _ in rows:
        version = signature.split("|", 1)[0] + "|"
        conn.execute("DELETE FROM evidence_cache WHERE claim_id=? AND substr(signature, 1, ?) != ?",
                     (claim_id, len(version), version))


def clear_evidence_cache(conn: Conn) -> None:
    """Forget all cached evidence (benchmarks time the uncached path with it)."""
    conn.execute("DELETE FROM evidence_cache")


def latest_evidence(conn: Conn, claim_ids: Sequence[int]) -> dict[int, str]:
    """The most recently cached evidence payload per claim, whatever its signature."""
    out = {}
    for chunk in _chunked(claim_ids):
        for row in conn.execute(
            f"SELECT claim_id, payload FROM evidence_cache WHERE claim_id IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY cached_at, {conn.rowid}", chunk
        ):
            out[row["claim_id"]] = row["payload"]
    return out

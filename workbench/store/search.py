"""Index lookups for matching: candidate passages and what was extracted there.

The index proposes, rapidfuzz decides: these queries only fetch candidates, cheaply
and in bulk. Candidates are ranked by ``postings`` from FTS5's doclists; user and
document text reaches FTS5 only as quoted phrases, so no string can change a
query's syntax.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from . import postings
from .documents import row_to_claim, row_to_document

_WORD = re.compile(r"\w+", re.UNICODE)


def candidate_passages(
    conn: sqlite3.Connection,
    terms: Iterable[str],
    *,
    sets: Sequence[str] | None,
    exclude_hash: str | None,
    limit: int,
) -> list[sqlite3.Row]:
    """Passages sharing words with ``terms``, the rarest shared words first
    (see ``postings``); never passages of documents with ``exclude_hash``."""
    words = [w.lower() for term in terms for w in _WORD.findall(term)]
    # Twice as many as asked, for the article's own duplicates filtered out below.
    ranked = postings.ranked_passages(conn, words, sets=sets, limit=2 * limit)
    if not ranked:
        return []
    where, args = ("d.content_hash != ?", [exclude_hash]) if exclude_hash else ("1", [])
    ids = [pid for pid, _ in ranked]
    rows = {}
    for chunk in _chunked(ids):
        for row in conn.execute(
            "SELECT p.id, p.document_id, p.start, p.end, p.text FROM passages p "
            f"JOIN documents d ON d.id = p.document_id WHERE {where} "
            f"AND p.id IN ({', '.join('?' * len(chunk))})", (*args, *chunk)
        ):
            rows[row["id"]] = row
    return [rows[pid] for pid in ids if pid in rows][:limit]


def quotes_in_passages(conn: sqlite3.Connection, passage_ids: Sequence[int]) -> dict[int, list]:
    """Quote claims stored for these passages, by passage id."""
    out: dict[int, list] = {}
    for chunk in _chunked(passage_ids):
        for row in conn.execute(
            "SELECT * FROM claims WHERE +kind='quote' "  # "+": use the passage index
            f"AND passage_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            out.setdefault(row["passage_id"], []).append(row_to_claim(row))
    return out


def quantities_in_documents(
    conn: sqlite3.Connection, doc_ids: Sequence[int], *, dimension: str, si_unit: str | None
) -> list[tuple]:
    """Numeric claims of one dimension (and SI unit) in these documents, with the
    passage each sits in: ``(claim, passage_id, passage_start, passage_text)``."""
    out = []
    for chunk in _chunked(doc_ids):
        rows = conn.execute(
            "SELECT c.*, p.start AS p_start, p.text AS p_text FROM claims c "
            "LEFT JOIN passages p ON p.id = c.passage_id "
            f"WHERE +c.kind='numeric' AND +c.dimension=? AND +c.si_unit IS ? "  # document index
            f"AND c.document_id IN ({', '.join('?' * len(chunk))})",
            (dimension, si_unit, *chunk),
        )
        out.extend((row_to_claim(r), r["passage_id"], r["p_start"], r["p_text"], r["document_id"])
                   for r in rows)
    return out


def documents_by_id(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> dict:
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


def lead_passages(conn: sqlite3.Connection, doc_ids: Iterable[int], *, chars: int = 400) -> dict:
    """Each document's opening passages (those starting in its first ``chars``
    characters), joined: with the title, what the document is mainly about."""
    out: dict[int, list[str]] = {}
    for chunk in _chunked(list(set(doc_ids))):
        for row in conn.execute(
            "SELECT document_id, text FROM passages WHERE start < ? "
            f"AND document_id IN ({', '.join('?' * len(chunk))}) ORDER BY document_id, start",
            (chars, *chunk),
        ):
            out.setdefault(row["document_id"], []).append(row["text"])
    return {doc_id: " ".join(texts) for doc_id, texts in out.items()}


def passage_containing(conn: sqlite3.Connection, doc_id: int, offset: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, start, end, text FROM passages WHERE document_id=? AND start<=? AND end>? ",
        (doc_id, offset, offset),
    ).fetchone()


def _chunked(items: Sequence, size: int = 500):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def cached_evidence(conn: sqlite3.Connection, claim_ids: Sequence[int], signature: str):
    """``(claim_id, payload)`` of evidence cached under this signature."""
    for chunk in _chunked(claim_ids):
        yield from conn.execute(
            f"SELECT claim_id, payload FROM evidence_cache WHERE signature=? "
            f"AND claim_id IN ({', '.join('?' * len(chunk))})",
            (signature, *chunk),
        ).fetchall()


def cache_evidence(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Cache evidence per (claim, signature), so reviewers matching against other
    sets do not evict each other; entries of older corpus versions are dropped."""
    conn.executemany(
        "INSERT INTO evidence_cache(claim_id, signature, payload) VALUES (?,?,?) "
        "ON CONFLICT(claim_id, signature) DO UPDATE SET payload=excluded.payload, "
        "cached_at=CURRENT_TIMESTAMP",
        rows,
    )
    for claim_id, signature, _ in rows:
        version = signature.split("|", 1)[0] + "|"
        conn.execute("DELETE FROM evidence_cache WHERE claim_id=? AND substr(signature, 1, ?) != ?",
                     (claim_id, len(version), version))


def latest_evidence(conn: sqlite3.Connection, claim_ids: Sequence[int]) -> dict[int, str]:
    """The most recently cached evidence payload per claim, whatever its signature."""
    out = {}
    for chunk in _chunked(claim_ids):
        for row in conn.execute(
            f"SELECT claim_id, payload FROM evidence_cache WHERE claim_id IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY cached_at, rowid", chunk
        ):
            out[row["claim_id"]] = row["payload"]
    return out

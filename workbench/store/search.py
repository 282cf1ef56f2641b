"""Index lookups for matching: FTS5 candidates and same-dimension quantities.

The index proposes, rapidfuzz decides: these queries only fetch candidates, cheaply
and in bulk. User and document text reaches FTS5 only as quoted phrases, so no
string can change the query's syntax.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from .documents import row_to_claim, row_to_document

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_phrase(term: str) -> str:
    """One term as an FTS5 string literal: double quotes doubled, nothing else
    interpreted (AND, NEAR, *, ^, : and parentheses are just text inside it)."""
    return '"' + term.replace('"', '""') + '"'


RAREST = 8  # words of a claim sent to the index: the rarest carry the match


def fts_any(words: Iterable[str]) -> str | None:
    """An FTS5 query matching passages with any of the words."""
    words = list(words)
    return " OR ".join(fts_phrase(w) for w in words) if words else None


def rarest_words(conn: sqlite3.Connection, terms: Iterable[str], k: int = RAREST) -> list[str]:
    """The ``k`` words of ``terms`` found in fewest passages (from the FTS5
    vocabulary). Common words make BM25 score most of the corpus; rare ones find
    the same passages at a fraction of the cost. Words the vocabulary does not
    know as written (accents) are kept: they may still match."""
    words = list(dict.fromkeys(w.lower() for term in terms for w in _WORD.findall(term)))
    if len(words) <= k:
        return words
    counts = dict(conn.execute(
        f"SELECT term, doc FROM passages_vocab WHERE term IN ({', '.join('?' * len(words))})",
        words).fetchall())
    present = [w for w in words if counts.get(w, 1) > 0]
    return sorted(present, key=lambda w: counts.get(w, 0))[:k]


def _scope(sets: Sequence[str] | None, exclude_hash: str | None, alias: str = "d"):
    clauses, args = [], []
    if sets is not None:
        clauses.append(f"{alias}.source_set IN ({', '.join('?' * len(sets))})")
        args.extend(sets)
    if exclude_hash:
        clauses.append(f"{alias}.content_hash != ?")
        args.append(exclude_hash)
    return (" AND " + " AND ".join(clauses)) if clauses else "", args


def candidate_passages(
    conn: sqlite3.Connection,
    terms: Iterable[str],
    *,
    sets: Sequence[str] | None,
    exclude_hash: str | None,
    limit: int,
) -> list[sqlite3.Row]:
    """Passages sharing (rare) words with ``terms``, best BM25 first."""
    query = fts_any(rarest_words(conn, terms))
    if query is None:
        return []
    scope, args = _scope(sets, exclude_hash)
    # FTS5 answers "MATCH … ORDER BY rank LIMIT n" without scoring into a join, so
    # take the best hits first (twice as many, for those the scope filters out).
    return conn.execute(
        "SELECT p.id, p.document_id, p.start, p.end, p.text, hits.rank AS rank FROM ("
        "  SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? "
        "  ORDER BY rank LIMIT ?) AS hits "
        "JOIN passages p ON p.id = hits.rowid JOIN documents d ON d.id = p.document_id "
        f"WHERE 1{scope} ORDER BY hits.rank LIMIT ?",
        (query, 2 * limit, *args, limit),
    ).fetchall()


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

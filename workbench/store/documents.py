"""Rows of the corpus: source sets, documents, their passages and extracted claims.

A document is keyed within its set by where it came from (path and row, else URL,
else content hash), so re-loading a set updates changed documents in place and
skips identical ones. Each document is written in one transaction with its
passages and claims: an interrupted load leaves whole documents or none.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..models import Claim, ClaimKind, Document, Passage
from .db import Conn, Store, bump_corpus_version

CLAIM_COLUMNS = (
    "kind", "text", "start", "end", "speaker", "cue", "value", "value_max", "unit",
    "qualifier", "si_value", "si_value_max", "si_unit", "dimension", "about", "direction",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def document_key(doc: Document) -> str:
    if doc.path:
        return doc.path if doc.record is None else f"{doc.path}#{doc.record}"
    if doc.url:
        return doc.url
    return "sha256:" + doc.content_hash


def claim_key(source_set: str, doc_key: str, claim: Claim, occurrence: int) -> str:
    """A key that survives re-extraction, so reviews stay attached to their claim."""
    norm = " ".join(claim.text.lower().split())
    raw = f"{source_set}\x1f{doc_key}\x1f{claim.kind}\x1f{norm}\x1f{occurrence}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What ingest needs to know of a document already stored."""
    id: int
    content_hash: str


@dataclass(slots=True)
class SetSummary:
    name: str
    documents: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    updated_at: str


def ensure_set(conn: Conn, name: str) -> None:
    stamp = now()
    conn.execute(
        "INSERT INTO sets(name, created_at, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET updated_at = excluded.updated_at",
        (name, stamp, stamp),
    )


def find_existing(conn: Conn, source_set: str, doc: Document) -> StoredDocument | None:
    """The stored row this document would replace: same key, or same content."""
    row = conn.execute(
        "SELECT id, content_hash FROM documents WHERE source_set=? AND doc_key=?",
        (source_set, document_key(doc)),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT id, content_hash FROM documents WHERE source_set=? AND content_hash=?",
            (source_set, doc.content_hash),
        ).fetchone()
    return None if row is None else StoredDocument(row[0], row[1])


def write_document(
    conn: Conn,
    source_set: str,
    doc: Document,
    passages: list[Passage],
    claims: list[Claim],
    existing_id: int | None = None,
) -> int:
    """Insert or replace one document with its passages and claims (caller holds
    the transaction). Returns the document id, which an update keeps."""
    key = document_key(doc)
    values = (doc.title, doc.outlet, doc.url, doc.published, doc.path, doc.record,
              doc.text, doc.content_hash, now())
    if existing_id is None:
        doc_id = conn.execute(
            "INSERT INTO documents(source_set, doc_key, title, outlet, url, published, path, "
            "record, text, content_hash, loaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
            (source_set, key, *values),
        ).fetchone()[0]
    else:
        doc_id = existing_id
        conn.execute("DELETE FROM claims WHERE document_id=?", (doc_id,))
        conn.execute("DELETE FROM passages WHERE document_id=?", (doc_id,))
        conn.execute(
            "UPDATE documents SET doc_key=?, title=?, outlet=?, url=?, published=?, path=?, "
            "record=?, text=?, content_hash=?, loaded_at=? WHERE id=?",
            (key, *values, doc_id),
        )
    passage_ids = _write_passages(conn, doc_id, passages)
    _write_claims(conn, source_set, key, doc_id, claims, passages, passage_ids)
    bump_corpus_version(conn)
    return doc_id


def write_many(
    store: Store, source_set: str,
    entries: list[tuple[Document, list[Passage] | None, list[Claim] | None]],
) -> list[tuple[str, int | None]]:
    """Several documents in one transaction (the Dask engine's bulk writer, one
    commit per partition instead of per document). Each comes back as
    ("added" | "updated" | "unchanged", id), or ("missing", None) when it is new
    but came without passages (its worker skipped it as already stored)."""
    out: list[tuple[str, int | None]] = []
    with store.write() as conn:
        ensure_set(conn, source_set)
        for doc, passages, claims in entries:
            existing = find_existing(conn, source_set, doc)
            if existing is not None and existing.content_hash == doc.content_hash:
                out.append(("unchanged", existing.id))
            elif passages is None or claims is None:
                out.append(("missing", None))
            else:
                doc_id = write_document(conn, source_set, doc, passages, claims,
                                        existing.id if existing is not None else None)
                out.append(("updated" if existing is not None else "added", doc_id))
    return out


def hashes_by_path(store: Store, source_set: str, names: list[str]) -> dict[str, str]:
    """Document key -> content hash of what a set holds from these files (a zip's
    members are stored as ``<archive>/<member>``), so a worker skips what is stored."""
    if not names:
        return {}
    with store.read() as conn:
        rows = conn.execute(
            f"SELECT doc_key, content_hash FROM documents WHERE source_set=? AND "
            f"path IN ({', '.join('?' * len(names))})", (source_set, *names)).fetchall()
        for prefix in (n + "/" for n in names if n.lower().endswith(".zip")):
            rows += conn.execute(
                "SELECT doc_key, content_hash FROM documents WHERE source_set=? AND "
                "path >= ? AND path < ?", (source_set, prefix, prefix[:-1] + "0")).fetchall()
    return {r[0]: r[1] for r in rows}


def _write_passages(conn: Conn, doc_id: int, passages: list[Passage]) -> list[int]:
    return conn.insert_passages([(doc_id, p.start, p.end, p.text) for p in passages])


def _passage_for(offset: int, passages: list[Passage], ids: list[int]) -> int | None:
    for p, pid in zip(passages, ids, strict=True):
        if p.start <= offset < p.end:
            return pid
    return None


def _write_claims(conn: Conn, source_set: str, key: str, doc_id: int, claims: list[Claim],
                  passages: list[Passage], passage_ids: list[int]) -> None:
    seen: dict[tuple, int] = {}
    rows = []
    for claim in claims:
        ident = (claim.kind, " ".join(claim.text.lower().split()))
        seen[ident] = seen.get(ident, 0) + 1
        ckey = claim_key(source_set, key, claim, seen[ident])
        pid = _passage_for(claim.start, passages, passage_ids)
        rows.append((doc_id, pid, ckey, *(_claim_value(claim, c) for c in CLAIM_COLUMNS)))
    conn.insert_many("claims", ("document_id", "passage_id", "key", *map(quoted, CLAIM_COLUMNS)),
                     rows)


def quoted(column: str) -> str:
    """``end`` is a reserved word in PostgreSQL."""
    return f'"{column}"' if column == "end" else column


def _claim_value(claim: Claim, column: str) -> Any:
    value = getattr(claim, column)
    return str(value) if column == "kind" else value


def row_to_document(row: Any) -> Document:
    return Document(
        title=row["title"], text=row["text"], outlet=row["outlet"], url=row["url"],
        published=row["published"], source_set=row["source_set"], path=row["path"],
        record=row["record"], id=row["id"],
    )


def row_to_claim(row: Any) -> Claim:
    values = {c: row[c] for c in CLAIM_COLUMNS}
    values["kind"] = ClaimKind(values["kind"])
    return Claim(**values, id=row["id"], key=row["key"])


def list_sets(store: Store) -> list[SetSummary]:
    with store.read() as conn:
        rows = conn.execute(
            "SELECT s.name, s.updated_at, COUNT(d.id) AS n, MIN(d.published) AS first, "
            f"MAX(d.published) AS last, {conn.group_concat('d.outlet', distinct=True)} AS outlets "
            "FROM sets s LEFT JOIN documents d ON d.source_set = s.name "
            "GROUP BY s.name ORDER BY s.name"
        ).fetchall()
    return [
        SetSummary(r["name"], r["n"], sorted(filter(None, (r["outlets"] or "").split(","))),
                   r["first"], r["last"], r["updated_at"])
        for r in rows
    ]


def delete_set(store: Store, name: str) -> int:
    """Delete a set and its documents; returns how many documents went."""
    with store.write() as conn:
        n = conn.execute("SELECT COUNT(*) FROM documents WHERE source_set=?", (name,)).fetchone()[0]
        conn.execute("DELETE FROM documents WHERE source_set=?", (name,))
        conn.execute("DELETE FROM sets WHERE name=?", (name,))
        bump_corpus_version(conn)
    return n


def list_documents(
    store: Store, source_set: str | None = None, *, with_text: bool = True
) -> list[Document]:
    """Documents of one set (or all); ``with_text=False`` leaves the text out,
    for pickers over large corpora."""
    columns = "*" if with_text else (
        "id, source_set, title, outlet, url, published, path, record, '' AS text")
    sql = f"SELECT {columns} FROM documents"
    args: tuple = ()
    if source_set is not None:
        sql, args = sql + " WHERE source_set=?", (source_set,)
    with store.read() as conn:
        rows = conn.execute(sql + " ORDER BY source_set, published NULLS FIRST, title",
                            args).fetchall()
    return [row_to_document(r) for r in rows]


def get_document(store: Store, doc_id: int) -> Document | None:
    with store.read() as conn:
        row = conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
    return None if row is None else row_to_document(row)


def claims_of(store: Store, doc_id: int) -> list[Claim]:
    """The claims extracted from a document at ingest (``key`` set)."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT * FROM claims WHERE document_id=? ORDER BY start, id", (doc_id,)
        ).fetchall()
    return [row_to_claim(r) for r in rows]


def claims_for_export(
    store: Store, source_set: str | None = None, *, articles_set: str = ""
) -> list[tuple[Document, Claim]]:
    """Claims of the documents in scope, with their document (text left out):
    a set's documents, or else the articles under review and every document
    with at least one review."""
    if source_set is not None:
        where, args = "d.source_set = ?", (source_set,)
    else:
        where, args = ("d.source_set = ? OR d.id IN (SELECT c2.document_id FROM claims c2 "
                       "JOIN reviews r ON r.claim_key = c2.key)"), (articles_set,)
    with store.read() as conn:
        rows = conn.execute(
            "SELECT c.*, d.id AS d_id, d.title AS d_title, d.url AS d_url, d.outlet AS d_outlet, "
            "d.published AS d_published, d.source_set AS d_set, d.path AS d_path, "
            "d.record AS d_record FROM claims c JOIN documents d ON d.id = c.document_id "
            f"WHERE {where} ORDER BY d.source_set, d.title, c.start", args
        ).fetchall()
    out = []
    for r in rows:
        doc = Document(title=r["d_title"], text="", outlet=r["d_outlet"], url=r["d_url"],
                       published=r["d_published"], source_set=r["d_set"], path=r["d_path"],
                       record=r["d_record"], id=r["d_id"])
        out.append((doc, row_to_claim(r)))
    return out


def document_of_claim(conn: Conn, key: str) -> Document | None:
    row = conn.execute(
        "SELECT d.* FROM documents d JOIN claims c ON c.document_id = d.id WHERE c.key=? LIMIT 1",
        (key,),
    ).fetchone()
    return None if row is None else row_to_document(row)

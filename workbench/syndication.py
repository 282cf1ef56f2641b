"""Syndication (issue 13): near-duplicate documents grouped, and independent confirmations.

Wire copy is republished with a new headline, trimmed, or with a paragraph added:
the hash that deduplicates identical text misses it. Each document gets a MinHash
signature of its word 5-shingles at ingest; MinHash LSH (``datasketch``) proposes
documents whose shingle sets may overlap (Jaccard ``LSH_THRESHOLD`` or more), and the
decision is the estimated *containment* of the shorter in the longer (``CONTAINMENT``):
a copy trimmed to half its length has Jaccard 0.5 but containment 1. A document near
any member joins that group (two groups it bridges are merged). A group's **origin**
is its earliest dated member (undated ones come last, then the lowest id). Grouping
spans every set.

Five outlets running one wire story are one confirmation: ``confirmations`` counts
the distinct groups among the documents that support a claim (``independent``) and
the supporting documents that repeat a group already counted (``copies``). A copy
of the article under review itself is never an independent confirmation.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from .models import Claim, Document, Evidence, Relation
from .provenance import date_key
from .store import Store
from .store import groups as rows
from .store.db import Conn

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.3  # Jaccard for a candidate; other stories on one event share < 0.05
CONTAINMENT = 0.7  # share of the shorter document's shingles found in the longer
SEED = 1
SCHEME = "affine32"  # stored signatures are only comparable within one scheme
CHUNK = 500  # documents grouped per write transaction
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Lower-cased word 5-shingles; a text shorter than that is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode()
            for i in range(len(words) - SHINGLE_WORDS + 1)}


class Signature:
    """A MinHash and the number of shingles it was made from (for containment)."""

    __slots__ = ("minhash", "size")

    def __init__(self, minhash: MinHash, size: int) -> None:
        self.minhash, self.size = minhash, size

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller shingle set found in the larger."""
        j = self.minhash.jaccard(other.minhash)
        return j * (self.size + other.size) / ((1 + j) * min(self.size, other.size))


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Drawn once: a MinHash draws its permutations from the seed on every init."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(**kw: Any) -> MinHash:
    # crc32 (C) as the shingle hash: sha1 in Python was half the grouping time
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32,
                   permutations=_permutations(), **kw)


def signature(text: str) -> Signature | None:
    """The text's signature, or None for a text without words (groups with nothing)."""
    found = shingles(text)
    if not found:
        return None
    minhash = _minhash()
    minhash.update_batch(list(found))
    return Signature(minhash, len(found))


def _to_bytes(sig: Signature | None) -> bytes:
    if sig is None:
        return b""
    return np.concatenate([[sig.size], sig.minhash.hashvalues]).astype("<u8").tobytes()


def _from_bytes(blob: bytes) -> Signature | None:
    if not blob:
        return None
    values = np.frombuffer(blob, dtype="<u8")
    return Signature(_minhash(hashvalues=values[1:]), int(values[0]))


def group_documents(store: Store) -> int:
    """Give every new or changed document its signature and group; returns how
    many were placed. Called at the end of each ingest (and it backfills
    databases made before grouping existed)."""
    with store.read() as conn:
        if not rows.has_ungrouped(conn):
            return 0
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    signatures: dict[int, Signature] = {}
    group: dict[int, int] = {}
    placed = 0
    with store.read() as conn:
        for doc_id, group_id, blob in rows.signatures(conn):
            group[doc_id] = group_id
            if (sig := _from_bytes(blob)) is not None:
                lsh.insert(doc_id, sig.minhash)
                signatures[doc_id] = sig
    while True:
        with store.write() as conn:
            batch = rows.ungrouped(conn, CHUNK)
            for doc_id, text, content_hash in batch:
                sig = signature(text)
                gid = _place(conn, doc_id, sig, lsh, signatures, group)
                rows.save(conn, doc_id, gid, content_hash, _to_bytes(sig))
        placed += len(batch)
        if len(batch) < CHUNK:
            return placed


def _place(conn: Conn, doc_id: int, sig: Signature | None, lsh: MinHashLSH,
           signatures: dict[int, Signature], group: dict[int, int]) -> int:
    if doc_id in signatures:  # changed text: its old signature no longer speaks for it
        lsh.remove(doc_id)
        del signatures[doc_id]
    if sig is None:
        group[doc_id] = doc_id
        return doc_id
    near = [k for k in lsh.query(sig.minhash) if signatures[k].containment(sig) >= CONTAINMENT]
    found = {group[k] for k in near}
    gid = min(found) if found else doc_id
    if len(found) > 1:  # it bridges groups: one now (rare, so a full relabel is fine)
        rows.merge(conn, gid, found)
        for k, g in group.items():
            if g in found:
                group[k] = gid
    lsh.insert(doc_id, sig.minhash)
    signatures[doc_id] = sig
    group[doc_id] = gid
    return gid


def cap_by_group(conn: Conn, evidence: list[Evidence], limit: int) -> list[Evidence]:
    """The first ``limit`` places of ranked evidence, a place being one group and
    relation: the copies of a story kept beside it never push out other sources."""
    group_of = rows.group_ids(conn, (e.document.id for e in evidence if e.document.id))
    places: set = set()
    out = []
    for ev in evidence:
        doc_id = ev.document.id
        group = group_of.get(doc_id) if doc_id is not None else None
        place = (group if group is not None else ("doc", doc_id), ev.relation)
        if place not in places:
            if len(places) >= limit:
                continue
            places.add(place)
        out.append(ev)
    return out


def _origin_key(member: rows.Member) -> tuple:
    moment = date_key(member.published)
    return (moment is None, moment.timestamp() if moment else 0.0, member.document_id)


def annotate(store: Store, article: Document, claims: Iterable[Claim]) -> None:
    """Set ``group``/``origin`` on the article and every evidence document,
    ``group`` on every evidence item and ``confirmations`` on every claim."""
    claims = list(claims)
    documents = [article] + [e.document for c in claims for e in c.evidence]
    with store.read() as conn:
        members = rows.members_of_groups_of(conn, (d.id for d in documents if d.id))
    group_of = {m.document_id: m.group_id for m in members}
    origin: dict[int, int] = {}
    for m in sorted(members, key=_origin_key):
        origin.setdefault(m.group_id, m.document_id)
    for doc in documents:
        doc.group = group_of.get(doc.id) if doc.id else None
        doc.origin = None if doc.group is None else origin[doc.group] == doc.id
    for claim in claims:
        for ev in claim.evidence:
            ev.group = ev.document.group
        claim.confirmations = confirmations(claim.evidence, article_group=article.group)


def confirmations(evidence: Iterable[Evidence], *, article_group: int | None = None) -> dict:
    """``{"independent": N, "copies": M}`` over the supporting documents (stale
    evidence aside: a source from before the event, or about another period, does
    not confirm it)."""
    documents: dict = {}
    for ev in evidence:
        if ev.relation is Relation.SUPPORTS and not ev.stale:
            key = ev.document.id if ev.document.id is not None else id(ev.document)
            documents[key] = ev.group if ev.group is not None else ("doc", key)
    independent = set(documents.values()) - {article_group}
    return {"independent": len(independent), "copies": len(documents) - len(independent)}

"""Candidate passages ranked by the rarity of the words they share with a claim.

FTS5's ``MATCH … ORDER BY rank`` computes BM25 for every passage holding any of
the claim's words; at a million passages a quote's ordinary words match a tenth
of them and ranking takes a third of a second. Here each word's passage ids are
read once from the FTS5 index itself (its doclist, one query per word) and kept
in memory for that version of the corpus, and numpy ranks the candidates: a
passage scores the summed inverse document frequency of the claim's words it
holds (coordinate matching weighted by rarity; rapidfuzz judges afterwards, so
BM25's length normalisation buys nothing). Words reach FTS5 only as quoted
phrases. On PostgreSQL a word's ids come from the ``tsvector`` GIN index
(``Conn.word_postings``) and the ranking here is the same. The cache is bounded
(setting ``posting_cache_mb``) and shared by the app's threads; a change to the
corpus gives it a new key, never stale ids.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import settings
from .db import Conn

_EMPTY = np.zeros(0, dtype=np.int64)


class _Cache:
    """Least-recently-used arrays, bounded by their total size in bytes."""

    def __init__(self) -> None:
        self._items: OrderedDict = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, value: Any) -> None:
        budget = float(settings.get("posting_cache_mb")) * 1024 * 1024
        size = _nbytes(value)
        with self._lock:
            if key in self._items:
                return
            self._items[key] = value
            self._bytes += size
            while self._bytes > budget and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._bytes -= _nbytes(old)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


def _nbytes(value: Any) -> int:
    return value.nbytes if isinstance(value, np.ndarray) else 64


_CACHE = _Cache()


def clear_cache() -> None:
    """Forget every cached posting list (benchmarks measure the cold path with it)."""
    _CACHE.clear()


def corpus_key(conn: Conn) -> tuple[str, str]:
    """(database identity, corpus version): changes whenever passages may have."""
    meta = dict(conn.execute(
        "SELECT key, value FROM meta WHERE key IN ('corpus_id', 'corpus_version')").fetchall())
    return meta.get("corpus_id", ""), meta.get("corpus_version", "0")


def postings(conn: Conn, key: tuple, word: str) -> np.ndarray:
    """Ids of the passages holding ``word`` (as the full-text index tokenises it)."""
    cached = _CACHE.get((key, "word", word))
    if cached is not None:
        return cached
    joined = conn.word_postings(word)
    ids = _parse_ids(joined) if joined else _EMPTY
    _CACHE.put((key, "word", word), ids)
    return ids


def _parse_ids(joined: str) -> np.ndarray:
    """Comma-joined ids (one ``group_concat`` row: far fewer Python objects than a
    row per id) as an array."""
    return np.fromstring(joined, dtype=np.int64, sep=",")


def _corpus_size(conn: Conn, key: tuple) -> tuple[int, int]:
    """(passages, highest passage id) of this corpus version."""
    cached = _CACHE.get((key, "size"))
    if cached is None:
        count, top = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM passages").fetchone()
        cached = np.array([count, top], dtype=np.int64)
        _CACHE.put((key, "size"), cached)
    return int(cached[0]), int(cached[1])


def _scope_mask(conn: Conn, key: tuple, sets: Sequence[str], top: int) -> np.ndarray:
    """True at the ids of passages in the chosen sets."""
    scope = tuple(sorted(set(sets)))
    cached = _CACHE.get((key, "scope", scope))
    if cached is not None:
        return cached
    mask = np.zeros(top + 1, dtype=bool)
    if scope:
        row = conn.execute(
            f"SELECT {conn.group_concat('p.id')} FROM passages p "
            "JOIN documents d ON d.id = p.document_id "
            f"WHERE d.source_set IN ({', '.join('?' * len(scope))})", scope).fetchone()
        if row and row[0]:
            mask[_parse_ids(row[0])] = True
    _CACHE.put((key, "scope", scope), mask)
    return mask


def idf(passages: int, holding: int) -> float:
    """BM25's inverse document frequency (never negative)."""
    return math.log((passages - holding + 0.5) / (holding + 0.5) + 1.0)


def ranked_passages(
    conn: Conn, words: Sequence[str], *, sets: Sequence[str] | None, limit: int
) -> list[tuple[int, float]]:
    """``(passage id, score)`` of the ``limit`` best passages holding any of the
    words, best first (ties by id), restricted to ``sets`` when given."""
    words = list(dict.fromkeys(w for w in words if w))
    if not words or limit <= 0:
        return []
    key = corpus_key(conn)
    passages, top = _corpus_size(conn, key)
    lists = [postings(conn, key, w) for w in words]
    lists = [ids for ids in lists if len(ids)]
    if not lists or top == 0:
        return []
    ids = np.concatenate(lists)
    weights = np.repeat([idf(passages, len(ids_)) for ids_ in lists], [len(x) for x in lists])
    scores = np.bincount(ids, weights=weights, minlength=top + 1)[: top + 1]
    if sets is not None:
        scores = scores * _scope_mask(conn, key, sets, top)
    hit = np.flatnonzero(scores)
    if len(hit) > limit:
        hit = hit[np.argpartition(-scores[hit], limit - 1)[:limit]]
    order = np.lexsort((hit, -scores[hit]))
    return [(int(i), float(scores[i])) for i in hit[order]]

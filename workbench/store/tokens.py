"""Words as SQLite's FTS5 ``unicode61 remove_diacritics 2`` tokeniser sees them.

The PostgreSQL backend indexes these tokens (not PostgreSQL's own parser, which
keeps "3.4" or "high-speed" whole), so a word has the same passages, and the
same rarity, on both backends.
"""

from __future__ import annotations

import re
import unicodedata

# unicode61: letters, numbers and private-use characters are token characters.
_TOKEN = re.compile(r"[^\W_]+|[\ue000-\uf8ff]+")


def tokens(text: str) -> list[str]:
    """Lower-cased tokens with diacritics removed, in order (repeats kept)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TOKEN.findall(unicodedata.normalize("NFC", stripped))


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(text: str, max_bytes: int) -> str:
    """The distinct tokens of ``text`` as a ``tsvector`` input string (tokens
    PostgreSQL could not hold, of ``max_bytes`` and more, are left out)."""
    seen = dict.fromkeys(t for t in tokens(text) if len(t.encode("utf-8")) < max_bytes)
    return " ".join(_lexeme(t) for t in seen)


def tsquery_literal(word: str) -> str:
    """A ``tsquery`` matching passages holding every token of ``word``; empty
    when it has none. Only quoted lexemes: no operator in ``word`` is read."""
    return " & ".join(_lexeme(t) for t in dict.fromkeys(tokens(word)))

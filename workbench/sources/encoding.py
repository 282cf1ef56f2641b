"""Bytes to text: detect the encoding, refuse binary data, normalise the result.

Order of tests: byte-order marks (UTF-8, UTF-32, UTF-16); UTF-16 without a BOM
(its high bytes take very few values, and are NUL or control bytes for Latin and
Cyrillic text); known binary signatures and control-byte density; strict UTF-8;
mostly-UTF-8 with a few broken bytes (decoded with U+FFFD); Windows-1252 when the
result reads like Western text; charset-normalizer as the last resort. The text is
then normalised: NFC, ``\\n`` line ends, no BOM, no control characters other than tab
and newline.

This module does not guess a language, does not repair mojibake that is already in
the text (UTF-8 decoded twice upstream), and does not look at file names: a caller
decides what the text is.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from ..errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
    b"SQLite format 3\x00", b"\x7fELF", b"MZ\x90\x00", b"Rar!", b"7z\xbc\xaf",
)
_SAMPLE = 65536
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# Windows-1252 text decodes to these non-ASCII characters; mojibake of other code
# pages (Cyrillic, Greek) lands on them too, so the letter share is checked as well.
_WESTERN = frozenset(
    "\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_GARBLED = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd\ue000-\uf8ff]")
_STRIP_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe]")
_KEEP_NUL_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe]")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for UTF-16 without a BOM, else None.

    In UTF-16 text one byte of each pair (the high byte) takes very few values: NUL for
    Latin text, 0x04 for Cyrillic, 0x20 for curly quotes and dashes. The other byte
    varies. Plain 8-bit text varies in both positions; random binary in both.
    """
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = Counter(sample[0::2]), Counter(sample[1::2])
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        top = sum(n for _, n in high.most_common(8))
        if top >= 0.95 * len(sample) / 2 and len(low) > 8 and len(high) < len(low) / 2:
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for known binary signatures or a sample dense in control bytes."""
    if data.startswith(_SIGNATURES):
        return True
    for start in (0, max(0, len(data) // 2 - _SAMPLE // 2)):
        sample = data[start:start + _SAMPLE]
        controls = len(_CONTROL.findall(sample))
        if controls >= 3 and controls / len(sample) > 0.03:
            return True
    return False


def _western(text: str) -> bool:
    """True when cp1252-decoded text reads like a Western European language."""
    text = text[: _SAMPLE * 4]
    non_ascii = _NON_ASCII.findall(text)
    if any(c not in _WESTERN for c in non_ascii):
        return False
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in non_ascii if c.isalpha())
    return letters == 0 or accented / letters < 0.3


def _legacy(data: bytes) -> str:
    """Decode data that is not UTF-8: Windows-1252 if plausible, else ask charset-normalizer."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _western(text):
        return text
    import charset_normalizer  # imported late: it is only needed for odd files

    best = charset_normalizer.from_bytes(data[: _SAMPLE * 4]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return text if text is not None else data.decode("latin-1")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes: decode with U+FFFD when good sequences dominate."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    return text if good > 0 and good >= bad else None


def _garbled(text: str) -> bool:
    """True when decoded text is dense in control or replacement characters."""
    sample = text[:_SAMPLE]
    bad = len(_GARBLED.findall(sample))
    return bad >= 3 and bad / len(sample) > 0.05


def decode(data: bytes, name: str, *, tabular: bool = False) -> str:
    """The text of ``data``; SourceError('empty file' / 'binary file, not text')."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if not body.strip():
                raise SourceError(name, "empty file")
            return _checked(body.decode(encoding, errors="replace"), name, tabular)
    if not data.strip():
        raise SourceError(name, "empty file")
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16 and _CONTROL.search(data[:_SAMPLE]):
        return _checked(data.decode(utf16, errors="replace"), name, tabular)
    if looks_binary(data):
        raise SourceError(name, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data) or _legacy(data)
    return normalise(text, tabular=tabular)


def _checked(text: str, name: str, tabular: bool) -> str:
    """Normalised text of a BOM or UTF-16 guess, refused when the guess produced garbage."""
    if _garbled(text):
        raise SourceError(name, "binary file, not text")
    return normalise(text, tabular=tabular)


def normalise(text: str, *, tabular: bool = False) -> str:
    """NFC, ``\\n`` line ends, no BOM or control characters.

    ``tabular`` keeps NUL (a CSV/JSONL row with one is refused by row) and the Unicode
    line separators, which are legal inside JSON strings and CSV fields.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not tabular:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\u0085", "\n")
    text = (_KEEP_NUL_CONTROLS if tabular else _STRIP_CONTROLS).sub("", text)
    return unicodedata.normalize("NFC", text)

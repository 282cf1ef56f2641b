"""Untrusted text as inert Markdown: escaping, highlighting, word diffs, safe links.

Every piece of untrusted text (documents, quotes, notes, file names) that reaches
Markdown goes through ``md_escape``, so the pages never build Markdown from raw text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from ..match.wording import word_diff

# Markdown and HTML specials, "$" (LaTeX), ":" (directives, emoji, autolinks), "&" (entities).
_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|<>~$:&=\"'])")
_SPACE = re.compile(r"\s+")
# Codes Streamlit replaces in the parsed text, where escapes no longer count: an icon for
# ":material_name:", its logo for ":streamlit:". A word joiner after the colon stops them.
_TEXT_CODES = re.compile(r":(?=material_\w|streamlit:)")


def md_escape(text: str | None) -> str:
    """Text as inert inline Markdown: every special character backslash-escaped and
    whitespace runs (newlines too) folded to one space, so it cannot open a block;
    Streamlit's icon and logo codes are kept from turning into pictures."""
    text = _TEXT_CODES.sub(":\u2060", _SPACE.sub(" ", text or ""))
    # Streamlit also rewrites ":material/" to ":material_" in the source, escaped or not;
    # it leaves ":material\/" alone.
    return _SPECIAL.sub(r"\\\1", text).replace("\\:material/", "\\:material\\/")


def highlight(text: str, start: int, end: int, colour: str = "orange") -> str:
    """Escaped Markdown of ``text`` with ``text[start:end]`` on a coloured background."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start >= end:
        return md_escape(text)
    span = md_escape(text[start:end]).strip()
    if not span:
        return md_escape(text)
    before, after = md_escape(text[:start]), md_escape(text[end:])
    lead = " " if text[start:end][:1].isspace() else ""
    trail = " " if text[start:end][-1:].isspace() else ""
    return f"{before}{lead}:{colour}-background[{span}]{trail}{after}"


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The lines of ``text`` holding ``[start, end)``, with the span's offsets in them."""
    first = text.rfind("\n", 0, max(0, start)) + 1
    last = text.find("\n", max(start, end))
    last = len(text) if last == -1 else last
    return text[first:last], start - first, end - first


def diff_markdown(claim_text: str, evidence_text: str) -> str:
    """The evidence's wording against the claim's: words only in the article struck
    through in red, words only in the source in bold green; all escaped."""
    parts = []
    for change in word_diff(claim_text, evidence_text):
        if change.op == "equal":
            parts.append(md_escape(change.evidence))
            continue
        if change.claim:
            parts.append(f":red[~~{md_escape(change.claim)}~~]")
        if change.evidence:
            parts.append(f":green[**{md_escape(change.evidence)}**]")
    return " ".join(parts)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL percent-encoded so it cannot break out of a Markdown link."""
    if not url or urlsplit(url.strip()).scheme.lower() not in {"http", "https"}:
        return None
    return quote(url.strip(), safe="/:?#@!&'*+,;=%~-._")


def link_markdown(label: str, url: str | None) -> str:
    href = safe_url(url)
    return f"[{md_escape(label)}]({href})" if href else md_escape(label)

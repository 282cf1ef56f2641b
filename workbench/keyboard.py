"""The Review page's keyboard: which key does what, as data, and its help text.

The keys are Streamlit's own button shortcuts (``st.button(..., shortcut=...)``), which
do nothing while the reviewer types in a text field. Streamlit reserves C and R (clear
cache, rerun), so *contradicted* is X. There is no key to focus the note: Streamlit
has none, and ``streamlit-shortcuts`` draws an iframe script that the safety test
refuses (through a component API Streamlit 1.67 marks deprecated).
"""

from __future__ import annotations

from .models import Status

STATUS_KEYS: dict[Status, str] = {
    Status.SUPPORTED: "S", Status.CONTRADICTED: "X", Status.MISQUOTED: "M",
    Status.MISATTRIBUTED: "A", Status.MISLEADING: "L", Status.UNVERIFIABLE: "U",
    Status.NEEDS_FOLLOW_UP: "F",
}
NEXT_CLAIM, PREVIOUS_CLAIM = "J", "K"
CITE_KEYS = tuple("123456789")  # the first nine pieces of evidence


def cite_key(index: int) -> str | None:
    """The key that cites evidence number ``index`` (1-based), if it has one."""
    return CITE_KEYS[index - 1] if 1 <= index <= len(CITE_KEYS) else None


def help_markdown() -> str:
    """The help popover: one line per key (Markdown; no untrusted text)."""
    lines = [f"- `{NEXT_CLAIM}` / `{PREVIOUS_CLAIM}`: next / previous claim",
             *(f"- `{key}`: {status}" for status, key in STATUS_KEYS.items()),
             "- the note: click it, `Ctrl+Enter` saves it, `Tab` leaves it",
             f"- `{CITE_KEYS[0]}`–`{CITE_KEYS[-1]}`: cite or uncite that piece of evidence",
             "", "Keys do nothing while you type in a field. "
             "Streamlit keeps `C` and `R` for itself, so *contradicted* is `X`."]
    return "\n".join(lines)

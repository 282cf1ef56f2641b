"""The Review page's keyboard: which key does what, as data, and its help text.

The keys are Streamlit's own button shortcuts (``st.button(..., shortcut=...)``), which
do nothing while the reviewer types in a text field. Streamlit reserves C and R (clear
cache, rerun), so *contradicted* is X. There is no key to focus the note: Streamlit
has none, and ``streamlit-shortcuts`` draws an iframe script that the safety test
refuses (through a component API Streamlit 1.67 marks deprecated).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from .models import Status

T = TypeVar("T")

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


class Presses:
    """Each press of a drawn button acts once.

    With the live poll on, Streamlit 1.67 can dispatch a button's callback a second time
    when a poll pre-empts the run the press started (its replayed trigger), and the
    second run can carry the browser's widget values from before the first. A repeat
    of J would skip a claim (or, with the old claim carried back, undo the first), a
    repeat of a status key after another key would put the old status back, and a
    repeat of a cite key would uncite. Buttons carry the number of the drawing they
    belong to (``drawing``); ``once`` acts the first time and hands a repeat the first
    time's result, so the caller can restore it. A person pressing the same key twice
    before the page is drawn again gets one action, which is what the page then shows.
    """

    KEPT = 8  # drawings remembered: a replay comes within a run or two

    def __init__(self) -> None:
        self.drawn = 0
        self._done: dict[int, dict[Hashable, object]] = {}

    def drawing(self) -> int:
        """A new drawing of the buttons; its number goes in their callbacks' args."""
        self.drawn += 1
        self._done[self.drawn] = {}
        for old in [d for d in self._done if d <= self.drawn - self.KEPT]:
            del self._done[old]
        return self.drawn

    def once(self, drawing: int, action: Hashable, act: Callable[[], T]) -> T:
        """``act()`` the first time ``action`` comes from ``drawing``; its result again
        (without acting) for a repeat."""
        done = self._done.setdefault(drawing, {})
        if action not in done:
            done[action] = act()
        return cast("T", done[action])

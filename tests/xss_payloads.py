"""XSS payloads for the browser safety tests, and the JavaScript trap that catches them.

Every payload's script, when it runs, calls ``top.__xss = N`` (N = the payload's
number, so a failure names the payload), some also ``alert(N)`` or set
``document.title``. ``TRAP`` is installed with ``add_init_script`` before the app
loads: it turns ``window.__xss`` into a setter that records every hit in
``window.__xssHits`` (and keeps ``__xss`` reading ``undefined``), and records
``alert``/``confirm``/``prompt`` calls; the tests also watch Playwright's
``dialog`` event and the document title. A few payloads run nothing even when served
raw (Markdown and Streamlit syntax, templates): they test that the app's Markdown
neither links, renders nor evaluates them. ``top.`` is used so that a payload running
in a same-origin frame (``<iframe srcdoc>``) still reaches the trap of the app's page.

This module only holds data; it drives no browser and starts no server.
"""

from __future__ import annotations

MARK = "top.__xss={n}"
TITLE = "XSS"


def _payloads() -> list[tuple[str, str]]:
    """(name, payload) pairs; ``{m}`` is the marker statement."""
    return [
        ("script tag", "<script>{m}</script>"),
        ("script tag, upper case", "<SCRIPT>{m}</SCRIPT>"),
        ("script src data URL", "<script src=data:text/javascript,{m}></script>"),
        ("img onerror", "<img src=x onerror={m}>"),
        ("img onerror, quoted", '<img src="x" onerror="{m}">'),
        ("svg onload", "<svg onload={m}>"),
        ("svg animate onbegin", "<svg><animate onbegin={m} attributeName=x dur=1s>"),
        ("markdown javascript link", "[click me](javascript:{m})"),
        ("markdown javascript link, encoded", "[click me](jav&#x09;ascript:{m})"),
        ("markdown image onerror", '![x](x" onerror="{m})'),
        ("markdown autolink", "<javascript:{m}>"),
        ("html javascript link", '<a href="javascript:{m}">click me</a>'),
        ("iframe srcdoc", '<iframe srcdoc="<script>{m}</script>"></iframe>'),
        ("iframe javascript src", '<iframe src="javascript:{m}"></iframe>'),
        ("body onload", "<body onload={m}>"),
        ("details ontoggle", "<details open ontoggle={m}>"),
        ("input autofocus onfocus", "<input autofocus onfocus={m}>"),
        ("math href", '<math><mtext><a href="javascript:{m}">m</a></mtext></math>'),
        ("katex href", r"$\href{{javascript:{m}}}{{katex}}$"),
        ("katex htmlData", r"$$\htmlData{{onload={m}}}{{x}}$$"),
        ("streamlit directive", ":red[red text] :blue-background[{m}] :link[x](javascript:{m})"),
        ("streamlit icon and logo codes", ":material/warning: :material_home: :streamlit: {m}"),
        ("html entities", "&lt;img src=x onerror={m}&gt; &#60;script&#62;{m}&#60;/script&#62;"),
        ("style import", "<style>@import 'javascript:{m}';</style>"),
        ("css expression", '<div style="width: expression({m})">css</div>'),
        ("data URL link", '<a href="data:text/html,<script>{m}</script>">data</a>'),
        ("object data", '<object data="javascript:{m}"></object>'),
        ("embed src", '<embed src="javascript:{m}">'),
        ("meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:{m}">'),
        ("attribute breakout, double quote", '"><script>{m}</script>'),
        ("attribute breakout, single quote", "'><img src=x onerror={m}>"),
        ("template injection", "{{{{constructor.constructor('{m}')()}}}}"),
        ("template literal", "${{{m}}}"),
        ("form formaction", '<form><button formaction="javascript:{m}">go</button></form>'),
        ("video source onerror", "<video><source onerror={m}></video>"),
        ("alert dialog", "<img src=y onerror=\"{m};alert('XSS')\">"),
        ("document title", "<img src=z onerror=\"{m};document.title='" + TITLE + "'\">"),
    ]


PAYLOADS: list[str] = [p.format(m=MARK.format(n=n)) for n, (_, p) in enumerate(_payloads(), 1)]
NAMES: list[str] = [name for name, _ in _payloads()]

# Installed with ``add_init_script``: runs before any page script, in every frame.
TRAP = """
(() => {
  const hits = [];
  Object.defineProperty(window, '__xssHits', {value: hits});
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return undefined; },
    set(value) { hits.push('marker ' + String(value)); },
  });
  for (const name of ['alert', 'confirm', 'prompt']) {
    const original = window[name];
    window[name] = function (...args) {
      hits.push(name + ' ' + args.map(String).join(' '));
      return original.apply(this, args);
    };
  }
})();
"""


def payload(name: str) -> str:
    """The payload called ``name``."""
    return PAYLOADS[NAMES.index(name)]


def numbers(*names: str) -> set[int]:
    """The marker numbers of the payloads called ``names``."""
    return {NAMES.index(name) + 1 for name in names}


def file_name_payloads(limit: int = 200) -> list[str]:
    """Payloads that can be file names (no ``/`` or NUL, short enough for 255 bytes
    with a suffix)."""
    return [p for p in PAYLOADS if "/" not in p and "\0" not in p
            and len(p.encode()) <= limit]


def hits(page) -> list[str]:
    """What the trap caught in the page (and its frames): empty when nothing ran."""
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("() => (window.__xssHits || []).slice()")
        except Exception:  # a frame that went away or a cross-origin frame
            continue
    return found


def assert_no_execution(page, dialogs: list) -> None:
    """No payload ran: the trap is untouched, no dialog opened, the title is intact."""
    assert hits(page) == [], f"payload script ran: {hits(page)}"
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == [], f"dialogs opened: {dialogs}"
    assert page.title() != TITLE


if __name__ == "__main__":  # list them
    for number, (name, payload) in enumerate(zip(NAMES, PAYLOADS, strict=True), 1):
        print(f"{number:2} {name:36} {payload}")

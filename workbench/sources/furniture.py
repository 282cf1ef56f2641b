"""What page furniture looks like: one line in, a verdict out.

Pasted web pages carry navigation, bylines, share buttons, newsletter boxes, cookie
notices, clock times and "more news" lists around the article. This module knows
their shapes (phrase lists and bounded regexes, applied only to lines of at most
``SHORT`` characters so a megabyte-long line costs nothing) and sorts a line into

    FURNITURE   drop the line (a byline, "Subscribe", "5:04 PM", "© 2024 …")
    TAIL        a marker after which the page shows other articles ("News Feed")
    TEXT        anything else

It does not decide where an article starts or ends, and does not look at a line's
neighbours: ``cleaning.py`` does that with these verdicts.
"""

from __future__ import annotations

import re
from enum import Enum

from .fields import DATE_IN_TEXT

SHORT = 200


class Kind(Enum):
    FURNITURE = "furniture"
    TAIL = "tail"
    TEXT = "text"


_TAIL = {
    "news feed", "more news", "latest news", "latest", "related", "related articles",
    "related stories", "related news", "related coverage", "related content",
    "related posts", "related reading", "related topics", "editors' picks", "editor's picks",
    "editors picks", "read more", "read next", "more to read", "recommended",
    "recommended for you", "recommended stories", "recommended reading", "most read",
    "most popular", "most viewed", "popular", "trending", "trending now", "top stories",
    "you may also like", "you might also like", "more stories", "more on this story",
    "more on this topic", "also read", "don't miss", "what to read next", "comments",
    "join the conversation", "about the author", "more like this", "see also",
    "in other news", "elsewhere", "stories you may have missed",
}
_PHRASES = {
    "skip to content", "skip to main content", "skip to navigation", "jump to content",
    "edit post", "menu", "search", "home", "log in", "login", "sign in", "register",
    "subscribe", "subscribe now", "sign up", "sign up now", "advertisement", "advert", "ad",
    "sponsored", "sponsored content", "promoted", "paid content", "story continues below",
    "article continues below", "continue reading", "scroll to continue",
    "continue reading below", "see more", "show more", "load more", "view comments",
    "share", "share this", "share this article", "share this story", "share this page",
    "share article", "tweet", "email", "print", "copy link", "link copied", "follow us",
    "listen", "listen to this article", "watch", "play video", "close", "back to top",
    "this audio is created with ai assistance", "indicates required", "newsletter",
    "please, enter correct email address", "please enter a valid email address",
    "enter your email", "enter your email to subscribe", "your email address",
    "email address", "successfuly subscribed", "successfully subscribed",
    "accept", "accept all", "reject all", "manage preferences", "privacy policy",
    "terms of use", "terms of service", "terms and conditions", "contact us", "about us",
    "topics", "tags", "photo", "video", "gallery", "live", "breaking", "breaking news",
    "opinion", "analysis", "explainer", "exclusive", "world exclusive", "live updates",
    "toggle navigation", "open menu", "close menu",
}
_SOCIAL = {
    "facebook", "twitter", "x", "instagram", "whatsapp", "linkedin", "telegram", "email",
    "e-mail", "threads", "bluesky", "reddit", "youtube", "tiktok", "pinterest", "flipboard",
    "messenger", "print", "copy", "link", "share", "mail", "sms", "rss", "viber", "mastodon",
}
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?"
_PATTERNS = re.compile(
    "|".join((
        rf"{_CLOCK}",  # a lone clock time
        r"(?:share|follow|like)(?: us| this(?: article| story| page)?)?"
        r"(?: on| via| at)? (?:(?:facebook|twitter|x|instagram|whatsapp|linkedin|telegram"
        r"|email|threads|bluesky|reddit|youtube|tiktok|google news)\b|@).{0,80}",
        r"(?:read|see) (?:more|also|next)\s*[:|»›>-].{0,150}",
        r"(?:also read|related|more|watch|listen|advertisement)\s*:.{0,150}",
        r"(?:©|\(c\)|copyright\b).{0,200}",
        r"(?:last )?(?:updated|published|posted|modified|first published)(?: on| at)?:?\s+"
        r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
        r"|yesterday|today|just now|an? (?:hour|minute|day)).{0,80}",
        r"(?:photo|photograph|image|picture|illustration|credit|caption|video)"
        r"(?: credit)?\s*:.{0,200}",
        r"(?:sign up|subscribe) (?:for|to|now|here|and).{0,150}",
        r"(?:thank you|thanks) for (?:signing up|subscribing|registering).{0,200}",
        r"we(?:'ve| have) sent you .{0,120}",
        r"(?:please,? )?enter (?:your|a valid|correct) e-?mail.{0,60}",
        r"(?:click|tap) here.{0,100}",
        r"(?:download|get) (?:our|the) (?:free )?app.{0,100}",
        r"(?:story|article) continues (?:below|after).{0,60}",
        r"\d+ comments?",
        r"(?:home|news|world)(?:\s*[>›»/|]\s*[\w' -]{1,30}){1,6}",  # breadcrumbs
        r"(?:to )?(?:listen|watch)(?: to)? (?:this|the) (?:article|story|video).{0,60}",
    )),
    re.IGNORECASE,
)
_ANYWHERE = re.compile(
    r"\b\d+[\s-]{0,3}min(?:ute)?s?\.? read\b|all rights reserved|indicates required"
    r"|confirmation e-?mail|\bnewsletter\b.{0,80}\b(?:sign|subscri|inbox|deliver)"
    r"|\b(?:sign|signing) up\b.{0,60}\bnewsletter",
    re.IGNORECASE,
)
_ANYWHERE_WORDS = ("min", "rights", "required", "confirmation", "newsletter")
_COOKIE = re.compile(
    r"\bcookies?\b.{0,120}\b(?:consent|accept|preferences|settings|policy|partners"
    r"|experience|personali[sz]e)|\b(?:we|this (?:site|website)|our (?:site|website))"
    r" uses? cookies|\b(?:accept|reject|allow|manage|decline|block)\b.{0,40}\bcookies?\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"[Bb][Yy]\s+(?:[A-Z][\w.'’-]*|de|van|von)(?:\s+\S+){0,10}")
_CREDIT_END = re.compile(r"\(([^()]{1,160})\)$")
_CREDIT_WORDS = re.compile(
    r"/|\b(?:photo|getty|afp|reuters|ap|epa|shutterstock|courtesy|via|credit|file)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{DATE_IN_TEXT.pattern})"
    r"(?:\s+[a-z]{2,4})?",
    re.IGNORECASE,
)
_EDGES = " \t*•·|>»›<«‹→←-–—:#"
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})


def ends_sentence(line: str) -> bool:
    """True when the line ends with terminal punctuation (closing quotes allowed)."""
    return bool(_TERMINAL.search(line[-12:]))


def key(line: str) -> str:
    """A line reduced for phrase lookups: lower case, straight quotes, no edge marks."""
    return " ".join(line.translate(_QUOTES).lower().split()).strip(_EDGES)


def is_tail_marker(line: str, k: str | None = None) -> bool:
    k = key(line) if k is None else k
    return k in _TAIL or (k.startswith("more from ") and len(k.split()) <= 6)


def classify(line: str, k: str | None = None) -> Kind:
    """FURNITURE, TAIL or TEXT for one stripped, non-blank line (``k``: its ``key``)."""
    if len(line) > SHORT:
        return Kind.FURNITURE if _long_furniture(line) else Kind.TEXT
    k = key(line) if k is None else k
    if not k:
        return Kind.FURNITURE
    if is_tail_marker(line, k):
        return Kind.TAIL
    if k in _PHRASES or _all_social(k):
        return Kind.FURNITURE
    if _anywhere(k):
        return Kind.FURNITURE
    if len(k.split()) <= 20 and (_PATTERNS.fullmatch(k) or is_byline(line) or is_credit(line)):
        return Kind.FURNITURE
    if _DATELINE.fullmatch(k) or _meta_line(line):
        return Kind.FURNITURE
    return Kind.TEXT


def _anywhere(k: str) -> bool:
    """Furniture phrases that may sit anywhere in a line (cheap substring tests first)."""
    if any(word in k for word in _ANYWHERE_WORDS) and _ANYWHERE.search(k):
        return True
    return "cookie" in k and bool(_COOKIE.search(k))


def _long_furniture(line: str) -> bool:
    """Cookie notices and newsletter pitches run long; bounded look at the start."""
    return len(line) <= 600 and _anywhere(line[:400].lower())


def _all_social(k: str) -> bool:
    if k.split(maxsplit=1)[0].strip(",|/·•") not in _SOCIAL:
        return False
    words = re.split(r"[\s,|/·•]+", k)
    return len(words) >= 2 and all(w in _SOCIAL for w in words if w)


def _meta_line(line: str) -> bool:
    """'Analysis · Desk name · 16 March 2026': labels and a date split by · | •."""
    return (any(sep in line for sep in "·|•") and not ends_sentence(line)
            and len(line.split()) <= 14 and bool(DATE_IN_TEXT.search(line)))


def is_credit(line: str) -> bool:
    """A caption ending in a picture credit: '… in May 2023 (Rustem Umerov / Twitter)'."""
    match = _CREDIT_END.search(line)
    return bool(match and match.start() >= 3 and _CREDIT_WORDS.search(match.group(1)))


def is_byline(line: str) -> bool:
    """'By Jane Doe | Reuters', 'by Sonya Bandouil November 23, 2024 …' (no full stop)."""
    line = line.strip()
    if len(line) > SHORT or not _BYLINE.fullmatch(line):
        return False
    return not ends_sentence(line) or bool(re.search(r"\d{4}\.?$", line))

"""Numeric claims: figures with their unit, qualifier, range and subject, in SI.

Why: a fact-checker compares "more than 3,200 km/h" with "Mach 2.6" and "some 300
troops" with "about 300 soldiers"; each figure becomes one ``Claim`` with its value
(and range end), canonical unit, SI value, dimension, qualifier ("more than", "about",
...) and ``about`` (what it measures, see ``subjects``). Numbers are read from the raw
text by ``numbers.scan`` so the trained pipeline and the blank fallback find the same
figures; the Doc only helps decide what a figure is about and whether a bare number
counts a noun. A number without a unit is a claim when it counts a noun ("six
warheads", "41 of the 90 seats", "12 people were killed and 40 were injured") or
states a level ("the death toll rose to 41", "fewer than 900"). A restatement in another
unit, in parentheses or after ", or" ("700 km (435 miles)"), inherits its figure's
qualifier (when it has none) and subject: that shared ``about`` is the only link.

What it does NOT do: emit clock times, dates, years standing alone, phone numbers, list
numbering, ordinals, identifiers and model numbers ("Su-34", "Resolution 2231", "Flight
MH17", "iOS 17"), scale ratings ("magnitude 6.1", "category 5"), reading times ("5 min
read"), relative times ("two years ago"), ages ("aged 45", "the senator, 71,"), ratios
("3 in 10 adults"), sums in cents or pence, or bare numbers with no unit and no counted
noun ("one of the", "ten"); the word "one" alone is never a figure ("one day", "no one").
It does not read a change ("rose from 3% to 4%", "rose 2% to $5bn") as a range (two
figures), compound durations ("2 hours 15 minutes") as one figure, fractions other than
halves and quarters of a unit ("two-thirds", "a third"), or tell "over" = "more than"
from "over" = "across" ("carry cargo over 4,000 nautical miles" gets "more than").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ..models import Claim, ClaimKind
from . import changes, fractions, furniture
from . import numbers as nums
from . import subjects as subj
from .about import refine as refine_about
from .money import CurrencyContext, minor_unit, per_part
from .units import (
    CURRENCIES,
    GLUED_ONLY,
    PREFIXES,
    canonical_unit,
    dimension_of,
    match_unit,
    temperature_difference,
    to_si,
)
from .words import doc_text

_S = r"[ \t\u00a0]"
QUALIFIERS = {
    "more than": ("more than", "over", "well over", "just over", "exceeded", "exceeding",
                  "exceeds", "exceed", "above", "in excess of", "upwards of", "greater than",
                  "surpassed", "topped"),
    "at least": ("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
    "up to": ("up to", "as much as", "as many as", "at most", "a maximum of", "no more than",
              "as high as", "not more than"),
    "less than": ("less than", "under", "below", "fewer than", "lower than"),
    "about": ("about", "around", "roughly", "approximately", "approx.", "some", "an estimated",
              "estimated", "estimated at", "circa", "~", "c."),
    "nearly": ("nearly", "almost", "close to", "just under", "not quite", "just shy of"),
}
_QUAL_OF = {s: q for q, forms in QUALIFIERS.items() for s in forms}
_QUAL_ALT = "|".join(re.escape(s).replace(r"\ ", f"{_S}{{1,3}}")
                     for s in sorted(_QUAL_OF, key=len, reverse=True))
_QUAL_BEFORE = re.compile(rf"(?<![\w~])(?i:{_QUAL_ALT}){_S}{{0,3}}$")
_QUAL_LAST = frozenset(s.split()[-1].lower().rstrip(".") for s in _QUAL_OF)
_QUAL_AFTER = re.compile(rf"{_S}{{1,3}}or{_S}{{1,3}}(?P<w>more|so|less|fewer)\b"
                         r"|(?P<plus>\+|-plus\b)")
_POSTFIX = {"more": "at least", "so": "about", "less": "up to", "fewer": "up to"}
_SPACED_PREFIXES = sorted((p for p in PREFIXES if len(p) > 1), key=len, reverse=True)
_CURRENCY = re.compile(
    r"(?<![A-Za-z])(?P<c>" + "|".join(re.escape(p) for p in _SPACED_PREFIXES) + rf"){_S}?$"
    r"|(?<![A-Za-z])(?P<g>[$€£₽₴¥₹₩₦₱฿RY])$")
_PREFIX_ALT = "|".join(re.escape(p) for p in _SPACED_PREFIXES if not p.isalpha()) + r"|[$€£₽₴¥₹]"
_MACH_BEFORE = re.compile(rf"\b(?i:mach){_S}?-?$")
_OPENER = re.compile(rf"\b(?i:(?P<w>between|from)){_S}{{1,3}}$")
_MONEY_SCALE = re.compile(r"(?P<s>[mMbB]|bn|tn|mn)(?![A-Za-z])")
_GAP = re.compile(rf"-|{_S}{{1,2}}(?:(?:straight|consecutive|successive|full|whole|more|"
                  rf"additional|extra|further){_S}{{1,2}})?|")
_RANGE = re.compile(rf"{_S}{{0,3}}(?P<c>to|and|or|through|–|—|-|‒){_S}{{0,3}}"
                    rf"(?P<p>{_PREFIX_ALT}|(?i:mach){_S}?)?")
_TIME_UNITS = frozenset({"s", "min", "h", "day", "week", "month", "year", "decade"})
_NOT_FIGURE_AFTER = re.compile(rf"{_S}{{1,3}}(?:ago|later|earlier|read)\b")
_DEFINITE = frozenset("the these those both its their his her our my your whose all".split())
_CHANGE = frozenset("rose fell rise rises rising fall falls falling increased increase decreased "
                    "dropped drop climbed jumped surged slipped declined grew grown cut raised "
                    "lowered reduced went moved shrank soared plunged plummeted edged up down "
                    "widened narrowed slowed".split())
_BARE_BEFORE = frozenset("to of at from reached hit totalled totaled topped numbered was were is "
                         "are".split())
_BARE_AFTER = re.compile(rf"{_S}{{0,3}}(?:[.,;:!?)\]]|$|(?:in|on|at|by|for|after|before|as|when|"
                         rf"while|and|but|since|from|to|between|last|this|over|per|each|every){_S})")
_ELIDED_AFTER = re.compile(rf"{_S}{{0,3}}(?:[.;!?]|$|(?:were|was|are|is|had|have|remain|remained|"
                           rf"died|fled|of{_S}{{1,3}}(?:which|them|whom)){_S})")
_SHARED_NOUN = re.compile(rf"{_S}{{1,3}}of{_S}{{1,3}}(?:the|its|their|all|those){_S}{{1,3}}")
_MILLION_NOUN = re.compile(rf"{_S}{{1,3}}[a-z]+s\b")
_RATIO = re.compile(rf"{_S}{{1,3}}(?:in|out{_S}{{1,3}}of){_S}{{1,3}}\d")
_RATIO_BEFORE = re.compile(rf"\d{_S}{{1,3}}(?:in|of|out{_S}{{1,3}}of){_S}{{1,3}}$")
_LINK = re.compile(rf"{_S}{{0,3}}\({_S}{{0,3}}|,?{_S}{{1,3}}or{_S}{{1,3}}")
_ID_ENTS = frozenset({"LAW", "PRODUCT", "WORK_OF_ART", "FAC"})
_AGE_BEFORE = re.compile(rf"\b(?i:aged|age|ages|age{_S}{{1,3}}of)(?:{_S}{{1,3}}(?i:under|over|"
                         rf"between|about|around|nearly|almost|at{_S}least|up{_S}to|less{_S}than|"
                         rf"more{_S}than|from|of))?{_S}{{1,3}}$")
_APPOSITIVE_AGE = re.compile(rf"(?:[A-Za-z][\w'’.-]*,{_S}{{1,2}}|\({_S}?)$")
_AGE_AFTER = re.compile(rf"(?:-|{_S}{{1,3}})(?i:old)\b")
_POINTS = re.compile(rf"{_S}{{1,3}}(?:points|point|pts)\b")
_INDEX = re.compile(r"\b(?:index|indices|indexes|Dow|Nasdaq|FTSE|Nikkei|Hang Seng|Sensex|Nifty|"
                    r"KLCI|ASX|S&P|DAX|CAC|Kospi|KOSPI|TSX|Straits Times|Stoxx|STOXX|Topix|"
                    r"TOPIX|Composite|All Ordinaries|JSE|PSEi|benchmark)\b")
_PER_POPULATION = re.compile(rf"{_S}{{1,3}}(?:per|for every|in every){_S}{{1,3}}"
                             rf"(?P<n>100,000|100 000|100000|1,000|1000|10,000|10000|million)"
                             rf"(?:{_S}{{1,3}}(?:people|residents|population|inhabitants|"
                             rf"adults|children|women|men|births|live births))?\b")
_SCORE = re.compile(r"[-–](?P<b>\d{1,3})(?![\d.,]|[-–]?\w)")
_SCORE_CUES = re.compile(
    r"\b(?:won|win|wins|beat|beats|lost|lose|loses|defeated|defeat|draw|drew|drawn|victory|"
    r"score|scored|scoreline|lead|led|trailed|trail|edged|thrashed|routed|record|voted|vote|"
    r"tied|tie|leads|won|clinched|sealed|final)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)`` (cheap: punctuation and newlines)."""
    a = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)),
            default=max(0, start - 300))
    m = _SENTENCE_END.search(text, end)
    return text[a:m.start() if m else min(len(text), end + 300)]


def extract_quantities(doc: Doc, *, mach_mps: float = 343.0) -> Iterator[Claim]:
    """Numeric claims of ``doc`` in document order (see the module docstring)."""
    text = doc_text(doc)
    found = list(nums.scan(text))
    by_start = {n.start: n for n in found}
    phones = nums.phone_spans(text)
    phone_starts = [a for a, _ in phones]
    parsed = doc.has_annotation("DEP") and doc.has_annotation("TAG")
    context = CurrencyContext(text)
    skip = furniture.blocks(text)
    skip_starts = [a for a, _ in skip]

    def in_furniture(pos: int) -> bool:
        f = bisect.bisect_right(skip_starts, pos) - 1
        return f >= 0 and pos < skip[f][1]

    shares = sorted(s for s in [*fractions.shares(text), *fractions.vague_amounts(text)]
                    if not in_furniture(s.start))
    consumed, prev = -1, None
    for n in found:
        k = bisect.bisect_right(phone_starts, n.start) - 1
        if n.start < consumed or (k >= 0 and n.start < phones[k][1]):
            continue
        if in_furniture(n.start):
            continue  # a ticker, a link list, a byline block
        while shares and shares[0].start <= n.start:
            share = shares.pop(0)
            if share.start >= consumed:
                claim = _share_claim(text, share)
                consumed = claim.end
                prev = claim
                yield claim
        if n.start < consumed or not _may_be_figure(text, n):
            continue
        claim = _claim(doc, text, n, by_start, parsed, mach_mps, prev, context)
        if claim is None:
            continue
        consumed = claim.end
        link = _LINK.fullmatch(text, prev.end, claim.start) if prev is not None else None
        if link and prev.unit != claim.unit and prev.dimension == claim.dimension and (
                "(" not in link.group() or re.match(rf"{_S}{{0,3}}\)", text[claim.end:])):
            claim.qualifier = claim.qualifier or prev.qualifier
            claim.about = prev.about
        claim.about = refine_about(text, claim.start, claim.end, claim.about, claim.dimension)
        prev = claim
        yield claim
    for share in shares:
        if share.start >= consumed:
            yield _share_claim(text, share)


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """("more than", its start) for "more than" / "about" / "up to"… right before ``start``."""
    left = nums.char_before(text, start)
    qual = _QUAL_BEFORE.search(text, max(0, start - 30), start) if left in ("~", ".") or (
        left.isalpha() and (_word_before(text, start) or "").lower() in _QUAL_LAST) else None
    if qual is None:
        return None, start
    return _QUAL_OF[re.sub(r"\s+", " ", qual.group().strip().lower())], qual.start()


def _share_claim(text: str, share: fractions.Share) -> Claim:
    qualifier, start = _qualifier_before(text, share.start)
    if share.vague:
        unit = None
        word = (share.about or "").lower()
        if canonical_unit(word) in CURRENCIES:  # "hundreds of dollars"
            unit = canonical_unit(word)
        si, si_unit, dimension = to_si(share.value, unit)
        return Claim(ClaimKind.NUMERIC, text[start:share.end], start, share.end,
                     value=share.value, unit=unit, qualifier=share.qualifier, si_value=si,
                     si_unit=si_unit, dimension=dimension, about=share.about)
    value = round(share.value, 4)
    return Claim(ClaimKind.NUMERIC, text[start:share.end], start, share.end,
                 value=value, unit="fraction", qualifier=qualifier, si_value=value * 100,
                 si_unit="%", dimension="percent", about=share.about)


def _claim(doc, text, n, by_start, parsed, mach_mps, prev, context) -> Claim | None:
    before = nums.char_before(text, n.start)  # left-context patterns only run after a word or sign
    pstart, unit = n.start, None
    money = _CURRENCY.search(text, max(0, pstart - 5), pstart) \
        if before and not before.isdigit() and before not in ".,;:()" else None
    mach = _MACH_BEFORE.search(text, max(0, pstart - 6), pstart) \
        if not money and before in "hH-" else None
    if (not mach and nums.is_identifier(text, n)) or nums.is_list_number(text, n) or \
            nums.is_clock(text, n) or nums.is_date(text, n):
        return None
    aged = not money and before.isalpha() and _AGE_BEFORE.search(text, max(0, n.start - 30),
                                                                 n.start)
    appositive = not money and n.plain and 0 < n.value < 120 and text[n.end:n.end + 1] in (
        ",", ")") and _APPOSITIVE_AGE.search(text, max(0, n.start - 40), n.start) and \
        _person_before(text, n.start)
    if appositive:  # "Tan Wei Ming, 27, was…", "Ms Okafor (52)"
        end = n.end
        return Claim(ClaimKind.NUMERIC, text[n.start:end], n.start, end, value=n.value,
                     unit="year", si_value=n.value, si_unit="year", dimension="age",
                     about="age")
    if money:
        unit, pstart = PREFIXES[money.group("c") or money.group("g")], money.start()
    elif mach:
        unit, pstart = "Mach", mach.start()
    opener = _OPENER.search(text, max(0, pstart - 10), pstart) \
        if nums.char_before(text, pstart).isalpha() else None
    value, end, unit, glued = _unit_after(text, n, unit)
    minor = minor_unit(text, n.end) if unit is None and not n.spelled else None
    if minor:
        unit, value, end, glued = context.major(minor.group("g") or minor.group("w"), n.start), \
            n.value / 100, minor.end(), False
    if glued:
        return None
    score = _score(text, n, unit, start=pstart)
    if score is not None:
        return score
    value, value_max, end, unit = _range(text, n, pstart, value, end, unit, by_start, opener)
    if unit in CURRENCIES:
        part = per_part(text, end)
        if part:
            unit, end = f"{unit}/{part[0]}", part[1]
    elif unit is None and not n.spelled and _INDEX.search(_sentence(text, n.start, end)) and (
            _POINTS.match(text, end) or (not nums.is_year(n) and n.value >= 100 and (
                _word_before(text, pstart) or "").lower() in ("at", "to", "from"))):
        points = _POINTS.match(text, end)
        unit, end = "points", points.end() if points else end  # "closed at 7,512.3"
    if aged and unit is None:
        unit = "year"
    start = opener.start() if opener and value_max is not None else pstart
    qualifier, start = _qualifier_before(text, start)
    post = _QUAL_AFTER.match(text, end)
    if post and value_max is None:
        qualifier = qualifier or ("more than" if post.group("plus") else _POSTFIX[post.group("w")])
        end = post.end()
    if unit in _TIME_UNITS and _NOT_FIGURE_AFTER.match(text, end):
        return None
    if n.spelled and n.value == 1 and n.words == 1 and not qualifier and value_max is None:
        return None  # "one day", "one of the", "no one": a determiner or a pronoun
    if unit is not None:
        modifier = not parsed and text[n.end:n.end + 1] == "-" and value_max is None
        noun = subj.counted_noun(doc, text, end, parsed) if modifier else None
        about = noun[0] if noun else subj.subject(  # "a 12-hour shift" is about the shift
            doc, text, start, pstart, end, dimension_of(unit), parsed)
    else:
        found = _count(doc, text, n, start, end, by_start, parsed, qualifier, prev)
        if found is None:
            return None
        about, end = found
        rate = _PER_POPULATION.match(text, end)
        if rate:  # "27 cases per 100,000 people"
            per = rate.group("n").replace(",", "").replace(" ", "")
            unit, end = "per " + ("1000000" if per == "million" else per), rate.end()
    si, si_unit, dimension = to_si(value, unit, mach_mps=mach_mps)
    si_max = None if value_max is None else to_si(value_max, unit, mach_mps=mach_mps)[0]
    old = _AGE_AFTER.match(text, end) if unit == "year" else None
    if unit == "year" and (aged or old):
        dimension, si, si_max, si_unit = "age", value, value_max, "year"
        if old:  # "a 34-year-old man": about the man
            end = old.end()
            noun = subj.counted_noun(doc, text, end, False)
            about = noun[0] if noun else None
    moved = changes.direction(text, start, end, qualifier=qualifier, money=dimension == "money",
                              prev_end=prev.end if prev is not None else None,
                              prev_direction=prev.direction if prev is not None else None)
    if dimension == "temperature" and changes.is_temperature_change(text, start, end, moved):
        dimension, si = "temperature_difference", temperature_difference(value, unit)
        si_max = None if value_max is None else temperature_difference(value_max, unit)
    return Claim(ClaimKind.NUMERIC, text[start:end], start, end, value=value,
                 value_max=value_max, unit=unit, qualifier=qualifier, si_value=si,
                 si_value_max=si_max, si_unit=si_unit, dimension=dimension, about=about,
                 direction=moved)


_PERSON_NOUNS = frozenset("man woman boy girl mother father son daughter driver teacher "
                          "student worker officer resident victim pensioner farmer".split())


def _person_before(text: str, start: int) -> bool:
    """Is the word before ", 27," a name or a person ("Tan Wei Ming, 27," "a woman, 34,")?"""
    window = text[max(0, start - 40):start]
    if window.rstrip().endswith("(") and not re.search(
            r"[A-Z][\w'’.-]*\s+[A-Z][\w'’-]*\s*\(\s*$", window):
        return False  # "(52)" only after a full name: "Comments (34)" is furniture
    m = re.search(r"([A-Za-z][\w'’.-]*)[,(]?\s*\(?\s*$", window)
    if m is None:
        return False
    word = m.group(1)
    return (word[0].isupper() and word.lower() not in ("monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday",
                                                       "sunday", "said", "yesterday")
            and not re.fullmatch(nums.MONTHS, word)) or word.lower() in _PERSON_NOUNS


def _score(text, n, unit, start) -> Claim | None:
    """"won 3-1", "a 107-98 victory": one claim with both sides (value, value_max)."""
    if unit is not None or not n.plain:
        return None
    m = _SCORE.match(text, n.end)
    if m is None or not _SCORE_CUES.search(_sentence(text, n.start, m.end())):
        return None
    low = float(m.group("b"))
    return Claim(ClaimKind.NUMERIC, text[start:m.end()], start, m.end(), value=n.value,
                 value_max=low, unit="score", si_value=n.value, si_value_max=low,
                 si_unit="score", dimension="score", about="score")


def _count(doc, text, n, start, end, by_start, parsed, qualifier,
           prev) -> tuple[str, int] | None:
    """(about, end) for a number without a unit that counts something, else None."""
    if nums.is_year(n) and not qualifier:
        return None
    if n.spelled and (_word_before(text, start) or "").lower() in _DEFINITE:
        return None  # "the two leaders": a reference, not a figure
    if _is_name(doc, text, n, parsed) or (_word_before(text, start) or "").lower() in ("a", "an"):
        return None  # "Boeing 737"; "a 30 zone" is a modifier, not a count
    if _RATIO.match(text, n.end) or _RATIO_BEFORE.search(text, max(0, n.start - 12), n.start):
        return None  # "3 in 10 adults", "page 2 of 7": a ratio
    counted = subj.counted_noun(doc, text, end, parsed)
    shared = _SHARED_NOUN.match(text, end)
    if counted is None and shared and shared.end() in by_start:
        counted = subj.counted_noun(doc, text, by_start[shared.end()].end, parsed)
        counted = counted and (counted[0], end)  # "41 of the 90 seats": 41 seats
    if counted is not None:
        return counted
    if n.spelled:
        return None
    if prev is not None and prev.dimension == "count" and prev.about and \
            _ELIDED_AFTER.match(text, end) and not re.search(r"[.!?]\s", text[prev.end:start]):
        return prev.about, end  # "12 people were killed and 40 were injured"
    if not _BARE_AFTER.match(text, end):
        return None
    before = (_word_before(text, start) or "").lower()
    if qualifier is None and before not in _BARE_BEFORE:
        return None
    about = subj.subject(doc, text, start, n.start, end, "count", parsed)
    return (about, end) if about else None


def _unit_after(text, n, unit) -> tuple[float, int, str | None, bool]:
    """(value, end, unit, rejected): the unit after a figure, money multipliers, fractions."""
    value, end = n.value, n.end
    if unit not in (None, "Mach"):
        scale = _MONEY_SCALE.match(text, end) if n.scale == 1 else None
        if scale:
            value *= nums.LETTER_SCALES[scale.group("s").lower()]
            end = scale.end()
        return value, end, unit, _glued(text, end)
    gap = _GAP.match(text, end)
    m = match_unit(text, gap.end()) if unit is None else None
    if m and not (gap.group() and m.group() in GLUED_ONLY):
        unit, end = canonical_unit(m.group()), m.end()
        if n.fraction and unit == "h":
            value, unit = value * 60, "min"  # "a quarter of an hour" is 15 minutes
    if n.fraction and unit is None:
        return value, end, None, True
    if unit == "m" and not gap.group() and _MILLION_NOUN.match(text, end) and \
            (_word_before(text, n.start) or "").lower() not in ("a", "an", "the"):
        value, unit = value * 10**6, None  # "carried 5.2m passengers": million, not metres
        end = n.end + 1
    return value, end, unit, _glued(text, end, hyphen=unit is None)


def _glued(text: str, end: int, hyphen: bool = True) -> bool:
    """Letters stuck to the figure ("21st", "1990s", "MH17") or, with no unit, a hyphenated
    modifier ("7.8-magnitude", "300-strong"; "45-year-old" has its unit)."""
    return end < len(text) and (text[end].isalpha() or (
        hyphen and text[end] == "-" and end + 1 < len(text) and text[end + 1].isalpha()
        and not text.startswith("-plus", end)))


def _range(text, n, pstart, value, end, unit, by_start, opener):
    """(value, value_max, end, unit) with a range's upper end when one follows."""
    none = value, None, end, unit
    m = _RANGE.match(text, end)
    if m is None or m.end() not in by_start:
        return none
    conn, second = m.group("c"), by_start[m.end()]
    between = opener is not None and opener.group("w").lower() == "between"
    if (conn == "and") != between or (conn in "-–—‒" and n.spelled != second.spelled):
        return none
    before = (_word_before(text, opener.start() if opener else pstart) or "").lower()
    if conn == "to" and not between and (before in _CHANGE or (
            before == "by" and unit is not None and opener is None and end > n.end)):
        return none  # "rose from 3% to 4%", "rose by 2% to $5bn": a change, two figures
    carried = unit if unit in CURRENCIES or unit == "Mach" else None
    prefix = m.group("p")
    if prefix:
        carried = "Mach" if prefix.strip().lower() == "mach" else PREFIXES[prefix.strip()]
        if carried != (unit or carried):
            return none
    high, end2, unit2, glued = _unit_after(text, second, carried)
    if glued or (unit and unit2 and unit2 != unit) or nums.is_year(second) != nums.is_year(n):
        return none
    if second.scale > 1 and n.scale == 1 and n.value < second.base:
        value = n.value * second.scale  # "between 10 and 12 million"
    if not high > value:
        return none
    return value, high, end2, unit or unit2


def _may_be_figure(text: str, n: nums.Number) -> bool:
    """Cheap first test: a figure has a word, unit or sign next to it ("4 1 1 2" has not)."""
    if n.start > 1 and text[n.start - 1] in "-\u2010\u2011" and text[n.start - 2].isalnum():
        return text[max(0, n.start - 5):n.start - 1].lower() == "mach"  # "Su-34", not "Mach-5"
    before, after = nums.char_before(text, n.start), nums.char_after(text, n.end)
    if after == "+":
        after = nums.char_after(text, n.end + 1) or " "
    if n.spelled and n.value == 1 and n.words == 1 and not before.isalpha():
        return after in "-–—‒t"  # "one" alone is never a figure; "one to two", "one-two"
    return before.isalpha() or after.isalpha() or before in "$€£₽₴~(" or \
        after in "%°º²³$-–—‒(." or not after or (before == "," and after == ",")


def _word_before(text: str, start: int) -> str | None:
    return nums.word_before(text, start)[0]


def _is_name(doc, text, n, parsed) -> bool:
    """A number naming something ("Boeing 737", "iOS 17", "Apollo 11"), not counting it."""
    tok = subj.token_at(doc, n.start) if parsed else None
    if tok is not None and tok.ent_type_ in _ID_ENTS:
        return True
    word = _word_before(text, n.start)
    if not word or word.islower() or word.lower() in subj.NOT_NOUN or \
            re.fullmatch(nums.MONTHS, word) or word.lower() in _QUAL_OF:
        return False
    return tok is None or tok.i == 0 or doc[tok.i - 1].pos_ in ("PROPN", "NOUN", "X")

"""What a figure is about: the noun a number counts, or the thing a quantity measures.

Why: the matcher only compares a claim with quantities about the same subject (a
train's 320 km/h is no evidence about a missile), so every numeric claim carries a
short lower-cased ``about``. With a parsed Doc we follow the dependency tree: the
counted noun ("six warheads"), the "X of N" head ("a range of 5,500 km" -> "range"),
the noun a quantity modifies ("a 210 km stretch"), the object of a change verb
("raised its key rate by 0.75 points" -> "key rate"), else the subject of the
governing verb ("the missile reached a speed of ..." -> "missile"; words that only
name the measure, such as "speed" for a speed, defer to their owner). Without a
parse, word shapes stand in: the next word for counted nouns, the subject of the
clause (else the nearest noun) for quantities.

What it does NOT do: resolve pronouns ("it", "they" give None) or coreference,
lemmatise ("warheads" stays plural), or judge whether two subjects are the same.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from . import numbers as nums
from .lexicon import INSTITUTIONS
from .units import canonical_unit

_S = r"[ \t\u00a0]"
NOT_NOUN = STOP_WORDS | frozenset(
    "times percent said says told according killed injured wounded died dead aged old ago later "
    "earlier read per cent cents pence kopecks sen".split())
_ADJ = frozenset("more new other additional extra further young small large old armed unarmed "
                 "wounded injured missing dead civilian foreign military".split())
_VERBS = frozenset(
    "rose fell hit reach reaches reached grew climbed dropped increased was were is are has have "
    "had cost costs said says totalled totaled stood stands jumped surged slipped declined shrank "
    "measured weighs weighed lasted lasts took takes travelled traveled flew flies covers covered "
    "spans spent spend won lost paid pays raised earned received receive sold bought expected "
    "expect recorded reported ran runs set saw sees will would could can may might be been being "
    "get got gets fired launched claimed holds hold held owns carries carry extends orbits "
    "allocated awarded fined employs employed burned peaked cut cuts".split())
_NOT_SUBJECT = frozenset(nums.MONTHS.lower().split("|")) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday long wide high tall "
    "deep away short old total".split())
_PRONOUNS = frozenset("i you he she it we they this that these those".split())
REPORTING = frozenset("say tell report warn expect forecast predict estimate claim announce add "
                      "note believe think suggest show".split())
GENERIC = {
    "speed": {"speed", "velocity", "pace"}, "mass": {"weight", "mass"},
    "money": {"cost", "price", "value", "sum", "worth", "bill"},
    "time": {"time", "duration", "period"}, "temperature": {"temperature"},
    "percent": {"share", "proportion", "percentage", "rate"}, "length": {"distance"},
    "count": {"number", "tally", "count", "toll"}, "area": {"area", "size"},
}
_ANY_GENERIC = {"figure", "total", "level", "amount", "maximum", "average", "estimate", "record",
                "peak", "high", "low", "top", "mark"}
_NOUNS = ("NOUN", "PROPN")
_ADJ_ENDINGS = ("ive", "ous", "ful", "less", "able", "ible")
_NEXT_WORDS = re.compile(rf"{_S}{{1,3}}(?P<w1>[A-Za-z][A-Za-z'’-]*)"
                         rf"(?:{_S}{{1,3}}(?P<w2>[A-Za-z][A-Za-z'’-]*))?")
_CLAUSE = re.compile(r"[.;:!?]\s|\n|,\s{1,3}(?:while|whereas|but|and|which|who)\s"
                     r"|\b(?:said|says|told|reported|warned|expect|expects|expected|that)\s")
_OF_AFTER = re.compile(rf"{_S}{{1,3}}of{_S}{{1,3}}(?:the{_S}{{1,3}})?(?P<w>[a-z][a-z-]*)\b")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def noun_like(word: str) -> bool:
    low = word.lower()
    return len(low) > 1 and low not in NOT_NOUN and canonical_unit(word) is None and \
        canonical_unit(low) is None and low not in nums.SMALL and low not in nums.TENS and \
        low not in nums.SCALES


def _verbish(word: str) -> bool:
    """Shaped like a past participle or adverb ("killed", "nearly"), not like "speed"."""
    return word.endswith("ly") or (word.endswith("ed") and not word.endswith("eed")
                                   and len(word) > 4)


def _generic(word: str, dimension: str) -> bool:
    return word in GENERIC.get(dimension, ()) or word in _ANY_GENERIC


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def counted_noun(doc: Doc, text: str, end: int, parsed: bool) -> tuple[str, int] | None:
    """The noun a bare number ending at ``end`` counts ("six warheads"), and its end."""
    if parsed:
        tok = token_at(doc, end - 1)
        if tok is None:
            return None
        cands = [tok.head] if tok.dep_ in ("nummod", "compound", "amod", "quantmod") else []
        cands += [doc[tok.i + 1]] if tok.i + 1 < len(doc) else []
        for noun in cands:
            if tok.i < noun.i <= tok.i + 3 and noun_like(noun.text) and (
                    noun.pos_ == "NOUN" or noun.tag_ == "NNPS") and not any(
                    t.tag_ == "NNP" for t in doc[tok.i + 1:noun.i]):
                return phrase(noun), noun.idx + len(noun)
        return _plural_ahead(text, end, doc=doc)
    m = _NEXT_WORDS.match(text, end)
    if m is None or not noun_like(m.group("w1")) or m.group("w1").endswith("ly"):
        return _plural_ahead(text, end) if m is None or m.group("w1")[0].isupper() else None
    w1, w2 = m.group("w1"), m.group("w2")
    w2_noun = bool(w2) and w2.islower() and noun_like(w2) and not _verbish(w2)
    if w1[0].isupper() or w1.lower() in _ADJ or _verbish(w1) or w1.endswith(
            ("ing", "ian", "ese", "ish")):
        if w1[0].isupper() and w1.endswith("s") and len(w1) > 3 and not w1.endswith("ss"):
            return w1.lower(), m.end("w1")  # "800,000 Emiratis", "39 Black Hawks"
        if w2_noun:
            return w2.lower(), m.end("w2")
        return _plural_ahead(text, end)
    if w2_noun and not w1.endswith("s") and w2.endswith("s") and w2.lower() not in _VERBS:
        return f"{w1} {w2}".lower(), m.end("w2")  # "31 league matches", "12 aid workers"
    return w1.lower(), m.end("w1")


_AHEAD = re.compile(r"[ \t\u00a0]{1,3}([A-Za-z0-9](?:[\w'’-]|\.(?=[\w-]))*)")
_NOT_PLURAL = frozenset("is was has this its us bus gas his yes less thus plus as its "
                        "series species news".split())
_THROUGH = frozenset({"and", "&"})


def _plural_ahead(text: str, end: int, limit: int = 5,
                  doc: Doc | None = None) -> tuple[str, int] | None:
    """The first plural noun within a few words, over names and modifiers in between:
    "460 Kia and Hyundai vehicles", "400 U.S.-made Tomahawk cruise missiles",
    "38 AK-47 rifles". Stops at any word that cannot sit inside a noun phrase."""
    pos, words = end, []
    for _ in range(limit):
        m = _AHEAD.match(text, pos)
        if m is None:
            return None
        word, low = m.group(1), m.group(1).lower()
        if (low in STOP_WORDS and low not in _THROUGH) or low in _VERBS or (
                _verbish(low) and "-" not in low):
            return None
        if low in INSTITUTIONS or (words and words[-1].lower() in _THROUGH and word[0].isupper()
                                   and low.endswith("s")):
            return None  # "10 Downing Street opens"; "iOS 17 and Windows 11"
        words.append(word)
        pos = m.end()
        tok = token_at(doc, m.start(1)) if doc is not None else None
        if tok is not None and tok.pos_ in ("VERB", "AUX"):
            return None
        if low.endswith("s") and len(low) > 3 and low not in _NOT_PLURAL and not \
                low.endswith(("ss", "us", "'s", "’s")) and word[-2:] != "'s" and \
                canonical_unit(word) is None:
            return (" ".join(words[-2:]).lower() if len(words) > 1 and words[-2].islower()
                    and words[-2].isalpha() and noun_like(words[-2]) and words[-2] not in _ADJ
                    else low), pos
    return None


def phrase(noun: Token) -> str:
    """The noun with the noun compounds right before it ("death toll"), lower case."""
    doc, first = noun.doc, noun.i
    left = doc[noun.i - 1] if noun.i > 0 else None
    if left is not None and left.head.i == noun.i and left.dep_ == "compound" and (
            left.pos_ == "NOUN" or noun.pos_ == "PROPN" == left.pos_) and noun_like(left.text) \
            and not any(ch.isdigit() for ch in left.text):
        first = left.i
        while first > 1 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
                and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
            first -= 2  # "high-speed train", not "speed train"
    return doc[first:noun.i + 1].text.lower()


def _owner(noun: Token, dimension: str) -> str:
    """The noun phrase, or what it belongs to when it only names the measure."""
    if _generic(noun.lemma_.lower(), dimension) and not any(
            c.dep_ == "compound" for c in noun.lefts):
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return phrase(child)
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return phrase(objs[0])
    return phrase(noun)


def subject(doc: Doc, text: str, start: int, pstart: int, end: int, dimension: str,
            parsed: bool) -> str | None:
    """What the figure spanning ``pstart:end`` (``start`` with its qualifier) is about;
    for a measure "N units of X" it is X ("1.3 tonnes of cocaine", "50 mm of rain")."""
    measured = dimension not in ("money", "percent", "percentage_points", "count")
    named = _named_after(text, end, dimension)
    if named:
        return named
    found = None
    if parsed:
        span = doc.char_span(pstart, end, alignment_mode="expand")
        if span is not None and len(span):
            found = (measured and _of_object(span)) or _climb(span.root, dimension, span)
            if found is None or not _in_dateline(doc, text, found):
                return found
            return None
    of = _OF_AFTER.match(text, end) if measured else None
    if of and _candidate(of.group("w"), dimension):
        return of.group("w").lower()  # "1.3 tonnes of cocaine"
    found = _clause_subject(text, start, dimension)
    return None if found and _in_dateline(doc, text, found) else found


# "€75,000 in damages", "four years in jail", "15 years' imprisonment", "£85 costs"
_SENTENCE_NOUNS = "jail|prison|custody|detention|imprisonment|sentence|probation|gaol"
_AFTER_TIME = re.compile(rf"(?:['’]s?|{_S}{{1,3}}in)?{_S}{{1,3}}(?P<w>{_SENTENCE_NOUNS})\b", re.I)
_AFTER_MONEY = re.compile(rf"{_S}{{1,3}}(?:in|as|for){_S}{{1,3}}(?:the{_S}{{1,3}})?"
                          r"(?P<w>damages|compensation|costs|fines?|bail|bonuses|fees|"
                          r"salary|wages|pay|prize money|funding|grants?|bribes|refunds?)\b"
                          rf"|{_S}{{1,3}}(?P<n>costs|fine|bail|bond|prize|bonus|budget|deal|"
                          r"contract|loan|fund|grant|package|bill|fee|settlement|award)\b", re.I)
_DATELINE = re.compile(r"\A\s*[A-Z][A-Za-z .'’-]{1,40}(?:,[^\n]{0,40}?)?(?:\([^)\n]{1,30}\))?"
                       r"\s*(?:-|—|–|:)\s")


def _named_after(text: str, end: int, dimension: str) -> str | None:
    """The thing named right after a sum or a term: what it is, whoever is its subject."""
    m = (_AFTER_TIME.match(text, end) if dimension == "time" else
         _AFTER_MONEY.match(text, end) if dimension == "money" else None)
    if m is None:
        return None
    return next(g for g in m.groupdict().values() if g).lower()


def _in_dateline(doc: Doc, text: str, found: str) -> bool:
    """Is ``found`` only the place of the dateline ("TOKYO, March 3 (Reuters) -")?"""
    m = _DATELINE.match(text)
    return bool(m) and found.lower() in text[:m.end()].lower() and \
        found.lower() not in text[m.end():].lower()


def _in_quantity(tok: Token, span) -> bool:
    return span.start <= tok.i < span.end or tok.like_num or canonical_unit(tok.text) is not None \
        or any(c.like_num for c in tok.children) or tok.pos_ == "PRON"


def _of_object(span) -> str | None:
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            return phrase(objs[0]) if objs else None
    return None


def _climb(tok: Token, dimension: str, span) -> str | None:
    prep = None  # the preposition the figure hangs from, if any
    for _ in range(12):
        head = tok.head
        if head.i == tok.i:
            return _of_object(span)
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUNS:
            tok = head.head
            if not _generic(tok.lemma_.lower(), dimension):
                return _owner(tok, dimension)
            continue
        if head.pos_ in _NOUNS and head.i > tok.i and tok.dep_ in (
                "nummod", "amod", "compound", "nmod", "npadvmod", "quantmod"):
            if not _generic(head.lemma_.lower(), dimension):
                return _owner(head, dimension)
        if tok.dep_ == "pobj":
            prep = prep or head.lower_
        if tok.dep_ == "prep" and tok.lower_ == "by" and head.pos_ in _NOUNS:
            return _owner(head, dimension)  # "admissions by 30 to 40 per cent"
        if head.pos_ in ("VERB", "AUX"):
            found = _at_verb(head, dimension, span, prep)
            if found is not None or head.dep_ not in (
                    "xcomp", "ccomp", "conj", "advcl", "pcomp", "prep"):
                return found or None
        tok = head
    return None


def _at_verb(verb: Token, dimension: str, span, prep: str | None) -> str | None:
    """The subject (or, for "raised its rate by N", the object) of ``verb``; "" when the
    verb has an active subject that cannot be used (a pronoun, a reporting source)."""
    if prep in ("by", "to", "from"):
        objs = [c for c in verb.children if c.dep_ == "dobj" and not _in_quantity(c, span)]
        if objs:
            return _owner(objs[0], dimension)
    if dimension in ("time", "money") and _done_to_person(verb, span):
        return verb.lemma_.lower()  # "was jailed for five years", "fined him £2,400"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and not (span.start <= c.i < span.end)), None)
    if subj is None:
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUNS:
            return _owner(verb.head, dimension)
        return None
    if verb.lemma_.lower() in REPORTING and subj.dep_ == "nsubj":
        return _of_object(span) or ""  # "forecasters expect ...": the source, not the topic
    if dimension == "speed" and (subj.lower_ in ("he", "she") or subj.ent_type_ == "PERSON"):
        return "speed"  # "he drove at 118mph": the person's speed, not the person
    if subj.pos_ != "PRON":
        return _owner(subj, dimension)
    if verb.dep_ == "relcl" and subj.lower_ in ("which", "that", "who"):
        return _owner(verb.head, dimension)
    return ""


def _done_to_person(verb: Token, span) -> bool:
    """Is the sum or term what ``verb`` does to a person ("X was jailed for", "fined X")?
    Then the action is what the figure measures, not the person."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in REPORTING or not verb.lemma_.isalpha():
        return False
    return any(c.dep_ in ("nsubjpass", "dobj") and not (span.start <= c.i < span.end)
               and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she", "him", "her", "they",
                                                           "them"))
               for c in verb.children)


def _candidate(word: str, dimension: str) -> bool:
    low = word.lower()
    return noun_like(word) and low not in _VERBS and low not in _NOT_SUBJECT and \
        not _verbish(low) and len(low) > 2 and not _generic(low, dimension) and \
        low not in _ADJ and not low.endswith(_ADJ_ENDINGS + ("'s", "’s", "'", "’"))


def _clause_subject(text: str, start: int, dimension: str) -> str | None:
    """Without a parse: "X of N" right before the figure, else the first noun of its
    clause (for "..., which ..." the noun before the comma), else the nearest noun."""
    window = text[max(0, start - 200):start]
    cuts = list(_CLAUSE.finditer(window))
    clause = window[cuts[-1].end():] if cuts else window
    words = _WORDS.findall(clause)
    if len(words) >= 2 and words[-1].lower() == "of" and _candidate(words[-2], dimension):
        return words[-2].lower()
    if cuts and cuts[-1].group().strip(" ,").startswith(("which", "who")):
        before = _WORDS.findall(window[:cuts[-1].start()])
        if before and _candidate(before[-1], dimension):
            return before[-1].lower()
    if words and words[0].lower() in _PRONOUNS:
        return None  # "He drove at 95": the parse would give a pronoun, and so do we
    for i, word in enumerate(words):
        if _candidate(word, dimension):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt.islower() and noun_like(nxt) and nxt not in _VERBS and not _verbish(nxt) \
                    and (word.islower() or i == 0):
                return f"{word} {nxt}".lower()  # "death toll", "wind speeds"
            return word.lower()
    return None

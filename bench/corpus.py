"""A deterministic synthetic news corpus with planted variants of known claims.

``generate(n, seed=...)`` returns a ``Corpus``: ``claims`` (quote and numeric
claims, each with the documents and sentences that hold its variants: exact
copies, changed or dropped words, reordered clauses, typos, other translations,
other speakers; the same quantity in other units or with other values; and
for figures, ``decoys``: the same sentence shape, subject words and dimension
about another named thing (another storm, missile, district), with the claim's
own value or another one, which a matcher must not offer as evidence),
``documents()`` (a generator of ``BenchDoc``, about 20-40 sentences each, ``n``
sentences in all) and ``article()`` (one article stating every claim). Each
document is built from its own seeded RNG, so the same seed gives the same text,
any document can be rebuilt alone, and memory stays flat whatever ``n`` is:
only the plan (document lengths and the few planted sentences) is held.

Sentences come from ``bench/sentences.py`` (templates) and ``bench/phrases.py``
(quotes, quantities, names) over the word lists of ``bench/vocab.py``. It does not
touch the workbench: ``bench/common.py`` turns a ``BenchDoc`` into a
``workbench.models.Document``.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from . import phrases, vocab
from . import sentences as say
from .phrases import QKINDS, fmt, person

QUOTE_KINDS = ("exact", "changed", "dropped", "reordered", "typo", "translation", "speaker")
NUMERIC_KINDS = ("exact", "unit", "value")
SUBJECTS = tuple(vocab.SUBJECTS)
_NUMERIC_WEIGHTS = [3 if k.dimension == "speed" else 1 for k in QKINDS]
_KINDS_OF = {s: tuple(k for k in QKINDS if k.subject == s) for s in SUBJECTS}


@dataclass(frozen=True, slots=True)
class Variant:
    claim: int  # PlantedClaim.id
    kind: str  # one of QUOTE_KINDS, or "exact", "unit:<unit>", "value"
    doc: int  # document index, in generation order
    sentence: int  # sentence index within the document
    text: str  # the planted sentence


@dataclass(frozen=True, slots=True)
class PlantedClaim:
    id: int
    kind: str  # "quote" | "numeric"
    sentence: str  # the sentence stating it in the article
    variants: tuple[Variant, ...]
    quote: str | None = None
    speaker: str | None = None
    subject: str | None = None  # the proper noun a figure is about
    about: str | None = None
    value: float | None = None
    unit: str | None = None
    si_value: float | None = None
    dimension: str | None = None
    qualifier: str | None = None
    decoys: tuple[Variant, ...] = ()  # kind "decoy": same shape, another named thing


@dataclass(frozen=True, slots=True)
class BenchDoc:
    index: int  # -1 for the article
    title: str
    outlet: str
    published: str
    text: str
    spans: tuple[tuple[int, int], ...]  # sentence offsets in ``text``
    planted: tuple[tuple[Variant, int, int], ...]  # variant, start, end in ``text``
    decoys: tuple[tuple[Variant, int, int], ...] = ()  # decoy, start, end in ``text``

    @property
    def words(self) -> int:
        return len(self.text.split())


class Corpus:
    """The plan of a corpus of ``sentences`` sentences; documents on demand."""

    def __init__(self, sentences: int, *, seed: int = 0, quote_claims: int = 100,
                 numeric_claims: int = 100):
        self.sentences, self.seed = sentences, seed
        lengths, total, rng = array("H"), 0, phrases.Rng(f"{seed}/lengths")
        while total < sentences:
            lengths.append(min(rng.randint(20, 40), sentences - total))
            total += lengths[-1]
        self._lengths = lengths
        rng = phrases.Rng(f"{seed}/plan")
        self._reserved: set[str] = set()
        pending = [self._quote_claim(rng, i) for i in range(quote_claims)]
        pending += [self._numeric_claim(rng, quote_claims + i) for i in range(numeric_claims)]
        if sum(len(texts) + len(decoys) for *_, texts, decoys in pending) * 2 > sentences:
            raise ValueError(f"{sentences} sentences are too few for the planted variants")
        self._planted: dict[int, dict[int, Variant]] = {}
        self.claims = tuple(self._place(rng, *p) for p in pending)

    @property
    def n_documents(self) -> int:
        return len(self._lengths)

    def documents(self) -> Iterator[BenchDoc]:
        for index in range(len(self._lengths)):
            yield self.document(index)

    def document(self, index: int) -> BenchDoc:
        rng = phrases.Rng(f"{self.seed}/doc/{index}")
        subject = rng.choice(SUBJECTS)
        words = vocab.SUBJECTS[subject]
        place = self._free_name(rng)
        title = f"{place} {rng.choice(words['titles'])} {self._free_name(rng)}"
        planted = self._planted.get(index, {})
        sents = [planted[k].text if k in planted else self._filler(rng, subject, place)
                 for k in range(self._lengths[index])]
        text, spans = _paragraphs(rng, sents)
        placed = [(v, *spans[k]) for k, v in sorted(planted.items())]
        return BenchDoc(index, title, rng.choice(vocab.OUTLETS),
                        (date(2023, 1, 1) + timedelta(days=index % 1000)).isoformat(), text,
                        spans, tuple(p for p in placed if p[0].kind != "decoy"),
                        tuple(p for p in placed if p[0].kind == "decoy"))

    def article(self) -> BenchDoc:
        """One article stating every claim (quotes and figures interleaved)."""
        text, spans = _paragraphs(phrases.Rng(f"{self.seed}/article"),
                                  [c.sentence for c in self._article_order()], size=(4, 4))
        return BenchDoc(-1, "Claims under review: a synthetic article", "The Daily Ledger",
                        "2026-03-15", text, spans, ())

    def claim_at(self, offset: int, article: BenchDoc) -> PlantedClaim | None:
        """The planted claim whose article sentence holds ``offset``."""
        for k, (start, end) in enumerate(article.spans):
            if start <= offset < end:
                return self._article_order()[k]
        return None

    def _article_order(self) -> list[PlantedClaim]:
        quotes = [c for c in self.claims if c.kind == "quote"]
        numbers = [c for c in self.claims if c.kind == "numeric"]
        order = [c for pair in zip(quotes, numbers, strict=False) for c in pair]
        return order + quotes[len(numbers):] + numbers[len(quotes):]

    # -- planning ---------------------------------------------------------------------

    def _place(self, rng, cid, kind, fields, texts, decoys) -> PlantedClaim:
        variants = []
        for vkind, text in texts + decoys:
            while True:
                doc = rng.randrange(len(self._lengths))
                sent = rng.randrange(self._lengths[doc])
                if sent not in self._planted.setdefault(doc, {}):
                    break
            variant = Variant(cid, vkind, doc, sent, text)
            self._planted[doc][sent] = variant
            variants.append(variant)
        return PlantedClaim(cid, kind, variants=tuple(variants[:len(texts)]),
                            decoys=tuple(variants[len(texts):]), **fields)

    def _quote_claim(self, rng, cid):
        words = vocab.SUBJECTS[rng.choice(SUBJECTS)]
        role, speaker, q = rng.choice(words["roles"]), person(rng), phrases.quote(rng)
        text = q.render()
        fields = {"sentence": f'"{text}," {role} {speaker} {rng.choice(vocab.CUES)}.',
                  "quote": text, "speaker": speaker}
        texts = []
        for j in range(rng.randint(2, 4)):
            kind = QUOTE_KINDS[(cid + j) % len(QUOTE_KINDS)]
            who, said = speaker, q.render()
            if kind == "changed":
                said = q.render(swap=frozenset(rng.sample(q.swappable(), 2)))
            elif kind == "dropped":
                said = q.render(drop=frozenset(rng.sample(q.droppable(),
                                                          min(2, len(q.droppable())))))
            elif kind == "reordered":
                said = q.render(reorder=True)
            elif kind == "typo":
                said = phrases.typos(rng, said)
            elif kind == "translation":
                swap = q.swappable()
                said = q.render(swap=frozenset(rng.sample(swap, max(3, len(swap) * 7 // 10))))
            elif kind == "speaker":
                while who.split()[-1] == speaker.split()[-1]:
                    who = person(rng)
            texts.append((kind, say.attributed(rng, said, who, rng.choice(words["roles"]),
                                            full=True)))
        return cid, "quote", fields, texts, []

    def _numeric_claim(self, rng, cid):
        kind = rng.choices(QKINDS, weights=_NUMERIC_WEIGHTS)[0]
        subject = self._reserve(rng)
        unit = kind.unit if rng.random() < 0.5 else rng.choice(kind.units)
        value = phrases.convert(phrases.to_si(rng.uniform(kind.lo, kind.hi), kind.unit), unit)
        qual, verb = rng.choice(phrases.QUALIFIERS), rng.choice(kind.verbs)
        phrase = kind.phrase.format(name=subject)
        role = rng.choice(vocab.SUBJECTS[kind.subject]["roles"])
        si = phrases.to_si(value, unit)
        fields = {"sentence": f"{say.cap(role)} {person(rng)} said {phrase} {verb} {qual}"
                              f"{fmt(rng, value, unit, kind.about)}.",
                  "subject": subject, "about": kind.about, "value": value, "unit": unit,
                  "si_value": si, "dimension": kind.dimension, "qualifier": qual.strip() or None}
        texts = []
        for j in range(rng.randint(2, 4)):
            vkind = NUMERIC_KINDS[(cid + j) % len(NUMERIC_KINDS)]
            said, v = unit, value
            others = [u for u in kind.units if u != unit]
            if vkind == "unit" and others:
                said = rng.choice(others)
                v = phrases.convert(si, said)
                vkind = f"unit:{said}"
            elif vkind == "value":
                v = phrases.rounded(value * rng.choice((0.5, 0.6, 1.6, 1.8, 2.5)), unit)
            else:
                vkind = "exact"
            quantity = fmt(rng, v, said, kind.about)
            texts.append((vkind, say.figure(rng, kind, phrase, qual, quantity)))
        decoys = []  # another storm (missile, ...) with the same value, then another value
        for factor in (1.0, 1.6):
            other = kind.phrase.format(name=self._reserve(rng))
            v = value if factor == 1.0 else phrases.rounded(value * factor, unit)
            decoys.append(("decoy", say.figure(rng, kind, other, qual,
                                               fmt(rng, v, unit, kind.about))))
        return cid, "numeric", fields, texts, decoys

    def _reserve(self, rng) -> str:
        while True:
            subject = phrases.name(rng, 3)
            if subject not in self._reserved:
                self._reserved.add(subject)
                return subject

    def _free_name(self, rng) -> str:
        while True:
            found = phrases.name(rng, 2)
            if found not in self._reserved:
                return found

    # -- filler -----------------------------------------------------------------------

    def _filler(self, rng: random.Random, subject: str, place: str) -> str:
        if rng.random() < 0.15:
            subject = rng.choice(SUBJECTS)
        words = vocab.SUBJECTS[subject]
        r = rng.random()
        if r < 0.14:
            return say.attributed(rng, phrases.quote(rng).render(), person(rng),
                               rng.choice(words["roles"]))
        if r < 0.42:
            kind = rng.choice(_KINDS_OF[subject])
            unit = rng.choice(kind.units)
            v = phrases.convert(phrases.to_si(rng.uniform(kind.lo, kind.hi), kind.unit), unit)
            phrase = kind.phrase.format(name=self._free_name(rng))
            return say.figure(rng, kind, phrase, rng.choice(phrases.QUALIFIERS),
                           fmt(rng, v, unit, kind.about))
        return say.plain(rng, words, place)


def generate(sentences: int, *, seed: int = 0, quote_claims: int = 100,
             numeric_claims: int = 100) -> Corpus:
    """The corpus plan; iterate ``documents()`` for the text (a generator)."""
    return Corpus(sentences, seed=seed, quote_claims=quote_claims, numeric_claims=numeric_claims)


def _paragraphs(rng: random.Random, sents: list[str], size=(2, 5)):
    """Sentences joined by spaces, paragraphs by blank lines; with each sentence's span."""
    parts, spans, pos, left = [], [], 0, 0
    for k, sent in enumerate(sents):
        if k:
            sep = " " if left else "\n\n"
            parts.append(sep)
            pos += len(sep)
        if not left:
            left = rng.randint(*size)
        left -= 1
        parts.append(sent)
        spans.append((pos, pos + len(sent)))
        pos += len(sent)
    return "".join(parts), tuple(spans)

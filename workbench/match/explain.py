"""Why an evidence item ranks where it does (issue 13 §5), as a small record.

The matcher fills one ``Why`` per item from what it already computed: the claim's
words the passage shares, the rapidfuzz score and which scorer gave it, the unit
conversion that made two values comparable ("7,600 mph = 3,397 m/s"), the subject
that tied the passage to the claim, and the speaker comparison. It only reports;
it changes no score. ``Evidence.why`` holds its ``to_dict()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..display.values import format_number
from ..models import Claim
from .wording import same_speaker


@dataclass(slots=True)
class Why:
    words: list[str] = field(default_factory=list)  # the claim's search words found here
    fuzzy: float | None = None  # rapidfuzz score 0-100 of the wording
    scorer: str | None = None  # which comparison gave it
    conversion: str | None = None  # "7,600 mph = 3,397 m/s" (numbers)
    claim_conversion: str | None = None  # "more than 3,200 km/h = 889 m/s"
    tolerance: float | None = None  # the relative tolerance the values were compared with
    subject: str | None = None  # what tied the passage to the claim
    speaker: str | None = None  # "same speaker: Elena Marsh" / "another speaker: …"
    score: str | None = None  # how the score was made

    def to_dict(self) -> dict:
        return asdict(self)


def shared_words(claim_text: str, passage: str) -> list[str]:
    """The claim's search words (stop words out) that the passage uses."""
    from .quotes import fold, query_terms  # quotes imports this module

    words = set(fold(passage).split())
    return [w for w in query_terms(claim_text) if w in words]




def conversion(value: float | None, value_max: float | None, unit: str | None,
               si_value: float | None, si_value_max: float | None, si_unit: str | None,
               qualifier: str | None = None) -> str | None:
    """``7,600 mph = 3,397 m/s``; None when the value already is in SI."""
    if si_value is None or value is None:
        return None
    def shown(low: float, high: float | None, u: str | None) -> str:
        text = format_number(low) + (f"–{format_number(high)}" if high is not None else "")
        return f"{u} {text}" if u == "Mach" else f"{text} {u}".strip()
    if unit == si_unit or not unit:
        return None
    head = f"{qualifier} " if qualifier else ""
    return f"{head}{shown(value, value_max, unit)} = {shown(si_value, si_value_max, si_unit)}"


def speaker_comparison(claim: Claim, speaker: str | None) -> str:
    same = same_speaker(claim.speaker, speaker)
    if same is True:
        return f"same speaker: {speaker}"
    if same is False:
        return f"another speaker: {speaker} (the article: {claim.speaker})"
    if speaker:
        return f"speaker here: {speaker}; the article names none"
    return "no speaker named here" if claim.speaker else "no speaker on either side"


def for_quote(claim: Claim, passage: str, score: float, speaker: str | None, *,
              extracted: bool, min_score: float) -> dict:
    return Why(
        words=shared_words(claim.text, passage), fuzzy=round(score, 1),
        scorer=("quote extracted here, whole or partial ratio" if extracted
                else "partial_ratio alignment in the passage"),
        speaker=speaker_comparison(claim, speaker),
        score=f"wording score {score:.0f} (the quote threshold is {min_score:.0f})",
    ).to_dict()


def for_number(claim: Claim, other: Claim, passage: str, *, similarity: float, subject: float,
               about_same: bool, inherits: bool, terms: list[str], tolerance: float) -> dict:
    from .quotes import fold

    words = set(fold(passage).split())
    tied = [t for t in terms if t in words or t + "s" in words or t.rstrip("s") in words]
    if about_same:
        why_subject = f"both are about {other.about}"
    elif inherits:
        why_subject = "its document is about " + (claim.about or "the claim's subject")
    elif tied:
        why_subject = "names " + ", ".join(tied)
    else:
        why_subject = "sentence worded like the claim's"
    return Why(
        words=tied, fuzzy=round(similarity, 1), scorer="token_set_ratio of the two sentences",
        conversion=conversion(other.value, other.value_max, other.unit, other.si_value,
                              other.si_value_max, other.si_unit),
        claim_conversion=conversion(claim.value, claim.value_max, claim.unit, claim.si_value,
                                    claim.si_value_max, claim.si_unit, claim.qualifier),
        tolerance=tolerance, subject=why_subject,
        score=f"0.5 × wording {similarity:.0f} + 50 × subject {subject:.2f}",
    ).to_dict()

"""Whether a person named in the text is referred to as "he" or "she".

Why: in "Mayor Tom Reyes met Aminah Yusof. ... 'We will rebuild,' she said", the quote is
Yusof's, not the last person named. A person's gender is read, strongest first, from an
honorific or a gendered role next to the name ("Mrs", "spokeswoman", "the mother of
two"), from a first name whose gender is unambiguous in ``gender_guesser``'s list of
40,000 first names (offline, shipped with the package), and from the first "he"/"she"
(his/her…) the text uses after the name before anyone else is named.

It does NOT guess anything from surnames, treat gender as more than the pronoun the text
uses, or resolve "I", "we" and "you".
"""

from __future__ import annotations

import functools

FEMALE, MALE = "f", "m"
PRONOUN_GENDER = {"she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
                  "he": MALE, "his": MALE, "him": MALE, "himself": MALE}
CUES = {
    **dict.fromkeys(
        "mrs ms miss madam madame dame lady queen princess duchess baroness countess empress "
        "binti bte binte bt puan datin "
        "spokeswoman chairwoman businesswoman congresswoman councilwoman policewoman actress "
        "waitress hostess sportswoman stateswoman mother wife daughter sister grandmother girl "
        "woman widow aunt niece mum mom granddaughter sheikha begum sra mme frau signora".split(),
        FEMALE),
    **dict.fromkeys(
        "bin ibn encik "
        "mr sir lord king prince duke baron count emperor spokesman chairman businessman "
        "congressman councilman policeman sportsman statesman father husband son brother "
        "grandfather boy man widower uncle nephew dad grandson sheikh sr mon herr signor "
        "monsieur".split(), MALE),
}


@functools.cache
def _detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@functools.cache  # asked again for every earlier name each time a pronoun is resolved
def from_first_name(first: str) -> str | None:
    """FEMALE / MALE when the first name is unambiguous in gender_guesser's list."""
    if len(first) < 2 or not first[0].isalpha():
        return None
    found = _detector().get_gender(first)
    return {"female": FEMALE, "male": MALE}.get(found)


def from_words(words: list[str]) -> str | None:
    """The gender an honorific or gendered role among ``words`` gives, if any."""
    for word in words:
        cue = CUES.get(word.lower().rstrip("."))
        if cue:
            return cue
    return None

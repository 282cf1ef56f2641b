"""From an attribution's speaker phrase to a speaker: a name, a role, a pronoun.

``speaker(attr, names, pos)`` turns the words :mod:`speakers` found next to a quote
into the fullest name the document gives: a capitalised run has its titles stripped
and a surname is expanded ("Zelensky" -> "Volodymyr Zelensky"); "he"/"she" is the
last person of that gender named before the quote; "the minister" is the name tied to that role;
an organisation stays as named; an unnamed source stays as described, without its
article ("the rail operator" -> "rail operator").

"he"/"she", "they", "it" and "the company" first take the subject of the latest report
clause that agrees with them (``antecedents``); failing that, "he"/"she" is the last person
of that gender and "they" / "it" the last organisation named.
It does NOT resolve "we", "I" or "one" (None), or guess a speaker the text does not name.
"""

from __future__ import annotations

from .antecedents import GROUP, ORG, Reports
from .gender import PRONOUN_GENDER
from .lexicon import (
    CAP_STOP,
    DETERMINERS,
    PARTICLES,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    ROLE_WORDS,
    TITLES,
)
from .names import NameIndex
from .speakers import Attribution
from .words import Tok, bare, is_org, possessive, strip_titles


def _name_words(phrase: list[Tok]) -> tuple[str, list[str]] | None:
    """("name"|"org", words) when the phrase ends in a capitalised run, else None."""
    k = len(phrase)
    while k > 0:
        t = phrase[k - 1]
        if k < len(phrase) and possessive(t.text):
            break
        if not (t.cap or t.text == "." or (t.lower in PARTICLES and k < len(phrase))):
            break
        k -= 1
    if 0 < k < len(phrase) and len(phrase) - k == 1 and possessive(phrase[k - 1].text) \
            and is_org([phrase[-1].text]):
        k -= 1  # "St Mary's Hospital": a bare institution keeps its possessor
        while k > 0 and phrase[k - 1].cap and not possessive(phrase[k - 1].text):
            k -= 1
    words = [t.text for t in phrase[k:] if t.text != "."]
    while words and words[0].lower() in CAP_STOP:
        words.pop(0)
    if not words:
        return None
    words[-1] = bare(words[-1])
    if is_org(words):
        return "org", words
    return "name", strip_titles(words)


# "the company said": the organisation the text named last (of that kind, if any).
GENERIC_ORGS = frozenset(
    "company firm group retailer bank operator agency ministry department council club party "
    "airline carrier insurer lender regulator utility authority federation association union "
    "developer manufacturer maker chain brand startup start-up broadcaster network league "
    "team board commission institute university hospital charity foundation".split())


def _only_titles(words: list[str]) -> bool:
    """"Premier", "Chief of Army": a role, not a name ("The Premier, Brendan O'Rourke,")."""
    return all(w.lower().rstrip(".") in TITLES or w.lower() in ("of", "for", "the")
               or w.lower() in ROLE_WORDS for w in words)


def _pronoun(word: Tok, names: NameIndex, pos: int, reports: Reports | None) -> str | None:
    """he / she: the subject of the latest report clause that agrees, else the last
    person of that gender, else (nobody before) the report clause of the next sentence."""
    where, gender = min(pos, word.start), PRONOUN_GENDER[word.lower]
    found = reports.before(where, gender) if reports else None
    found = found or names.last_person(where, gender)
    if found is None and reports:
        found = reports.after(max(pos, word.end), gender)
    if found:
        names.learn_gender(found, gender)
    return found


def speaker(attr: Attribution, names: NameIndex, pos: int,
            reports: Reports | None = None) -> tuple[str | None, bool]:
    """(speaker, is_person) for an attribution of a quote starting at ``pos``; with
    ``reports``, pronouns and "the company" look for their antecedent there first."""
    subject = attr.subject
    described = bool(subject) and (subject[0].lower in DETERMINERS or not subject[0].cap)
    # "The chief executive of Aldridge Respiratory, Tom Brennan,": the appositive names
    # the person; the subject's capitals are where they work
    for phrase in ((attr.appos, subject) if described else (subject, attr.appos)):
        found = _name_words(phrase) if phrase else None
        if found and found[0] == "name" and not _only_titles(found[1]):
            return names.full_name(found[1], pos), True
    if len(subject) == 1 and subject[0].lower in PRONOUNS_PERSON:
        return _pronoun(subject[0], names, pos, reports), True
    if len(subject) == 1 and subject[0].lower == "they":
        where = min(pos, subject[0].start)
        group = reports.before(where, GROUP) if reports else None
        return group or names.last_organisation(where), False
    if len(subject) == 1 and subject[0].lower == "it":  # '"…," it said in a statement'
        where = min(pos, subject[0].start)
        org = reports.before(where, ORG) if reports else None
        return org or names.last_organisation(where), False
    if len(subject) == 1 and subject[0].lower in PRONOUNS_OTHER:
        return None, False
    words = [t.text for t in subject]
    resolved = names.role(words, pos) if subject else None
    if resolved is None and len(words) == 2 and words[0].lower() in ("the", "its") \
            and words[1].lower() in GENERIC_ORGS:
        org = reports.before(pos, ORG) if reports else None  # "the company said"
        org = org or names.last_organisation(pos, words[1].lower())
        if org:
            return org, False
    if resolved or attr.person_only:
        return resolved, resolved is not None
    for phrase in (subject, attr.appos):
        found = _name_words(phrase) if phrase else None
        if found:  # an organisation named in full
            return " ".join(found[1]), False
    if not subject:
        return None, False
    while subject and subject[0].lower in DETERMINERS:
        subject = subject[1:]
    if not subject:
        return None, False
    return names.text[subject[0].start:subject[-1].end], False

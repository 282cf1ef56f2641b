"""Word lists the quote extractor reasons with: cue verbs, titles, roles, stop words.

Kept apart from the logic so a reviewer can read (and extend) the vocabulary in one
place. English only, lower-case entries. This module does NOT contain any logic or
any passage-specific strings: every entry is a general word class.
"""

from __future__ import annotations


def _forms(*groups: str) -> frozenset[str]:
    return frozenset(w for g in groups for w in g.split())


# Finite speech verbs: "X said", "X told Reuters", "X posted on X".
CUE_VERBS = _forms(
    "say says said tell tells told add adds added write writes wrote post posts posted",
    "tweet tweets tweeted stated declare declares declared ask asks asked reply replies",
    "replied answer answered respond responds responded warn warns warned insist insists",
    "insisted explain explains explained note notes noted argue argues argued continue",
    "continues continued announce announces announced claim claims claimed recall recalls",
    "recalled admit admits admitted acknowledge acknowledges acknowledged concede concedes",
    "conceded conclude concludes concluded joke jokes joked shout shouts shouted testify",
    "testifies testified remark remarks remarked observe observes observed stress stresses",
    "stressed emphasise emphasised emphasises emphasize emphasized emphasizes predict",
    "predicts predicted promise promises promised vow vows vowed boast boasts boasted",
    "complain complains complained confirm confirms confirmed deny denies denied whisper",
    "whispered yell yelled exclaim exclaimed quip quipped counter countered retort retorted",
    "caution cautioned urge urges urged describe describes described call calls called",
    "plead pleaded beg begged demand demanded suggest suggested",
)
# Participles that borrow the subject of an earlier verb: "said X, adding: ...".
CUE_PARTICIPLES = _forms(
    "saying adding noting warning telling writing explaining insisting arguing stressing",
    "calling describing asking declaring claiming continuing posting",
)
# Verbs that may come before their subject: '"...," said Putin.'
INVERTIBLE = _forms(
    "said says added adds wrote writes asked asks replied warned explained continued",
    "insisted noted recalled admitted argued declared posted tweeted stated concluded",
    "countered cautioned quipped joked exclaimed shouted answered responded remarked",
    "observed promised predicted boasted complained confirmed urged",
)
# "in a statement", "in a video address": nouns that extend a cue.
CUE_CHANNELS = _forms(
    "statement interview post speech address video briefing letter email e-mail tweet",
    "message podcast broadcast filing op-ed column blog note interview",
)
# Words that, directly before an opening mark, make the quoted words a name or a title.
NAMING_WORDS = _forms(
    "so-called dubbed nicknamed titled entitled named codenamed code-named word term",
    "phrase slogan hashtag motto label codename film movie book novel report song album",
    "single series show documentary play article paper study podcast programme program",
    "campaign operation project exhibition poem opera musical game app brand headline",
    "essay memoir track magazine newspaper channel",
)
# Title and role words stripped from the front of a name ("Defense Minister X").
TITLES = _forms(
    "president vice prime minister secretary chancellor dr doctor mr mrs ms miss mx gen",
    "general sen senator rep representative gov governor mayor judge justice prof professor",
    "sir dame lord lady coach captain capt lt lieutenant col colonel sgt sergeant maj major",
    "adm admiral cmdr commander pope king queen prince princess ambassador commissioner",
    "chief inspector detective det officer constable rev reverend father bishop archbishop",
    "cardinal rabbi imam sheikh chairman chairwoman chairperson chair ceo director deputy",
    "spokesperson spokesman spokeswoman councillor councilor premier prosecutor attorney",
    "superintendent sheriff marshal speaker leader head former acting interim",
    "datuk seri dato datin tun tunku tengku haji hajah puan encik cik shri smt",
)
ABBREVIATIONS = _forms(
    "dr mr mrs ms mx gen sen rep gov prof capt lt col sgt maj adm cmdr det rev st jr sr",
    "no inc ltd co corp vs etc jan feb mar apr jun jul aug sep sept oct nov dec",
)
NAME_SUFFIXES = _forms("jr sr ii iii iv")
# Lower-case occupation words that may stand right before a name ("spokesman X").
ROLE_WORDS = TITLES | _forms(
    "spokesperson analyst economist forecaster meteorologist scientist researcher",
    "lawyer engineer nurse surgeon virologist epidemiologist teacher principal resident",
    "official executive founder owner farmer pilot driver worker activist campaigner",
    "striker goalkeeper midfielder defender player referee manager steward historian",
    "author expert witness envoy adviser advisor lawmaker legislator candidate minister",
)
PARTICLES = _forms("de da di du del der den van von bin ibn al el la le dos das ter")
PRONOUNS_PERSON = _forms("he she")
PRONOUNS_OTHER = _forms("i we they you it one")
DETERMINERS = _forms("the a an")
# Capitalised words that start sentences rather than names.
CAP_STOP = _forms(
    "the a an this that these those in on at by for from to of with without after before",
    "during since until when while as if but and or nor so yet although though because",
    "once then now here there meanwhile however still also even only just it its he she",
    "they we i you his her their our my your speaking asked according last next earlier",
    "later today yesterday tomorrow tonight monday tuesday wednesday thursday friday",
    "saturday sunday january february march april may june july august september october",
    "november december mon tue wed thu fri sat sun what why how who where which some many",
    "most several every each all both no not one two three four five ten local police",
)
WEEKDAYS_MONTHS = _forms(
    "monday tuesday wednesday thursday friday saturday sunday january february march",
    "april may june july august september october november december",
)
# Last words of organisations ("Defense Ministry", "Northwind Airways").
INSTITUTIONS = _forms(
    "ministry office council court agency bank service department party union forces army",
    "navy guard commission committee institute university hospital centre center company",
    "inc ltd group news times post club fc league cup airways airlines energy foods",
    "authority board fund foundation association federation corporation media press",
    "television radio network festival prize award games championship summit kremlin",
    "house parliament senate assembly government police administration organisation",
    "organization tribunal school college museum society trust ministries operator",
    "railway railways rail airport motors industries holdings systems technologies labs",
    "partners insurance pharmaceuticals studios records publishing review journal",
    "magazine herald ledger telegraph guardian monitor weekly daily desk tribune gazette",
    "observer express mirror chronicle broadcasting reuters square street road avenue",
    "bridge station stadium arena hall church cathedral library market range hotel",
)
# First words that make a capitalised run a place rather than a person.
PLACE_FIRST = _forms(
    "new north south east west saint st upper lower great united central northern",
    "southern eastern western greater mount lake cape port fort camp hotel cafe caf\u00e9",
    "restaurant bar club radio channel operation project gulf bay isle",
)
# Words that are never part of a speaker noun phrase.
NP_BREAK = _forms(
    "that which who whom whose and or but as if when while after before because since",
    "than in on at to from with by about into over under during of for against between",
    "is was were are be been being will would can could should may might must do does did",
    "not it its this these those there here where why how what",
)
# Adverbs and auxiliaries allowed between a subject and its cue ("X later said").
BETWEEN_SUBJECT_AND_CUE = _forms(
    "also later then earlier separately previously once again has had have would reportedly",
    "repeatedly simply just recently subsequently publicly privately quickly bluntly flatly",
    "angrily calmly quietly firmly first finally further herself himself themselves",
)
# Verbs of a sentence that introduces a quote with a colon: "X was blunt: ...".
COPULAS = _forms("was is were are seemed sounded looked remained became had has got grew")
QUANTIFIERS = _forms("one two three some many several both all most few other another")

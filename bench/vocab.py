"""Word lists for the synthetic news corpus (``bench/corpus.py``).

Plain data: names, outlets, per-subject nouns/verbs/roles, cue phrases, and the
quote vocabulary with a synonym for every word (so a quote can be re-worded or
"translated" by swapping words). Proper nouns for places and weapons are built
from syllables, so the corpus has thousands of rare words beside the common ones.
Nothing here is random; the generator draws from these lists with a seeded RNG.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Anna Elena Marta Petra Irina Sofia Lena Clara Nadia Olga Vera Maria Teresa Ines Rosa "
    "Hanna Julia Eva Alma Daria Mila Zora Agnes Lucia Beata Greta Ida Leila Noor Amira Yara "
    "Priya Mei Keiko Ana Carmen Lucy Grace Helen Ruth Anton Ilya Martin Pavel Viktor Tomas "
    "Marek Jonas Lukas Stefan Oskar Emil Hugo Felix Dmitri Boris Ivan Nikolai Andrei Yusuf "
    "Omar Karim Samir Rafael Diego Pablo Mateo Luca Marco Paolo Kenji Hiro Ravi Arjun David "
    "Daniel Samuel Peter James Thomas George Henry Owen"
).split()
LAST_NAMES = (
    "Kovalenko Marsh Drevic Sorn Vance Hale Petrov Novak Horvat Kowalski Lindqvist Berg "
    "Jansen Moreau Dubois Rossi Bianchi Ferreira Santos Garcia Lopez Ortega Navarro Silva "
    "Costa Romano Keller Weber Fischer Wagner Becker Hoffmann Schulz Krause Meyer Richter "
    "Andersen Nilsson Larsen Eriksen Virtanen Korhonen Nieminen Tamm Kask Ozols Kalnins "
    "Petrauskas Varga Nagy Szabo Toth Dvorak Svoboda Cerny Popescu Ionescu Dimitrov Georgiev "
    "Stoyanov Markovic Jovanovic Nikolic Hadzic Begic Demir Yilmaz Kaya Aydin Haddad Nasser "
    "Khalil Farah Mansour Rahman Hussain Chowdhury Iyer Menon Rao Nair Tanaka Sato Suzuki "
    "Watanabe Kimura Chen Wang Zhao Liu Park Kim Choi Nguyen Tran Pham Okafor Mensah Owusu "
    "Adeyemi Banda Phiri Mwangi Otieno Ndlovu Dlamini Walsh Byrne Doyle Kelly Murphy Carter "
    "Fletcher Harper Mason Turner Webb Wright Brooks Barnes Fraser Reid Ramsay Abbott Blake"
).split()
OUTLETS = (
    "The Daily Ledger", "Northern Courier", "Harbour Post", "Metro Wire", "The Evening Star",
    "Capital Times", "Coastal Herald", "Regional Observer", "The Morning Dispatch",
    "Global Post", "Valley Gazette", "Continental Review", "City Chronicle", "The Sentinel",
    "Frontier Journal", "Lakeside Tribune", "National Bulletin", "The Inquirer Weekly",
)
SYLLABLES = (
    "kor val dren na tar vik or lan as ter holm len vi va ro sia mar ost ril dan bor "
    "sel ka vel mir tan go rad vos lu ben tor za ny ska pol ve les stri gan ar ka zem "
    "bra ni ko dar mo ra lin ta su ve no ga hal rin be lo cze mu ri fal da"
).split()

CUES = (
    "said", "said", "said", "told reporters", "said in a statement", "told the Daily Ledger",
    "wrote on Telegram", "told a news conference", "said on Sunday", "said on Tuesday",
    "added", "warned", "insisted", "told parliament", "posted on X", "told state television",
)
WHEN = (
    "On Monday", "On Tuesday", "On Wednesday", "On Thursday", "On Friday", "On Saturday",
    "On Sunday", "Last week", "Earlier this month", "Late on Friday", "In March", "In June",
    "In September", "In November", "Overnight", "This morning", "Two days later",
)
MONTHS = ("January February March April May June July August September October "
          "November December").split()
GENERAL_NOUNS = (
    "government ministry officials statement report plan agreement talks decision "
    "committee proposal inquiry review deadline programme region capital council parliament "
    "agency spokesperson analysts critics residents community measures figures data "
    "response warning meeting visit budget support pressure concerns"
).split()
GENERAL_VERBS = (
    "announced confirmed rejected approved delayed criticised welcomed questioned "
    "published reviewed extended suspended defended outlined disputed"
).split()

# subject -> nouns, adjectives, past-tense verbs, roles, organisations, title words
SUBJECTS: dict[str, dict[str, tuple[str, ...]]] = {
    "defence": {
        "nouns": tuple("missile launch drills troops border convoy base airfield radar "
                       "warship submarine drone battalion artillery ceasefire shelling "
                       "frontline sanctions envoy alliance arsenal warheads interceptor "
                       "satellite exercise offensive".split()),
        "adjs": tuple("ballistic strategic military naval defensive hostile joint "
                      "intermediate-range nuclear reckless unprovoked".split()),
        "verbs": tuple("deployed tested intercepted launched moved shelled reinforced "
                       "withdrew detected condemned".split()),
        "roles": ("Defence Minister", "Foreign Minister", "General", "army spokesperson",
                  "Colonel", "security adviser"),
        "orgs": ("the defence ministry", "the general staff", "the army", "the alliance",
                 "military intelligence", "the security council"),
        "titles": ("test-fires", "moves troops to", "warns over", "deploys drones near",
                   "condemns launch by"),
    },
    "elections": {
        "nouns": tuple("election ballot turnout vote candidate campaign coalition "
                       "parliament seats polls runoff district voters referendum "
                       "manifesto debate recount commission incumbent opposition "
                       "majority constituency".split()),
        "adjs": tuple("electoral presidential parliamentary local early narrow "
                      "decisive disputed landslide fragile".split()),
        "verbs": tuple("won lost conceded counted challenged contested endorsed "
                       "boycotted formed promised".split()),
        "roles": ("electoral commission chair", "party leader", "campaign manager",
                  "Prime Minister", "opposition leader", "Senator"),
        "orgs": ("the electoral commission", "the ruling party", "the opposition bloc",
                 "election observers", "the constitutional court", "pollsters"),
        "titles": ("votes in", "counts ballots in", "braces for runoff in",
                   "disputes result in", "goes to the polls in"),
    },
    "health": {
        "nouns": tuple("hospital patients vaccine doses cases outbreak clinic nurses "
                       "doctors ward infection waiting-list treatment screening beds "
                       "pandemic surgery ambulance prescription trial virus".split()),
        "adjs": tuple("clinical medical contagious seasonal chronic rural emergency "
                      "public preventive severe".split()),
        "verbs": tuple("treated vaccinated admitted discharged recorded screened "
                       "tested reported diagnosed trialled".split()),
        "roles": ("Health Minister", "chief medical officer", "hospital director",
                  "epidemiologist", "nurses' union leader", "Dr"),
        "orgs": ("the health ministry", "the regional hospital", "the public health agency",
                 "the medical council", "the nurses' union", "the disease control centre"),
        "titles": ("reports outbreak in", "expands vaccination in", "opens hospital in",
                   "cuts waiting lists in", "warns of flu season in"),
    },
    "economy": {
        "nouns": tuple("inflation prices wages budget deficit growth exports imports "
                       "unemployment interest rates bank investment tax tariffs debt "
                       "factory output market shares pension subsidies currency".split()),
        "adjs": tuple("economic fiscal annual quarterly monetary industrial "
                      "record sluggish steady volatile".split()),
        "verbs": tuple("rose fell slowed grew raised cut froze doubled forecast "
                       "revised".split()),
        "roles": ("Finance Minister", "central bank governor", "chief economist",
                  "Economy Minister", "trade union leader", "analyst"),
        "orgs": ("the central bank", "the statistics office", "the finance ministry",
                 "the chamber of commerce", "the trade union federation", "the treasury"),
        "titles": ("raises rates in", "cuts budget for", "reports growth in",
                   "faces strikes in", "freezes prices in"),
    },
    "sport": {
        "nouns": tuple("match season league final goal striker coach stadium "
                       "tournament race marathon cyclist record medal transfer club "
                       "fans referee championship lap team".split()),
        "adjs": tuple("dramatic unbeaten historic late crucial home away "
                      "semi-final world-class stunning".split()),
        "verbs": tuple("scored beat signed finished won lost drew qualified "
                       "retired broke".split()),
        "roles": ("head coach", "team captain", "club president", "sports minister",
                  "race director", "striker"),
        "orgs": ("the football federation", "the league", "the organising committee",
                 "the club", "the cycling union", "the athletics association"),
        "titles": ("wins final in", "breaks record in", "signs striker from",
                   "hosts marathon in", "sacks coach after defeat in"),
    },
    "weather": {
        "nouns": tuple("storm rainfall floods heatwave drought winds gusts snow "
                       "temperatures forecast coast river warning evacuation "
                       "landslide power-cuts hail frost wildfire".split()),
        "adjs": tuple("severe torrential heavy record-breaking coastal tropical "
                      "unseasonal freezing dry stormy".split()),
        "verbs": tuple("hit flooded battered swept cancelled closed evacuated "
                       "damaged struck eased".split()),
        "roles": ("chief meteorologist", "civil protection chief", "Mayor",
                  "emergency services spokesperson", "forecaster", "Governor"),
        "orgs": ("the weather service", "civil protection", "the coast guard",
                 "the fire service", "the met office", "the flood agency"),
        "titles": ("braces for storm in", "floods hit", "heatwave grips",
                   "evacuates towns in", "snow closes roads in"),
    },
}

# Quote vocabulary: (word, synonym) pairs; re-wording swaps one for the other.
Q_SUBJECTS = (("we", "we"), ("our government", "this government"), ("our forces", "our troops"),
              ("the ministry", "the department"), ("our team", "our side"),
              ("this country", "this nation"))
Q_MODALS = (("will", "shall"), ("must", "have to"), ("will not", "won't"), ("can", "are able to"),
            ("should", "ought to"), ("cannot", "are unable to"))
Q_VERBS = (("protect", "defend"), ("rebuild", "restore"), ("reduce", "cut"), ("support", "back"),
           ("increase", "raise"), ("finish", "complete"), ("stop", "halt"), ("allow", "permit"),
           ("deliver", "provide"), ("build", "construct"), ("review", "examine"),
           ("strengthen", "reinforce"), ("expand", "widen"), ("fund", "finance"),
           ("repair", "fix"), ("accept", "tolerate"), ("ignore", "disregard"),
           ("abandon", "desert"), ("help", "assist"), ("secure", "safeguard"))
Q_ADJS = (("every", "each"), ("new", "fresh"), ("strong", "robust"), ("difficult", "hard"),
          ("important", "vital"), ("safe", "secure"), ("fair", "just"), ("quick", "rapid"),
          ("whole", "entire"), ("small", "minor"), ("large", "major"), ("local", "regional"),
          ("honest", "truthful"), ("basic", "essential"), ("ordinary", "common"))
Q_NOUNS = (("people", "citizens"), ("border", "frontier"), ("country", "nation"),
           ("hospitals", "clinics"), ("prices", "costs"), ("roads", "highways"),
           ("schools", "classrooms"), ("families", "households"), ("workers", "employees"),
           ("farmers", "growers"), ("towns", "communities"), ("voters", "electorate"),
           ("plan", "strategy"), ("promise", "pledge"), ("budget", "finances"),
           ("future", "prospects"), ("region", "area"), ("children", "kids"),
           ("economy", "markets"), ("soldiers", "troops"), ("patients", "sick"),
           ("homes", "houses"), ("jobs", "employment"), ("rules", "regulations"))
Q_PREPS = (("for", "for"), ("in", "within"), ("across", "throughout"), ("before", "ahead of"),
           ("after", "following"), ("near", "close to"), ("against", "in the face of"))
Q_TAILS = (("this winter", "over the winter"), ("by the end of the year", "before the year ends"),
           ("whatever it costs", "at any cost"), ("next month", "in the coming month"),
           ("as soon as possible", "without delay"), ("this time", "on this occasion"),
           ("once again", "yet again"), ("in the coming weeks", "over the next few weeks"))
Q_JOINS = (", and ", ", but ", " because ", ", so ", " while ")

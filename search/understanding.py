"""Reading what a resident typed: a place, intent words ("free", "online", "apprenticeship", "level 3") and the
words that are left to match.

"python course keighley" is a search for Python near Keighley; "free help with my phone in Dewsbury" is free
help with phones near Dewsbury. Everything here is a pure function of the words and a Gazetteer (the place
names we know), so it is tested without a database. Each thing understood is a Reading the page shows as a
chip with a Remove link; `SearchParams.ignore` names the readings a resident removed, and `as_typed` turns
understanding off.

Rules of thumb: a filter only when the resident was explicit ("free", "apprenticeships"), a boost when
unsure ("job", "course", "evening"); never guess between two places that share a name; a place name that is
also an ordinary word ("Idle", "Shelf") counts only after "in", "near", "around" or "at".
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property

from django.utils.translation import gettext_lazy as _

from places.distances import distance_miles

from .analyzers import read_language_synonyms

# Understanding turns these into chips the resident can remove, one key each.
PLACE = "place"

# What a resident adds that says nothing about what they want: never required to match.
FILLER_PHRASES = [
    "i would like to", "i would like", "i want to", "i want", "i need to", "i need", "i d like to",
    "looking for", "where can i", "where do i", "how can i", "how do i", "how to", "can i", "is there",
    "are there", "help me", "help with", "help to", "help using", "help", "learn about", "learn to", "learn",
    "learning", "teach me", "show me", "get better at", "get started with", "get started", "find out about",
    "use", "using", "near me", "nearby", "near by", "close to me", "local", "please", "something", "anything",
    "change career", "change careers", "career change", "changing career", "changing careers", "new career",
    "switch career", "switch careers", "move into", "get into", "break into", "retrain", "retraining", "become a",
    "become an", "with no experience", "i have no experience", "no experience", "but",
]
STOP_WORDS = frozenset(
    """a an the to of for in on at by with and or my me i im i'm we our your you is are be am do does can
    could would should will any some about around near into from this that it its their them so what where
    when how who which there here get find want need needs like her his him she he they mum dad mom mother
    father nan gran grandma grandad husband wife partner someone somebody anywhere son daughter child children's
    year years old olds aged teenager""".split()
    # The little words of Polish, Romanian and Urdu (Roman letters and Urdu script), folded: "pomoc z telefonem",
    # "cursuri pentru incepatori", "ای میل میں مدد". None is an English word residents would search for.
    + """z ze dla w we na do od jak gdzie sie moj moja moje mam chce szukam cu de pentru si meu mea vreau caut
    ke ki ka ko mein mujhe chahiye کے کی کا کو میں سے اور مجھے چاہیے""".split()
)
# Words every item of ours is about: they rank what has them first but are never required ("tech jobs in
# Harrogate" is every job near Harrogate, tech ones first).
GENERIC_WORDS = frozenset(
    "tech technology technologies digital skills computer computers computing career careers library libraries".split()
)
# The Essential Digital Skills framework's foundation skills (pathways reference data): a beginner's first step.
FOUNDATION_SKILLS = ("EDS-F",)
# Prepositions that make a following name a place even when it is also an ordinary word.
PLACE_PREPOSITIONS = frozenset({"in", "near", "around", "at", "from"})

# Place names in our data that are also ordinary words a resident might type for another reason.
ORDINARY_WORD_PLACES = frozenset(
    """bowling drax dore halfway harden healing holme hope idle intake jump manor marsh moss paddock pool
    settle shelf wales waterloo woodlands norton sutton richmond melbourne middleton moortown""".split()
)
# Two districts named alike further apart than this are two places, and we do not guess between them.
SAME_PLACE_MILES = 8.0


@dataclass(frozen=True)
class Intent:
    key: str
    label: str
    changes: dict  # SearchParams fields to set
    filter: bool  # a filter (explicit) or a boost (unsure); boosts keep their words as optional terms
    keeps_words: bool = False  # its words stay to be matched too: they also say what to find ("returner")


# Longest phrases first; folded text (lower case, ASCII, single spaces).
INTENT_WORDS: list[tuple[tuple[str, ...], Intent]] = [
    (("degree apprenticeship", "degree apprenticeships", "degree level apprenticeship"),
     Intent("degree", _("Degree apprenticeships"), {"kind": ("apprenticeship",), "degree": True}, filter=True)),
    (("apprenticeship", "apprenticeships", "apprentice", "apprentices"),
     Intent("kind", _("Apprenticeships"), {"kind": ("apprenticeship",)}, filter=True)),
    (("for free", "free of charge", "no cost", "costs nothing", "free", "funded", "fully funded"),
     Intent("free", _("Free"), {"free": True}, filter=True)),
    # "Get online" is what the inclusion tier teaches, not a way of learning.
    (("get online", "getting online", "go online", "going online", "get on line", "use the internet", "using the internet"),
     Intent("beginner", _("For beginners"), {"prefer_tier": "inclusion", "prefer_kind": ("programme",)}, filter=False)),
    (("from home", "at home", "work from home", "working from home", "online course", "online courses", "online class",
      "online classes", "learn online", "learning online", "study online", "online learning", "online training",
      "remote", "remotely", "virtual", "distance learning"),
     Intent("online", _("Online or from home"), {"online": True}, filter=True)),
    # Alone, "online" is as often the topic ("online banking", "forms online") as the way of learning.
    (("online",), Intent("online", _("Online first"), {"prefer_words": ("online",)}, filter=False)),
    (("never used", "never been online", "first steps", "complete beginner", "absolute beginner", "absolute beginners",
      "beginner", "beginners", "basic", "basics", "the basics", "starting out", "from scratch", "new to", "introduction to"),
     Intent("beginner", _("For beginners"), {"prefer_tier": "inclusion", "prefer_kind": ("programme",), "prefer_words": ("beginner",)}, filter=False)),
    (("evening", "evenings", "after work", "night"),
     Intent("evening", _("Evenings"), {"prefer_schedule": ("evening",)}, filter=False)),
    (("weekend", "weekends", "saturday", "saturdays", "sunday", "sundays"),
     Intent("weekend", _("Weekends"), {"prefer_schedule": ("weekend", "saturday", "sunday")}, filter=False)),
    (("part time", "part-time"),
     Intent("part_time", _("Part-time"), {"prefer_schedule": ("part-time",)}, filter=False)),
    (("work experience", "placement", "placements", "internship", "internships"),
     Intent("placement", _("Placements and work experience"), {"prefer_type": ("placement",)}, filter=False)),
    (("bootcamp", "bootcamps", "boot camp"),
     Intent("bootcamp", _("Bootcamps"), {"prefer_type": ("bootcamp_place",), "prefer_words": ("bootcamp",)}, filter=False)),
    (("job club", "job clubs", "job hunting", "job search", "job searching", "job seeking", "job seekers", "jobseekers",
      "looking for work", "find a job", "finding a job", "find work", "applying for jobs", "job applications", "apply for jobs"),
     Intent("job_hunting", _("Help finding work"), {"prefer_kind": ("programme",), "prefer_words": ("job", "cv", "applications", "interviews")}, filter=False)),
    (("for my job", "for work", "at work", "in my job", "for my work", "in work", "for the workplace", "in the workplace"),
     Intent("work_skills", _("Skills for work"), {"prefer_tier": "general", "prefer_kind": ("programme",), "prefer_words": ("work", "workplace")}, filter=False)),
    (("older people", "older person", "older adults", "over 50s", "over 60s", "over 65s", "over 70s", "seniors", "pensioners", "retired"),
     Intent("older", _("For older people"), {"prefer_tier": "inclusion", "prefer_words": ("older", "over 50s", "over 60s", "silver")}, filter=False)),
    (("job", "jobs", "vacancy", "vacancies", "role", "roles", "paid work", "get paid", "paid to"),
     Intent("job", _("Jobs and apprenticeships"), {"prefer_kind": ("apprenticeship", "sponsored")}, filter=False)),
    # The "Help to get started" flags (search.params.HELP_TO_START): explicit, so filters.
    (("drop in", "drop-in", "drop ins", "drop-ins", "no booking", "no need to book", "just turn up", "walk in"),
     Intent("drop_in", _("Drop in, no need to book"), {"help": ("drop_in",), "prefer_words": ("drop-in",)}, filter=True)),
    (("borrow a laptop", "borrow a tablet", "borrow a computer", "borrow one", "lend me", "loan a laptop", "device loan",
      "device loans", "laptop loan", "laptop loans", "free laptop", "free tablet", "dont have a laptop", "don't have a laptop",
      "dont have a computer", "don't have a computer"),
     Intent("device_loan", _("Borrow a laptop or tablet"), {"help": ("device_loan",), "prefer_words": ("borrow", "loan", "loans")}, filter=True)),
    (("free sim", "free sim card", "free sim cards", "free data", "free mobile data", "sim card", "sim cards"),
     Intent("free_data", _("Free mobile data or SIM card"), {"help": ("free_data",), "prefer_words": ("sim", "data")}, filter=True)),
    (("step free", "step-free", "wheelchair", "wheelchair access", "wheelchair accessible", "disabled access"),
     Intent("step_free", _("Step-free access"), {"help": ("step_free",)}, filter=True)),
    (("course", "courses", "class", "classes", "lesson", "lessons", "training", "workshop", "workshops", "session", "sessions"),
     Intent("course", _("Courses"), {"prefer_kind": ("programme",)}, filter=False)),
    # Changing career or coming back after a break: what says it welcomes them first. A boost, not a filter: most
    # courses welcome anyone without saying so. The words stay: "returner" and "career break" find returner
    # programmes (search/synonyms.txt), and the change-of-career phrases are dropped as filler all the same.
    (("career change", "career changer", "career changers", "change career", "change careers", "changing career",
      "changing careers", "switch career", "switch careers", "new career", "retrain", "retraining", "returner",
      "returners", "back to work", "return to work", "returning to work", "career break"),
     Intent("career_change", _("For career changers and returners"), {"prefer_career_changers": True}, filter=False, keeps_words=True)),
]
# Some intent words are also what titles say ("Bootcamp", "Evening class"): they stay as optional words.
_LEVEL = re.compile(r"\blevel ([1-8]|entry)\b")
_POSTCODE = re.compile(r"\b([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][a-z]{2})\b")
_OUTCODE = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?$")
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# "IT" is information technology, not the pronoun: typed in capitals, or before a word that says so.
_IT = re.compile(r"\bIT\b")
_IT_PHRASE = re.compile(r"\bit (support|jobs?|apprenticeships?|technician|skills|courses?|careers?|help ?desk|service desk|roles?)\b")


# Letters that lose nothing by being written plainly: Polish ł has no accent to take off; Urdu typed on an Arabic
# keyboard gives Arabic yeh and kaf for Urdu's own (as search.analyzers evens them out in the engine).
_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})


def fold(text: str) -> str:
    """Lower case, accents and vowel marks off, punctuation to spaces: how names and phrases are compared.
    Letters of other scripts stay ("کمپیوٹر"); Latin letters lose their accents ("bezpłatny" is "bezplatny")."""
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    # Accents, vowel marks and zero-width joiners go; the elongation stroke (tatweel) too.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Mn", "Cf") and ch != "\u0640").lower()
    text = text.replace("&", " and ").replace("’", "'")
    return " ".join(re.sub(r"[^\w'\- ]+|_", " ", text).split())


@cache
def _translations() -> tuple[re.Pattern, dict[str, str]]:
    """Our other languages' words for common needs (search/synonyms/), each with the English it reads as, and a
    pattern finding any of them, longest first: "darmowy kurs" reads as "free course", so "free" is understood
    as in an English search."""
    english_of = {}
    for rule in read_language_synonyms():
        typed, english = rule.split("=>")
        for phrase in typed.split(","):
            english_of[fold(phrase)] = fold(english)
    phrases = "|".join(re.escape(phrase) for phrase in sorted(english_of, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{phrases})(?![\w'])"), english_of


def in_english(text: str) -> str:
    """Folded text with our other languages' words for common needs read as English ("praca it" → "job it")."""
    pattern, english_of = _translations()
    return pattern.sub(lambda match: english_of[match.group(0)], text)


@dataclass(frozen=True)
class KnownPlace:
    name: str  # as the data spells it: "Keighley", "Hebden Bridge"
    outcode: str  # the district that stands for it ("" for a local authority)
    latitude: float
    longitude: float
    area: str = ""  # the post town, to tell two places of one name apart
    authority: str = ""  # ONS code, for a local authority's own name: searched as that area, not a radius

    @property
    def label(self) -> str:
        """How a resident tells it from another of the same name: "Cottingley, Bingley (BD16)"."""
        return f"{self.name}, {self.area} ({self.outcode})"


CLOSEST_KEPT = 20_000


@dataclass(frozen=True)
class Gazetteer:
    """Place names residents use, folded, each with the districts it may mean; and every outcode we know."""

    names: dict[str, tuple[KnownPlace, ...]]
    outcodes: frozenset[str]
    longest: int = 4  # words in the longest name

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Every word of every name, and every outcode: words "did you mean" must never replace."""
        return frozenset(word for name in self.names for word in name.split()) | self.outcodes

    @cached_property
    def _one_word_names_by_initial(self) -> dict[str, list[str]]:
        by_initial: dict[str, list[str]] = {}
        for name in self.names:
            if " " not in name:
                by_initial.setdefault(name[0], []).append(name)
        return by_initial

    def lookup(self, folded: str) -> tuple[KnownPlace, ...]:
        return self.names.get(folded, ())

    @cached_property
    def _closest_found(self) -> dict[str, str]:
        return {}

    def closest_name(self, word: str) -> str:
        """A known place name one or two letters from `word` ("hudersfield"), or "". Every longer word of a search is
        tried against the names of its initial (a millisecond a search): each word's answer is kept, up to
        CLOSEST_KEPT words."""
        found = self._closest_found
        if word not in found:
            if len(found) >= CLOSEST_KEPT:
                found.clear()
            found[word] = self._closest_name(word)
        return found[word]

    def _closest_name(self, word: str) -> str:
        if len(word) < 6:
            return ""
        allowed = 1 if len(word) < 9 else 2
        best, best_distance = "", allowed + 1
        for name in self._one_word_names_by_initial.get(word[0], ()):
            if abs(len(name) - len(word)) > allowed:
                continue
            distance = edit_distance(word, name, limit=allowed)
            if distance < best_distance:
                best, best_distance = name, distance
        return best


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """Damerau–Levenshtein (adjacent swaps count once), giving up past `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def build_gazetteer(districts, authorities=()) -> Gazetteer:
    """From (outcode, town_area, post_town, latitude, longitude[, authority code]) rows of the districts in
    use, and (code, name, latitude, longitude) rows of local authorities.

    A name stands for the districts whose own area list names it; a post town ("Bradford") that is no
    district's area name stands for its town-centre district (the lowest-numbered one); an authority's name
    ("Kirklees") stands for the whole authority."""
    by_area: dict[str, list[KnownPlace]] = {}
    by_town: dict[str, list[tuple[int, KnownPlace]]] = {}
    towns_of_authority: dict[str, list[str]] = {}
    outcodes = set()
    for outcode, town_area, post_town, latitude, longitude, *authority in districts:
        outcodes.add(outcode.lower())
        if authority and authority[0] and post_town:
            towns_of_authority.setdefault(authority[0], []).append(fold(post_town))
        for name in (part.strip() for part in town_area.split(",")):
            if not name or name.lower() in {"non-geographic", "bulk users"}:
                continue
            name = re.sub(r"\s+(city|town) centre$", "", name, flags=re.IGNORECASE)
            by_area.setdefault(fold(name), []).append(KnownPlace(name, outcode, latitude, longitude, post_town))
        if post_town:
            number = int(re.sub(r"\D", "", outcode) or 0)
            by_town.setdefault(fold(post_town), []).append((number, KnownPlace(post_town, outcode, latitude, longitude, post_town)))
    names: dict[str, tuple[KnownPlace, ...]] = {}
    for name, places in by_area.items():
        names[name] = _distinct_places(places)
    for name, numbered in by_town.items():
        names.setdefault(name, (min(numbered, key=lambda pair: pair[0])[1],))
    # An authority named after no town ("Kirklees", "Calderdale", "Craven") stands for its main town, the
    # post town of most of its districts (Huddersfield, Halifax, Skipton): searched as a radius like any
    # place, so online help stays in and nearer ranks first.
    for code, name, latitude, longitude in authorities:
        towns = towns_of_authority.get(code)
        if fold(name) in names or not towns:
            continue
        main_town = max(set(towns), key=towns.count)
        place = names[main_town][0]
        names[fold(name)] = (KnownPlace(name, place.outcode, place.latitude, place.longitude, name, authority=code),)
    return Gazetteer(names=names, outcodes=frozenset(outcodes), longest=max((len(n.split()) for n in names), default=1))


def _distinct_places(places: list[KnownPlace]) -> tuple[KnownPlace, ...]:
    """Districts named alike and close together are one place (the first stands for it); far apart, several."""
    distinct: list[KnownPlace] = []
    for place in places:
        if all(distance_miles(place.latitude, place.longitude, other.latitude, other.longitude) > SAME_PLACE_MILES for other in distinct):
            distinct.append(place)
    return tuple(distinct)


@dataclass(frozen=True)
class Reading:
    """One thing understood from the words, shown as a removable chip."""

    key: str
    label: str
    words: str  # the words it came from
    changes: dict = field(default_factory=dict, compare=False)
    near: str = ""  # a postcode or outcode to search near (place readings)


@dataclass(frozen=True)
class Understanding:
    words: str  # what is left to match, space separated; "" to match everything
    readings: tuple[Reading, ...] = ()
    optional_words: tuple[str, ...] = ()  # boost-intent words that also match titles ("bootcamp", "evening")
    place_choices: tuple[KnownPlace, ...] = ()  # a name we would not guess between
    place_correction: str = ""  # "Huddersfield" when "hudersfield" was typed and read as that place
    preferences: dict = field(default_factory=dict, compare=False)  # silent orderings ("help" → courses first)

    def reading(self, key: str) -> Reading | None:
        return next((reading for reading in self.readings if reading.key == key), None)


def understand(q: str, gazetteer: Gazetteer, *, place_given: bool = False, ignore: tuple[str, ...] = (), is_known_word=lambda word: False) -> Understanding:
    """Read `q`. `place_given`: the resident chose a location already, so no place is read from the words.
    `ignore`: keys of readings the resident removed; their words are matched as typed. `is_known_word`:
    whether a word is in our own vocabulary, so it is never taken for a misspelt place."""
    text = in_english(fold(q))
    readings: list[Reading] = []
    optional: list[str] = []
    choices: tuple[KnownPlace, ...] = ()
    correction = ""

    if not place_given and PLACE not in ignore:
        text, reading, choices, correction = _read_place(text, gazetteer, is_known_word)
        if reading:
            readings.append(reading)

    level = _LEVEL.search(text)
    if level and "level" not in ignore:
        value = level.group(1)
        readings.append(Reading("level", f"Level {value}", level.group(0), {"level": (value,)}))
        text = _cut(text, level.start(), level.end())

    text = _spell_intent_words(text)
    for phrases, intent in sorted(INTENT_WORDS, key=_longest_first):
        if intent.key in ignore or any(reading.key == intent.key for reading in readings):
            continue
        found = _find_phrase(text, phrases)
        if not found:
            continue
        start, end = found
        if intent.key == "kind" and any(reading.key == "degree" for reading in readings):
            continue
        readings.append(Reading(intent.key, intent.label, text[start:end], dict(intent.changes)))
        optional.extend(intent.changes.get("prefer_words", ()))
        if intent.keeps_words:
            continue
        # "online course I can do from home": every phrase of the reading goes, not only the first; a course
        # word inside it ("online course") stays, to be read as a course.
        while found:
            kept = [word for word in text[found[0] : found[1]].split() if word in _COURSE_WORDS and intent.key != "course"]
            text = _cut(text, *found)
            text = " ".join([text, *kept]).strip()
            found = _find_phrase(text, phrases)
    readings.sort(key=lambda reading: INTENT_ORDER.get(reading.key, -1))

    asks_for_help = bool(re.search(r"\bhelp\b", text))
    words = _drop_filler(text, keep_it=bool(_IT.search(q)) or bool(_IT_PHRASE.search(text)))
    generic = [word for word in words if word in GENERIC_WORDS]
    optional.extend(generic)
    words = [word for word in words if word not in GENERIC_WORDS]
    preferences = {}
    # "Learn computers", "digital help": with nothing more precise, a first step is what is asked for.
    asks_for_help = asks_for_help or (bool(generic) and not words)
    if asks_for_help and not any(reading.key in {"kind", "degree", "job", "placement", "bootcamp", "career_change"} for reading in readings):
        # "Computer help", "help with my phone": courses and help sessions first, the first tier when
        # nothing more precise is asked. Not a chip: it only orders results.
        preferences = {"prefer_kind": ("programme",)} if words else {"prefer_kind": ("programme",), "prefer_tier": "inclusion"}
    if not words and any(reading.key == "beginner" for reading in readings):
        # "Computer course for beginners", "never used a computer": a beginner with no topic needs the
        # foundation skills (turning on a device, using a mouse and keyboard) first.
        preferences = {**preferences, "prefer_skill": FOUNDATION_SKILLS}
    # Boost intents never leave nothing to rank by: their words stay as optional terms.
    return Understanding(
        words=" ".join(words),
        readings=tuple(readings),
        optional_words=tuple(dict.fromkeys(optional)),
        preferences=preferences,
        place_choices=choices,
        place_correction=correction,
    )


INTENT_ORDER = {intent.key: number for number, (_, intent) in enumerate(INTENT_WORDS)}
_COURSE_WORDS = next(set(phrases) for phrases, intent in INTENT_WORDS if intent.key == "course")
# Phrases that are a topic, not an intent: "online banking" is not a way of learning.
TOPIC_PHRASES = ("remote working", "working remotely", "hybrid working", "online banking", "online safety", "online shopping",
                 "online forms", "online services", "online security", "staying safe online", "safe online", "free tools")
_INTENT_SPELLINGS = sorted({phrase for phrases, _ in INTENT_WORDS for phrase in phrases if " " not in phrase and len(phrase) >= 7})


def _longest_first(entry) -> int:
    """Intents whose phrases are longer are read first: "free sim card" before "free"."""
    phrases, _ = entry
    return -max(len(phrase) for phrase in phrases)


def _spell_intent_words(text: str) -> str:
    """Misspelt intent words ("apprentiship", "beginers") read as the word they miss."""
    words = []
    for word in text.split():
        if len(word) >= 7 and word not in _INTENT_SPELLINGS:
            allowed = 1 if len(word) < 9 else 2
            word = next((known for known in _INTENT_SPELLINGS if abs(len(known) - len(word)) <= allowed and known[0] == word[0]
                         and edit_distance(word, known, limit=allowed) <= allowed), word)
        words.append(word)
    return " ".join(words)


def without_place(q: str, name: str) -> str:
    """The words without a place's name and the "in" or "near" before it: "python in keighley" → "python"."""
    return " ".join(re.sub(rf"(?i)\b(?:(?:in|near|around|at)\s+)?{re.escape(name)}\b", " ", q).split())


def _cut(text: str, start: int, end: int) -> str:
    return " ".join((text[:start] + " " + text[end:]).split())


@cache
def _bounded(phrase: str, *, apostrophes: bool = False) -> re.Pattern:
    """The phrase as a whole word or words; compiled once, as every search reads every phrase list."""
    edge = "a-z0-9'" if apostrophes else "a-z0-9"
    return re.compile(rf"(?<![{edge}]){re.escape(phrase)}(?![{edge}])")


def _find_phrase(text: str, phrases) -> tuple[int, int] | None:
    # `in` first: most phrases are absent, and it is far cheaper than a regular expression.
    topics = [match.span() for topic in TOPIC_PHRASES if topic in text for match in _bounded(topic).finditer(text)]
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase not in text:
            continue
        for match in _bounded(phrase).finditer(text):
            if not any(start <= match.start() and match.end() <= end for start, end in topics):
                return match.start(), match.end()
    return None


def _drop_filler(text: str, *, keep_it: bool = False) -> list[str]:
    for phrase in sorted(FILLER_PHRASES, key=len, reverse=True):
        if phrase in text:
            text = _bounded(phrase, apostrophes=True).sub(" ", text)
    # Bare numbers ("I'm 45") say nothing we can match; levels were read already.
    return [word for word in _WORD.findall(text) if (word not in STOP_WORDS or (keep_it and word == "it")) and not word.isdigit()]


def _read_place(text: str, gazetteer: Gazetteer, is_known_word) -> tuple[str, Reading | None, tuple[KnownPlace, ...], str]:
    """The first postcode, outcode or place name in the words: (text without it, reading, choices, correction)."""
    postcode = _POSTCODE.search(text)
    if postcode and postcode.group(1) in gazetteer.outcodes:
        typed = f"{postcode.group(1)} {postcode.group(2)}".upper()
        return _cut(text, postcode.start(), postcode.end()), Reading(PLACE, f"Near {typed}", postcode.group(0), near=typed), (), ""

    tokens = text.split()
    for index, token in enumerate(tokens):
        if _OUTCODE.match(token) and token in gazetteer.outcodes and any(ch.isdigit() for ch in token):
            rest = " ".join(tokens[:index] + tokens[index + 1 :])
            return rest, Reading(PLACE, f"Near {token.upper()}", token, near=token.upper()), (), ""

    # Place names, longest first, so "hebden bridge" wins over "bridge".
    for size in range(min(gazetteer.longest, len(tokens)), 0, -1):
        for index in range(len(tokens) - size + 1):
            name = " ".join(tokens[index : index + size])
            places = gazetteer.lookup(name)
            if not places:
                continue
            after_preposition = index > 0 and tokens[index - 1] in PLACE_PREPOSITIONS
            if size == 1 and name in ORDINARY_WORD_PLACES and not after_preposition:
                continue
            start = index - 1 if after_preposition else index
            rest = " ".join(tokens[:start] + tokens[index + size :])
            if len(places) > 1:
                return rest, None, places, ""
            return rest, _place_reading(places[0], name), (), ""

    # A misspelt place ("hudersfield"): a word that is no word of ours, close to one place's name. Short
    # words only where residents put places: after "in" or "near", first or last.
    for index, token in enumerate(tokens):
        if token in STOP_WORDS or is_known_word(token):
            continue
        where_places_go = index in (0, len(tokens) - 1) or (index > 0 and tokens[index - 1] in PLACE_PREPOSITIONS)
        if len(token) < 8 and not where_places_go:
            continue
        name = gazetteer.closest_name(token)
        places = gazetteer.lookup(name) if name else ()
        if len(places) == 1 and name not in ORDINARY_WORD_PLACES:
            after_preposition = index > 0 and tokens[index - 1] in PLACE_PREPOSITIONS
            start = index - 1 if after_preposition else index
            rest = " ".join(tokens[:start] + tokens[index + 1 :])
            return rest, _place_reading(places[0], token), (), places[0].name
    return text, None, (), ""


def _place_reading(place: KnownPlace, words: str) -> Reading:
    return Reading(PLACE, f"Near {place.name} ({place.outcode})", words, near=place.outcode)

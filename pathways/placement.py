"""Placement: from a person's answers to a tier in each skill area, explained in their words.

Pure functions over a Bank (the live questions, statements and rules, loaded once by selectors.question_bank()),
so they are quick to test from a table. The Essential Digital Skills levels follow the published convention:

- every foundation statement → Foundation;
- a "for life" statement in every area → Entry Level 3;
- a "for work" statement in every area → Level 1.

docs/pathways.md has the table that maps these levels, and each area's rules, onto our tiers.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models.assessment import FOUNDATION_AREA, LEVEL_ORDER, Level, PlacementRule, Question

SPECIALISM = "specialism"
ESSENTIALS = "uk-eds"


@dataclass(frozen=True)
class StatementInfo:
    code: str
    text: str
    topic: str
    hint: str
    level: str
    competence: str  # the competence code, like "DC-2.1" or "EDS-F-01"
    competence_area: str  # the skill area of that competence, like "DC-2"


@dataclass(frozen=True)
class AreaInfo:
    code: str
    title: str
    description: str
    framework: str
    position: int


@dataclass(frozen=True)
class QuestionInfo:
    code: str
    kind: str
    area: str  # skill area code; "" for the question about interests
    heading: str
    hint: str
    shown_when: str
    statements: tuple[StatementInfo, ...] = ()


@dataclass(frozen=True)
class RuleInfo:
    needs: str
    level: str
    tier: str
    meaning: str


@dataclass(frozen=True)
class Bank:
    questions: tuple[QuestionInfo, ...]
    areas: dict[str, AreaInfo]
    rules: dict[str, tuple[RuleInfo, ...]]  # by skill area code, in order
    tiers: dict[str, str]  # code → name, from the first tier to the last

    def question(self, code: str) -> QuestionInfo | None:
        return next((question for question in self.questions if question.code == code), None)

    def options(self, question: QuestionInfo) -> list[tuple[str, str, str]]:
        """(value, label, hint) of each answer a question offers."""
        if question.kind == Question.Kind.INTERESTS:
            return [(area.code, area.title, area.description) for area in self.specialisms()]
        return [(statement.code, statement.text, statement.hint) for statement in question.statements]

    def specialisms(self) -> list[AreaInfo]:
        return sorted((area for area in self.areas.values() if area.framework == SPECIALISM), key=lambda area: area.position)

    def statements(self, area: str, level: str | None = None) -> list[StatementInfo]:
        found = [s for q in self.questions if q.area == area for s in q.statements if level is None or s.level == level]
        return sorted(found, key=lambda s: LEVEL_ORDER.index(s.level))

    def tier_position(self, tier: str) -> int:
        return list(self.tiers).index(tier)


# Essential Digital Skills levels ------------------------------------------------------------------

STARTING, FOUNDATION, ENTRY_3, LEVEL_1 = "starting", "foundation", "entry-3", "level-1"
ESSENTIAL_LEVELS = {
    STARTING: _("Getting started"),
    FOUNDATION: _("Foundation"),
    ENTRY_3: _("Entry Level 3: skills for everyday life"),
    LEVEL_1: _("Level 1: skills for work"),
}
# The documented table (docs/pathways.md): an Essential Digital Skills level → our tier.
ESSENTIAL_LEVEL_TIER = {STARTING: "inclusion", FOUNDATION: "inclusion", ENTRY_3: "general", LEVEL_1: "general"}


def essential_level(bank: Bank, ticked: set[str]) -> str:
    """The highest Essential Digital Skills level whose condition holds. Each is checked on its own, as the
    convention states them: someone who never needed to change a setting still reaches Level 1 with a "for
    work" statement in every area."""
    foundation = bank.statements(FOUNDATION_AREA, Level.FOUNDATION)
    areas = [code for code, area in bank.areas.items() if area.framework == ESSENTIALS and code != FOUNDATION_AREA]

    def in_every_area(level: str) -> bool:
        asked = [code for code in areas if bank.statements(code, level)]
        return bool(asked) and all(any(s.code in ticked for s in bank.statements(code, level)) for code in asked)

    if in_every_area(Level.WORK):
        return LEVEL_1
    if in_every_area(Level.LIFE):
        return ENTRY_3
    if foundation and all(s.code in ticked for s in foundation):
        return FOUNDATION
    return STARTING


# Which questions apply ----------------------------------------------------------------------------


def ticked_statements(bank: Bank, skills: dict[str, list[str]]) -> set[str]:
    return {value for question in bank.questions if question.kind == Question.Kind.STATEMENTS for value in skills.get(question.code, ())}


def interests(bank: Bank, skills: dict[str, list[str]]) -> list[str]:
    chosen = {value for question in bank.questions if question.kind == Question.Kind.INTERESTS for value in skills.get(question.code, ())}
    return [area.code for area in bank.specialisms() if area.code in chosen]


def is_shown(question: QuestionInfo, bank: Bank, skills: dict[str, list[str]]) -> bool:
    """Whether the person is asked this question, given their other answers."""
    gate = question.shown_when
    if gate == Question.ShownWhen.ALWAYS:
        return True
    earlier = {code: values for code, values in skills.items() if code != question.code}
    if gate == Question.ShownWhen.INTERESTED:
        return question.area in interests(bank, earlier)
    level = essential_level(bank, ticked_statements(bank, earlier))
    if gate == Question.ShownWhen.FOUNDATION:
        return level != STARTING
    return level in {ENTRY_3, LEVEL_1}


def asked_questions(bank: Bank, skills: dict[str, list[str]]) -> list[QuestionInfo]:
    """The questions the person is asked, in order, given the answers so far."""
    return [question for question in bank.questions if is_shown(question, bank, effective_skills(bank, skills, before=question))]


def effective_skills(bank: Bank, skills: dict[str, list[str]], *, before: QuestionInfo | None = None) -> dict[str, list[str]]:
    """Answers to the questions the person is (still) asked, keeping only values the questions offer.

    Someone who goes back and changes an answer may no longer be asked a later question; its old answer then
    counts for nothing, in the pages and the API alike.
    """
    kept = {}
    for question in bank.questions:  # in order: a question only ever depends on earlier ones
        if question is before:
            break
        if question.code in skills and is_shown(question, bank, kept):
            offered = {value for value, _, _ in bank.options(question)}
            kept[question.code] = [value for value in skills[question.code] if value in offered]
    return kept


# Placement ----------------------------------------------------------------------------------------


@dataclass
class AreaPlacement:
    code: str
    title: str
    framework: str
    tier: str
    tier_name: str
    answered: bool
    done: list[StatementInfo] = field(default_factory=list)
    next: list[StatementInfo] = field(default_factory=list)
    meaning: str = ""

    @property
    def is_specialism(self) -> bool:
        return self.framework == SPECIALISM

    @property
    def has_gap(self) -> bool:
        return bool(self.next)

    @property
    def explanation(self) -> str:
        """"You're confident with email and video calls. You have the everyday basics here. Next: online
        meetings and sharing files." """
        if not self.answered:
            if self.is_specialism:
                opening = gettext("You are interested in this.")
            else:
                opening = gettext("You did not answer the questions about this.")
        elif self.done:
            opening = gettext("You're confident with %(topics)s.") % {
                "topics": join_words([s.topic for s in self.done][:3], more=len(self.done) - 3)
            }
        else:
            opening = gettext("You have not ticked anything here yet. That's fine: everyone starts somewhere.")
        if self.next:
            closing = gettext("Next: %(topics)s.") % {"topics": join_words([s.topic for s in self.next][:2])}
        else:
            closing = gettext("You can do everything we asked about here.")
        return " ".join(part for part in (opening, self.meaning, closing) if part)


@dataclass
class Placement:
    essential_level: str
    areas: list[AreaPlacement]

    @property
    def essential_level_name(self) -> str:
        return str(ESSENTIAL_LEVELS[self.essential_level])

    @property
    def overall_tier(self) -> str:
        return ESSENTIAL_LEVEL_TIER[self.essential_level]

    def area(self, code: str) -> AreaPlacement | None:
        return next((area for area in self.areas if area.code == code), None)


def join_words(words: list[str], *, more: int = 0) -> str:
    """"email", "email and video calls", "email, video calls and forms"; "…, and 2 more things"."""
    if more > 0:
        return ngettext("%(words)s and %(more)d more thing", "%(words)s and %(more)d more things", more) % {
            "words": gettext(", ").join(words),
            "more": more,
        }
    if len(words) <= 1:
        return "".join(words)
    return gettext("%(words)s and %(last)s") % {"words": gettext(", ").join(words[:-1]), "last": words[-1]}


def _rule_fits(rule: RuleInfo, statements: list[StatementInfo], ticked: set[str]) -> bool:
    if rule.needs == PlacementRule.Needs.ALWAYS:
        return True
    at_level = [s for s in statements if s.level == rule.level]
    if not at_level:  # a rule about a level no question asks about any more never fits
        return False
    fits = (s.code in ticked for s in at_level)
    return all(fits) if rule.needs == PlacementRule.Needs.ALL else any(fits)


def place_area(bank: Bank, area_code: str, ticked: set[str], *, answered: bool) -> AreaPlacement:
    area = bank.areas[area_code]
    statements = bank.statements(area_code)
    rule = next((rule for rule in bank.rules.get(area_code, ()) if _rule_fits(rule, statements, ticked)), None)
    tier = rule.tier if rule else next(iter(bank.tiers))  # no rule fits: start at the first tier
    return AreaPlacement(
        code=area_code,
        title=area.title,
        framework=area.framework,
        tier=tier,
        tier_name=bank.tiers[tier],
        answered=answered,
        done=[s for s in statements if s.code in ticked],
        next=[s for s in statements if s.code not in ticked],
        meaning=rule.meaning if rule else "",
    )


def place(bank: Bank, skills: dict[str, list[str]]) -> Placement:
    """A tier in each Essential Digital Skills area, and in each specialism the person chose."""
    skills = effective_skills(bank, skills)
    ticked = ticked_statements(bank, skills)
    answered_areas = {bank.question(code).area for code in skills}
    essential_areas = sorted(
        {q.area for q in bank.questions if q.area and bank.areas[q.area].framework == ESSENTIALS},
        key=lambda code: bank.areas[code].position,
    )
    areas = [place_area(bank, code, ticked, answered=code in answered_areas) for code in essential_areas]
    areas += [place_area(bank, code, ticked, answered=code in answered_areas) for code in interests(bank, skills)]
    return Placement(essential_level=essential_level(bank, ticked), areas=areas)

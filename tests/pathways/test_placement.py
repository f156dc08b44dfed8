"""Placement rules, table by table: a tier in each skill area, the Essential Digital Skills level, and the
explanation a person reads. The rules are the seeded ones (pathways/migrations/0004_question_bank.py)."""

import pytest

from pathways.models import PlacementRule, Tier
from pathways.placement import effective_skills, place
from pathways.selectors import question_bank
from tests.pathways.factories import ESSENTIAL_AREAS, FOUNDATION, skills, statements_at, with_foundation

pytestmark = pytest.mark.django_db

ESSENTIAL_AREA_CODES = ["EDS-F", "EDS-C", "EDS-H", "EDS-T", "EDS-P", "EDS-S"]


def everything(bank) -> dict:
    return {q.code: [value for value, _, _ in bank.options(q)] for q in bank.questions}


def life_everywhere(bank) -> dict:
    return {**FOUNDATION, **{code: statements_at(bank, code, "life")[:1] for code in ESSENTIAL_AREAS}}


def work_everywhere_without_settings(bank) -> dict:
    return {
        **with_foundation(using_a_device=["turn-on-device", "use-controls", "open-apps"]),
        **{code: statements_at(bank, code, "work")[:1] for code in ESSENTIAL_AREAS},
    }


CASES = [
    # (name, answers(bank), essential level, {area: tier})
    ("nothing answered", lambda bank: {}, "starting", dict.fromkeys(ESSENTIAL_AREA_CODES, "inclusion")),
    ("answered, nothing ticked", lambda bank: skills(), "starting", dict.fromkeys(ESSENTIAL_AREA_CODES, "inclusion")),
    ("every foundation skill, nothing else", lambda bank: with_foundation(), "foundation",
     {"EDS-F": "general", "EDS-C": "inclusion", "EDS-S": "inclusion"}),
    ("a life skill in every area", life_everywhere, "entry-3", {"EDS-F": "general", **dict.fromkeys(ESSENTIAL_AREA_CODES[1:], "general")}),
    ("a work skill in every area, one foundation skill missing", work_everywhere_without_settings, "level-1",
     {"EDS-F": "inclusion", **dict.fromkeys(ESSENTIAL_AREA_CODES[1:], "general")}),
    ("everything yes", everything, "level-1",
     {**dict.fromkeys(ESSENTIAL_AREA_CODES, "general"), "ADV-SOFTWARE": "advanced", "ADV-DATA": "advanced", "ADV-IT-SUPPORT": "advanced"}),
    ("mixed: email and calls, nothing for forms", lambda bank: with_foundation(communicating=["video-call", "send-email"]), "foundation",
     {"EDS-C": "general", "EDS-T": "inclusion"}),
    ("interested in data, no data skills yet", lambda bank: {**with_foundation(), "interests": ["ADV-DATA"], "data": []},
     "foundation", {"ADV-DATA": "general"}),
    ("interested in software, has made a start", lambda bank: {**with_foundation(), "interests": ["ADV-SOFTWARE"], "software": ["code-guide"]},
     "foundation", {"ADV-SOFTWARE": "advanced"}),
]


@pytest.mark.parametrize(("name", "answers", "level", "tiers"), CASES, ids=[case[0] for case in CASES])
def test_placement_table(bank, name, answers, level, tiers):
    placement = place(bank, answers(bank))

    assert placement.essential_level == level
    assert {code: placement.area(code).tier for code in tiers} == tiers


def test_nothing_answered_says_so_and_starts_at_the_beginning(bank):
    placement = place(bank, {})

    assert [area.code for area in placement.areas] == ESSENTIAL_AREA_CODES
    assert all(not area.answered and area.has_gap for area in placement.areas)
    assert placement.area("EDS-C").explanation.startswith("You did not answer the questions about this.")
    assert placement.overall_tier == "inclusion"


def test_everything_yes_leaves_no_gaps(bank):
    placement = place(bank, everything(bank))

    assert not any(area.has_gap for area in placement.areas)
    assert placement.area("EDS-S").explanation.endswith("You can do everything we asked about here.")
    assert len([area for area in placement.areas if area.is_specialism]) == 8


def test_the_explanation_uses_the_persons_words(bank):
    placement = place(bank, with_foundation(communicating=["video-call", "send-email"]))

    assert placement.area("EDS-C").explanation == (
        "You're confident with video calls and email. You have the everyday basics here. "
        "Next: messages and photos and emails for work."
    )
    assert placement.area("EDS-T").explanation == (
        "You have not ticked anything here yet. That's fine: everyone starts somewhere. "
        "This is a good place to start, with free help. Next: online forms and shopping online."
    )


def test_someone_clearly_at_the_start_is_not_placed_in_specialisms_they_could_not_be_asked_about(bank):
    answers = {**skills(using_a_device=["turn-on-device"]), "interests": ["ADV-CYBER"], "cyber": ["check-network"]}

    placement = place(bank, answers)

    assert placement.essential_level == "starting"
    assert not [area for area in placement.areas if area.is_specialism]
    assert "interests" not in effective_skills(bank, answers)


def test_answers_that_the_questions_no_longer_offer_count_for_nothing(bank):
    placement = place(bank, skills(communicating=["send-email", "a-statement-an-editor-removed"]))

    assert [s.code for s in placement.area("EDS-C").done] == ["send-email"]


def test_editors_change_the_rules_and_placement_follows(bank):
    rule = PlacementRule.objects.get(skill_area__code="EDS-C", position=20)
    rule.tier = Tier.objects.get(code="inclusion")
    rule.meaning = "Keep going with the basics."
    rule.save()

    placement = place(question_bank(), skills(communicating=["send-email"]))

    assert placement.area("EDS-C").tier == "inclusion"
    assert "Keep going with the basics." in placement.area("EDS-C").explanation

"""The question bank and placement rules are data editors change in the admin; validation keeps them sound."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError

from pathways.models import Competence, Level, PlacementRule, Question, SkillArea, Statement, Tier
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import sign_in_with_totp

pytestmark = pytest.mark.django_db

ESSENTIAL_AREAS = ["EDS-C", "EDS-H", "EDS-T", "EDS-P", "EDS-S"]


def test_the_seeded_bank_passes_the_validation_editors_get():
    for question in Question.objects.all():
        question.full_clean()
    for statement in Statement.objects.select_related("question__skill_area"):
        statement.full_clean()
    for rule in PlacementRule.objects.select_related("skill_area"):
        rule.full_clean()


def test_every_for_life_and_for_work_statement_is_ours_and_mapped_to_its_area_and_a_digcomp_competence():
    for code in ESSENTIAL_AREAS:
        statements = Statement.objects.filter(question__skill_area__code=code).select_related("competence__skill_area")
        assert {s.level for s in statements} == {Level.LIFE, Level.WORK}, code
        assert all(s.competence.skill_area.framework == SkillArea.Framework.DIGCOMP for s in statements), code
    foundation = Statement.objects.filter(level=Level.FOUNDATION).select_related("competence")
    assert sorted(s.competence.code for s in foundation) == [f"EDS-F-0{n}" for n in range(1, 10)]


def test_every_skill_area_asked_about_has_rules_that_end_with_one_that_always_fits():
    for area in SkillArea.objects.filter(questions__isnull=False).distinct():
        rules = list(area.placement_rules.order_by("position"))
        assert rules and rules[-1].needs == PlacementRule.Needs.ALWAYS, area.code


def test_statements_are_short_first_person_and_plain():
    for statement in Statement.objects.all():
        assert statement.text.startswith("I can ")
        assert len(statement.text.split()) <= 15


def question(**fields) -> Question:
    return Question(**{"code": "new-question", "heading": "Which of these can you do?", "skill_area": SkillArea.objects.get(code="EDS-C"), **fields})


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"code": "postcode"}, "code", "“postcode” is used by another page of the assessment"),
        ({"kind": "interests"}, "skill_area", "A question about interests lists every specialism"),
        ({"skill_area": None}, "skill_area", "Choose the skill area these statements are about"),
        ({"shown_when": "interested", "position": 99}, "shown_when", "Only questions about an advanced specialism can depend on the person choosing it"),
        ({"shown_when": "foundation", "position": 5}, "position", "it must come after all of them (after position 70)"),
    ],
)
def test_question_validation(fields, field, message):
    with pytest.raises(ValidationError) as error:
        question(**fields).full_clean()

    assert message in " ".join(error.value.message_dict[field])


def test_a_questions_code_cannot_change_once_saved():
    existing = Question.objects.get(code="communicating")
    existing.code = "talking"

    with pytest.raises(ValidationError, match="The code cannot change once saved"):
        existing.full_clean()


def statement(**fields) -> Statement:
    values = {
        "question": Question.objects.get(code="communicating"),
        "code": "send-a-letter",
        "text": "I can send a letter",
        "topic": "letters",
        "level": Level.LIFE,
        "competence": Competence.objects.get(code="DC-2.1"),
        **fields,
    }
    return Statement(**values)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": "Sending emails"}, "text", "Start with “I can”"),
        ({"text": "I can " + "really " * 13 + "well"}, "text", "Use 15 words or fewer: it has 16"),
        ({"text": "I can understand telecommunications"}, "text", "Use shorter, everyday words"),
        ({"level": Level.FOUNDATION}, "level", "In Communicating a statement is “For life” or “For work”"),
        ({"code": "Bad Code"}, "code", "Use lower-case letters, numbers and single hyphens"),
        ({"competence": lambda: Competence.objects.get(code="EDS-F-01")}, "competence", "Choose a competence of Communicating, or the DigComp competence"),
        ({"code": "none"}, "code", "“none” is the answer for “None of these yet”"),
    ],
)
def test_statement_validation(fields, field, message):
    fields = {name: value() if callable(value) else value for name, value in fields.items()}

    with pytest.raises(ValidationError) as error:
        statement(**fields).full_clean()

    assert message in " ".join(error.value.message_dict[field])


def rule(**fields) -> PlacementRule:
    values = {"skill_area": SkillArea.objects.get(code="EDS-C"), "position": 25, "needs": "any", "level": Level.LIFE,
              "tier": Tier.objects.get(code="general"), "meaning": "You have the basics.", **fields}
    return PlacementRule(**values)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"level": Level.PRACTISED}, "level", "In Communicating statements are “For life” or “For work”"),
        ({"level": ""}, "level", "Choose the level of statements this rule counts"),
        ({"needs": "always"}, "level", "A rule that always fits does not look at a level"),
        ({"needs": "always", "level": "", "position": 15}, "needs", "must be the last one: the rule at position 20 comes after it"),
        ({"position": 40}, "position", "The rule at position 30 always fits, so this one would never be used"),
        ({"skill_area": lambda: SkillArea.objects.get(code="DC-1")}, "level", "No question asks about for life statements in Information and data literacy yet"),
    ],
)
def test_placement_rule_validation(fields, field, message):
    fields = {name: value() if callable(value) else value for name, value in fields.items()}

    with pytest.raises(ValidationError) as error:
        rule(**fields).full_clean()

    assert message in " ".join(error.value.message_dict[field])


@pytest.fixture
def editor(client):
    person = UserFactory(is_staff=True, is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    sign_in_with_totp(client, person, secret)
    return person


def test_editors_manage_questions_and_rules_in_the_admin_and_see_what_is_wrong(client, editor):
    assert "Which of these can you do to stay safe online?" in client.get("/admin/snippets/pathways/question/").content.decode()
    assert client.get("/admin/snippets/pathways/placementrule/").status_code == 200
    existing = Question.objects.get(code="communicating")
    assert "I can make a video call to family or friends" in client.get(f"/admin/snippets/pathways/question/edit/{existing.pk}/").content.decode()

    response = client.post(
        "/admin/snippets/pathways/question/add/",
        {
            "heading": "Which of these can you do?",
            "code": "age",
            "position": "75",
            "kind": "statements",
            "skill_area": SkillArea.objects.get(code="EDS-C").pk,
            "shown_when": "always",
            "live": "on",
            "statements-TOTAL_FORMS": "0",
            "statements-INITIAL_FORMS": "0",
            "statements-MIN_NUM_FORMS": "0",
            "statements-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert "“age” is used by another page of the assessment" in response.content.decode()
    assert not Question.objects.filter(code="age").exists()


def test_a_statement_added_in_the_admin_is_checked_too(client, editor):
    existing = Question.objects.get(code="communicating")
    statements = list(existing.statements.all())
    data = {
        "heading": existing.heading,
        "hint": existing.hint,
        "code": existing.code,
        "position": existing.position,
        "kind": existing.kind,
        "skill_area": existing.skill_area_id,
        "shown_when": existing.shown_when,
        "live": "on",
        "statements-TOTAL_FORMS": str(len(statements) + 1),
        "statements-INITIAL_FORMS": str(len(statements)),
        "statements-MIN_NUM_FORMS": "0",
        "statements-MAX_NUM_FORMS": "1000",
    }
    for number, item in enumerate([*statements, None]):
        prefix = f"statements-{number}-"
        values = {
            "id": item.pk if item else "",
            "text": item.text if item else "Sending letters by post",
            "topic": item.topic if item else "letters",
            "code": item.code if item else "send-letters",
            "hint": item.hint if item else "",
            "level": item.level if item else "work",
            "competence": item.competence_id if item else Competence.objects.get(code="DC-2.1").pk,
            "ORDER": number + 1,
            "DELETE": "",
        }
        data.update({prefix + name: value for name, value in values.items()})

    response = client.post(f"/admin/snippets/pathways/question/edit/{existing.pk}/", data)

    assert response.status_code == 200
    assert "Start with “I can”, so the person can say yes or no to it" in response.content.decode()
    assert not Statement.objects.filter(code="send-letters").exists()

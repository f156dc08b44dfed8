"""Reads: the question bank as the placement functions use it, and saved plans."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext

from . import question_texts  # noqa: F401  (the bank's texts, for makemessages)

from .models import HelpedResident, PathwayPlan, PlacementRule, Question, SkillArea, Statement, Tier
from .placement import AreaInfo, Bank, QuestionInfo, RuleInfo, StatementInfo


def _shown(text: str) -> str:
    """An editor's text in the resident's language when it has a translation (question_texts.py); gettext("")
    would return the catalogue's header."""
    return gettext(text) if text else ""


def question_bank() -> Bank:
    """The live questions with their statements, every skill area, the placement rules and the tiers, with
    their texts in the active language."""
    statements = Statement.objects.select_related("competence__skill_area").order_by("sort_order", "pk")
    questions = Question.objects.filter(live=True).select_related("skill_area").prefetch_related(Prefetch("statements", queryset=statements))
    rules: dict[str, list[RuleInfo]] = {}
    for rule in PlacementRule.objects.select_related("skill_area", "tier").order_by("skill_area", "position"):
        rules.setdefault(rule.skill_area.code, []).append(RuleInfo(rule.needs, rule.level, rule.tier.code, _shown(rule.meaning)))
    return Bank(
        questions=tuple(
            QuestionInfo(
                code=question.code,
                kind=question.kind,
                area=question.skill_area.code if question.skill_area else "",
                heading=_shown(question.heading),
                hint=_shown(question.hint),
                shown_when=question.shown_when,
                statements=tuple(
                    StatementInfo(
                        code=statement.code,
                        text=_shown(statement.text),
                        topic=_shown(statement.topic),
                        hint=_shown(statement.hint),
                        level=statement.level,
                        competence=statement.competence.code,
                        competence_area=statement.competence.skill_area.code,
                    )
                    for statement in question.statements.all()
                ),
            )
            for question in questions
        ),
        areas={
            area.code: AreaInfo(area.code, _shown(area.title), _shown(area.description), area.framework, area.position)
            for area in SkillArea.objects.all()
        },
        rules={code: tuple(found) for code, found in rules.items()},
        tiers={code: _shown(name) for code, name in Tier.objects.order_by("position").values_list("code", "name")},
    )


def plan_for_token(*, token: str) -> PathwayPlan | None:
    """A plan kept without an account, by its private link."""
    if not token or len(token) > 64:
        return None
    return PathwayPlan.objects.filter(token=token, user__isnull=True, helped_resident__isnull=True).first()


def plan_for_reference(*, reference: str, outcode: str) -> PathwayPlan | None:
    """A plan kept without an account, by its reference code and the first part of the resident's postcode."""
    if not reference or not outcode:
        return None
    return PathwayPlan.objects.filter(
        reference=reference, check_outcode=outcode, user__isnull=True, helped_resident__isnull=True
    ).first()


def plans_for_user(*, user) -> QuerySet[PathwayPlan]:
    return PathwayPlan.objects.filter(user=user)


def helped_residents(*, organisation) -> QuerySet[HelpedResident]:
    """The organisation's "People we helped" list, the latest visit first."""
    return HelpedResident.objects.filter(organisation=organisation).select_related("helped_by", "plan")


def plans_to_refresh() -> QuerySet[PathwayPlan]:
    return PathwayPlan.objects.all().order_by("refreshed_at", "pk")


def personal_data(user) -> list[dict]:
    """The person's saved plans, for their data download (accounts.personal_data)."""
    return [
        {
            "created_at": plan.created_at.isoformat(),
            "refreshed_at": plan.refreshed_at.isoformat() if plan.refreshed_at else None,
            "email_when_new_matches": plan.notify_new_matches,
            "answers": plan.answers,
            "placement": plan.snapshot.get("placement", {}),
            "steps": [
                {"title": step["title"], "opportunities": [o["title"] for o in step["opportunities"]]}
                for step in plan.snapshot.get("steps", [])
            ],
        }
        for plan in plans_for_user(user=user)
    ]


def helper_personal_data(user) -> list[dict]:
    """The residents this digital helper last helped, for their data download (accounts.personal_data)."""
    return [
        {
            "organisation": record.organisation.name,
            "first_name_or_initials": record.name,
            "first_part_of_postcode": record.outcode,
            "consent_at": record.consent_at.isoformat(),
            "helped_at": record.helped_at.isoformat(),
        }
        for record in HelpedResident.objects.filter(helped_by=user).select_related("organisation")
    ]

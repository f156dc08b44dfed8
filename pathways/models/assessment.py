"""The self-assessment as data editors can change: its questions, their "I can …" statements, and the rules
that place a person on a tier in each skill area. docs/pathways.md explains how they fit together.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .frameworks import Competence, SkillArea, Tier

# Pages of the assessment that are not editable questions: their codes share the same URLs.
RESERVED_CODES = {"postcode", "travel", "cost", "learning", "age", "goal", "situation", "check", "plan", "none"}
FOUNDATION_AREA = "EDS-F"
MAX_STATEMENT_WORDS = 15
STATEMENT_CODE = RegexValidator(r"^[a-z0-9]+(-[a-z0-9]+)*$", "Use lower-case letters, numbers and single hyphens, like send-email")


class Level(models.TextChoices):
    """How far along a statement is. Essential Digital Skills has foundation, "for life" and "for work" skills;
    our advanced specialisms have "getting started" and "practised"."""

    FOUNDATION = "foundation", "Foundation"
    LIFE = "life", "For life"
    WORK = "work", "For work"
    STARTER = "starter", "Specialism: getting started"
    PRACTISED = "practised", "Specialism: practised"


LEVEL_ORDER = [Level.FOUNDATION, Level.LIFE, Level.WORK, Level.STARTER, Level.PRACTISED]


def levels_for(area: SkillArea) -> list[str]:
    """The statement levels that make sense in a skill area."""
    if area.code == FOUNDATION_AREA:
        return [Level.FOUNDATION]
    if area.framework == SkillArea.Framework.SPECIALISM:
        return [Level.STARTER, Level.PRACTISED]
    return [Level.LIFE, Level.WORK]


def _level_labels(levels) -> str:
    return " or ".join(f"“{Level(level).label}”" for level in levels)


class Question(ClusterableModel):
    """One page of the self-assessment: "which of these can you do?" about one skill area, or which advanced
    specialisms interest the person."""

    class Kind(models.TextChoices):
        STATEMENTS = "statements", "“I can …” statements about one skill area"
        INTERESTS = "interests", "Which advanced specialisms interest the person"

    class ShownWhen(models.TextChoices):
        ALWAYS = "always", "Always"
        FOUNDATION = "foundation", "Only when they are past the very start (Essential Digital Skills foundation or above)"
        ENTRY_3 = "entry-3", "Only when they reach Entry Level 3 (a “for life” skill in every area)"
        INTERESTED = "interested", "Only when they chose this specialism"

    code = models.SlugField(
        max_length=40, unique=True, help_text="Part of the page address; saved plans and the API use it. It cannot change later"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATEMENTS)
    skill_area = models.ForeignKey(
        SkillArea, null=True, blank=True, on_delete=models.PROTECT, related_name="questions", help_text="For statement questions"
    )
    heading = models.CharField(max_length=120, help_text="The question, in plain words, like “Which of these can you do to stay safe online?”")
    hint = models.CharField(max_length=200, blank=True, help_text="One short sentence under the question")
    shown_when = models.CharField(max_length=20, choices=ShownWhen.choices, default=ShownWhen.ALWAYS)
    position = models.PositiveSmallIntegerField(default=0, help_text="Questions are asked from the lowest number up")
    live = models.BooleanField(default=True, help_text="Untick to stop asking it; saved answers stay as they are")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading

    def clean(self):
        super().clean()
        errors = {}
        if self.code in RESERVED_CODES:
            errors["code"] = f"“{self.code}” is used by another page of the assessment: choose another code"
        if self.pk:
            saved = Question.objects.filter(pk=self.pk).values_list("code", flat=True).first()
            if saved and saved != self.code:
                errors["code"] = f"The code cannot change once saved (it is “{saved}”): saved plans and the API use it"
        if self.kind == self.Kind.STATEMENTS and not self.skill_area_id:
            errors["skill_area"] = "Choose the skill area these statements are about"
        if self.kind == self.Kind.INTERESTS and self.skill_area_id:
            errors["skill_area"] = "A question about interests lists every specialism: leave the skill area empty"
        if self.kind == self.Kind.INTERESTS and self.shown_when == self.ShownWhen.INTERESTED:
            errors["shown_when"] = "The question about interests cannot depend on itself"
        if self.shown_when == self.ShownWhen.INTERESTED and "skill_area" not in errors:
            if self.skill_area and self.skill_area.framework != SkillArea.Framework.SPECIALISM:
                errors["shown_when"] = "Only questions about an advanced specialism can depend on the person choosing it"
            elif not self._others().filter(kind=self.Kind.INTERESTS, position__lt=self.position).exists():
                errors["shown_when"] = "Ask the question about interests first (give it a lower position)"
        if self.shown_when in {self.ShownWhen.FOUNDATION, self.ShownWhen.ENTRY_3}:
            later = self._others().filter(skill_area__framework=SkillArea.Framework.ESSENTIAL_DIGITAL_SKILLS, position__gte=self.position)
            if later.exists():
                errors["position"] = (
                    "This question depends on the Essential Digital Skills answers, so it must come after all of them "
                    f"(after position {later.order_by('-position').first().position})"
                )
        if errors:
            raise ValidationError(errors)

    def _others(self):
        return Question.objects.filter(live=True).exclude(pk=self.pk)


class Statement(Orderable):
    """An "I can …" statement a person ticks if they can do it on their own, mapped to a skill area (through its
    question) and a framework competence."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="statements")
    code = models.CharField(
        max_length=40, unique=True, validators=[STATEMENT_CODE], help_text="Saved plans and the API use it. It cannot change later"
    )
    text = models.CharField(max_length=120, help_text=f"Starts “I can”, at most {MAX_STATEMENT_WORDS} words a 10-year-old can read")
    topic = models.CharField(
        max_length=50, help_text="A few words for explanations: “You're confident with <topic> and …”, like “video calls”"
    )
    hint = models.CharField(max_length=160, blank=True, help_text="An optional example, like “For example, WhatsApp or text messages”")
    level = models.CharField(max_length=20, choices=Level.choices)
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The framework statement or DigComp competence this is about",
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("code")]),
        FieldPanel("hint"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("competence")]),
    ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        errors = {}
        text = " ".join(self.text.split())
        if not text.startswith("I can "):
            errors["text"] = "Start with “I can”, so the person can say yes or no to it"
        elif len(text.split()) > MAX_STATEMENT_WORDS:
            errors["text"] = f"Use {MAX_STATEMENT_WORDS} words or fewer: it has {len(text.split())}"
        elif re.search(r"[A-Za-z]{14,}", text):
            errors["text"] = "Use shorter, everyday words (one word here has 14 letters or more)"
        if self.code == "none":
            errors["code"] = "“none” is the answer for “None of these yet”: choose another code"
        if self.pk:
            saved = Statement.objects.filter(pk=self.pk).values_list("code", flat=True).first()
            if saved and saved != self.code:
                errors["code"] = f"The code cannot change once saved (it is “{saved}”): saved plans and the API use it"
        question = getattr(self, "question", None)
        area = question.skill_area if question is not None and question.skill_area_id else None
        if question is not None and question.kind == Question.Kind.INTERESTS:
            errors["level"] = "The question about interests lists the specialisms itself: it has no statements"
        elif area is not None:
            levels = levels_for(area)
            if self.level and self.level not in levels:
                errors["level"] = f"In {area.title} a statement is {_level_labels(levels)}"
            competence = Competence.objects.select_related("skill_area").filter(pk=self.competence_id).first()
            if competence and competence.skill_area_id != area.pk and competence.skill_area.framework != SkillArea.Framework.DIGCOMP:
                errors["competence"] = f"Choose a competence of {area.title}, or the DigComp competence it is about"
        self.text = text
        if errors:
            raise ValidationError(errors)


class PlacementRule(models.Model):
    """"In this skill area, a person who can do <all | at least one> of the <level> statements is at <tier>."
    Rules are read from the lowest position up and the first that fits decides."""

    class Needs(models.TextChoices):
        ALL = "all", "Every statement at this level"
        ANY = "any", "At least one statement at this level"
        ALWAYS = "always", "Nothing: always fits (make it the last rule)"

    skill_area = models.ForeignKey(SkillArea, on_delete=models.PROTECT, related_name="placement_rules")
    position = models.PositiveSmallIntegerField(help_text="Rules are tried from the lowest number up; the first that fits decides")
    needs = models.CharField(max_length=10, choices=Needs.choices)
    level = models.CharField(max_length=20, choices=Level.choices, blank=True, help_text="Leave empty for “always fits”")
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, related_name="+")
    meaning = models.CharField(
        max_length=160, help_text="One plain sentence the person sees when this rule places them, like “You have the everyday basics here.”"
    )

    class Meta:
        ordering = ["skill_area", "position"]
        constraints = [models.UniqueConstraint(fields=["skill_area", "position"], name="one_placement_rule_per_area_position")]

    def __str__(self):
        return f"{self.skill_area}: {self.get_needs_display().lower()} → {self.tier}"

    def clean(self):
        super().clean()
        if not self.skill_area_id:
            return
        errors = {}
        area = self.skill_area
        if self.needs == self.Needs.ALWAYS and self.level:
            errors["level"] = "A rule that always fits does not look at a level: leave it empty"
        elif self.needs in {self.Needs.ALL, self.Needs.ANY}:
            if not self.level:
                errors["level"] = "Choose the level of statements this rule counts"
            elif self.level not in levels_for(area):
                errors["level"] = f"In {area.title} statements are {_level_labels(levels_for(area))}"
            elif not Statement.objects.filter(question__skill_area=area, question__live=True, level=self.level).exists():
                errors["level"] = f"No question asks about {Level(self.level).label.lower()} statements in {area.title} yet"
        siblings = PlacementRule.objects.filter(skill_area=area).exclude(pk=self.pk)
        earlier_catch_all = siblings.filter(needs=self.Needs.ALWAYS, position__lt=self.position).first()
        if earlier_catch_all:
            errors["position"] = f"The rule at position {earlier_catch_all.position} always fits, so this one would never be used"
        if self.needs == self.Needs.ALWAYS and self.position is not None:
            later = siblings.filter(position__gt=self.position).order_by("position").first()
            if later:
                errors["needs"] = f"A rule that always fits must be the last one: the rule at position {later.position} comes after it"
        if errors:
            raise ValidationError(errors)

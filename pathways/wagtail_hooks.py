from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, PlacementRule, Question, SkillArea, Tier


class TierViewSet(SnippetViewSet):
    model = Tier
    icon = "list-ol"
    list_display = ["name", "code", "summary"]
    # Codes are what the rest of the platform keys on, so editors change words, not codes.
    panels = [FieldPanel("code", read_only=True), FieldPanel("name"), FieldPanel("summary"), FieldPanel("description")]


def framework_panels(*fixed: str) -> list[FieldPanel]:
    """A framework entry's panels: what the framework fixes (its code, where it sits, its source) is read only;
    editors change the words."""
    editable = [FieldPanel("title"), FieldPanel("description")]
    return [FieldPanel(name, read_only=True) for name in fixed] + editable + [FieldPanel("source", read_only=True)]


class SkillAreaViewSet(SnippetViewSet):
    model = SkillArea
    icon = "tag"
    list_display = ["title", "code", "framework"]
    list_filter = ["framework"]
    search_fields = ["title", "code"]
    panels = framework_panels("code", "framework")


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tick"
    list_display = ["title", "code", "skill_area", "kind"]
    list_filter = ["skill_area__framework", "kind"]
    search_fields = ["title", "code"]
    panels = framework_panels("code", "skill_area", "kind")


class SkillsFrameworkGroup(SnippetViewSetGroup):
    items = (TierViewSet, SkillAreaViewSet, CompetenceViewSet)
    menu_label = "Skills frameworks"
    menu_icon = "tasks"
    menu_order = 300


register_snippet(SkillsFrameworkGroup)


class QuestionViewSet(SnippetViewSet):
    """The self-assessment's questions and their "I can …" statements. Saved plans are not in the admin:
    they belong to residents."""

    model = Question
    icon = "help"
    menu_label = "Questions"
    list_display = ["heading", "code", "skill_area", "shown_when", "position", "live"]
    list_filter = ["kind", "shown_when", "live"]
    search_fields = ["heading", "code"]
    ordering = ["position"]
    panels = [
        FieldPanel("heading"),
        FieldPanel("hint"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("skill_area")]),
        FieldRowPanel([FieldPanel("shown_when"), FieldPanel("live")]),
        InlinePanel("statements", heading="“I can …” statements", label="Statement"),
    ]


class PlacementRuleViewSet(SnippetViewSet):
    model = PlacementRule
    icon = "list-ol"
    menu_label = "Placement rules"
    list_display = ["skill_area", "position", "needs", "level", "tier", "meaning"]
    list_filter = ["skill_area__framework", "tier"]
    ordering = ["skill_area", "position"]
    panels = [
        FieldRowPanel([FieldPanel("skill_area"), FieldPanel("position")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("needs"), FieldPanel("level")]), FieldPanel("tier")], heading="When it fits, and where it places"),
        FieldPanel("meaning"),
    ]


class SelfAssessmentGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, PlacementRuleViewSet)
    menu_label = "Self-assessment"
    menu_icon = "help"
    menu_order = 310


register_snippet(SelfAssessmentGroup)

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, SkillArea, Tier


class TierViewSet(SnippetViewSet):
    model = Tier
    icon = "list-ol"
    list_display = ["name", "code", "summary"]
    # Codes are what the rest of the platform keys on, so editors change words, not codes.
    panels = [FieldPanel("code", read_only=True), FieldPanel("name"), FieldPanel("summary"), FieldPanel("description")]


class SkillAreaViewSet(SnippetViewSet):
    model = SkillArea
    icon = "tag"
    list_display = ["title", "code", "framework"]
    list_filter = ["framework"]
    search_fields = ["title", "code"]
    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("framework", read_only=True),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("source", read_only=True),
    ]


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tick"
    list_display = ["title", "code", "skill_area", "kind"]
    list_filter = ["skill_area__framework", "kind"]
    search_fields = ["title", "code"]
    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("skill_area", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("source", read_only=True),
    ]


class SkillsFrameworkGroup(SnippetViewSetGroup):
    items = (TierViewSet, SkillAreaViewSet, CompetenceViewSet)
    menu_label = "Skills frameworks"
    menu_icon = "tasks"
    menu_order = 300


register_snippet(SkillsFrameworkGroup)

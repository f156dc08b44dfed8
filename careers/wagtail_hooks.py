from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ApprenticeshipStandard, Sponsor, SponsorCampaign


class SponsorViewSet(SnippetViewSet):
    model = Sponsor
    icon = "group"
    list_display = ["name", "website", "employer"]
    search_fields = ["name"]


class SponsorCampaignViewSet(SnippetViewSet):
    model = SponsorCampaign
    icon = "date"
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name", "description"]


class SponsorsGroup(SnippetViewSetGroup):
    items = (SponsorViewSet, SponsorCampaignViewSet)
    menu_label = "Sponsors"
    menu_icon = "group"
    menu_order = 310


class ApprenticeshipStandardForm(WagtailAdminModelForm):
    """Vacancies and career profiles refer to a standard by its IfATE reference, so once set it stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.reference:
            self.fields["reference"].disabled = True
            self.fields["reference"].help_text = "IfATE reference; it cannot be changed once set"


class ApprenticeshipStandardViewSet(SnippetViewSet):
    model = ApprenticeshipStandard
    icon = "doc-full"
    menu_label = "Apprenticeship standards"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["title", "reference", "level", "is_degree"]
    list_filter = ["level", "is_degree"]
    search_fields = ["title", "reference"]
    edit_handler = ObjectList(
        [
            FieldPanel("reference"),
            FieldPanel("title"),
            FieldPanel("level"),
            FieldPanel("is_degree"),
            FieldPanel("typical_duration_months"),
            FieldPanel("route"),
            FieldPanel("source_url"),
            FieldPanel("note"),
        ],
        base_form_class=ApprenticeshipStandardForm,
    )


register_snippet(SponsorsGroup)
register_snippet(ApprenticeshipStandardViewSet)

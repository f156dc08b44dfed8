from django import forms
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
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


class ProgrammeFilterForm(BaseFilterForm):
    # Programmes are not in Wagtail's own search index (the public search has its own), so search the table.
    q = forms.CharField(label="Title, provider or reference", required=False)

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(
                Q(title__icontains=query) | Q(provider__organisation__name__icontains=query) | Q(reference__iexact=query)
            )
        return objects


class ProgrammeChooseMixin:
    filter_form_class = ProgrammeFilterForm

    def get_object_list(self):
        return self.model_class.objects.select_related("provider__organisation").order_by("title")


class ProgrammeChooseView(ProgrammeChooseMixin, ChooseView):
    pass


class ProgrammeChooseResultsView(ProgrammeChooseMixin, ChooseResultsView):
    pass


class ProgrammeChooserViewSet(ChooserViewSet):
    """Career profiles choose example programmes from a searchable list rather than one long drop-down."""

    model = "courses.Programme"
    choose_view_class = ProgrammeChooseView
    choose_results_view_class = ProgrammeChooseResultsView
    icon = "table"
    choose_one_text = "Choose a programme"
    choose_another_text = "Choose another programme"
    per_page = 20


register_snippet(SponsorsGroup)
register_snippet(ApprenticeshipStandardViewSet)


@hooks.register("register_admin_viewset")
def register_programme_chooser():
    return ProgrammeChooserViewSet("programme_chooser")

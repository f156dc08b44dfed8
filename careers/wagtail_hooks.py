from functools import cached_property

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from .admin_views import CampaignPostingsView
from .campaigns import can_edit_campaigns
from .models import ApprenticeshipStandard, Sponsor, SponsorCampaign


class SponsorViewSet(SnippetViewSet):
    model = Sponsor
    icon = "group"
    list_display = ["name", "website", "employer"]
    search_fields = ["name"]


class SponsorCampaignForm(WagtailAdminModelForm):
    """Codes are capitals whatever is typed; a pledge is a sponsor's of the campaign."""

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).upper()

    def clean(self):
        cleaned = super().clean()
        pledges = self.formsets.get("pledges")
        if "sponsors" in cleaned and pledges is not None and pledges.is_valid():
            sponsors = set(cleaned["sponsors"])
            outsiders = [
                form.cleaned_data["sponsor"].name
                for form in pledges.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data["sponsor"] not in sponsors
            ]
            if outsiders:
                self.add_error("sponsors", f"Add {' and '.join(outsiders)} to the sponsors, or remove their pledge")
        return cleaned


def postings_url(campaign) -> str:
    return reverse("careers_campaign_postings", args=[campaign.pk])


class SponsorCampaignIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_edit_campaigns(self.request.user):
            buttons.append(MenuItem("Postings", url=postings_url(instance), icon_name="list-ul", priority=15))
        return buttons


class SponsorCampaignEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if can_edit_campaigns(self.request.user):
            buttons.append(Button("Postings", url=postings_url(self.object), icon_name="list-ul", priority=5))
        return buttons


class SponsorCampaignViewSet(SnippetViewSet):
    model = SponsorCampaign
    icon = "date"
    list_display = ["name", "code", "starts_on", "ends_on"]
    search_fields = ["name", "code", "description"]
    index_view_class = SponsorCampaignIndexView
    edit_view_class = SponsorCampaignEditView
    edit_handler = ObjectList(SponsorCampaign.panels, base_form_class=SponsorCampaignForm)


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


@hooks.register("register_admin_urls")
def register_campaign_postings_url():
    return [path("campaigns/<int:pk>/postings/", CampaignPostingsView.as_view(), name="careers_campaign_postings")]

"""Editors' page in the Wagtail admin for one sponsor campaign: the postings that are part of it, with its pledges'
progress; remove a posting from it, or find one and add it."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from publishing import registry

from . import campaigns
from .models import SponsorCampaign

MAX_WORDS = 100


def _row(item) -> dict:
    return {"item": item, "label": registry.label_of(item), "kind": item._meta.verbose_name}


class CampaignPostingsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = campaigns.EDITOR_PERMISSION
    raise_exception = True
    header_icon = "date"
    template_name = "careers/admin/campaign_postings.html"

    def dispatch(self, request, *args, **kwargs):
        self.campaign = get_object_or_404(SponsorCampaign, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Postings in {self.campaign.name}"

    def get_breadcrumbs_items(self):
        edit_url = reverse("wagtailsnippets_careers_sponsorcampaign:edit", args=[self.campaign.pk])
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_careers_sponsorcampaign:list"), "label": "Sponsor campaigns"},
            {"url": edit_url, "label": self.campaign.name},
            {"url": "", "label": "Postings"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        words = self.request.GET.get("q", "").strip()[:MAX_WORDS]
        tagged = [
            _row(item)
            for postings in campaigns.campaign_postings(self.campaign)
            for item in postings.select_related(postings.model.organisation_field).order_by("title")
        ]
        context.update(
            campaign=self.campaign,
            is_live=self.campaign.is_live(),
            tagged=tagged,
            q=words,
            candidates=[_row(item) for item in campaigns.postings_to_add(campaign=self.campaign, words=words)],
            progress=campaigns.pledge_progress(self.campaign),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            model = registry.posting_model(request.POST.get("label", ""))
        except (LookupError, ValueError):
            raise Http404("No such kind of posting") from None
        if model not in campaigns.taggable_models():
            raise Http404("This kind of posting is never part of a campaign")
        pk = request.POST.get("pk", "")
        if not pk.isdigit():
            raise Http404("No such posting")
        item = get_object_or_404(model, pk=int(pk))
        action = request.POST.get("action")
        if action == "add":
            campaigns.posting_tag(item=item, campaign=self.campaign, by=request.user)
            messages.success(request, f"“{item.title}” is now part of {self.campaign.name}.")
        elif action == "remove":
            if item.sponsor_campaign_id != self.campaign.pk:
                raise Http404("That posting is not part of this campaign")
            campaigns.posting_untag(item=item, by=request.user)
            messages.success(request, f"“{item.title}” is no longer part of {self.campaign.name}.")
        else:
            raise Http404("Unknown action")
        url = reverse("careers_campaign_postings", args=[self.campaign.pk])
        words = request.POST.get("q", "").strip()[:MAX_WORDS]
        return redirect(f"{url}?{urlencode({'q': words})}" if words else url)

"""Wagtail admin report: searches that found nothing or little, by local authority and tier, with CSV."""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from places.models import LocalAuthority
from skills_site.spreadsheets import safe_cell

from .selectors import LOW_RESULTS, unmet_demand

PERMISSION = "search.view_searchrecord"


class PeriodForm(forms.Form):
    since = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))
    zero_only = forms.BooleanField(label="Only searches that found nothing", required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            raise forms.ValidationError("The start of the period must be before its end")
        return cleaned


class UnmetDemandReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Unmet demand"
    page_subtitle = "searches that found little"
    header_icon = "search"
    template_name = "search/admin/unmet_demand.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def period(self):
        today = timezone.localdate()
        defaults = {"since": today - datetime.timedelta(days=30), "until": today}
        form = PeriodForm(self.request.GET or None, initial=defaults)
        if form.is_bound and form.is_valid():
            return form, form.cleaned_data
        return form, {**defaults, "zero_only": False}

    def rows(self, period):
        names = dict(LocalAuthority.objects.values_list("code", "name"))
        return [
            {**row, "local_authority_name": names.get(row["local_authority"], "Not given"), "average_results": round(row["average_results"], 1)}
            for row in unmet_demand(since=period["since"], until=period["until"], zero_only=period["zero_only"])[:500]
        ]

    def get(self, request, *args, **kwargs):
        form, period = self.period()
        rows = self.rows(period)
        if request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="unmet-demand-{period["since"]}-{period["until"]}.csv"'
            writer = csv.writer(response)
            writer.writerow(["words", "local_authority_code", "local_authority", "tier", "searches", "average_results"])
            for row in rows:
                # The words are what residents typed: quoted, so a spreadsheet shows a formula instead of running it.
                cells = [row["words"], row["local_authority"], row["local_authority_name"], row["tier"], row["searches"], row["average_results"]]
                writer.writerow([safe_cell(cell) for cell in cells])
            return response
        return self.render_to_response(self.get_context_data(form=form, period=period, rows=rows, low=LOW_RESULTS))

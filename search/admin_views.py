"""Wagtail admin reports: searches that found nothing or little, or found results that nobody followed, by local
authority and tier, with CSV; and documents the search engine refused, to try again once the cause is fixed."""

import csv
import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from api.spreadsheets import safe_cell
from places.models import LocalAuthority

from .indexing import rejected_entries, retry_rejected
from .selectors import ALL, LITTLE, LOW_RESULTS, NOTHING, UNCLICKED, unmet_demand

PERMISSION = "search.view_searchrecord"
# Refused documents are an operator's matter (a mapping, a record the engine cannot read): site administrators.
INDEX_PROBLEMS_PERMISSION = "search.change_indexoutboxentry"
SHOW_CHOICES = [
    (LITTLE, f"Found {LOW_RESULTS} results or fewer"),
    (NOTHING, "Found nothing"),
    (UNCLICKED, "Found results but nothing was clicked"),
    (ALL, "All searches"),
]
DESCRIPTIONS = {
    LITTLE: f"Searches on the public site that found {LOW_RESULTS} results or fewer",
    NOTHING: "Searches on the public site that found nothing",
    UNCLICKED: (
        "Searches on the public site that found results, for the words, areas and tiers where at least one such "
        "search led to no result being followed (most of those first)"
    ),
    ALL: "Every search on the public site",
}
CSV_COLUMNS = [
    "words", "local_authority_code", "local_authority", "tier", "searches", "found_nothing",
    "found_results_nothing_clicked", "click_through_percent", "average_results",
]


class PeriodForm(forms.Form):
    # A date input takes only ISO dates (https://html.spec.whatwg.org/multipage/input.html#date-state-(type=date)),
    # not the British format Django would otherwise write.
    since = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    until = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    show = forms.ChoiceField(label="Which searches", choices=SHOW_CHOICES, widget=forms.RadioSelect, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            raise forms.ValidationError("The start of the period must be before its end")
        return cleaned


class UnmetDemandReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = PERMISSION
    raise_exception = True
    page_title = "Unmet demand"
    page_subtitle = "searches that found little or led nowhere"
    header_icon = "search"
    template_name = "search/admin/unmet_demand.html"

    def period(self):
        today = timezone.localdate()
        defaults = {"since": today - datetime.timedelta(days=30), "until": today, "show": LITTLE}
        form = PeriodForm(self.request.GET or None, initial=defaults)
        if form.is_bound and form.is_valid():
            return form, {**form.cleaned_data, "show": form.cleaned_data["show"] or LITTLE}
        return form, defaults

    def rows(self, period):
        names = dict(LocalAuthority.objects.values_list("code", "name"))
        return [
            {
                **row,
                "local_authority_name": names.get(row["local_authority"], "Not given"),
                "average_results": round(row["average_results"], 1),
                "click_through": None if row["click_through"] is None else round(row["click_through"], 1),
            }
            for row in unmet_demand(since=period["since"], until=period["until"], show=period["show"])[:500]
        ]

    def get(self, request, *args, **kwargs):
        form, period = self.period()
        rows = self.rows(period)
        if request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="unmet-demand-{period["since"]}-{period["until"]}.csv"'
            writer = csv.writer(response)
            writer.writerow(CSV_COLUMNS)
            for row in rows:
                # The words are what residents typed: quoted, so a spreadsheet shows a formula instead of running it.
                cells = [
                    row["words"], row["local_authority"], row["local_authority_name"], row["tier"], row["searches"],
                    row["found_nothing"], row["found_results_nothing_clicked"], row["click_through"], row["average_results"],
                ]
                writer.writerow([safe_cell(cell) for cell in cells])
            return response
        context = self.get_context_data(form=form, period=period, rows=rows, description=DESCRIPTIONS[period["show"]])
        return self.render_to_response(context)


class IndexProblemsReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Records whose documents the search engine refused: not searchable as they are until someone fixes the cause
    and tries them again."""

    page_title = "Search index problems"
    page_subtitle = "documents the search engine refused"
    header_icon = "warning"
    template_name = "search/admin/index_problems.html"
    permission_required = INDEX_PROBLEMS_PERMISSION
    raise_exception = True

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(entries=rejected_entries()[:500]))

    def post(self, request, *args, **kwargs):
        entry_ids = [int(value) for value in request.POST.getlist("entry") if value.isdigit()]
        if request.POST.get("all"):
            entry_ids = list(rejected_entries().values_list("pk", flat=True))
        count = retry_rejected(entry_ids=entry_ids)
        messages.success(request, f"{count} sent to the search engine again" if count else "Nothing to try again")
        return redirect("search_index_problems")

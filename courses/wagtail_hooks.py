"""Wagtail admin for courses: the chooser career profile pages use to pick their example programmes."""

from django import forms
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import Programme


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

    model = Programme
    choose_view_class = ProgrammeChooseView
    choose_results_view_class = ProgrammeChooseResultsView
    icon = "table"
    choose_one_text = "Choose a programme"
    choose_another_text = "Choose another programme"
    per_page = 20


@hooks.register("register_admin_viewset")
def register_programme_chooser():
    return ProgrammeChooserViewSet("programme_chooser")

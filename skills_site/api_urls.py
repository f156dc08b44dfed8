"""The public API under /api/v1/: open data (read-only, JSON or CSV), search and pathway plans, and the OpenAPI
schema. Configuration: it wires the apps' API views together; their shared parts are the `api` app."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from careers.api import ApprenticeshipViewSet, EmployerViewSet, SponsoredOpportunityViewSet
from api.views import ApiReferenceView, not_found
from courses.api import ProgrammeViewSet, ProviderViewSet
from pathways.api import PathwayPlanView
from publishing.api import RemovalViewSet
from search.api import AutocompleteView, SearchView

app_name = "api"

router = SimpleRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("apprenticeships", ApprenticeshipViewSet, basename="apprenticeship")
router.register("opportunities", SponsoredOpportunityViewSet, basename="opportunity")
router.register("providers", ProviderViewSet, basename="provider")
router.register("employers", EmployerViewSet, basename="employer")
router.register("removed", RemovalViewSet, basename="removed")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", ApiReferenceView.as_view(), name="docs"),
    path("search/", SearchView.as_view(), name="search"),
    path("search/autocomplete/", AutocompleteView.as_view(), name="search-autocomplete"),
    path("pathways/plan", PathwayPlanView.as_view(), name="pathways-plan"),
    *router.urls,
    # Ending in a slash only, so that an address without its final slash is still redirected to the one with it.
    re_path(r"^.*/$", not_found),
]

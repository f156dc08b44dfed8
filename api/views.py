"""The read-only viewset every open-data endpoint under /api/v1/ plugs into."""

from django.http import JsonResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from .pagination import OpenDataPagination
from .renderers import CSVRenderer


class OpenDataListViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Anonymous and read-only; JSON or CSV (`?format=csv` or `Accept: text/csv`); errors are always JSON."""

    # Open data does not depend on who asks: no sessions or passwords here, and everyone is throttled alike.
    authentication_classes = []
    permission_classes = [AllowAny]
    # The throttle is the project's default (REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]), at this scope's rate.
    throttle_scope = "open_data"
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = OpenDataPagination
    filter_backends = [DjangoFilterBackend]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(response.accepted_renderer, CSVRenderer):
            response.accepted_renderer, response.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        # Anyone's page may read open data; nothing here uses cookies or credentials.
        response["Access-Control-Allow-Origin"] = "*"
        return response


class OpenDataViewSet(mixins.RetrieveModelMixin, OpenDataListViewSet):
    """A list, and each of its items by slug."""


class ProfileViewSet(OpenDataViewSet):
    """Verified organisations' public profiles of one kind (profile_model), by the organisation's slug."""

    profile_model = None  # a subclass of accounts.models.OrganisationProfile
    lookup_field = "organisation__slug"
    lookup_url_kwarg = "slug"

    def get_queryset(self):
        return (
            self.profile_model.objects.filter(organisation__verified_at__isnull=False)
            .select_related("organisation")
            .order_by("organisation__name", "pk")
        )


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/ (a slug with a character no slug has, say): JSON, as every answer here."""
    return JsonResponse({"detail": "Not found."}, status=404)


class ApiReferenceView(SpectacularSwaggerSplitView):
    """/api/v1/docs/: the schema as a readable reference (Swagger UI, served from our own static files). Its
    start-up script is a second request, not inline, so the site's Content Security Policy needs no exception."""

    template_name = "api/reference.html"
    url_name = "api:schema"

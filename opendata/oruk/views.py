"""/api/oruk/: the Open Referral UK read API (HSDS 3.0 UK profile), anonymous, read-only, throttled like the
open-data API. The profile's endpoints: https://docs.openreferraluk.org/en/latest/api_reference.html"""

import datetime
import re

from django.core.paginator import Paginator
from django.utils.dateparse import parse_date, parse_datetime
from django.utils import timezone
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from . import mapping, selectors
from .ids import record_keys

HSDS_VERSION = "3.0"
PROFILE_URL = "https://docs.openreferraluk.org/en/latest/"
OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"
PER_PAGE = 50
MAX_PER_PAGE = 100
WHOLE_NUMBER = re.compile(r"[0-9]{1,12}")
# Records change when a provider saves; readers (and directory harvesters) may keep an answer this long.
CACHE_CONTROL = "public, max-age=300"


class OrukView(APIView):
    # Open data does not depend on who asks: no sessions, and everyone is throttled alike.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_scope = "open_data"
    renderer_classes = [JSONRenderer]
    schema = None  # not part of /api/v1/'s OpenAPI schema: the profile publishes this API's own

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # The profile's compliance rules ask for this on every answer, so pages in any browser may read it.
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 200:
            response["Cache-Control"] = CACHE_CONTROL
        return response

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def whole_number(self, name: str, default: int) -> int:
        raw = self.request.query_params.get(name, "")
        if raw == "":
            return default
        if not WHOLE_NUMBER.fullmatch(raw) or int(raw) < 1:
            raise ValidationError({name: ["Enter a whole number from 1."]})
        return int(raw)

    def page(self, items, to_json) -> Response:
        """The profile's Page: its counts and flags, and this page's items as `contents` (to_json turns the
        page's items into theirs, all at once, so one page costs a few queries however long it is)."""
        per_page = min(self.whole_number("per_page", PER_PAGE), MAX_PER_PAGE)
        number = self.whole_number("page", 1)
        paginator = Paginator(items, per_page)
        if number > paginator.num_pages:
            raise NotFound(f"There is no page {number}: the last page is {paginator.num_pages}.")
        contents = to_json(list(paginator.page(number)))
        return Response(
            {
                "total_items": paginator.count,
                "total_pages": paginator.num_pages,
                "page_number": number,
                "size": len(contents),
                "first_page": number == 1,
                "last_page": number == paginator.num_pages,
                "empty": paginator.count == 0,
                "contents": contents,
            }
        )

    def search_words(self) -> str:
        # `search` in HSDS 3.0; `text` in the profile's earlier versions, still used by older readers.
        words = self.request.query_params.get("search") or self.request.query_params.get("text") or ""
        return words.replace("\x00", "").strip()[:200]  # PostgreSQL refuses NUL in text


class ApiInfoView(OrukView):
    def get(self, request):
        return Response({"version": HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL})


class ServiceListView(OrukView):
    def get(self, request):
        services = selectors.service_list(
            search=self.search_words(),
            modified_after=self._modified_after(),
            skill_area_ids=self._skill_area_ids(),
        )
        return self.page(services, lambda page: [mapping.service_summary(programme, self.absolute) for programme in page])

    def _modified_after(self) -> datetime.datetime | None:
        raw = self.request.query_params.get("modified_after", "").strip()
        if not raw:
            return None
        try:
            moment = parse_datetime(raw.replace(" ", "+"))  # a "+" in a query string arrives as a space
            if moment is None and (day := parse_date(raw)):
                moment = datetime.datetime.combine(day, datetime.time.min)
        except ValueError:
            moment = None
        if moment is None:
            raise ValidationError({"modified_after": ["Enter a date and time in ISO 8601, e.g. 2026-01-31T09:00:00Z."]})
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)

    def _skill_area_ids(self):
        """Services classified with this term, or with any term of this taxonomy; an id we never gave, none."""
        term, taxonomy = (self.request.query_params.get(name, "").strip() for name in ("taxonomy_term_id", "taxonomy_id"))
        if not (term or taxonomy):
            return None
        areas = selectors.skill_areas()
        if term:
            keys = record_keys("taxonomy_term", term)
            areas = areas.filter(pk=keys[0] if keys else None)
        if taxonomy:
            areas = areas.filter(framework__in=[code for code, _ in selectors.frameworks() if mapping.taxonomy_id(code) == taxonomy.lower()])
        return areas.values("pk")


class ServiceDetailView(OrukView):
    def get(self, request, id: str):
        keys = record_keys("service", id)
        programme = selectors.service_get(pk=keys[0]) if keys else None
        if programme is None:
            raise NotFound("There is no service with this id, or it is no longer offered.")
        return Response(mapping.service(programme, self.absolute))


class ServiceAtLocationListView(OrukView):
    def get(self, request):
        return self.page(selectors.service_at_location_list(search=self.search_words()), self._contents)

    def _contents(self, pairs) -> list[dict]:
        services = selectors.services_by_key(programme_id for programme_id, _ in pairs)
        contents = []
        for programme_id, venue_id in pairs:
            programme = services[programme_id]
            venue = next(venue for venue in programme.venues.all() if venue.pk == venue_id)
            summary = mapping.service_summary(programme, self.absolute)
            contents.append({**mapping.service_at_location(programme, venue), "service": summary})
        return contents


class ServiceAtLocationDetailView(OrukView):
    def get(self, request, id: str):
        keys = record_keys("service_at_location", id, pair=True)
        programme = selectors.service_get(pk=keys[0]) if keys else None
        venue = next((venue for venue in programme.venues.all() if venue.pk == keys[1]), None) if programme else None
        if venue is None:
            raise NotFound("There is no service at a location with this id, or it is no longer offered there.")
        return Response({**mapping.service_at_location(programme, venue), "service": mapping.service(programme, self.absolute)})


class TaxonomyListView(OrukView):
    def get(self, request):
        return self.page(selectors.frameworks(), lambda page: [mapping.taxonomy(*choice) for choice in page])


class TaxonomyDetailView(OrukView):
    def get(self, request, id: str):
        for code, label in selectors.frameworks():
            found = mapping.taxonomy(code, label)
            if found["id"] == id.lower():
                return Response(found)
        raise NotFound("There is no taxonomy with this id.")


class TaxonomyTermListView(OrukView):
    def get(self, request):
        return self.page(selectors.skill_areas(), lambda page: [mapping.taxonomy_term(area) for area in page])


class TaxonomyTermDetailView(OrukView):
    def get(self, request, id: str):
        keys = record_keys("taxonomy_term", id)
        area = selectors.skill_areas().filter(pk=keys[0]).first() if keys else None
        if area is None:
            raise NotFound("There is no taxonomy term with this id.")
        return Response(mapping.taxonomy_term(area))

"""The OpenAPI schema of /api/v1/ (drf-spectacular): every answer an endpoint can give is in it, declared here
once for all of them, so the document is an exact contract (tests/api/test_contract.py checks it)."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import ScopedRateThrottle

from .renderers import CSVRenderer
from .serializers import FIELD_ERRORS_SCHEMA, ErrorSerializer

RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer", "minimum": 0},
        "description": "Seconds to wait before asking again",
        "required": True,
    }
}


def throttled(view) -> bool:
    """A throttle of its own, or the project's default one (scoped) at a rate the view names."""
    return any(not issubclass(throttle, ScopedRateThrottle) or getattr(view, "throttle_scope", None) for throttle in view.throttle_classes)


class OpenDataSchema(AutoSchema):
    """Adds the error answers an operation can give, each with its JSON body, to those its view declares."""

    def error_responses(self) -> dict[str, OpenApiResponse]:
        view, errors = self.view, {}
        paginated = self._is_list_view() and self._get_paginator() is not None
        if paginated or getattr(view, "filterset_class", None):
            errors["400"] = OpenApiResponse(
                FIELD_ERRORS_SCHEMA, description="A parameter is not valid: each one with its problems"
            )
        if paginated or self._get_format_parameters() or "{" in self.path:
            errors["404"] = OpenApiResponse(
                ErrorSerializer, description="No such item (or not open), no such page, or an unknown `format`"
            )
        unsafe = self.method not in SAFE_METHODS
        if unsafe and any(issubclass(auth, SessionAuthentication) for auth in view.authentication_classes):
            # DRF checks CSRF for a request signed in by its session cookie (a browser); others are not affected.
            errors["403"] = OpenApiResponse(
                ErrorSerializer, description="Signed in to the site, but the request lacks the CSRF token"
            )
        if unsafe and self.get_request_serializer() is not None:
            errors["415"] = OpenApiResponse(ErrorSerializer, description="The body is not JSON (Content-Type)")
        if throttled(view):
            errors["429"] = OpenApiResponse(ErrorSerializer, description="Too many requests: wait `Retry-After` seconds")
        return errors

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if getattr(serializer, "refuses_unknown_fields", False):  # its view answers 400 to any other field
            schema["additionalProperties"] = False
        return schema

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        for code, response in self.error_responses().items():
            if code not in bodies:
                bodies[code] = self._get_response_for_code(response, code, media_types=[JSONRenderer.media_type])
        return bodies

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        return {**headers, **RETRY_AFTER} if status_code == "429" else headers

    def _get_response_for_code(self, *args, **kwargs):
        # The CSV of a response is text, one row per item, not the JSON shape drf-spectacular would repeat.
        response = super()._get_response_for_code(*args, **kwargs)
        if CSVRenderer.media_type in response.get("content", {}):
            response["content"][CSVRenderer.media_type] = {
                "schema": {
                    "type": "string",
                    "description": "A header row, then one row per item; nested fields flattened (docs/api.md)",
                }
            }
        return response


def public_api_endpoints(endpoints):
    """drf-spectacular preprocessing hook: the schema describes /api/v1/ only, not the Wagtail admin's API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]

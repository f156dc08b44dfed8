"""The OpenAPI schema of /api/v1/ (drf-spectacular)."""

from drf_spectacular.openapi import AutoSchema

from .renderers import CSVRenderer


class OpenDataSchema(AutoSchema):
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

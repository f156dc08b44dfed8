"""/data/: the catalogue people read, the same as DCAT JSON-LD for data portals, and the files themselves."""

import json
import os
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from publishing.models import OPEN_LICENCE_NAME, OPEN_LICENCE_URL

from . import selectors
from .dcat import catalogue_json_ld
from .demand import SMALL_NUMBER

# Harvesters and people's scripts may ask often; the files change at most once a night.
CACHE_CONTROL = "public, max-age=3600"


@require_safe
def catalogue(request):
    return render(
        request,
        "opendata/catalogue.html",
        {
            "datasets": selectors.published_datasets(),
            "licence_name": OPEN_LICENCE_NAME,
            "licence_url": OPEN_LICENCE_URL,
            "small_number": SMALL_NUMBER,
        },
    )


@require_safe
def catalogue_jsonld(request):
    body = json.dumps(catalogue_json_ld(request, selectors.published_datasets()), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _validators(handle) -> tuple[str, float]:
    """ETag and Last-Modified of the open file itself: the file a reader holds open is the one described,
    even if tonight's job renames a new one over its name meanwhile."""
    stat = os.fstat(handle.fileno())
    return f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"', stat.st_mtime


@require_safe
def dataset_file(request, filename: str):
    """A published file, with ETag and Last-Modified; 304 Not Modified when the client has it already."""
    published = selectors.published_file(filename)
    if published is None:
        raise Http404("No such file")
    try:
        handle = (Path(settings.DATASETS_ROOT) / published.filename).open("rb")
    except FileNotFoundError:
        raise Http404("No such file") from None
    etag, modified = _validators(handle)
    response = get_conditional_response(request, etag=etag, last_modified=int(modified))
    if response is not None:  # 304 (or 412 for a failed If-Match): no body
        handle.close()
    else:
        charset = "; charset=utf-8" if published.media_type.startswith("text/") else ""
        response = FileResponse(handle, content_type=published.media_type + charset)
        response["Content-Disposition"] = f'inline; filename="{published.filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = CACHE_CONTROL
    response["Access-Control-Allow-Origin"] = "*"
    return response

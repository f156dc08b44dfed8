#!/usr/bin/env python
"""Page weight on a first visit: every kind of resident page, served by the production recipe with the demo data,
fetched as a browser with an empty cache would, counting the bytes that cross the wire with compression.

    .venv/bin/python benchmarks/page_weight.py   # writes the "## Page weight" section of benchmarks/RESULTS.md

Boots as scripts/production_check.py does (DJANGO_ENV=production, collectstatic, gunicorn on loopback) against its
own database (skills_weight, made and filled with the demo data on first use) and search index prefix. For each
page it sends `Accept-Encoding: gzip, br` and counts the HTML's bytes as sent, plus each stylesheet, script, image
and icon the HTML links (fetched once per page: a first visit). The built stylesheet names no fonts or images
(system fonts), so nothing further is loaded from it. The budget is 100 KB (1 KB = 1,000 bytes) per page.
"""

import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "benchmarks"))

from databases import create_database_if_missing  # noqa: E402
from production_check import CheckFailed, serve  # noqa: E402
from results import write_section  # noqa: E402

BUDGET_KB = 100
DATABASE = os.environ.get("WEIGHT_DATABASE_URL", "postgres://skills:skills@127.0.0.1:5432/skills_weight")
ENVIRONMENT = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": DATABASE,
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/10",
    "CACHE_URL": "redis://127.0.0.1:6379/11",
    "EMAIL_URL": "smtp://127.0.0.1:2525",
    "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
    "SEARCH_URL": os.environ.get("SEARCH_URL", "http://127.0.0.1:9200"),
    "SEARCH_INDEX_PREFIX": "weight",
}

# One page of each kind residents see; the detail pages are found in the demo data when the script runs.
FIXED_PAGES = [
    ("Home", "/"),
    ("Search results", "/search/?q=computer+course"),
    ("Search results near a postcode, with the map", "/search/?q=computer+course&near=LS1+4AP&radius=10"),
    ("Search with filters", "/search/?q=data&free=on&in_person=on"),
    ("Help finder: start", "/pathways/"),
    ("Help finder: a question", "/pathways/questions/using-a-device/"),
    ("Events", "/events/"),
    ("Sign in", "/accounts/login/"),
    ("Create an account", "/accounts/signup/"),
    ("Open data", "/data/"),
]
FIND_DETAIL_PAGES = """
import json
from careers.models import ApprenticeshipVacancy, CampaignPage, CareerProfilePage, Employer, EventPage, SponsoredOpportunity, StoryPage
from courses.models import Programme, Provider
from publishing.models import Status
published = {"status": Status.PUBLISHED}
print(json.dumps([
    ("Course", Programme.objects.filter(kind="course", **published).first().get_absolute_url()),
    ("Help to get online", Programme.objects.filter(kind="inclusion_support", **published).first().get_absolute_url()),
    ("Provider", Provider.objects.first().get_absolute_url()),
    ("Apprenticeship", ApprenticeshipVacancy.objects.filter(**published).first().get_absolute_url()),
    ("Sponsored opportunity", SponsoredOpportunity.objects.filter(**published).first().get_absolute_url()),
    ("Employer", Employer.objects.first().get_absolute_url()),
    ("Campaign", CampaignPage.objects.live().first().url),
    ("Career profile", CareerProfilePage.objects.live().first().url),
    ("Story", StoryPage.objects.live().first().url),
    ("Event", EventPage.objects.live().first().url),
]))
"""
LINKED = re.compile(
    r'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href|script[^>]+src|img[^>]+src)="(/[^"]+)"', re.I
)


def manage(*arguments: str, env: dict) -> str:
    result = subprocess.run([sys.executable, "manage.py", *arguments], cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CheckFailed(f"manage.py {' '.join(arguments)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result.stdout


def fetch(port: int, path: str) -> tuple[int, dict, bytes]:
    """One request as a browser over HTTPS (the absent proxy says so), with the body as it crossed the wire."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"})
    response = connection.getresponse()
    body = response.read()
    headers = {name.lower(): value for name, value in response.getheaders()}
    connection.close()
    return response.status, headers, body


def weigh(port: int, path: str) -> dict:
    status, headers, body = fetch(port, path)
    if status != 200:
        raise CheckFailed(f"{path} answered {status}")
    html = body
    if headers.get("content-encoding") == "gzip":
        import gzip

        html = gzip.decompress(body)
    elif headers.get("content-encoding") == "br":
        raise CheckFailed("the HTML came back as brotli, which this script does not read")
    assets = sorted(set(LINKED.findall(html.decode("utf-8", "replace"))))
    asset_bytes = 0
    for asset in assets:
        asset_status, _, asset_body = fetch(port, asset)
        if asset_status != 200:
            raise CheckFailed(f"{asset}, linked from {path}, answered {asset_status}")
        asset_bytes += len(asset_body)
    return {
        "html": len(body),
        "html_encoding": headers.get("content-encoding", "none"),
        "assets": len(assets),
        "asset_bytes": asset_bytes,
        "total": len(body) + asset_bytes,
    }


def main() -> int:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update(ENVIRONMENT)
    server = None
    try:
        create_database_if_missing(DATABASE)
        manage("collectstatic", "--noinput", env=env)
        manage("migrate", "--noinput", env=env)
        counted = manage("shell", "-c", "from courses.models import Programme; print(Programme.objects.count())", env=env)
        if counted.split()[-1] == "0":  # the shell first says what it imported
            manage("load_demo_data", env=env)
        manage("search_index", "--rebuild", env=env)
        pages = FIXED_PAGES + [tuple(page) for page in json.loads(manage("shell", "-c", FIND_DETAIL_PAGES, env=env).splitlines()[-1])]
        server, port = serve(env)
        rows = []
        for name, path in pages:
            started = time.monotonic()
            measured = weigh(port, path)
            rows.append((name, path, measured))
            print(f"{measured['total'] / 1000:6.1f} KB  {name} ({path}) in {time.monotonic() - started:.1f} s")
    except CheckFailed as failure:
        print(f"Page weight FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)

    over = [name for name, _, measured in rows if measured["total"] > BUDGET_KB * 1000]
    heaviest = max(rows, key=lambda row: row[2]["total"])
    lines = [
        "## Page weight",
        "",
        f"`benchmarks/page_weight.py`: the production recipe (gunicorn, WhiteNoise, DJANGO_ENV=production) with the demo data,"
        " each page fetched with `Accept-Encoding: gzip, br` as a first visit: the HTML as sent plus every stylesheet,"
        f" script, image and icon it links. Budget {BUDGET_KB} KB (1 KB = 1,000 bytes) transferred per page.",
        "",
        "| Page | HTML KB (encoding) | Linked files | Files KB | Total KB | ≤ 100 KB |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, path, measured in rows:
        lines.append(
            f"| {name} (`{path}`) | {measured['html'] / 1000:.1f} ({measured['html_encoding']}) | {measured['assets']}"
            f" | {measured['asset_bytes'] / 1000:.1f} | {measured['total'] / 1000:.1f} | {'pass' if measured['total'] <= BUDGET_KB * 1000 else 'FAIL'} |"
        )
    lines += ["", f"{len(rows)} pages, {len(over)} over budget; heaviest: {heaviest[0]}, {heaviest[2]['total'] / 1000:.1f} KB."]
    write_section("## Page weight", "\n".join(lines))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

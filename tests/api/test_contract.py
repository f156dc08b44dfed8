"""The OpenAPI document is an exact contract: Schemathesis generates requests from it, valid and invalid, sends
them to the site in this process (the real database and search engine behind it) and checks every answer
against the document — its status code, content type, headers and body — with all of its checks."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from schemathesis.config import SchemathesisConfig

from accounts.services import moderator_add
from publishing import services as publishing
from publishing.models import Status
from search.params import MAX_RESULT_WINDOW
from skills_site.wsgi import application
from tests.accounts.factories import UserFactory
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory
from tests.search.helpers import sync_now

# A fixed seed and derandomised generation: the same requests on every run, so a failure can be repeated.
CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 15,
        "generation": {"max-examples": 5, "deterministic": True},
        "suppress-health-check": ["too_slow", "filter_too_much"],
    }
)


@pytest.fixture
def in_this_transaction():
    """Requests go through the WSGI application, which closes the database connection at each request's start
    and end; the test's data live in its transaction, so (as Django's test client does) the connection stays."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def unthrottled(settings):
    """Throttling has its own tests (test_throttling.py); here it would only cut the run short."""
    rates = {scope: "100000/minute" for scope in settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


@pytest.fixture
def published_items(search_indices):
    """A few open items of each kind, in the database and the search index, so that lists and searches have
    something to show."""
    provider = ProviderFactory()
    programme = ProgrammeFactory(provider=provider, status=Status.PUBLISHED, title="Spreadsheets for work")
    programme.venues.add(VenueFactory(provider=provider))
    employer = EmployerFactory()
    apprenticeship = ApprenticeshipVacancyFactory(employer=employer, status=Status.PUBLISHED, title="Software developer apprentice")
    opportunity = SponsoredOpportunityFactory(sponsor=employer, status=Status.PUBLISHED, title="Data analysis bootcamp place")
    withdrawn = ProgrammeFactory(provider=provider, status=Status.PUBLISHED, title="Withdrawn coding club")
    publishing.item_withdraw(item=withdrawn, by=moderator_add(user=UserFactory()))  # a tombstone for removed/
    sync_now()
    return {
        "programme": programme.slug,
        "provider": provider.slug,
        "employer": employer.slug,
        "apprenticeship": apprenticeship.slug,
        "opportunity": opportunity.slug,
    }


# Rules between parameters that OpenAPI 3.0 cannot state, which their descriptions give: a request that breaks one
# is refused (400) whatever else it holds, so it is not sent as a valid one.
def filter_case(context, case):
    if case.operation.path == "/api/v1/search/" and isinstance(case.query, dict):
        page, size = case.query.get("page", 1), case.query.get("page_size", 20)
        if isinstance(page, int) and isinstance(size, int) and page * size > MAX_RESULT_WINDOW:
            return False
        return not (case.query.get("sort") == "distance" and not case.query.get("near"))
    if case.operation.path == "/api/v1/pathways/plan" and isinstance(case.body, dict):
        return case.body.get("travel") is None or bool(case.body.get("postcode"))
    return True


@pytest.fixture
def api_schema(request, in_this_transaction, unthrottled, clear_limits, published_items):
    """The document as the site serves it: it lists the reference codes and districts in the database."""
    # Schemathesis 4.32 names each operation's subtest through `_nodeid`, which pytest 9.2's items lack.
    request.node._nodeid = request.node.nodeid
    document = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application, config=CONFIG)
    document.hook(filter_case)
    return document


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_every_answer_keeps_to_the_openapi_document(case):
    case.call_and_validate()


def test_each_item_found_by_its_slug_keeps_to_the_openapi_document(api_schema, published_items):
    for path, slug in [
        ("/api/v1/programmes/{slug}/", published_items["programme"]),
        ("/api/v1/providers/{slug}/", published_items["provider"]),
        ("/api/v1/employers/{slug}/", published_items["employer"]),
        ("/api/v1/apprenticeships/{slug}/", published_items["apprenticeship"]),
        ("/api/v1/opportunities/{slug}/", published_items["opportunity"]),
    ]:
        for format in ("json", "csv"):
            case = api_schema[path]["GET"].Case(path_parameters={"slug": slug}, query={"format": format})
            response = case.call_and_validate()
            assert response.status_code == 200, (path, format)

"""Organisations, their members and their postings, for the portal tests."""

from dataclasses import dataclass

import pytest

from accounts.models import Organisation
from accounts.services import moderator_add
from courses.models import ProgrammeImport
from tests.accounts.factories import UserFactory, member
from tests.careers.factories import ApprenticeshipVacancyFactory, EmployerFactory, SponsoredOpportunityFactory
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory


@dataclass
class Portal:
    """Organisation A (verified) with postings; B (verified) and C (not verified) of the same kind; people."""

    kind: str
    a: object  # the provider or employer profile
    b: object
    c: object
    people: dict  # role → user, or None for anonymous
    items: dict  # name → object of organisation A


def _people(a, b, c):
    return {
        "anonymous": None,
        "resident": UserFactory(),
        "member of A": member(a),
        "member of B": member(b),
        "unverified member": member(c),
        "moderator": moderator_add(user=UserFactory()),
    }


@pytest.fixture
def provider_portal(db):
    a = ProviderFactory(organisation__name="Aire Valley College", organisation__website="https://airevalley.example.org")
    b, c = ProviderFactory(organisation__name="Bramley Bootcamp"), ProviderFactory(verified=False)
    venue = VenueFactory(provider=a)
    programme = ProgrammeFactory(provider=a, title="Secret draft spreadsheets course", delivery_mode="in_person")
    programme.venues.set([venue])
    job = ProgrammeImport.objects.create(provider=a, filename="feed.csv", state=ProgrammeImport.State.FINISHED)
    return Portal(
        Organisation.Kind.PROVIDER,
        a,
        b,
        c,
        _people(a, b, c),
        {"programme": programme, "run": programme.runs.get(), "venue": venue, "import": job},
    )


@pytest.fixture
def employer_portal(db):
    a = EmployerFactory(organisation__name="Aire Bank", organisation__website="https://airebank.example.org")
    b, c = EmployerFactory(organisation__name="Bramley Software"), EmployerFactory(verified=False)
    return Portal(
        Organisation.Kind.EMPLOYER,
        a,
        b,
        c,
        _people(a, b, c),
        {
            "vacancy": ApprenticeshipVacancyFactory(employer=a, title="Secret draft apprenticeship"),
            "opportunity": SponsoredOpportunityFactory(sponsor=a, title="Secret draft bootcamp place"),
        },
    )

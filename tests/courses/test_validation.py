"""Each rule a provider's programme must meet, with the message the provider reads."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses.models import Programme, ProgrammeRun, Venue
from publishing.models import Status
from tests.courses.factories import ProgrammeFactory, ProviderFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def messages_of(error: ValidationError) -> list[str]:
    return [message for messages in error.message_dict.values() for message in messages]


def test_a_venue_with_a_malformed_postcode_is_refused(db):
    venue = Venue(provider=ProviderFactory(), name="Town hall", postcode="L0S 1")

    with pytest.raises(ValidationError) as error:
        venue.full_clean()

    assert "Enter a real postcode, like LS1 4AP" in messages_of(error.value)[0]


def test_a_venue_outside_the_data_set_is_refused(db):
    venue = Venue(provider=ProviderFactory(), name="Town hall", postcode="EH1 1YZ")

    with pytest.raises(ValidationError) as error:
        venue.full_clean()

    assert "We do not have EH1 on our map" in messages_of(error.value)[0]


def test_a_venue_gets_its_place_and_local_authority_from_the_postcode(db):
    venue = Venue(provider=ProviderFactory(), name="Town hall", postcode="hd1 2tr")

    venue.full_clean()

    assert venue.postcode == "HD1 2TR"
    assert venue.local_authority.name == "Kirklees"
    assert round(venue.latitude, 1) == 53.6


def test_a_paid_programme_needs_an_amount():
    programme = ProgrammeFactory(cost=Programme.Cost.PAID, cost_amount=None)

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert messages_of(error.value) == ["Enter how much a paid programme costs"]


def test_a_funded_programme_says_who_it_is_free_for():
    programme = ProgrammeFactory(cost=Programme.Cost.FUNDED, funding_eligibility="")

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert "Say who can do it for free" in messages_of(error.value)[0]


def test_a_run_cannot_end_before_it_starts():
    run = ProgrammeRun(programme=ProgrammeFactory(), starts_on=TODAY(), ends_on=TODAY() - datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        run.full_clean()

    assert messages_of(error.value) == ["The end date must be on or after the start date"]


def test_a_published_programme_needs_a_future_run_or_to_start_any_time():
    past = TODAY() - datetime.timedelta(days=30)
    programme = ProgrammeFactory(runs=[(past, past + datetime.timedelta(days=7))])
    programme.status = Status.PUBLISHED

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert 'Add a start date in the future, or tick "people can start any time"' in error.value.messages

    programme.starts_any_time = True
    programme.full_clean()


def test_an_in_person_programme_needs_a_venue_to_be_published():
    programme = ProgrammeFactory(delivery_mode=Programme.DeliveryMode.IN_PERSON)

    assert programme.publication_problems() == ["Add the venue where it happens"]


def test_rich_text_is_sanitised_whatever_its_source():
    programme = ProgrammeFactory(
        description='<p onclick="steal()">Learn <b>Python</b><script>alert(1)</script> '
        '<a href="javascript:alert(1)">here</a></p><iframe src="https://evil.example"></iframe>'
    )

    programme.full_clean()

    assert "<script" not in programme.description
    assert "onclick" not in programme.description
    assert "javascript:" not in programme.description
    assert "<iframe" not in programme.description
    assert "<b>Python</b>" in programme.description


# Register identifiers: optional, checked, and kept as the register writes them.


@pytest.mark.parametrize("typed, kept", [("10001234", "10001234"), (" 1000 1234 ", "10001234"), ("", "")])
def test_a_providers_ukprn_is_kept_as_the_register_writes_it(typed, kept):
    provider = ProviderFactory()
    provider.ukprn = typed

    provider.full_clean()

    assert provider.ukprn == kept


@pytest.mark.parametrize("typed", ["20001234", "1000123", "100012345", "1000123X"])
def test_a_ukprn_that_is_not_8_digits_starting_with_1_is_refused(typed):
    provider = ProviderFactory()
    provider.ukprn = typed

    with pytest.raises(ValidationError) as error:
        provider.full_clean()

    assert error.value.message_dict["ukprn"] == [
        "Enter a UKPRN of 8 digits starting with 1, like 10001234. You can find it on the UK Register of Learning Providers"
    ]


def test_two_providers_cannot_give_the_same_ukprn():
    ProviderFactory(ukprn="10001234")
    other = ProviderFactory()
    other.ukprn = "10001234"

    with pytest.raises(ValidationError) as error:
        other.full_clean()

    assert "Another provider on this site gives this UKPRN. If it is yours, contact us" in error.value.messages


def test_a_lars_code_is_saved_in_capitals_and_a_malformed_one_is_refused():
    programme = ProgrammeFactory()
    programme.lars_code = "z000 1234"
    programme.full_clean()
    assert programme.lars_code == "Z0001234"

    programme.lars_code = "6031-234"
    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert error.value.message_dict["lars_code"] == [
        "Enter a LARS learning aim reference of 8 letters and digits, like 60312345 or Z0001234"
    ]

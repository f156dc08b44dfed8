"""Who may move a programme, vacancy or sponsored opportunity between draft, review and publication."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template

from publishing import services
from publishing.models import Status, StatusChange
from tests.accounts.factories import UserFactory
from tests.careers.factories import ApprenticeshipVacancyFactory, SponsoredOpportunityFactory, in_days
from tests.courses.factories import ProgrammeFactory, ProviderFactory
from tests.publishing.helpers import established, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["programme", "vacancy", "opportunity"])
def item_of_unverified(request):
    factories = {
        "programme": lambda: ProgrammeFactory(provider=ProviderFactory(verified=False)),
        "vacancy": lambda: ApprenticeshipVacancyFactory(employer__verified=False),
        "opportunity": lambda: SponsoredOpportunityFactory(sponsor__verified=False),
    }
    return factories[request.param]()


def test_a_trusted_organisations_member_publishes_directly():
    programme = established(ProgrammeFactory())

    services.item_publish(item=programme, by=member_of(programme))

    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED
    assert programme.published_at is not None


def test_an_unverified_organisations_item_waits_for_review(item_of_unverified):
    services.item_publish(item=item_of_unverified, by=member_of(item_of_unverified))

    item_of_unverified.refresh_from_db()
    assert item_of_unverified.status == Status.PENDING_REVIEW


def test_a_moderator_approves_a_waiting_item(item_of_unverified, moderator):
    services.item_publish(item=item_of_unverified, by=member_of(item_of_unverified))

    services.item_approve(item=item_of_unverified, by=moderator)

    item_of_unverified.refresh_from_db()
    assert item_of_unverified.status == Status.PUBLISHED
    decision = StatusChange.objects.filter(object_id=item_of_unverified.pk).first()
    assert (decision.from_status, decision.to_status, decision.by) == (Status.PENDING_REVIEW, Status.PUBLISHED, moderator)


def test_a_member_cannot_approve_their_own_item(item_of_unverified):
    member = member_of(item_of_unverified)
    services.item_publish(item=item_of_unverified, by=member)

    with pytest.raises(PermissionDenied):
        services.item_approve(item=item_of_unverified, by=member)


def test_a_moderator_rejects_with_a_reason_the_poster_can_read(moderator):
    programme = ProgrammeFactory(provider=ProviderFactory(verified=False))
    services.item_publish(item=programme, by=member_of(programme))

    with pytest.raises(ValidationError, match="Give a reason"):
        services.item_reject(item=programme, by=moderator, reason="  ")
    services.item_reject(item=programme, by=moderator, reason="Add the venue's address")

    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    assert programme.status_reason == "Add the venue's address"


def test_a_moderator_takes_down_a_published_item(moderator):
    opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED)

    services.item_take_down(item=opportunity, by=moderator, reason="Misleading pay")

    opportunity.refresh_from_db()
    assert opportunity.status == Status.WITHDRAWN
    assert StatusChange.objects.get(object_id=opportunity.pk).reason == "Misleading pay"


def test_only_moderators_take_down(db):
    opportunity = SponsoredOpportunityFactory(status=Status.PUBLISHED)

    with pytest.raises(PermissionDenied):
        services.item_take_down(item=opportunity, by=member_of(opportunity), reason="I want to")


@pytest.mark.parametrize("who", ["another organisation's member", "a resident"])
def test_outsiders_cannot_publish_or_withdraw(who):
    programme = ProgrammeFactory()
    outsider = member_of(ProgrammeFactory()) if who.startswith("another") else UserFactory()

    with pytest.raises(PermissionDenied):
        services.item_publish(item=programme, by=outsider)
    with pytest.raises(PermissionDenied):
        services.item_withdraw(item=programme, by=outsider)


def test_publishing_refuses_an_item_with_problems_and_lists_them():
    programme = ProgrammeFactory(runs=[], how_to_apply="", enquiry_url="")

    with pytest.raises(ValidationError) as error:
        services.item_publish(item=programme, by=member_of(programme))

    assert error.value.messages == [
        'Add a start date in the future, or tick "people can start any time"',
        "Say how to apply or enquire",
    ]
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT


def test_an_expired_vacancy_cannot_be_published_again():
    vacancy = ApprenticeshipVacancyFactory(closing_date=in_days(-1), start_date=in_days(10))

    with pytest.raises(ValidationError, match="closing date has passed"):
        services.item_publish(item=vacancy, by=member_of(vacancy))


def test_members_withdraw_their_own_items_and_every_change_is_recorded():
    programme = established(ProgrammeFactory())
    member = member_of(programme)
    services.item_publish(item=programme, by=member)

    services.item_withdraw(item=programme, by=member)

    assert list(StatusChange.objects.filter(object_id=programme.pk).values_list("to_status", flat=True)) == [
        Status.WITHDRAWN,
        Status.PUBLISHED,
    ]


@pytest.mark.parametrize(
    "status, shown",
    [
        (Status.PENDING_REVIEW, "Why it is waiting: Links to <b>a new site</b>"),
        (Status.DRAFT, "Moderator's reason: Links to <b>a new site</b>"),
        (Status.WITHDRAWN, "Moderator's reason: Links to <b>a new site</b>"),
        (Status.CLOSED, "Links to <b>a new site</b>"),
        (Status.PUBLISHED, ""),
    ],
)
def test_the_poster_reads_whose_reason_it_is_and_never_markup_from_it(status, shown):
    programme = ProgrammeFactory(status=status, status_reason="Links to <b>a new site</b>")

    page = Template("{{ item.reason_for_poster }}").render(Context({"item": programme}))

    assert page == shown.replace("<b>", "&lt;b&gt;").replace("</b>", "&lt;/b&gt;")

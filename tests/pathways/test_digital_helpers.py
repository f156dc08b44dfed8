"""Digital helpers at a verified partner organisation go through the questions with a resident, keep the plan in
their organisation's "People we helped" list when the resident agrees, print it and open it again at the next
visit. Nobody outside the organisation can see what its helpers keep."""

import datetime
import json
import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Organisation, User
from pathways import services
from pathways.answers import Answers
from pathways.models import HelpedResident, PathwayPlan
from pathways.planning import build_plan
from pathways.tasks import delete_forgotten_plans_task
from tests.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.accounts.helpers import reauthenticate
from tests.courses.factories import help_to_get_online
from tests.pathways.factories import skills
from tests.pathways.test_saved_plans import answer_everything
from tests.search.helpers import sync_now

pytestmark = pytest.mark.usefixtures("search_indices", "clear_limits")


def partner(name, *, verified=True) -> Organisation:
    return OrganisationFactory(name=name, kind=Organisation.Kind.PARTNER, verified_at=timezone.now() if verified else None)


def helper_at(organisation, **fields) -> User:
    return MembershipFactory(organisation=organisation, user__role=User.Role.PARTNER, **fields).user


@pytest.fixture
def library():
    return partner("Headingley Library")


@pytest.fixture
def helper(library):
    return helper_at(library, user__first_name="Priya", user__last_name="Shah")


@pytest.fixture
def drop_in():
    help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG")
    sync_now()


def keep(client, organisation, **fields):
    data = {"consent": "on", "name": "Sam", "outcode": "LS6", **fields}
    return client.post(reverse("pathways:helped_keep", args=[organisation.slug]), data)


def kept_record(organisation, by, *, name="Sam", outcode="LS6") -> HelpedResident:
    answers = Answers(skills=skills(), postcode=outcode, cost="free")
    return services.helped_resident_keep(
        organisation=organisation, by=by, answers=answers, plan_data={}, name=name, outcode=outcode
    )


# Helping someone ---------------------------------------------------------------------------------------------


def test_a_helper_goes_through_the_questions_with_a_resident_and_keeps_the_plan_they_agreed_to(client, library, helper, drop_in):
    client.force_login(helper)
    people = client.get(reverse("pathways:helped_list", args=[library.slug])).content.decode()
    assert "Help someone" in people and "You have not kept anyone’s plan yet" in people

    started = client.post(reverse("pathways:help_start", args=[library.slug]), follow=True).content.decode()
    assert "You are helping someone for Headingley Library" in started
    answer_everything(client, postcode="LS6 1AA")
    plan_page = client.get(reverse("pathways:plan")).content.decode()
    assert "Keep this plan for them" in plan_page
    assert "we keep their answers, this plan, their first name or initials and the first part of their postcode" in plan_page
    assert "Save to your account" not in plan_page  # not into the helper's own account
    assert 'value="LS6"' in plan_page

    before = timezone.now()
    response = keep(client, library, name="Sam", outcode="LS6 1AA")

    record = HelpedResident.objects.get()
    assert (record.name, record.outcode, record.organisation, record.helped_by) == ("Sam", "LS6", library, helper)
    assert record.consent_at >= before
    assert record.plan.user is None and record.plan.reference is None
    assert response["Location"] == reverse("pathways:helped_person", args=[library.slug, record.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Sam’s digital skills plan" in page and "Drop-in help at Headingley Library" in page
    listed = client.get(reverse("pathways:helped_list", args=[library.slug])).content.decode()
    assert "Sam" in listed and "LS6" in listed and "Priya Shah" in listed
    # The next person at the same computer starts with nothing of Sam's.
    assert client.get(reverse("pathways:plan")).status_code == 302


def test_nothing_is_kept_without_the_residents_consent(client, library, helper, drop_in):
    client.force_login(helper)
    client.post(reverse("pathways:help_start", args=[library.slug]))
    answer_everything(client)

    response = keep(client, library, consent="")

    assert response.status_code == 200
    assert "Tick the box if the person you are helping agrees" in response.content.decode()
    assert not HelpedResident.objects.exists() and not PathwayPlan.objects.exists()


@pytest.mark.parametrize(
    ("name", "outcode", "message"),
    [
        ("sam@example.org", "LS6", "not an email address or phone number"),
        ("07700 900123", "LS6", "not an email address or phone number"),
        ("Samantha Jane Smith", "LS6", "Enter a first name or initials only, like Sam or S.K."),
        ("A name far too long to be one", "LS6", "20 characters or fewer"),
        ("", "LS6", "Enter their first name or initials"),
        ("Sam", "ZZ9", "We do not have ZZ9 on our map"),
        ("Sam", "", "Enter the first part of their postcode"),
    ],
)
def test_only_a_first_name_or_initials_and_a_real_postcode_area_are_kept(client, library, helper, name, outcode, message):
    client.force_login(helper)
    client.post(reverse("pathways:help_start", args=[library.slug]))
    answer_everything(client)

    response = keep(client, library, name=name, outcode=outcode)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not HelpedResident.objects.exists()


def test_initials_and_a_first_name_with_an_accent_are_fine(client, library, helper):
    client.force_login(helper)
    client.post(reverse("pathways:help_start", args=[library.slug]))
    answer_everything(client)

    keep(client, library, name="Zoë")
    client.post(reverse("pathways:help_start", args=[library.slug]))
    answer_everything(client)
    keep(client, library, name="S. K.")

    assert sorted(HelpedResident.objects.values_list("name", flat=True)) == ["S. K.", "Zoë"]


def test_the_list_shows_the_latest_visit_first_with_who_helped(client, library, helper):
    colleague = helper_at(library, user__first_name="Tom", user__last_name="Reid")
    older = kept_record(library, helper, name="Ann")
    HelpedResident.objects.filter(pk=older.pk).update(helped_at=timezone.now() - datetime.timedelta(days=30))
    kept_record(library, colleague, name="Bo")
    client.force_login(helper)

    page = client.get(reverse("pathways:helped_list", args=[library.slug])).content.decode()

    assert page.index("Bo") < page.index("Ann")
    assert "Tom Reid" in page and "Priya Shah" in page


def test_the_plan_prints_without_menus_or_buttons(client, library, helper):
    record = kept_record(library, helper)
    client.force_login(helper)

    page = client.get(reverse("pathways:helped_print", args=[library.slug, record.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Digital skills plan for Sam" in html and "Made with Headingley Library" in html
    assert "Use your browser’s print option" in html  # works without JavaScript
    main = html[html.index("<main") : html.index("</main>")]
    assert "<form" not in main  # the header's forms (sign out, language) are left out by the print stylesheet
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]


def test_at_the_next_visit_a_colleague_reopens_the_plan_and_updates_it_with_new_answers(client, library, helper, drop_in):
    record = kept_record(library, helper)
    colleague = helper_at(library, user__first_name="Tom", user__last_name="Reid")
    client.force_login(colleague)

    check = client.post(reverse("pathways:helped_reassess", args=[library.slug, record.pk]))
    assert check["Location"] == reverse("pathways:check")
    assert "These are Sam’s answers from their last visit" in client.get(check["Location"]).content.decode()
    client.post(reverse("pathways:question", args=["cost"]), {"answer": "any"})
    plan_page = client.get(reverse("pathways:plan")).content.decode()
    assert "Update Sam’s plan" in plan_page and "Keep this plan for them" not in plan_page
    updated = client.post(reverse("pathways:helped_update", args=[library.slug, record.pk]))

    record.refresh_from_db()
    record.plan.refresh_from_db()
    assert updated["Location"] == reverse("pathways:helped_person", args=[library.slug, record.pk])
    assert record.plan.answers["cost"] == "any"
    assert record.helped_by == colleague
    assert HelpedResident.objects.count() == 1
    assert "with Tom Reid" in client.get(updated["Location"]).content.decode()


def test_when_a_resident_withdraws_consent_their_plan_is_deleted_not_hidden(client, library, helper):
    record = kept_record(library, helper)
    plan_pk = record.plan.pk
    client.force_login(helper)

    confirm = client.get(reverse("pathways:helped_remove", args=[library.slug, record.pk])).content.decode()
    assert "Delete Sam’s plan and details?" in confirm
    response = client.post(reverse("pathways:helped_remove", args=[library.slug, record.pk]), follow=True)

    assert "Sam’s plan and details are deleted" in response.content.decode()
    assert not HelpedResident.objects.exists() and not PathwayPlan.objects.filter(pk=plan_pk).exists()


# Who can see what --------------------------------------------------------------------------------------------


def record_pages(organisation, record) -> list[tuple[str, str]]:
    args = [organisation.slug, record.pk]
    return [
        ("get", reverse("pathways:helped_list", args=[organisation.slug])),
        ("get", reverse("pathways:helped_person", args=args)),
        ("get", reverse("pathways:helped_print", args=args)),
        ("get", reverse("pathways:helped_remove", args=args)),
        ("post", reverse("pathways:helped_remove", args=args)),
        ("post", reverse("pathways:helped_reassess", args=args)),
        ("post", reverse("pathways:helped_update", args=args)),
        ("post", reverse("pathways:help_start", args=[organisation.slug])),
        ("post", reverse("pathways:helped_keep", args=[organisation.slug])),
    ]


def test_a_helper_at_another_organisation_cannot_see_or_change_what_one_organisation_keeps(client, library, helper):
    record = kept_record(library, helper)
    bramley = partner("Bramley Community Centre")
    client.force_login(helper_at(bramley))
    answer_everything(client)

    for method, url in record_pages(library, record):
        assert getattr(client, method)(url, {"consent": "on", "name": "Al", "outcode": "LS13"}).status_code == 404, url
    # Nor through their own organisation's addresses.
    for method, url in record_pages(bramley, record)[1:7]:
        assert getattr(client, method)(url).status_code == 404, url
    assert "Sam" not in client.get(reverse("pathways:helping"), follow=True).content.decode()
    assert HelpedResident.objects.get() == record


@pytest.mark.parametrize("who", ["unverified helper", "employer", "provider", "resident", "pending member"])
def test_only_active_members_of_a_verified_partner_organisation_can_keep_plans(client, library, helper, who):
    record = kept_record(library, helper)
    person = {
        "unverified helper": lambda: helper_at(partner("Not Yet Checked Library", verified=False)),
        "employer": lambda: MembershipFactory(organisation=OrganisationFactory(kind="employer", verified_at=timezone.now())).user,
        "provider": lambda: MembershipFactory(organisation=OrganisationFactory(kind="provider", verified_at=timezone.now())).user,
        "resident": lambda: UserFactory(),
        "pending member": lambda: helper_at(library, status="pending"),
    }[who]()
    client.force_login(person)
    answer_everything(client)

    for method, url in record_pages(library, record):
        assert getattr(client, method)(url, {"consent": "on", "name": "Al", "outcode": "LS6"}).status_code == 404, url
    for organisation in person.memberships.values_list("organisation__slug", flat=True):
        response = client.post(reverse("pathways:helped_keep", args=[organisation]), {"consent": "on", "name": "Al", "outcode": "LS6"})
        assert response.status_code == 404
    assert client.get(reverse("pathways:helping")).status_code == 403
    # An unverified organisation's helper has the link, to a page that says a moderator has yet to check it.
    assert ("People we helped" in client.get("/pathways/").content.decode()) == (who == "unverified helper")
    assert list(HelpedResident.objects.all()) == [record]


def test_a_signed_out_person_is_asked_to_sign_in_and_nothing_is_kept(client, library, helper):
    record = kept_record(library, helper)
    answer_everything(client)

    for method, url in record_pages(library, record):
        response = getattr(client, method)(url, {"consent": "on", "name": "Al", "outcode": "LS6"})
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url
    assert list(HelpedResident.objects.all()) == [record]


def test_the_organisations_plans_cannot_be_opened_by_link_or_reference_code(client, library, helper):
    record = kept_record(library, helper)

    assert client.get(reverse("pathways:private_plan", args=[record.plan.token])).status_code == 404


def test_the_keep_form_checks_csrf(library, helper):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(helper)

    assert keep(browser, library).status_code == 403


# Personal data -----------------------------------------------------------------------------------------------


def test_nothing_about_the_resident_is_logged(client, library, helper, caplog):
    client.force_login(helper)
    client.post(reverse("pathways:help_start", args=[library.slug]))
    answer_everything(client)

    with caplog.at_level(logging.DEBUG):
        keep(client, library, name="Xanthe", outcode="LS6")

    assert HelpedResident.objects.filter(name="Xanthe").exists()
    assert "Xanthe" not in caplog.text


def test_plans_nobody_has_opened_for_a_year_are_deleted_with_their_record(library, helper):
    forgotten, visited = kept_record(library, helper, name="Ann"), kept_record(library, helper, name="Bo")
    year_ago = timezone.now() - datetime.timedelta(days=366)
    PathwayPlan.objects.filter(pk=forgotten.plan.pk).update(created_at=year_ago, opened_at=year_ago)
    PathwayPlan.objects.filter(pk=visited.plan.pk).update(created_at=year_ago, opened_at=timezone.now())

    delete_forgotten_plans_task()

    assert list(HelpedResident.objects.values_list("name", flat=True)) == ["Bo"]


def test_the_people_a_helper_helped_are_in_their_data_download_and_stay_with_the_organisation_when_they_leave(client, library, helper):
    kept_record(library, helper, name="Sam")
    client.force_login(helper)
    reauthenticate(client)

    download = json.loads(client.get(reverse("accounts:my_data_download")).content)

    assert download["people_helped"][0]["first_name_or_initials"] == "Sam"
    assert download["people_helped"][0]["organisation"] == "Headingley Library"
    account_services.account_delete(user=helper)
    colleague = helper_at(library)
    client.force_login(colleague)
    assert "A former member" in client.get(reverse("pathways:helped_list", args=[library.slug])).content.decode()


def test_a_resident_keeping_their_own_plan_sees_nothing_of_helping(client, bank):
    answers = Answers(skills=skills(), postcode="LS6", cost="free")
    plan = services.pathway_plan_keep(answers=answers, plan_data=build_plan(bank=bank, answers=answers).as_dict(), check_outcode="LS6")

    assert client.get(reverse("pathways:private_plan", args=[plan.token])).status_code == 200
    page = client.get(reverse("pathways:start")).content.decode()
    assert "You are helping someone" not in page

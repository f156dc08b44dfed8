"""Keeping a plan: in an account, or behind a private link and a reference code that opens only with the
first part of the resident's postcode. Links cannot be guessed, codes cannot be tried one after another, and a
resident's plans are in their data download and go with their account."""

import datetime
import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pathways import services
from pathways.answers import Answers
from pathways.models import PathwayPlan
from pathways.models.plans import REFERENCE_ALPHABET
from pathways.planning import build_plan
from pathways.tasks import delete_forgotten_plans_task, refresh_plans_task
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import reauthenticate
from tests.pathways.factories import skills
from tests.courses.factories import help_to_get_online
from tests.search.helpers import sync_now

pytestmark = pytest.mark.usefixtures("search_indices", "clear_limits")


def answer_everything(client, *, postcode="LS6 1AA"):
    for code, values in skills().items():
        client.post(reverse("pathways:question", args=[code]), {"answer": values or ["none"]})
    client.post(reverse("pathways:question", args=["postcode"]), {"answer": postcode})
    for code in ("travel", "cost", "learning", "age", "goal", "situation"):
        client.post(reverse("pathways:question", args=[code]), {"answer": ""})


def kept_plan(bank, *, check_outcode="LS6", user=None) -> PathwayPlan:
    answers = Answers(skills=skills(), postcode="LS6", cost="free")
    plan_data = build_plan(bank=bank, answers=answers).as_dict()
    if user:
        return services.pathway_plan_save(user=user, answers=answers, plan_data=plan_data)
    return services.pathway_plan_keep(answers=answers, plan_data=plan_data, check_outcode=check_outcode)


def find(client, reference, outcode, **extra):
    return client.post(reverse("pathways:find_plan"), {"reference": reference, "outcode": outcode}, **extra)


@pytest.fixture
def drop_in():
    help_to_get_online("Drop-in help at Headingley Library", postcode="LS6 3HG")
    sync_now()


# Keeping a plan ------------------------------------------------------------------------------------


def test_a_resident_saves_their_plan_to_their_account(client, resident, drop_in):
    client.force_login(resident)
    answer_everything(client)

    response = client.post(reverse("pathways:plan_save"))

    plan = PathwayPlan.objects.get()
    assert response["Location"] == reverse("pathways:saved_plan", args=[plan.pk])
    assert plan.user == resident and plan.reference is None
    page = client.get(response["Location"]).content.decode()
    assert "Drop-in help at Headingley Library" in page
    assert "Email me when new courses or jobs match this plan" in page
    assert f'href="{response["Location"]}"' in client.get(reverse("pathways:saved_plans")).content.decode()


def test_someone_else_cannot_open_an_account_plan(client, resident, bank):
    plan = kept_plan(bank, user=resident)
    client.force_login(UserFactory())

    assert client.get(reverse("pathways:saved_plan", args=[plan.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("pathways:saved_plan", args=[plan.pk])).status_code == 404


def test_a_plan_kept_without_an_account_gets_a_long_random_link_and_a_readable_code(client, drop_in):
    answer_everything(client)

    response = client.post(reverse("pathways:plan_keep"))

    plan = PathwayPlan.objects.get()
    assert len(plan.token) == 32  # secrets.token_urlsafe(24): 192 random bits
    assert services.pathway_plan_keep(answers=Answers(skills=skills()), plan_data={}).token != plan.token
    assert len(plan.reference) == 8 and set(plan.reference) <= set(REFERENCE_ALPHABET)
    assert plan.check_outcode == "LS6" and plan.user is None
    assert response["Location"] == reverse("pathways:private_plan", args=[plan.token])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert f"http://testserver/pathways/p/{plan.token}/" in html
    assert plan.reference_display in html and "-" in plan.reference_display
    assert "Drop-in help at Headingley Library" in html
    assert page["Referrer-Policy"] == "strict-origin" and "no-store" in page["Cache-Control"]
    # No name, no email address, no full postcode: only answers, and the first part of the postcode.
    assert "1AA" not in json.dumps(plan.answers) + json.dumps(plan.snapshot)


def test_without_a_postcode_the_reference_code_needs_one_and_a_link_alone_needs_nothing(client, drop_in):
    answer_everything(client, postcode="")

    assert "The first part of your postcode (optional)" in client.get(reverse("pathways:plan")).content.decode()
    error = client.post(reverse("pathways:plan_keep"), {"outcode": "nowhere"})
    assert error.status_code == 200 and "Enter a real postcode, like LS1 4AP" in error.content.decode()
    client.post(reverse("pathways:plan_keep"), {"outcode": ""})
    client.post(reverse("pathways:plan_keep"), {"outcode": "bd7 1aa"})

    link_only, with_code = PathwayPlan.objects.order_by("pk")
    assert link_only.reference is None and link_only.check_outcode == ""
    assert with_code.reference and with_code.check_outcode == "BD7"


# Private links and reference codes -----------------------------------------------------------------


def test_a_guessed_link_finds_nothing_and_guessing_is_stopped(client, bank):
    plan = kept_plan(bank)

    assert client.get(reverse("pathways:private_plan", args=["a" * 32])).status_code == 404
    assert client.get(reverse("pathways:private_plan", args=[plan.token[:-1]])).status_code == 404
    for number in range(18):
        client.get(reverse("pathways:private_plan", args=[f"guess-{number}"]))

    assert client.get(reverse("pathways:private_plan", args=[plan.token])).status_code == 429
    assert client.get(reverse("pathways:private_plan", args=[plan.token]), REMOTE_ADDR="10.0.0.2").status_code == 200


def test_guessing_links_through_the_email_and_delete_buttons_is_stopped_too(client, bank):
    plan = kept_plan(bank)
    for number in range(10):
        client.post(reverse("pathways:private_plan_email", args=[f"guess-{number}"]), {"email": "me@example.org"})
        client.post(reverse("pathways:private_plan_delete", args=[f"guess-{number}"]))

    refused = client.post(reverse("pathways:private_plan_delete", args=[plan.token]))

    assert refused.status_code == 429 and "Too many tries" in refused.content.decode()
    assert PathwayPlan.objects.filter(pk=plan.pk).exists()


def test_opening_the_right_link_again_and_again_is_never_stopped(client, bank):
    plan = kept_plan(bank)

    statuses = {client.get(reverse("pathways:private_plan", args=[plan.token])).status_code for _ in range(25)}

    assert statuses == {200}


def test_an_account_plan_has_no_private_link(client, bank, resident):
    plan = kept_plan(bank, user=resident)

    assert client.get(reverse("pathways:private_plan", args=[plan.token])).status_code == 404


def test_a_reference_code_opens_the_plan_only_with_the_right_postcode(client, bank):
    plan = kept_plan(bank)

    wrong = find(client, plan.reference, "LS7")
    assert wrong.status_code == 200
    assert "We could not find a plan with that reference code and postcode" in wrong.content.decode()
    assert client.get(reverse("pathways:saved_plan", args=[plan.pk])).status_code == 404

    right = find(client, plan.reference_display.lower().replace("-", " "), "ls6 1aa")
    assert right["Location"] == reverse("pathways:saved_plan", args=[plan.pk])
    page = client.get(right["Location"]).content.decode()
    assert "Your digital skills plan" in page and plan.token not in page  # the code does not hand out the link


def test_a_wrong_code_and_a_wrong_postcode_look_the_same(client, bank):
    plan = kept_plan(bank)

    wrong_code = find(client, "ABCD-EFGH", "LS6").content.decode()
    wrong_postcode = find(client, plan.reference, "LS7").content.decode()
    malformed = find(client, "<script>", "LS6").content.decode()

    message = "We could not find a plan with that reference code and postcode. Check both and try again."
    assert message in wrong_code and message in wrong_postcode and message in malformed
    assert "<script>" not in malformed


def test_trying_postcodes_for_one_code_is_stopped(client, bank):
    plan = kept_plan(bank)
    for number, outcode in enumerate(["LS1", "LS2", "LS3", "LS4", "LS5"]):
        find(client, plan.reference, outcode, REMOTE_ADDR=f"10.0.1.{number}")

    assert find(client, plan.reference, "LS6", REMOTE_ADDR="10.0.1.99").status_code == 429


def test_trying_codes_from_one_place_is_stopped(client, bank):
    plan = kept_plan(bank)
    for number in range(10):
        find(client, f"ABCD-EF{REFERENCE_ALPHABET[number]}{REFERENCE_ALPHABET[number]}", "LS6")

    response = find(client, plan.reference, "LS6")

    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()


def test_an_adviser_who_opens_many_plans_with_the_right_codes_is_never_stopped(client, bank):
    plans = [kept_plan(bank) for _ in range(12)]

    for plan in plans:
        assert find(client, plan.reference, "LS6")["Location"] == reverse("pathways:saved_plan", args=[plan.pk])


def test_a_reference_code_needs_both_parts(client):
    response = find(client, "", "")

    page = response.content.decode()
    assert "Enter the reference code" in page and "Enter the first part of the postcode, like LS6" in page


# Email, print, refresh -----------------------------------------------------------------------------


def test_a_plan_is_emailed_by_celery_to_an_address_that_is_not_kept(client, bank, drop_in):
    plan = kept_plan(bank)

    response = client.post(reverse("pathways:private_plan_email", args=[plan.token]), {"email": "me@example.org"})

    assert response["Location"] == reverse("pathways:private_plan", args=[plan.token])
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["me@example.org"] and email.subject == "Your digital skills plan"
    assert "Drop-in help at Headingley Library" in email.body
    assert f"/pathways/p/{plan.token}/" in email.body and plan.reference_display in email.body
    plan.refresh_from_db()
    assert "me@example.org" not in json.dumps(plan.answers) + json.dumps(plan.snapshot)


def test_an_email_address_must_look_like_one(client, bank):
    plan = kept_plan(bank)

    response = client.post(reverse("pathways:private_plan_email", args=[plan.token]), {"email": "not an address"})

    assert response.status_code == 200
    assert "Enter an email address in the right format, like name@example.com" in response.content.decode()
    assert mail.outbox == []


def test_a_plan_opened_with_its_code_is_emailed_without_its_private_link(client, bank):
    plan = kept_plan(bank)
    find(client, plan.reference, "LS6")

    client.post(reverse("pathways:saved_plan_email", args=[plan.pk]), {"email": "adviser@example.org"})

    assert plan.token not in mail.outbox[0].body


def test_emails_are_limited_so_the_form_cannot_be_used_to_send_spam(client, bank):
    plan = kept_plan(bank)
    for number in range(7):
        client.post(reverse("pathways:private_plan_email", args=[plan.token]), {"email": f"person{number}@example.org"})

    assert len(mail.outbox) == 5


def test_account_plans_are_emailed_to_the_account(client, bank, resident):
    plan = kept_plan(bank, user=resident)
    client.force_login(resident)

    client.post(reverse("pathways:saved_plan_email", args=[plan.pk]))

    assert mail.outbox[0].to == [resident.email]


def test_plan_pages_print_without_the_sites_furniture_and_with_full_links(client, bank, drop_in):
    plan = kept_plan(bank)

    page = client.get(reverse("pathways:private_plan", args=[plan.token])).content.decode()

    assert '<div class="app-no-print">' in page  # forms and buttons: print CSS hides them
    assert 'data-print-url="http://testserver/programmes/' in page  # print CSS writes the address after the link
    assert 'content="noindex, nofollow"' in page


def test_saved_plans_refresh_their_matches_and_email_those_who_asked(client, bank, resident):
    plan = kept_plan(bank, user=resident)
    services.pathway_plan_notifications_set(plan=plan, on=True)
    quiet = kept_plan(bank, user=UserFactory())
    help_to_get_online("New drop-in at Headingley Library", postcode="LS6 3HG")
    sync_now()

    assert refresh_plans_task.delay().get() == {"refreshed": 2, "notified": 1}

    assert len(mail.outbox) == 1 and mail.outbox[0].to == [resident.email]
    assert "New drop-in at Headingley Library" in mail.outbox[0].body
    plan.refresh_from_db()
    quiet.refresh_from_db()
    assert any(step["opportunities"] for step in quiet.snapshot["steps"])
    refresh_plans_task.delay()
    assert len(mail.outbox) == 1  # nothing new since


def test_opening_a_saved_plan_shows_what_is_new(client, bank, resident):
    plan = kept_plan(bank, user=resident)
    help_to_get_online("New drop-in at Headingley Library", postcode="LS6 3HG")
    sync_now()
    client.force_login(resident)

    first = client.get(reverse("pathways:saved_plan", args=[plan.pk])).content.decode()
    again = client.get(reverse("pathways:saved_plan", args=[plan.pk])).content.decode()

    assert "1 new match since you last looked" in first and ">New</strong>" in first
    assert ">New</strong>" not in again


def test_a_resident_turns_new_match_emails_on_and_off(client, bank, resident):
    plan = kept_plan(bank, user=resident)
    client.force_login(resident)

    client.post(reverse("pathways:saved_plan_notifications", args=[plan.pk]), {"notify": "on"})
    plan.refresh_from_db()
    assert plan.notify_new_matches
    client.post(reverse("pathways:saved_plan_notifications", args=[plan.pk]), {})
    plan.refresh_from_db()
    assert not plan.notify_new_matches


# Privacy: deleting, the data download, forgotten plans ----------------------------------------------


def test_a_plan_can_be_deleted_from_its_private_link(client, bank):
    plan = kept_plan(bank)

    client.post(reverse("pathways:private_plan_delete", args=[plan.token]))

    assert not PathwayPlan.objects.exists()
    assert client.get(reverse("pathways:private_plan", args=[plan.token])).status_code == 404


def test_a_residents_plans_are_in_their_data_download(client, bank, resident):
    kept_plan(bank, user=resident)
    kept_plan(bank, user=UserFactory())
    client.force_login(resident)
    reauthenticate(client)

    data = json.loads(client.get(reverse("accounts:my_data_download")).content)

    assert len(data["pathway_plans"]) == 1
    saved = data["pathway_plans"][0]
    assert saved["answers"]["postcode"] == "LS6"
    assert saved["placement"]["essential_level"] == "starting"
    assert saved["steps"][0]["title"].startswith("Get started with free help")


def test_deleting_an_account_deletes_its_plans(client, bank, resident):
    kept_plan(bank, user=resident)
    other = kept_plan(bank, user=UserFactory())
    client.force_login(resident)
    reauthenticate(client)

    client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert list(PathwayPlan.objects.all()) == [other]


def test_private_plans_nobody_opens_for_a_year_are_deleted(bank):
    forgotten, opened, young = kept_plan(bank), kept_plan(bank), kept_plan(bank)
    long_ago = timezone.now() - datetime.timedelta(days=400)
    PathwayPlan.objects.filter(pk__in=[forgotten.pk, opened.pk]).update(created_at=long_ago)
    PathwayPlan.objects.filter(pk=opened.pk).update(opened_at=timezone.now() - datetime.timedelta(days=10))

    assert delete_forgotten_plans_task.delay().get() == 1

    assert set(PathwayPlan.objects.values_list("pk", flat=True)) == {opened.pk, young.pk}

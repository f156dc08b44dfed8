"""The self-assessment pages: one question a page, a progress indicator, a back link, answers kept, advanced
questions only for those past the start, and clear messages for bad answers (never a 500)."""

import pytest
from django.urls import reverse

from pathways.views.assessment import SESSION_ANSWERS
from tests.pathways.factories import ESSENTIAL_AREAS, FOUNDATION

pytestmark = pytest.mark.django_db


def url(code: str) -> str:
    return reverse("pathways:question", args=[code])


def answer(client, code: str, values, **extra):
    return client.post(url(code), {"answer": values}, **extra)


def answer_essentials(client, *, foundation=True, ticked=None):
    for code, values in FOUNDATION.items():
        answer(client, code, values if foundation else ["none"])
    for code in ESSENTIAL_AREAS:
        answer(client, code, (ticked or {}).get(code) or ["none"])


def test_the_start_page_explains_and_links_to_the_first_question(client):
    page = client.get(reverse("pathways:start")).content.decode()

    assert "Check your digital skills" in page
    assert f'href="{url("using-a-device")}"' in page
    assert "Start now" in page


def test_each_question_has_its_own_page_with_progress_and_a_back_link(client):
    first = client.get(url("using-a-device")).content.decode()

    assert '<h1 class="govuk-fieldset__heading">Which of these can you do on a phone, tablet or computer?</h1>' in first
    assert "Question 1 of 13" in first  # 7 about skills and 6 optional (travel needs a postcode)
    assert f'<a href="{reverse("pathways:start")}" class="govuk-back-link">Back</a>' in first
    assert 'value="turn-on-device"' in first and 'data-behaviour="exclusive"' in first

    response = answer(client, "using-a-device", ["turn-on-device", "open-apps"])

    assert response.status_code == 302 and response["Location"] == url("getting-online")
    second = client.get(url("getting-online")).content.decode()
    assert "Question 2 of 13" in second
    assert f'<a href="{url("using-a-device")}" class="govuk-back-link">Back</a>' in second


def test_answers_are_kept_when_going_back(client):
    answer(client, "using-a-device", ["turn-on-device", "open-apps"])

    page = client.get(url("using-a-device")).content.decode()

    assert 'value="turn-on-device" checked' in page
    assert 'value="open-apps" checked' in page
    assert 'value="use-controls" checked' not in page


def test_people_clearly_at_the_start_skip_the_questions_about_digital_jobs(client):
    answer_essentials(client, foundation=False)

    assert client.session[SESSION_ANSWERS]["skills"]["staying-safe"] == []
    response = answer(client, "staying-safe", ["none"])
    assert response["Location"] == url("postcode")
    assert client.get(url("interests"))["Location"] == url("postcode")  # not asked: sent on to what is


def test_people_past_the_start_are_asked_about_digital_jobs_and_then_each_one_they_choose(client):
    answer_essentials(client)

    assert answer(client, "staying-safe", ["spot-scams"])["Location"] == url("interests")
    assert "Question 8 of 14" in client.get(url("interests")).content.decode()
    assert answer(client, "interests", ["ADV-DATA", "ADV-CYBER"])["Location"] == url("data")
    assert answer(client, "data", ["sort-data"])["Location"] == url("cyber")
    assert answer(client, "cyber", ["none"])["Location"] == url("postcode")


def test_the_optional_questions_can_be_skipped_and_travel_is_asked_only_with_a_postcode(client):
    answer_essentials(client, foundation=False)

    assert client.post(url("postcode"), {"answer": ""})["Location"] == url("cost")
    assert client.post(url("cost"), {})["Location"] == url("learning")
    client.get(url("postcode"))
    assert client.post(url("postcode"), {"answer": "ls6 1aa"})["Location"] == url("travel")
    assert client.post(url("travel"), {"answer": "5"})["Location"] == url("cost")

    data = client.session[SESSION_ANSWERS]
    assert data["postcode"] == "LS6" and data["travel"] == 5
    assert "1AA" not in str(data)  # only the first part of the postcode is kept


def test_check_your_answers_lists_each_answer_with_a_change_link_that_comes_back(client):
    answer_essentials(client, ticked={"communicating": ["send-email"]})
    for code in ("interests", "postcode", "cost", "learning", "age", "goal", "situation"):
        client.post(url(code), {"answer": ["none"] if code == "interests" else ""})

    page = client.get(reverse("pathways:check")).content.decode()

    assert "I can send an email and reply to one" in page
    assert "None of these right now" in page
    assert f'href="{url("communicating")}?change=1"' in page
    response = client.post(f"{url('communicating')}?change=1", {"answer": ["video-call"]})
    assert response["Location"] == reverse("pathways:check")


def test_a_change_that_opens_a_new_question_goes_there_before_the_check_page(client):
    answer_essentials(client, foundation=False)
    for code in ("postcode", "cost", "learning", "age", "goal", "situation"):
        client.post(url(code), {"answer": ""})

    for code, values in FOUNDATION.items():
        response = client.post(f"{url(code)}?change=1", {"answer": values})

    assert response["Location"] == url("interests")


def test_the_check_and_plan_pages_send_people_back_to_what_they_have_not_answered(client):
    answer(client, "using-a-device", ["none"])

    assert client.get(reverse("pathways:check"))["Location"] == url("getting-online")
    assert client.get(reverse("pathways:plan"))["Location"] == url("getting-online")


def test_starting_again_forgets_the_answers(client):
    answer(client, "using-a-device", ["none"])

    client.post(reverse("pathways:restart"))

    assert SESSION_ANSWERS not in client.session


def test_answers_on_a_shared_computer_are_forgotten_when_the_browser_closes(client):
    answer(client, "using-a-device", ["none"])

    assert client.session.get_expire_at_browser_close()


# Bad answers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "data", "message"),
    [
        ("using-a-device", {}, "Select what you can do, or select ‘None of these yet’"),
        ("using-a-device", {"answer": ["none", "open-apps"]}, "Select ‘None of these yet’ on its own, or untick it"),
        ("using-a-device", {"answer": ["open-apps", "send-email"]}, "Select from the options shown"),  # another page's answer
        ("using-a-device", {"answer": ["<script>alert(1)</script>"]}, "Select from the options shown"),
        ("interests", {"answer": ["ADV-NOT-A-THING"]}, "Select from the options shown"),
        ("cost", {"answer": "cheap"}, "Select one of the options shown"),
        ("travel", {"answer": "9999"}, "Select one of the options shown"),
        ("postcode", {"answer": "not a postcode"}, "Enter a real postcode, like LS1 4AP, or the first part, like LS1"),
        ("postcode", {"answer": "ZZ9 9ZZ"}, "We do not have ZZ9 on our map"),
        ("postcode", {"answer": "LS6\x00"}, "Null characters are not allowed."),
        ("postcode", {"answer": "L" * 5000}, "Enter a real postcode, like LS1 4AP, or the first part, like LS1"),
    ],
)
def test_bad_answers_get_a_clear_message_on_the_same_page(client, code, data, message):
    answer_essentials(client)
    answer(client, "staying-safe", ["spot-scams"])
    client.post(url("postcode"), {"answer": "LS6"})

    response = client.post(url(code), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert "<title>Error: " in page
    assert "<script>alert(1)</script>" not in page


def test_an_unknown_question_is_not_found(client):
    assert client.get(url("what-is-your-bank-password")).status_code == 404


def test_a_tampered_change_flag_is_ignored(client):
    response = client.post(f"{url('using-a-device')}?change=<b>yes</b>", {"answer": ["none"]})

    assert response["Location"] == url("getting-online")


def test_a_broken_session_starts_afresh_rather_than_failing(client):
    session = client.session
    session[SESSION_ANSWERS] = {"skills": "not a dict"}
    session.save()

    response = client.get(url("using-a-device"))

    assert response.status_code == 200
    assert "Question 1 of" in response.content.decode()

"""The self-assessment, plan and help finder in Urdu, Polish and Romanian: residents who ask for one of them see
its words, every string has a translation that compiles and the question bank's texts can be translated. That no
template shows text that cannot be translated is checked for every resident-facing app in
tests/skills_site/test_translations.py."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from pathways import question_texts, services
from pathways.answers import Answers
from pathways.models import PlacementRule, Question, SkillArea, Statement, Tier
from pathways.planning import build_plan
from tests.pathways.factories import ESSENTIAL_AREAS, FOUNDATION, skills

PATHWAYS = Path(settings.BASE_DIR) / "pathways"
CATALOGUES = sorted((PATHWAYS / "locale").glob("*/LC_MESSAGES/django.po"))
LANGUAGES = {"pl", "ro", "ur"}


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """The .mo files are built, not kept in git (the Makefile's compilemessages builds them for the site)."""
    for catalogue in CATALOGUES:
        subprocess.run(["msgfmt", "--check", "-o", str(catalogue.with_suffix(".mo")), str(catalogue)], check=True)


@pytest.fixture
def fresh_catalogues(settings):
    # Changing LOCALE_PATHS makes Django forget the catalogues it loaded before the .mo files existed.
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS]


def in_language(client, name: str, language: str, **kwargs):
    return client.get(reverse(name, **kwargs), HTTP_ACCEPT_LANGUAGE=language).content.decode()


def answer_everything_with_none(client, language: str) -> None:
    for code in [*FOUNDATION, *ESSENTIAL_AREAS]:
        client.post(reverse("pathways:question", args=[code]), {"answer": ["none"]}, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_catalogues")
class TestPagesInTheResidentsLanguage:
    def test_the_start_page_in_polish_and_urdu(self, client):
        polish = in_language(client, "pathways:start", "pl")
        urdu = in_language(client, "pathways:start", "ur")

        assert "Sprawdź swoje umiejętności cyfrowe" in polish and "Zacznij teraz" in polish
        assert "Start now" not in polish and "Your answers are private" not in polish
        assert "اپنی ڈیجیٹل مہارتیں جانچیں" in urdu and "ابھی شروع کریں" in urdu
        assert "Start now" not in urdu

    def test_a_question_from_the_question_bank_in_polish_and_urdu(self, client):
        polish = in_language(client, "pathways:question", "pl", args=["using-a-device"])
        urdu = in_language(client, "pathways:question", "ur", args=["using-a-device"])

        assert "Co z tego umiesz zrobić na telefonie, tablecie lub komputerze?" in polish
        assert "Umiem włączyć telefon, tablet lub komputer" in polish
        assert "Pytanie 1 z 13" in polish and "Nic z tego jeszcze" in polish and "Dalej" in polish
        assert "Which of these can you do" not in polish and "I can turn on" not in polish
        assert "مجھے فون، ٹیبلٹ یا کمپیوٹر آن کرنا آتا ہے" in urdu
        assert "I can turn on" not in urdu

    def test_an_optional_question_and_its_error_in_romanian(self, client):
        page = client.post(
            reverse("pathways:question", args=["cost"]), {"answer": "maybe"}, HTTP_ACCEPT_LANGUAGE="ro"
        ).content.decode()

        assert "Ai nevoie de variante gratuite sau finanțate?" in page
        assert "Alege una dintre variantele afișate" in page
        assert "Select one of the options shown" not in page

    @pytest.mark.usefixtures("search_indices")
    def test_the_plan_in_polish_and_urdu(self, client):
        answer_everything_with_none(client, "pl")

        polish = in_language(client, "pathways:plan", "pl")
        urdu = in_language(client, "pathways:plan", "ur")

        assert "Twój plan umiejętności cyfrowych" in polish and "Twoje następne kroki" in polish
        assert "Zacznij z bezpłatną pomocą" in polish  # a step, from planning.py
        assert "Podstawowe umiejętności cyfrowe" in polish  # a skill area, from the question bank
        assert "Nic tu jeszcze nie zaznaczono." in polish  # the placement's explanation
        assert "Your next steps" not in polish and "Get started with free help" not in polish
        assert "آپ کے اگلے قدم" in urdu and "مفت مدد کے ساتھ شروع کریں" in urdu
        assert "Your next steps" not in urdu

    def test_the_help_finder_in_polish_and_urdu(self, client):
        polish = in_language(client, "pathways:find_plan", "pl")
        urdu = in_language(client, "pathways:find_plan", "ur")

        assert "Otwórz plan za pomocą kodu" in polish and "Kod planu" in polish
        assert "Open the plan" not in polish and "Reference code" not in polish
        assert "ریفرنس کوڈ سے پلان کھولیں" in urdu and "Open the plan" not in urdu

    @pytest.mark.usefixtures("search_indices", "clear_limits")
    def test_a_plan_emailed_from_the_polish_page_is_in_polish(self, client, bank):
        answers = Answers(skills=skills(), postcode="LS6")
        kept = services.pathway_plan_keep(answers=answers, plan_data=build_plan(bank=bank, answers=answers).as_dict(), check_outcode="LS6")
        in_language(client, "pathways:private_plan", "pl", args=[kept.token])

        client.post(reverse("pathways:private_plan_email", args=[kept.token]), {"email": "me@example.org"}, HTTP_ACCEPT_LANGUAGE="pl")

        email = mail.outbox[0]
        assert email.subject == "Twój plan umiejętności cyfrowych"
        assert "Gdzie jesteś teraz" in email.body and "Podstawowe umiejętności cyfrowe" in email.body
        assert "Where you are now" not in email.body

    def test_english_stays_as_it_was(self, client):
        page = in_language(client, "pathways:start", "en-GB")

        assert "Check your digital skills" in page and "Start now" in page


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_string_is_translated_and_compiles(catalogue, tmp_path):
    checked = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(catalogue)], capture_output=True, text=True
    )

    assert checked.returncode == 0, checked.stderr
    assert "untranslated" not in checked.stderr and "fuzzy" not in checked.stderr, checked.stderr
    assert "X-Review-State: " in catalogue.read_text()


def test_each_language_has_a_catalogue():
    assert {path.parts[-3] for path in CATALOGUES} == LANGUAGES


@pytest.mark.django_db
def test_every_text_of_the_seeded_question_bank_can_be_translated():
    """Editors' texts live in the database, where makemessages cannot look: question_texts.py lists them."""
    shown_areas = SkillArea.objects.exclude(framework=SkillArea.Framework.DIGCOMP)
    texts = {
        *Question.objects.values_list("heading", flat=True),
        *Question.objects.values_list("hint", flat=True),
        *Statement.objects.values_list("text", flat=True),
        *Statement.objects.values_list("topic", flat=True),
        *Statement.objects.values_list("hint", flat=True),
        *PlacementRule.objects.values_list("meaning", flat=True),
        *shown_areas.values_list("title", flat=True),
        *shown_areas.filter(framework=SkillArea.Framework.SPECIALISM).values_list("description", flat=True),
        *Tier.objects.values_list("name", flat=True),
    } - {""}

    assert texts - set(question_texts.TEXTS) == set()

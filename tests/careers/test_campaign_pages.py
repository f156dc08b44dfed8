"""The careers campaign: editors build pages from blocks, residents read them, moderators approve them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from careers.blocks import SearchCallToActionBlock, StoryQuoteBlock
from careers.models import (
    ApprenticeshipStandard,
    CampaignPage,
    CareerProfileSkill,
    CareerProfileStandard,
    Sponsor,
)
from careers.selectors import featured_opportunities
from courses.models import CareerProfileProgramme
from home.models import HomePage
from publishing.models import Status
from tests.accounts.factories import UserFactory
from tests.careers.factories import (
    ApprenticeshipVacancyFactory,
    EmployerFactory,
    SponsoredOpportunityFactory,
    in_days,
)
from tests.careers.page_factories import (
    CampaignPageFactory,
    CareerProfilePageFactory,
    EventPageFactory,
    StoryPageFactory,
)
from tests.courses.factories import ProgrammeFactory, ProviderFactory, VenueFactory, skill_area, tier
from tests.search.helpers import sync_now

from tests.careers.helpers import read, sign_in_with_totp

pytestmark = pytest.mark.django_db


# Reading the campaign ----------------------------------------------------------------------------


def test_a_campaign_page_shows_its_hero_profiles_story_sponsors_and_search_button(client):
    profile = CareerProfilePageFactory(title="Cyber security analyst")
    story = StoryPageFactory(first_name="Aisha", who_they_are="returner", pull_quote="Returner programmes want people like us.")
    sponsor = Sponsor.objects.create(name="Aire Valley Software", website="https://aire.example.org")
    page = CampaignPageFactory(
        title="Start a digital career",
        body=[
            ("hero", {"heading": "You do not need a degree to work in tech", "text": "Many people start with no experience."}),
            ("text", "<h2>More ways in than you think</h2><p>Start with a free evening course.</p>"),
            ("career_profiles", {"heading": "Jobs you could do", "profiles": [profile]}),
            ("story_quote", {"story": story}),
            ("sponsor_logos", {"heading": "Our sponsors", "sponsors": [sponsor]}),
            ("search_link", {"label": "Find digital apprenticeships", "kind": "apprenticeship", "tier": "advanced"}),
        ],
    )

    html = read(client, page)

    assert '<h1 class="govuk-heading-xl">Start a digital career</h1>' in html
    assert "You do not need a degree to work in tech" in html
    assert "More ways in than you think" in html
    assert f'href="{profile.url}">Cyber security analyst</a>' in html
    assert "Typical salary: £25,000 to £40,000 a year" in html
    assert "“Returner programmes want people like us.”" in html
    assert "Aisha, returner" in html
    assert f'href="{story.url}">Read Aisha’s story</a>' in html
    assert '<a class="govuk-link" href="https://aire.example.org" rel="noopener noreferrer">' in html
    assert "Aire Valley Software" in html
    assert 'href="/search/?tier=advanced&amp;kind=apprenticeship"' in html
    assert ">Find digital apprenticeships</a>" in html


def test_a_quote_without_a_story_shows_the_words_and_who_said_them(client):
    page = CampaignPageFactory(
        body=[("story_quote", {"quote": "Now I video call my grandchildren every Sunday.", "name": "Margaret, 67"})]
    )

    html = read(client, page)

    assert "“Now I video call my grandchildren every Sunday.”" in html
    assert "Margaret, 67" in html
    assert "Read " not in html


def test_an_editor_must_choose_a_story_or_write_a_quote_and_a_name():
    block = StoryQuoteBlock()

    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"quote": "Words with nobody to say them"}))

    assert "Choose a story, or write a quote and say who said it" in str(refused.value.non_block_errors)


def test_a_career_profile_shows_the_job_salary_with_its_source_skills_and_ways_in(client):
    open_course = ProgrammeFactory(title="Data analysis in Excel", status=Status.PUBLISHED, tier=tier("advanced"))
    draft_course = ProgrammeFactory(title="Draft SQL course", status=Status.DRAFT)
    unverified_course = ProgrammeFactory(
        title="Unverified Python course", status=Status.PUBLISHED, provider=ProviderFactory(verified=False)
    )
    profile = CareerProfilePageFactory(
        title="Data analyst",
        skills=[
            CareerProfileSkill(tier=tier("advanced"), skill_area=skill_area("ADV-DATA"), use="analysing data"),
            CareerProfileSkill(tier=tier("general"), skill_area=skill_area("EDS-H"), use="sorting information"),
        ],
        standard_links=[CareerProfileStandard(standard=ApprenticeshipStandard.objects.get(reference="ST0118"))],
        programme_links=[
            CareerProfileProgramme(programme=course) for course in (draft_course, open_course, unverified_course)
        ],
    )
    story = StoryPageFactory(first_name="Priya", career_profile=profile)

    html = read(client, profile)

    assert "<h2 class=\"govuk-heading-m\">What the job is</h2>" in html
    assert "Data analysts collect and study information" in html
    assert "£25,000 to £40,000 a year" in html
    assert "Source: <a class=\"govuk-link\" href=\"https://www.ons.gov.uk/\"" in html
    assert "Demo figure for illustration — replace with ONS ASHE data before launch" in html
    # Skills are grouped by tier, from the everyday tier to the advanced one.
    assert html.index("Handling information and content: sorting information") < html.index("Data: analysing data")
    assert "A day in the life" in html
    assert ">Data analyst</a>,\n            level 4" in html
    assert f'href="{open_course.get_absolute_url()}">Data analysis in Excel</a>' in html
    assert "Draft SQL course" not in html
    assert "Unverified Python course" not in html
    assert 'href="/search/?q=Data+analyst"' in html
    assert f'href="{story.url}">' in html


def test_a_story_shows_the_persons_words_and_links_to_their_career(client):
    profile = CareerProfilePageFactory(title="IT support technician")
    story = StoryPageFactory(
        title="From fixing laptops to running the help desk",
        first_name="Tariq",
        who_they_are="apprentice",
        pull_quote="The apprenticeship turned that into a job.",
        career_profile=profile,
    )

    html = read(client, story)

    assert "From fixing laptops to running the help desk</h1>" in html
    assert "Tariq, apprentice" in html
    assert "“The apprenticeship turned that into a job.”" in html
    assert f'href="{profile.url}">Read the career profile: IT support technician</a>' in html


def test_a_story_photo_is_described_by_the_image_description(client, settings, tmp_path):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    photo = get_image_model().objects.create(
        title="jordan.png", description="Jordan at his desk, smiling", file=get_test_image_file()
    )
    story = StoryPageFactory(first_name="Jordan", photo=photo)

    html = read(client, story)

    assert 'alt="Jordan at his desk, smiling"' in html


def test_an_upcoming_event_says_when_where_and_how_to_book(client):
    event = EventPageFactory(title="Digital careers evening", days_away=21)
    starts = timezone.localtime(event.starts_at)

    html = read(client, event)

    assert f"{starts:%A} {starts.day} {starts:%B %Y}, 5pm to 7pm" in html
    assert "Leeds Central Library, Calverley Street, Leeds, LS1 3AB" in html
    assert "Free" in html
    assert 'href="https://example.org/book"' in html
    assert "Book a place" in html
    assert "This event has happened" not in html


def test_a_past_event_says_it_has_happened_and_offers_no_booking(client):
    event = EventPageFactory(days_away=-3)

    html = read(client, event)

    assert "This event has happened." in html
    assert "Book a place" not in html


# Search buttons and featured opportunities -------------------------------------------------------


def test_a_search_button_links_to_the_search_with_its_filters(client):
    page = CampaignPageFactory(
        body=[
            (
                "search_link",
                {
                    "label": "Find data apprenticeships in Leeds",
                    "query": "data analyst",
                    "tier": "advanced",
                    "skill_area": "ADV-DATA",
                    "kind": "apprenticeship",
                    "local_authority": "E08000035",
                },
            )
        ]
    )

    html = read(client, page)

    assert (
        'href="/search/?q=data+analyst&amp;tier=advanced&amp;skill=ADV-DATA&amp;kind=apprenticeship'
        '&amp;authority=E08000035"'
    ) in html


def test_hostile_text_in_a_search_button_cannot_break_out_of_the_link(client):
    page = CampaignPageFactory(
        body=[
            (
                "search_link",
                {"label": "<b>Find</b>", "query": '"><script>alert(1)</script>&tier=inclusion', "tier": 'x" onclick="y'},
            )
        ]
    )

    html = read(client, page)

    assert "<script>alert(1)" not in html
    assert 'onclick="y' not in html
    assert "&lt;b&gt;Find&lt;/b&gt;" in html
    assert 'href="/search/?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%26tier%3Dinclusion&amp;tier=x%22+onclick%3D%22y"' in html


def test_editors_can_only_choose_filter_codes_that_exist():
    block = SearchCallToActionBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Find courses", "tier": "expert", "local_authority": "E99999999"}))
    assert block.clean(block.to_python({"label": "Find courses", "tier": "general", "local_authority": "E08000035"}))


@pytest.mark.usefixtures("search_indices")
def test_featured_opportunities_show_only_open_items_from_verified_organisations(client):
    advanced = tier("advanced")
    ProgrammeFactory(title="Open coding course", status=Status.PUBLISHED, tier=advanced)
    ProgrammeFactory(title="Draft coding course", status=Status.DRAFT, tier=advanced)
    ApprenticeshipVacancyFactory(title="Open developer apprenticeship", status=Status.PUBLISHED)
    ApprenticeshipVacancyFactory(
        title="Closed developer apprenticeship", status=Status.PUBLISHED, closing_date=in_days(-1), start_date=in_days(10)
    )
    SponsoredOpportunityFactory(title="Open funded bootcamp", status=Status.PUBLISHED)
    SponsoredOpportunityFactory(
        title="Unverified sponsor's bootcamp", status=Status.PUBLISHED, sponsor=EmployerFactory(verified=False)
    )
    SponsoredOpportunityFactory(title="Withdrawn bootcamp", status=Status.WITHDRAWN)
    sync_now()
    page = CampaignPageFactory(
        body=[("featured_opportunities", {"heading": "Open now", "tier": "advanced", "number": 12})]
    )

    html = read(client, page)

    assert "Open coding course" in html
    assert "Open developer apprenticeship" in html
    assert "Open funded bootcamp" in html
    for hidden in ("Draft coding course", "Closed developer apprenticeship", "Unverified sponsor", "Withdrawn bootcamp"):
        assert hidden not in html
    # Sponsored items are always labelled as such.
    assert html.count('<strong class="govuk-tag govuk-tag--purple">Sponsored</strong>') == 1
    assert '<a class="govuk-link" href="/search/?tier=advanced">' in html


@pytest.mark.usefixtures("search_indices")
def test_featured_opportunities_follow_their_filters_newest_first():
    now = timezone.now()
    leeds = ApprenticeshipVacancyFactory(title="Leeds apprenticeship", status=Status.PUBLISHED, published_at=now)
    bradford = SponsoredOpportunityFactory(
        title="Bradford bootcamp", status=Status.PUBLISHED, published_at=now - datetime.timedelta(days=2)
    )
    course = ProgrammeFactory(
        title="Bradford course",
        status=Status.PUBLISHED,
        tier=tier("advanced"),
        delivery_mode="in_person",
        published_at=now - datetime.timedelta(days=1),
        skill_areas=[skill_area("ADV-DATA")],
    )
    course.venues.set([VenueFactory(provider=course.provider, town="Bradford", postcode="BD1 1AA")])
    sync_now()

    def titles(**filters):
        return [card.title for card in featured_opportunities(**filters)]

    assert titles() == ["Leeds apprenticeship", "Bradford course", "Bradford bootcamp"]
    assert titles(limit=1) == ["Leeds apprenticeship"]
    assert titles(kind="sponsored") == ["Bradford bootcamp"]
    assert titles(local_authority="E08000032") == ["Bradford course", "Bradford bootcamp"]
    assert titles(skill_area="ADV-DATA") == ["Bradford course", "Bradford bootcamp"]
    assert titles(tier="inclusion") == []
    assert leeds.local_authority.code == "E08000035" and bradford.local_authority.code == "E08000032"


@pytest.mark.usefixtures("search_indices")
def test_featured_opportunities_say_so_when_nothing_is_open(client):
    page = CampaignPageFactory(body=[("featured_opportunities", {"heading": "Free help near you", "tier": "inclusion"})])

    html = read(client, page)

    assert "Nothing like this is open right now." in html
    assert 'href="/search/?tier=inclusion">Search all courses, apprenticeships and jobs</a>' in html


# Editors' mistakes ---------------------------------------------------------------------------------


def test_a_salary_without_its_source_is_refused_with_a_clear_message():
    profile = CareerProfilePageFactory()
    profile.salary_source, profile.salary_year, profile.salary_source_url = "", None, ""

    with pytest.raises(ValidationError) as refused:
        profile.full_clean()

    errors = refused.value.message_dict
    assert errors["salary_source"] == [
        "Say who published the salary figures, such as “ONS Annual Survey of Hours and Earnings, Leeds”. "
        "Leave the salary empty if there is no source"
    ]
    assert errors["salary_year"] == ["Say which year the salary figures are for, such as 2025"]
    assert errors["salary_source_url"] == ["Add a link to the salary source, so readers can check the figures"]


def test_a_profile_without_a_salary_needs_no_source_and_shows_no_salary(client):
    profile = CareerProfilePageFactory(salary_min=None, salary_max=None, salary_source="", salary_year=None, salary_source_url="")

    profile.full_clean()

    assert "Typical salary" not in read(client, profile)


def test_a_salary_range_must_not_run_backwards():
    profile = CareerProfilePageFactory()
    profile.salary_min, profile.salary_max = 40000, 25000

    with pytest.raises(ValidationError) as refused:
        profile.full_clean()

    assert refused.value.message_dict["salary_max"] == ["The highest salary must be the same as the lowest salary or more"]


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("ZZ99 9ZZ", "We do not have ZZ99 on our map: we cover Leeds City Region and the areas around it"),
        ("HELLO", "Enter a real postcode, like LS1 4AP, or the first part, like LS1"),
    ],
)
def test_an_event_with_a_bad_postcode_is_refused_with_the_postcode_message(postcode, message):
    event = EventPageFactory()
    event.postcode = postcode

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert refused.value.message_dict["postcode"] == [message]


def test_an_event_postcode_is_tidied_and_placed_in_its_local_authority():
    event = EventPageFactory(postcode="bd1 1aa")

    assert event.postcode == "BD1 1AA"
    assert event.local_authority.name == "Bradford"


def test_an_event_must_end_after_it_starts():
    event = EventPageFactory()
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert refused.value.message_dict["ends_at"] == ["The event must end after it starts"]


# Moderation and previews ---------------------------------------------------------------------------


def test_a_campaign_page_submitted_for_moderation_is_not_live_until_a_moderator_approves_it(client, moderator):
    editor = UserFactory(role=User.Role.RESIDENT, is_staff=True)
    page = CampaignPageFactory(title="Get online: free help near you", publish=False)
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Moderators approval"

    workflow.start(page, editor)

    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert not page.live
    assert client.get(page.url).status_code == 404

    # The moderator reviews the draft in the admin (after two-step sign in), then approves it.
    sign_in_with_totp(client, moderator)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert draft.status_code == 200
    assert "Get online: free help near you" in draft.content.decode()
    task_state = state.current_task_state
    task = task_state.task.specific
    assert "approve" in [name for name, _label, _needs_comment in task.get_actions(page, moderator)]
    assert task.get_actions(page, editor) == []
    task.on_action(task_state, moderator, "approve")

    page.refresh_from_db()
    assert page.live
    client.logout()
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("factory", "fields", "shown"),
    [
        (
            CampaignPageFactory,
            {"body": [("hero", {"heading": "Preview hero", "text": "Shown before publishing."})]},
            "Preview hero",
        ),
        (CareerProfilePageFactory, {"summary": "Keep computers working."}, "Keep computers working."),
        (StoryPageFactory, {"pull_quote": "I went at my own pace."}, "I went at my own pace."),
        (EventPageFactory, {"venue_name": "Halifax Central Library"}, "Halifax Central Library"),
    ],
)
def test_the_preview_of_each_page_type_renders(factory, fields, shown):
    page = factory(publish=False, **fields)

    response = page.make_preview_request()

    html = response.content.decode()
    assert response.status_code == 200
    assert page.title in html
    assert shown in html


def test_a_new_career_profile_previews_before_it_is_saved():
    home = HomePage.objects.get()
    profile = CareerProfilePageFactory.build(
        title="Unsaved profile",
        skills=[CareerProfileSkill(tier=tier("advanced"), skill_area=skill_area("ADV-CYBER"))],
    )
    profile.set_url_path(home)

    response = profile.make_preview_request()

    assert response.status_code == 200
    assert "Cyber security" in response.content.decode()


# Admin -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["campaignpage", "careerprofilepage", "storypage", "eventpage"])
def test_an_editor_can_open_the_form_for_each_campaign_page_type(client, model):
    admin = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, admin)

    response = client.get(reverse("wagtailadmin_pages:add", args=["careers", model, HomePage.objects.get().pk]))

    assert response.status_code == 200


def test_an_editor_sees_a_preview_of_each_campaign_block_in_the_block_picker(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, admin)
    CareerProfilePageFactory(title="Software developer")
    Sponsor.objects.create(name="Calder Data Co-operative")
    blocks = CampaignPage.body.field.stream_block.child_blocks

    previews = {
        name: client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        for name, block in blocks.items()
    }

    assert {name: response.status_code for name, response in previews.items()} == dict.fromkeys(blocks, 200)
    assert "build/site.css" in previews["hero"].content.decode()
    assert "Software developer" in previews["career_profiles"].content.decode()
    assert "Calder Data Co-operative" in previews["sponsor_logos"].content.decode()
    assert "/search/?tier=inclusion" in previews["search_link"].content.decode()


def test_an_editor_finds_example_programmes_by_title_or_provider_in_the_chooser(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, admin)
    ProgrammeFactory(title="Python for beginners")
    ProgrammeFactory(title="Spreadsheets at work")

    response = client.get(reverse("programme_chooser:choose_results"), {"q": "python"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Python for beginners" in html
    assert "Spreadsheets at work" not in html


def test_an_editor_adds_a_standard_and_cannot_change_its_reference_once_set(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_totp(client, admin)
    fields = {"title": "Example digital standard", "level": "3", "route": "Digital", "note": ""}

    added = client.post(
        reverse("wagtailsnippets_careers_apprenticeshipstandard:add"), {**fields, "reference": "ST9999"}
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    standard = ApprenticeshipStandard.objects.get(title="Example digital standard")
    edited = client.post(
        reverse("wagtailsnippets_careers_apprenticeshipstandard:edit", args=[standard.pk]),
        {**fields, "reference": "ST0001", "level": "4"},
    )

    assert edited.status_code == 302
    standard.refresh_from_db()
    assert standard.reference == "ST9999"
    assert standard.level == 4

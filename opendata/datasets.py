"""The open-data files: what each holds, its columns (its data dictionary) and the rows, read in chunks.

Only what residents can already see goes in: published, open postings of verified organisations whose poster
agreed to the open licence (PublishableQuerySet.openly_licensed), and the public profiles of the organisations
behind them. No contact email is published: a posting's enquiry address may be a person's own.
"""

import datetime
import html
from collections.abc import Callable

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.html import strip_tags

from careers.models import ApprenticeshipVacancy, Employer, SponsoredOpportunity
from courses.models import Programme, ProgrammeRun, Provider, Venue

from .columns import Column, Dataset, attribute, text
from .demand import DEMAND

CHUNK = 500  # rows read from the database at a time: a file of any length is written in constant memory


def page_url(item) -> str:
    """The item's public page, absolute (WAGTAILADMIN_BASE_URL is the site's address, required in production)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + item.get_absolute_url()


def plain_text(value: str) -> str:
    """Rich text (already sanitised when it was saved) as plain words, for a spreadsheet cell."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def codes(related) -> list[str]:
    return sorted(area.code for area in related.all())


def url_column() -> Column:
    return Column("url", "Page", "anyURI", "Its page on this site", page_url)


def posting_columns() -> tuple[Column, ...]:
    """The columns every kind of posting starts with."""
    return (
        url_column(),
        Column("slug", "Identifier", "string", "Its identifier here, the last part of its page's address", text("slug")),
        Column("title", "Title", "string", "Title", text("title")),
        Column("summary", "Summary", "string", "One or two plain sentences", text("summary")),
        Column("description", "Description", "string", "Description, as plain text", lambda item: plain_text(item.description)),
        Column("tier", "Level of digital skill", "string", "Tier code: inclusion, general or advanced", text("tier.code")),
        Column(
            "skill_areas", "Skill areas", "string",
            "Skill area codes (UK Essential Digital Skills, DigComp 2.2, advanced specialisms), separated by spaces",
            lambda item: codes(item.skill_areas), separator=" ",
        ),
    )  # fmt: skip


def posting_end_columns() -> tuple[Column, ...]:
    """The columns every kind of posting ends with."""
    return (
        Column("how_to_apply", "How to apply", "string", "How to apply, in plain text", text("how_to_apply")),
        Column("is_demo", "Demonstration", "boolean", "Demonstration content, not a real offer", attribute("is_demo")),
        Column("published_at", "Published", "dateTime", "When it was first published (ISO 8601)", attribute("published_at")),
        Column("updated_at", "Last changed", "dateTime", "When it last changed (ISO 8601)", attribute("updated_at")),
        Column(
            "licence_agreed_at", "Licence agreed", "dateTime",
            "When its poster agreed to publish it under the Open Government Licence v3.0", attribute("licence_agreed_at"),
        ),
    )  # fmt: skip


def located_columns() -> tuple[Column, ...]:
    return (
        Column("town", "Town", "string", "Town or city", text("town")),
        Column("postcode", "Postcode", "string", "Postcode where it happens (empty when it is remote)", text("postcode")),
        Column("local_authority", "Local authority", "string", "ONS code of its local authority, e.g. E08000035", text("local_authority.code")),
    )  # fmt: skip


def organisation_columns(noun: str) -> tuple[Column, ...]:
    return (
        Column(f"{noun}_name", f"{noun.capitalize()}", "string", f"The {noun}'s name", text(f"{noun}.organisation.name")),
        Column(
            f"{noun}_slug", f"{noun.capitalize()} identifier", "string",
            f"The {noun}'s identifier, a row of the {noun}s file", text(f"{noun}.organisation.slug"),
        ),
    )  # fmt: skip


def company_number_column(noun: str) -> Column:
    return Column(
        f"{noun}_companies_house_number", f"{noun.capitalize()} Companies House number", "string",
        f"The {noun}'s Companies House number, if it gave one", text(f"{noun}.companies_house_number"),
    )  # fmt: skip


def venue_values(name: str) -> Callable[[Programme], list[str]]:
    return lambda programme: [getattr(venue, name) for venue in programme.venues.all() if getattr(venue, name)]


def next_start(programme: Programme) -> datetime.date | None:
    runs = list(programme.runs.all())  # prefetched: future runs, earliest first
    return runs[0].starts_on if runs else None


def programmes():
    return (
        Programme.objects.openly_licensed()
        .select_related("provider__organisation", "tier", "sponsor_campaign")
        .prefetch_related(
            "skill_areas",
            Prefetch("runs", queryset=ProgrammeRun.objects.filter(starts_on__gte=timezone.localdate()).order_by("starts_on")),
            Prefetch("venues", queryset=Venue.objects.select_related("local_authority").order_by("name", "pk")),
        )
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )


PROGRAMMES = Dataset(
    name="programmes",
    title="Courses and help to get online",
    description=(
        "Every course and help-to-get-online session open to residents on this site: what it teaches, its level, "
        "cost, where and when it runs, and the training provider that runs it."
    ),
    primary_key="slug",
    columns=(
        *posting_columns(),
        Column("kind", "Kind", "string", "course, or inclusion_support (help to get online)", text("kind")),
        *organisation_columns("provider"),
        Column(
            "provider_ukprn", "Provider UKPRN", "string",
            "The provider's UK Provider Reference Number (UK Register of Learning Providers), if it gave one",
            text("provider.ukprn"),
        ),
        Column("level", "Qualification level", "string", "entry, or 1 to 8", text("level")),
        Column(
            "lars_code", "LARS learning aim reference", "string",
            "For a qualification, its learning aim reference in the Learning Aim Reference Service (8 letters and digits)",
            text("lars_code"),
        ),
        Column("delivery_mode", "How it is taught", "string", "in_person, online or blended", text("delivery_mode")),
        Column("cost", "Cost", "string", "free, funded (free if you are eligible) or paid", text("cost")),
        Column("cost_amount", "Price", "decimal", "Price in pounds, for a paid programme", attribute("cost_amount")),
        Column("funding_eligibility", "Who it is free for", "string", "Who it is free for", text("funding_eligibility")),
        Column("duration", "Duration", "string", 'How long it lasts, e.g. "10 weeks"', text("duration")),
        Column("hours_per_week", "Hours a week", "decimal", "Hours of learning a week", attribute("hours_per_week")),
        Column("starts_any_time", "Start any time", "boolean", "People can start any time", attribute("starts_any_time")),
        Column("next_start", "Next start", "date", "The first day of its next run, if it has dates", next_start),
        Column("venues", "Venues", "string", "Its venues' names, separated by semicolons", venue_values("name"), separator=";"),
        Column("venue_postcodes", "Venue postcodes", "string", "Its venues' postcodes, separated by semicolons", venue_values("postcode"), separator=";"),
        Column(
            "local_authorities", "Local authorities", "string", "ONS codes of its venues' local authorities, separated by spaces",
            lambda programme: sorted({venue.local_authority.code for venue in programme.venues.all() if venue.local_authority}),
            separator=" ",
        ),
        Column("enquiry_url", "Enquiry page", "anyURI", "The provider's page to apply or enquire", text("enquiry_url")),
        Column("free_device_loan", "Free device loan", "boolean", "A laptop or tablet can be borrowed for free", attribute("free_device_loan")),
        Column("free_data", "Free data", "boolean", "Free mobile data or SIM cards", attribute("free_data")),
        Column("other_languages", "Other languages", "string", "Help in other languages", text("other_languages")),
        Column("step_free_access", "Step-free access", "boolean", "Step-free access", attribute("step_free_access")),
        Column("drop_in", "Drop in", "boolean", "People can come along without booking", attribute("drop_in")),
        Column(
            "welcomes_career_changers", "Welcomes career changers", "boolean",
            "People changing career, or returning after a break, are encouraged to join", attribute("welcomes_career_changers"),
        ),
        Column("places", "Places", "integer", "How many places it offers, across all its runs", attribute("places")),
        Column("sponsor_campaign", "Sponsor campaign", "string", "The code of the sponsor campaign it is part of", text("sponsor_campaign.code")),
        *posting_end_columns(),
    ),
    rows=programmes,
)  # fmt: skip


def vacancies():
    return (
        ApprenticeshipVacancy.objects.openly_licensed()
        .select_related("employer__organisation", "standard", "tier", "local_authority", "training_provider", "sponsor_campaign")
        .prefetch_related("skill_areas")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )


def training_provider(vacancy) -> str:
    """Named only while it is verified, as on the vacancy's page."""
    organisation = vacancy.training_provider
    return organisation.name if organisation is not None and organisation.is_verified else ""


APPRENTICESHIPS = Dataset(
    name="apprenticeships",
    title="Apprenticeship vacancies",
    description=(
        "Apprenticeship vacancies open for applications from employers in the region: the job, the apprenticeship "
        "standard and its level, the weekly wage and hours, where it is and when applications close."
    ),
    primary_key="slug",
    columns=(
        *posting_columns(),
        *organisation_columns("employer"),
        company_number_column("employer"),
        Column("standard", "Apprenticeship standard", "string", "The apprenticeship standard's title", text("standard.title")),
        Column("standard_reference", "Standard reference", "string", "The standard's reference, e.g. ST0116, if known", text("standard.reference")),
        Column("standard_level", "Level", "integer", "The standard's level, 2 to 7", attribute("standard.level")),
        Column("training_provider", "Training provider", "string", "The organisation that trains the apprentice, if named", training_provider),
        Column("weekly_wage", "Weekly wage", "decimal", "Wage a week, in pounds", attribute("weekly_wage")),
        Column("hours_per_week", "Hours a week", "decimal", "Hours of work a week", attribute("hours_per_week")),
        Column("positions", "Positions", "integer", "How many apprentices it takes", attribute("positions")),
        Column("start_date", "Start date", "date", "When the apprenticeship starts", attribute("start_date")),
        Column("closing_date", "Closing date", "date", "The last day to apply", attribute("closing_date")),
        *located_columns(),
        Column("apply_url", "Apply page", "anyURI", "Where to apply", text("apply_url")),
        Column("sponsor_campaign", "Sponsor campaign", "string", "The code of the sponsor campaign it is part of", text("sponsor_campaign.code")),
        *posting_end_columns(),
    ),
    rows=vacancies,
)  # fmt: skip


def opportunities():
    return (
        SponsoredOpportunity.objects.openly_licensed()
        .select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign")
        .prefetch_related("skill_areas")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )


SPONSORED = Dataset(
    name="sponsored-opportunities",
    title="Sponsored opportunities",
    description=(
        "Paid roles, bootcamp places, placements, returner programmes and scholarships that employers sponsor, "
        "open for applications: what they are, what they pay or fund, where, and when applications close."
    ),
    primary_key="slug",
    columns=(
        *posting_columns(),
        *organisation_columns("sponsor"),
        company_number_column("sponsor"),
        Column("kind", "Kind", "string", "paid_role, bootcamp_place, placement, returner or scholarship", text("kind")),
        Column("pay", "Pay or funding", "string", 'What it pays or funds, e.g. "£24,000 a year"', text("pay")),
        Column("places", "Places", "integer", "How many people it can take", attribute("places")),
        Column("starts_on", "Starts", "date", "When it starts, if known", attribute("starts_on")),
        Column("closing_date", "Closing date", "date", "The last day to apply", attribute("closing_date")),
        Column("is_remote", "Remote", "boolean", "Can be done from anywhere", attribute("is_remote")),
        *located_columns(),
        Column(
            "welcomes_career_changers", "Welcomes career changers", "boolean",
            "People changing career, or returning after a break, are encouraged to apply", attribute("welcomes_career_changers"),
        ),
        Column("apply_url", "Apply page", "anyURI", "Where to apply", text("apply_url")),
        Column("sponsor_campaign", "Sponsor campaign", "string", "The code of the sponsor campaign it is part of", text("sponsor_campaign.code")),
        *posting_end_columns(),
    ),
    rows=opportunities,
)  # fmt: skip


def profile_columns() -> tuple[Column, ...]:
    return (
        url_column(),
        Column("slug", "Identifier", "string", "Its identifier here, the last part of its page's address", text("organisation.slug")),
        Column("name", "Name", "string", "The organisation's name", text("organisation.name")),
    )


def profile_end_columns() -> tuple[Column, ...]:
    return (
        Column("website", "Website", "anyURI", "Its website", text("website")),
        Column("description", "About", "string", "About the organisation, in plain text", lambda profile: plain_text(profile.description)),
        Column("is_demo", "Demonstration", "boolean", "A demonstration organisation, not a real one", attribute("is_demo")),
    )  # fmt: skip


def providers():
    programmes = Programme.objects.openly_licensed().values("provider_id")
    return (
        Provider.objects.filter(organisation__verified_at__isnull=False, pk__in=programmes)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
        .iterator(chunk_size=CHUNK)
    )


PROVIDERS = Dataset(
    name="providers",
    title="Training providers",
    description=(
        "The verified colleges, libraries, charities, bootcamps and other training providers whose courses are in "
        "the courses file."
    ),
    primary_key="slug",
    columns=(
        *profile_columns(),
        Column("kind", "Kind", "string", "Kind of provider, e.g. fe_college, library, bootcamp", text("kind")),
        Column(
            "ukprn", "UKPRN", "string",
            "UK Provider Reference Number (UK Register of Learning Providers), 8 digits, if it gave one", text("ukprn"),
        ),
        *profile_end_columns(),
    ),
    rows=providers,
)  # fmt: skip


def employers():
    posting = Q(pk__in=ApprenticeshipVacancy.objects.openly_licensed().values("employer_id")) | Q(
        pk__in=SponsoredOpportunity.objects.openly_licensed().values("sponsor_id")
    )
    return (
        Employer.objects.filter(posting, organisation__verified_at__isnull=False)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
        .iterator(chunk_size=CHUNK)
    )


EMPLOYERS = Dataset(
    name="employers",
    title="Employers",
    description="The verified employers whose apprenticeship vacancies or sponsored opportunities are in those files.",
    primary_key="slug",
    columns=(
        *profile_columns(),
        Column(
            "companies_house_number", "Companies House number", "string",
            "Its Companies House number, 8 characters such as 01234567 or SC123456, if it gave one",
            text("companies_house_number"),
        ),
        Column("sector", "Sector", "string", "The employer's sector", text("sector")),
        Column("size", "Size", "string", "micro (fewer than 10 people), small (10 to 49), medium (50 to 249) or large", text("size")),
        Column(
            "disability_confident", "Disability Confident", "string",
            "Its Disability Confident level: none, committed, employer or leader", text("disability_confident"),
        ),
        *profile_end_columns(),
    ),
    rows=employers,
)  # fmt: skip


DATASETS: tuple[Dataset, ...] = (PROGRAMMES, APPRENTICESHIPS, SPONSORED, PROVIDERS, EMPLOYERS, DEMAND)


def by_name(name: str) -> Dataset | None:
    return next((dataset for dataset in DATASETS if dataset.name == name), None)

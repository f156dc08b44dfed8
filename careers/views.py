from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from publishing.views import PostingPages, ProfilePage

from . import calendar, selectors
from .models import ApprenticeshipVacancy, Employer, EventPage, SponsoredOpportunity
from .structured_data import employer_json_ld, opportunity_json_ld, vacancy_json_ld

apprenticeship = PostingPages(
    queryset=ApprenticeshipVacancy.objects.select_related(
        "employer__organisation", "standard", "training_provider__provider", "tier", "local_authority"
    ),
    noun="apprenticeship",
    name="vacancy",
    template="careers/apprenticeship_detail.html",
    json_ld=vacancy_json_ld,
)
apprenticeship_detail, apprenticeship_apply = apprenticeship.detail, apprenticeship.apply

opportunity = PostingPages(
    queryset=SponsoredOpportunity.objects.select_related("sponsor__organisation", "tier", "local_authority", "sponsor_campaign"),
    noun="opportunity",
    template="careers/opportunity_detail.html",
    json_ld=opportunity_json_ld,
)
opportunity_detail, opportunity_apply = opportunity.detail, opportunity.apply

employer_detail = ProfilePage(
    Employer,
    json_ld=employer_json_ld,
    extra=lambda employer: {
        "vacancies": employer.vacancies.open().select_related("standard"),
        "opportunities": employer.sponsored_opportunities.open(),
    },
).detail


# Events -------------------------------------------------------------------------------------------------------
# Event pages sit anywhere under the home page, so their listings are a read across them: plain Django views at
# /events/ (careers.urls, mounted before Wagtail's catch-all in skills_site.urls) rather than an index page an
# editor would have to create, keep published and put the events under. The navigation links to it by name. A
# top-level Wagtail page with the slug "events" would be hidden behind it, as one called "search" would be.

PAST_EVENTS_PER_PAGE = 20


def events(request):
    return render(request, "careers/events.html", {"events": selectors.upcoming_events()})


def past_events(request):
    page = Paginator(selectors.past_events(), PAST_EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "careers/past_events.html", {"page": page, "events": page.object_list})


def events_calendar(request):
    """Every upcoming event as one calendar a resident can subscribe to."""
    body = calendar.calendar(
        selectors.upcoming_events(),
        url_of=lambda event: request.build_absolute_uri(event.url),
        name="Digital skills events in Leeds City Region",
    )
    return _calendar_response(body, "digital-skills-events.ics")


def event_calendar(request, page_id: int):
    """One event as a calendar file, from the link on its page."""
    event = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    body = calendar.calendar([event], url_of=lambda shown: request.build_absolute_uri(shown.url), name=event.title)
    return _calendar_response(body, f"{event.slug}.ics")


def _calendar_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body.encode("utf-8"), content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

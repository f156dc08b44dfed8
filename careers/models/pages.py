"""The careers campaign in Wagtail: campaign pages, career profiles, stories and events.

Pages are editorial. They point at records (tiers, skill areas, apprenticeship standards, programmes,
sponsors) through foreign keys and choosers and never copy their fields.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from places.models import Located
from publishing.rich_text import FEATURES

from ..blocks import CampaignStreamBlock, search_url
from ..selectors import career_opportunities, open_programmes, place_given
from .records import ApprenticeshipStandard


class CampaignPage(Page):
    """A campaign landing page, put together from blocks."""

    introduction = models.CharField(max_length=300, blank=True, help_text="One or two plain sentences under the title")
    body = StreamField(CampaignStreamBlock())

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    template = "careers/pages/campaign_page.html"

    class Meta:
        verbose_name = "campaign page"


# ONS ASHE, the usual source, has its tables online from 1997; older figures would mislead more than help.
FIRST_SALARY_YEAR = 1997


class CareerProfilePage(Page):
    """What a digital job is like in Leeds City Region, and the ways into it."""

    summary = models.CharField(max_length=200, help_text="One sentence for cards and search results")
    job_description = RichTextField("what the job is", features=FEATURES)
    salary_min = models.PositiveIntegerField("lowest typical salary (£ a year)", null=True, blank=True)
    salary_max = models.PositiveIntegerField("highest typical salary (£ a year)", null=True, blank=True)
    salary_source = models.CharField(
        max_length=200, blank=True, help_text="Who published the figures, such as “ONS ASHE” or “ONS ASHE, Leeds”"
    )
    salary_year = models.PositiveSmallIntegerField(
        "year of the salary figures", null=True, blank=True, help_text="The year the figures are for, such as 2025"
    )
    salary_source_url = models.URLField("link to the salary source", max_length=300, blank=True)
    day_in_the_life = RichTextField("a day in the life", features=FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("job_description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")]),
                FieldRowPanel([FieldPanel("salary_source"), FieldPanel("salary_year")]),
                FieldPanel("salary_source_url"),
            ],
            heading="Typical salary in Leeds City Region",
            help_text="Give a source and its year whenever you give a salary",
        ),
        InlinePanel("skills", heading="Skills by tier", label="Skill"),
        FieldPanel("day_in_the_life"),
        InlinePanel("standard_links", heading="Apprenticeship standards", label="Apprenticeship standard"),
        # Its rows are courses' CareerProfileProgramme (courses builds on careers, not the reverse).
        InlinePanel(
            "programme_links",
            heading="Example programmes",
            label="Programme",
            help_text="Only programmes that are open at the time are shown",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("job_description"),
        index.SearchField("day_in_the_life"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    template = "careers/pages/career_profile_page.html"

    class Meta:
        verbose_name = "career profile"

    def clean(self):
        super().clean()
        errors = {}
        if self.salary_min is not None or self.salary_max is not None:
            if not self.salary_source.strip():
                errors["salary_source"] = (
                    "Say who published the salary figures, such as “ONS Annual Survey of Hours and Earnings, "
                    "Leeds”. Leave the salary empty if there is no source"
                )
            if self.salary_year is None:
                errors["salary_year"] = "Say which year the salary figures are for, such as 2025"
            if not self.salary_source_url:
                errors["salary_source_url"] = "Add a link to the salary source, so readers can check the figures"
        if self.salary_year is not None and not FIRST_SALARY_YEAR <= self.salary_year <= timezone.localdate().year:
            errors["salary_year"] = f"Give a year from {FIRST_SALARY_YEAR} to this year"
        if self.salary_min is not None and self.salary_max is not None and self.salary_max < self.salary_min:
            errors["salary_max"] = "The highest salary must be the same as the lowest salary or more"
        if errors:
            raise ValidationError(errors)

    @property
    def salary_range(self) -> str:
        """“£24,000 to £32,000 a year”, “From £24,000 a year”, or empty."""
        low, high = self.salary_min, self.salary_max
        if low is not None and high is not None:
            return f"£{low:,} a year" if low == high else f"£{low:,} to £{high:,} a year"
        if low is not None:
            return f"From £{low:,} a year"
        if high is not None:
            return f"Up to £{high:,} a year"
        return ""

    @property
    def salary_source_named(self) -> str:
        """“ONS ASHE 2025”: who published the figures and the year they are for."""
        year = str(self.salary_year or "")
        return self.salary_source if year in self.salary_source else f"{self.salary_source} {year}"

    def skills_by_tier(self) -> list[tuple]:
        """[(tier, [skill, …]), …] from the first tier to the last."""
        grouped = {}
        for skill in self.skills.select_related("tier", "skill_area"):
            grouped.setdefault(skill.tier, []).append(skill)
        return sorted(grouped.items(), key=lambda item: item[0].position)

    def get_context(self, request, *args, **kwargs):
        from ..structured_data import occupation_json_ld  # it reads these models

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = occupation_json_ld(self, request)
        context["search_url"] = search_url(query=self.title)
        context["standards"] = [link.standard for link in self.standard_links.select_related("standard")]
        context["programmes"] = open_programmes(links=self.programme_links.all())
        near, context["near_error"] = place_given(request.GET.get("near", "")[:20])
        skill_areas = tuple(dict.fromkeys(skill.skill_area.code for skill in self.skills.select_related("skill_area")))
        context["open_now"] = career_opportunities(skill_areas=skill_areas, words=self.title, near=near)
        # A page being created has no id yet, so nothing can point at it.
        # Stories point at the English profile; its translations show the same ones.
        stories = StoryPage.objects.live().filter(career_profile__translation_key=self.translation_key, locale=Locale.get_default())
        context["stories"] = stories.order_by("title") if self.pk else []
        return context


class CareerProfileSkill(Orderable):
    page = ParentalKey(CareerProfilePage, on_delete=models.CASCADE, related_name="skills")
    tier = models.ForeignKey("pathways.Tier", on_delete=models.PROTECT, related_name="+")
    skill_area = models.ForeignKey("pathways.SkillArea", on_delete=models.PROTECT, related_name="+")
    use = models.CharField(max_length=200, blank=True, help_text="What you use it for in this job, in a few words")

    panels = [FieldRowPanel([FieldPanel("tier"), FieldPanel("skill_area")]), FieldPanel("use")]

    def __str__(self):
        return f"{self.skill_area} ({self.tier})"


class CareerProfileStandard(Orderable):
    page = ParentalKey(CareerProfilePage, on_delete=models.CASCADE, related_name="standard_links")
    standard = models.ForeignKey(ApprenticeshipStandard, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("standard")]

    def __str__(self):
        return str(self.standard)


class StoryPage(Page):
    """A person's own story of getting digital skills or a digital job."""

    first_name = models.CharField(max_length=60)
    who_they_are = models.CharField(
        max_length=100, help_text="A few words, such as “career changer”, “apprentice” or “learned the basics at 67”"
    )
    pull_quote = models.TextField(max_length=400, help_text="Their own words, shown on campaign pages")
    body = RichTextField(features=FEATURES)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="With their permission. The image's description (or title) is read out as its alternative text",
    )
    career_profile = models.ForeignKey(
        CareerProfilePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("who_they_are")]),
        FieldPanel("pull_quote"),
        FieldPanel("body"),
        FieldPanel("photo"),
        FieldPanel("career_profile"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("pull_quote"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    template = "careers/pages/story_page.html"

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Those not yet over (one under way included), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Those that have ended, the latest first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class EventPage(Located, Page):
    """A careers or get-online event; where it is comes from its postcode, like every other place."""

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", "At a venue"
        ONLINE = "online", "Online"
        MIXED = "mixed", "At a venue and online"

    summary = models.CharField(max_length=300, help_text="One or two plain sentences")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    attendance = models.CharField("how people take part", max_length=10, choices=Attendance, default=Attendance.IN_PERSON)
    venue_name = models.CharField(max_length=200, blank=True, help_text="Leave empty for an event that is only online")
    # An online event has no venue, so no postcode (Located requires one for everything else).
    postcode = models.CharField(max_length=8, blank=True, help_text="For example LS1 4AP")
    online_url = models.URLField(
        "link to join online", max_length=300, blank=True, help_text="Leave empty if you send the link to people who book"
    )
    booking_url = models.URLField("booking link", max_length=300, blank=True)
    cost = models.CharField(max_length=100, default="Free", help_text="Such as “Free” or “£5, free for under-18s”")
    cancelled = models.BooleanField(
        "this event is cancelled", default=False, help_text="Keep the page published so that people who booked find out"
    )
    body = RichTextField(features=FEATURES, blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="When"),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("town"),
                FieldPanel("postcode"),
                FieldPanel("online_url"),
            ],
            heading="Where",
        ),
        FieldPanel("cost"),
        FieldPanel("booking_url"),
        FieldPanel("cancelled"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.SearchField("town"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    template = "careers/pages/event_page.html"

    class Meta:
        verbose_name = "event"

    def clean(self):
        # Located.clean checks the postcode with places.postcodes.locate and says what is wrong with it.
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The event must end after it starts"
        if self.at_venue:
            if not self.venue_name.strip():
                errors["venue_name"] = "Give the venue's name, such as “Leeds Central Library”"
            if not self.postcode.strip():
                errors["postcode"] = "Give the venue's postcode, so people can find it"
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..structured_data import event_json_ld  # it reads these models

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = event_json_ld(self, request)
        return context

    @property
    def calendar_url(self) -> str:
        return reverse("careers:event_calendar", args=[self.pk]) if self.pk else ""

    @property
    def price(self) -> Decimal | None:
        """0 for a free event, the first amount in pounds in the cost (“£5, free for under-18s”), else None."""
        cost = self.cost.strip().lower()
        if cost.startswith("free"):
            return Decimal(0)
        amount = re.search(r"£\s*(\d+(?:\.\d{1,2})?)", cost)
        return Decimal(amount.group(1)) if amount else None

    @property
    def at_venue(self) -> bool:
        return self.attendance != self.Attendance.ONLINE

    @property
    def online(self) -> bool:
        return self.attendance != self.Attendance.IN_PERSON

    @property
    def has_happened(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def when(self) -> str:
        """“Tuesday 14 October 2025, 6pm to 8:30pm”, in UK time; both days when it runs over more than one."""
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        if starts.date() == ends.date():
            return f"{_day(starts)}, {_time(starts)} to {_time(ends)}"
        return f"{_day(starts)}, {_time(starts)} to {_day(ends)}, {_time(ends)}"

    @property
    def where(self) -> str:
        """The venue's address, “Online”, or both."""
        venue = ", ".join(part for part in (self.venue_name, self.address, self.town, self.postcode) if part) if self.at_venue else ""
        if not self.online:
            return venue
        return f"{venue}, and online" if venue else "Online"


def _day(moment) -> str:
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def _time(moment) -> str:
    # GOV.UK style: 6pm, 5:30pm, midday, midnight.
    # https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#times
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"

"""The careers campaign in Wagtail: campaign pages, career profiles, stories and events.

Pages are editorial. They point at records (tiers, skill areas, apprenticeship standards, programmes,
sponsors) through foreign keys and choosers and never copy their fields.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from places.models import Located
from publishing.rich_text import FEATURES

from ..blocks import CampaignStreamBlock, search_url
from ..selectors import open_programmes
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


class CareerProfilePage(Page):
    """What a digital job is like in Leeds City Region, and the ways into it."""

    summary = models.CharField(max_length=200, help_text="One sentence for cards and search results")
    job_description = RichTextField("what the job is", features=FEATURES)
    salary_min = models.PositiveIntegerField("lowest typical salary (£ a year)", null=True, blank=True)
    salary_max = models.PositiveIntegerField("highest typical salary (£ a year)", null=True, blank=True)
    salary_source = models.CharField(
        max_length=200, blank=True, help_text="Where the figures come from, such as “ONS ASHE 2024, Leeds”"
    )
    salary_source_url = models.URLField("link to the salary source", max_length=300, blank=True)
    day_in_the_life = RichTextField("a day in the life", features=FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("job_description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")]),
                FieldPanel("salary_source"),
                FieldPanel("salary_source_url"),
            ],
            heading="Typical salary in Leeds City Region",
            help_text="Give a source whenever you give a salary",
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
                    "Say where the salary figures come from, such as “ONS Annual Survey of Hours and Earnings "
                    "2024, Leeds”. Leave the salary empty if there is no source"
                )
            if not self.salary_source_url:
                errors["salary_source_url"] = "Add a link to the salary source, so readers can check the figures"
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

    def skills_by_tier(self) -> list[tuple]:
        """[(tier, [skill, …]), …] from the first tier to the last."""
        grouped = {}
        for skill in self.skills.select_related("tier", "skill_area"):
            grouped.setdefault(skill.tier, []).append(skill)
        return sorted(grouped.items(), key=lambda item: item[0].position)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["search_url"] = search_url(query=self.title)
        context["standards"] = [link.standard for link in self.standard_links.select_related("standard")]
        context["programmes"] = open_programmes(links=self.programme_links.all())
        # A page being created has no id yet, so nothing can point at it.
        context["stories"] = StoryPage.objects.live().filter(career_profile=self).order_by("title") if self.pk else []
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


class EventPage(Located, Page):
    """A careers or get-online event; where it is comes from its postcode, like every other place."""

    summary = models.CharField(max_length=300, help_text="One or two plain sentences")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue_name = models.CharField(max_length=200)
    booking_url = models.URLField("booking link", max_length=300, blank=True)
    cost = models.CharField(max_length=100, default="Free", help_text="Such as “Free” or “£5, free for under-18s”")
    body = RichTextField(features=FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="When"),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("town"), FieldPanel("postcode")],
            heading="Where",
        ),
        FieldPanel("cost"),
        FieldPanel("booking_url"),
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
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The event must end after it starts"})

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
        return ", ".join(part for part in (self.venue_name, self.address, self.town, self.postcode) if part)


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

import datetime

import factory
from django.utils import timezone
from wagtail.models import Locale

from careers.models import CampaignPage, CareerProfilePage, EventPage, StoryPage
from home.models import HomePage


class PageFactory(factory.django.DjangoModelFactory):
    """A page under the home page with a first revision, published unless publish=False."""

    class Meta:
        abstract = True

    publish = True

    @classmethod
    def _build(cls, model_class, *args, publish=True, **kwargs):
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, publish=True, parent=None, **kwargs):
        page = model_class(*args, live=publish, **kwargs)
        (parent or HomePage.objects.get(locale=Locale.get_default())).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class CampaignPageFactory(PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Start a digital career {n}")
    slug = factory.Sequence(lambda n: f"start-a-digital-career-{n}")
    introduction = "How people across the region got into digital jobs, and what is open to you now."
    body = factory.LazyFunction(list)


class CareerProfilePageFactory(PageFactory):
    class Meta:
        model = CareerProfilePage

    title = factory.Sequence(lambda n: f"Data analyst {n}")
    slug = factory.Sequence(lambda n: f"data-analyst-{n}")
    summary = "Find the story in the numbers and help organisations make better decisions."
    job_description = "<p>Data analysts collect and study information to answer questions.</p>"
    day_in_the_life = "<p>You start by checking that last night's figures loaded properly.</p>"
    salary_min = 25000
    salary_max = 40000
    salary_source = "Demo figure for illustration — replace with ONS ASHE data before launch"
    salary_year = 2025
    salary_source_url = "https://www.ons.gov.uk/"


class StoryPageFactory(PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"From the shop floor to data analyst {n}")
    slug = factory.Sequence(lambda n: f"priyas-story-{n}")
    first_name = "Priya"
    who_they_are = "career changer"
    pull_quote = "The course gave it a name, and gave me the confidence to apply."
    body = "<p>Priya worked in retail in Bradford for twelve years before she moved into data.</p>"


def _in_days(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


class EventPageFactory(PageFactory):
    """An event two weeks from now, unless days_away says otherwise."""

    class Meta:
        model = EventPage
        exclude = ["days_away"]

    days_away = 14
    title = factory.Sequence(lambda n: f"Digital careers evening {n}")
    slug = factory.Sequence(lambda n: f"digital-careers-evening-{n}")
    summary = "Meet local employers, apprentices and training providers."
    starts_at = factory.LazyAttribute(lambda event: _in_days(event.days_away, 17))
    ends_at = factory.LazyAttribute(lambda event: _in_days(event.days_away, 19))
    venue_name = "Leeds Central Library"
    address = "Calverley Street"
    town = "Leeds"
    postcode = "LS1 3AB"
    cost = "Free"
    booking_url = "https://example.org/book"
    body = "<p>There will be short talks at 6pm and 7pm.</p>"

"""schema.org JSON-LD for programmes (Course with CourseInstance) and providers (EducationalOrganization)."""

from publishing.structured_data import absolute, compact, identifier, place, plain_text

from .models import Programme, Provider

COURSE_MODES = {"in_person": "Onsite", "online": "Online", "blended": "Blended"}


def provider_json_ld(provider: Provider, request) -> dict:
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "EducationalOrganization",
            "name": provider.name,
            "url": absolute(request, provider.get_absolute_url()),
            "identifier": identifier("UKPRN", provider.ukprn),
            "sameAs": provider.website,
            "description": provider.description,
            "email": provider.email,
            "telephone": provider.phone,
        }
    )


def _run_location(run, programme: Programme, venues: list):
    if programme.delivery_mode == Programme.DeliveryMode.ONLINE:
        return None
    venue = run.venue if run and run.venue else (venues[0] if venues else None)
    return place(venue, venue.name) if venue else None


def programme_json_ld(programme: Programme, request) -> dict:
    provider = programme.provider
    venues = list(programme.venues.all())
    mode = COURSE_MODES[programme.delivery_mode]
    workload = f"PT{programme.hours_per_week.normalize()}H" if programme.hours_per_week else None
    instances = [
        {
            "@type": "CourseInstance",
            "courseMode": mode,
            "startDate": run.starts_on,
            "endDate": run.ends_on,
            "location": _run_location(run, programme, venues),
            "courseWorkload": workload,
        }
        for run in programme.future_runs().select_related("venue")
    ]
    if not instances:  # ongoing programmes: people start any week
        instances = [
            {
                "@type": "CourseInstance",
                "courseMode": mode,
                "location": _run_location(None, programme, venues),
                "courseWorkload": workload,
                "courseSchedule": {"@type": "Schedule", "repeatFrequency": "P1W", "description": "Start any time"},
            }
        ]
    paid = programme.cost == Programme.Cost.PAID
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": programme.title,
            "description": programme.summary or plain_text(programme.description),
            "url": absolute(request, programme.get_absolute_url()),
            "courseCode": programme.reference,
            "identifier": identifier("LARS", programme.lars_code),
            "educationalLevel": programme.get_level_display(),
            "isAccessibleForFree": not paid,
            "provider": {
                "@type": "EducationalOrganization",
                "name": provider.name,
                "url": absolute(request, provider.get_absolute_url()),
                "identifier": identifier("UKPRN", provider.ukprn),
            },
            "about": [area.title for area in programme.skill_areas.all()],
            "hasCourseInstance": instances,
            "offers": [
                {
                    "@type": "Offer",
                    "category": "Paid" if paid else "Free",
                    "price": programme.cost_amount if paid else 0,
                    "priceCurrency": "GBP",
                }
            ],
        }
    )

"""schema.org JSON-LD: JobPosting for vacancies and sponsored roles, EducationalOccupationalProgram for
sponsored course places and scholarships, Organization for employers; Event and Occupation for the campaign's
event and career profile pages."""

from django.utils import timezone

from publishing.structured_data import absolute, compact, identifier, place, plain_text, postal_address

COMPANY_NUMBER = "Companies House number"
STANDARD_REFERENCE = "IfATE standard reference"

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity


def employer_json_ld(employer: Employer, request) -> dict:
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": employer.name,
            "url": absolute(request, employer.get_absolute_url()),
            "identifier": identifier(COMPANY_NUMBER, employer.companies_house_number),
            "sameAs": employer.website,
            "description": employer.description,
        }
    )


def _organisation(employer: Employer, request) -> dict:
    return {
        "@type": "Organization",
        "name": employer.name,
        "sameAs": employer.website or absolute(request, employer.get_absolute_url()),
        "identifier": identifier(COMPANY_NUMBER, employer.companies_house_number),
    }


def vacancy_json_ld(vacancy: ApprenticeshipVacancy, request) -> dict:
    standard = vacancy.standard
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": vacancy.title,
            "description": vacancy.description or vacancy.summary,
            "url": absolute(request, vacancy.get_absolute_url()),
            "identifier": {"@type": "PropertyValue", "name": vacancy.employer.name, "value": vacancy.reference or str(vacancy.pk)},
            "datePosted": (vacancy.published_at or vacancy.created_at).date(),
            "validThrough": vacancy.closing_date,
            "jobStartDate": vacancy.start_date,
            "employmentType": "FULL_TIME" if vacancy.hours_per_week >= 30 else "PART_TIME",
            "hiringOrganization": _organisation(vacancy.employer, request),
            "jobLocation": {"@type": "Place", "address": postal_address(vacancy)},
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "GBP",
                "value": {"@type": "QuantitativeValue", "value": vacancy.weekly_wage, "unitText": "WEEK"},
            },
            "totalJobOpenings": vacancy.positions,
            "educationRequirements": {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "apprenticeship",
                "name": f"{standard.title} apprenticeship, level {standard.level}",
                "identifier": identifier(STANDARD_REFERENCE, standard.reference),
            },
            "skills": ", ".join(area.title for area in vacancy.skill_areas.all()),
        }
    )


def opportunity_json_ld(opportunity: SponsoredOpportunity, request) -> dict:
    url = absolute(request, opportunity.get_absolute_url())
    if opportunity.is_job:
        location = (
            {"jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": {"@type": "Country", "name": "United Kingdom"}}
            if opportunity.is_remote
            else {"jobLocation": {"@type": "Place", "address": postal_address(opportunity)}}
        )
        return compact(
            {
                "@context": "https://schema.org",
                "@type": "JobPosting",
                "title": opportunity.title,
                "description": opportunity.description or opportunity.summary,
                "url": url,
                "datePosted": (opportunity.published_at or opportunity.created_at).date(),
                "validThrough": opportunity.closing_date,
                "jobStartDate": opportunity.starts_on,
                "employmentType": "INTERN" if opportunity.kind == SponsoredOpportunity.Kind.PLACEMENT else "FULL_TIME",
                "hiringOrganization": _organisation(opportunity.sponsor, request),
                **location,
            }
        )
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "EducationalOccupationalProgram",
            "name": opportunity.title,
            "description": opportunity.summary or plain_text(opportunity.description),
            "url": url,
            "provider": _organisation(opportunity.sponsor, request),
            "applicationDeadline": opportunity.closing_date,
            "startDate": opportunity.starts_on,
            "educationalProgramMode": "online" if opportunity.is_remote else "in person",
            "offers": {"@type": "Offer", "category": "Sponsored", "price": 0, "priceCurrency": "GBP"},
            "location": None if opportunity.is_remote else place(opportunity, opportunity.town),
        }
    )


# The campaign's pages ----------------------------------------------------------------------------------------

ORGANISER = "Digital Skills Leeds City Region"
REGION = {"@type": "AdministrativeArea", "name": "Leeds City Region", "containedInPlace": {"@type": "Country", "name": "United Kingdom"}}
ATTENDANCE_MODES = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(event, request) -> dict:
    url = absolute(request, event.url)
    locations = []
    if event.at_venue:
        locations.append(place(event, event.venue_name))
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url or url})
    price = event.price
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": event.summary,
            "url": url,
            "startDate": timezone.localtime(event.starts_at),
            "endDate": timezone.localtime(event.ends_at),
            "eventAttendanceMode": ATTENDANCE_MODES[event.attendance],
            "eventStatus": "https://schema.org/EventCancelled" if event.cancelled else "https://schema.org/EventScheduled",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": {"@type": "Organization", "name": ORGANISER, "url": absolute(request, "/")},
            "offers": {
                "@type": "Offer",
                "price": price,
                "priceCurrency": "GBP" if price is not None else None,
                "description": event.cost,
                "url": event.booking_url or url,
                "availability": "https://schema.org/InStock",
            },
        }
    )


def occupation_json_ld(profile, request) -> dict:
    standards = [link.standard for link in profile.standard_links.select_related("standard")]
    salary = None
    if profile.salary_range:
        salary = {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": "GBP",
            "duration": "P1Y",
            # The profile gives a typical range: its lowest and highest stand for the 10th and 90th percentiles,
            # the range Google's occupation markup reads. https://developers.google.com/search/docs/appearance/structured-data/estimated-salary
            "percentile10": profile.salary_min,
            "percentile90": profile.salary_max,
            "description": f"Source: {profile.salary_source_named}",
            "url": profile.salary_source_url,
        }
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Occupation",
            "name": profile.title,
            "description": profile.summary or plain_text(profile.job_description),
            "url": absolute(request, profile.url),
            "occupationLocation": [REGION],
            "estimatedSalary": [salary] if salary else None,
            "skills": ", ".join(dict.fromkeys(skill.skill_area.title for skill in profile.skills.select_related("skill_area"))),
            "educationRequirements": [
                {
                    "@type": "EducationalOccupationalCredential",
                    "credentialCategory": "apprenticeship",
                    "name": f"{standard.title} apprenticeship, level {standard.level}",
                    "identifier": identifier(STANDARD_REFERENCE, standard.reference),
                    "url": standard.source_url,
                }
                for standard in standards
            ],
        }
    )

"""schema.org JSON-LD: JobPosting for vacancies and sponsored roles, EducationalOccupationalProgram for
sponsored course places and scholarships, Organization for employers."""

from publishing.structured_data import absolute, compact, place, plain_text, postal_address

from .models import ApprenticeshipVacancy, Employer, SponsoredOpportunity


def employer_json_ld(employer: Employer, request) -> dict:
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": employer.name,
            "url": absolute(request, employer.get_absolute_url()),
            "sameAs": employer.website,
            "description": employer.description,
        }
    )


def _organisation(employer: Employer, request) -> dict:
    return {"@type": "Organization", "name": employer.name, "sameAs": employer.website or absolute(request, employer.get_absolute_url())}


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

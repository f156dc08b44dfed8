"""Form data as a person would submit it in the portals."""

from pathways.models import SkillArea, Tier
from tests.careers.factories import in_days


def programme_data(**changes) -> dict:
    data = {
        "reference": "NEW-1",
        "kind": "course",
        "title": "Cyber security for small businesses",
        "summary": "Protect your business from the most common online attacks.",
        "description": "Learn to spot phishing, set up backups and keep devices up to date.\n\nFor owners and staff.",
        "tier": Tier.objects.get(code="general").pk,
        "skill_areas": [SkillArea.objects.get(code="EDS-S").pk],
        "level": "2",
        "delivery_mode": "online",
        "cost": "free",
        "duration": "4 weeks",
        "how_to_apply": "Book online.",
        "enquiry_url": "https://airevalley.example.org/cyber",
    }
    data.update(changes)
    return data


def vacancy_data(**changes) -> dict:
    from careers.models import ApprenticeshipStandard

    data = {
        "reference": "APP-1",
        "title": "Data analyst apprentice",
        "summary": "Work with our analytics team and study for a level 4 qualification.",
        "description": "You will clean, analyse and present data that helps the bank serve customers.",
        "standard": ApprenticeshipStandard.objects.get(reference="ST0116").pk,
        "tier": Tier.objects.get(code="advanced").pk,
        "skill_areas": [SkillArea.objects.get(code="ADV-DATA").pk],
        "weekly_wage": "400.00",
        "hours_per_week": "37.5",
        "address": "1 Wellington Place",
        "town": "Leeds",
        "postcode": "LS1 4AP",
        "closing_date": in_days(30).isoformat(),
        "start_date": in_days(60).isoformat(),
        "positions": "2",
        "how_to_apply": "Apply online with a short statement.",
        "apply_url": "https://airebank.example.org/careers/data",
    }
    data.update(changes)
    return data


def opportunity_data(**changes) -> dict:
    data = {
        "kind": "bootcamp_place",
        "reference": "BOOT-1",
        "title": "Funded cloud bootcamp place",
        "summary": "A fully funded 10-week cloud engineering bootcamp with an interview at the end.",
        "description": "For people changing career into cloud engineering.",
        "tier": Tier.objects.get(code="advanced").pk,
        "skill_areas": [SkillArea.objects.get(code="ADV-CLOUD").pk],
        "is_remote": "on",
        "pay": "Fully funded",
        "closing_date": in_days(21).isoformat(),
        "starts_on": in_days(40).isoformat(),
        "how_to_apply": "Apply online; no experience needed.",
        "apply_url": "https://airebank.example.org/bootcamp",
    }
    data.update(changes)
    return data

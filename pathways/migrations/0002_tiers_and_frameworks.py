"""The three tiers, and skill areas and competences from data/reference/digital_skills_frameworks.csv
(UK Essential Digital Skills, DfE, OGL v3.0; EU DigComp 2.2, JRC, CC BY 4.0), plus our advanced specialisms.

Codes are stable; editors may change titles later, so existing rows are never overwritten here.
"""

import csv
from pathlib import Path

from django.db import migrations

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"

TIERS = [
    (
        "inclusion",
        "Getting started",
        1,
        "The basics, so no one is shut out: using a device, staying safe online, email and video calls.",
        "For people who are new to computers, phones or the internet, or who want more confidence with the "
        "basics: turning on a device, connecting to Wi-Fi, keeping passwords safe, sending email, making video "
        "calls, filling in forms and using online banking and services. Help is free and friendly.",
    ),
    (
        "general",
        "Everyday and work skills",
        2,
        "Confident use of digital tools for life and work: documents, spreadsheets, working online with others.",
        "For people who have the basics and want more confidence or depth: office tools such as documents and "
        "spreadsheets, finding and judging information, working together online, basic digital marketing and "
        "using data at work.",
    ),
    (
        "advanced",
        "Digital careers",
        3,
        "Skills for digital jobs: software, data, cyber security, cloud, AI and design.",
        "For people aiming at a higher-skilled digital role: software development, data, cyber security, cloud "
        "and infrastructure, artificial intelligence and design. Routes in include courses, bootcamps, "
        "apprenticeships from level 2 to degree level, and roles sponsored by local employers.",
    ),
]

SPECIALISMS = [
    ("ADV-SOFTWARE", "Software development", "Writing, testing and maintaining software, websites and apps."),
    ("ADV-DATA", "Data", "Collecting, cleaning, analysing and presenting data to help make decisions."),
    ("ADV-CYBER", "Cyber security", "Protecting systems, networks and data from attack and misuse."),
    ("ADV-CLOUD", "Cloud and infrastructure", "Building and running the servers, networks and cloud platforms services run on."),
    ("ADV-AI", "AI and machine learning", "Building and using systems that learn from data, responsibly."),
    ("ADV-DESIGN", "Digital design", "Designing websites, apps and services that work well for the people who use them."),
    ("ADV-MARKETING", "Digital marketing and content", "Reaching people online with content, social media, search and analytics."),
    ("ADV-IT-SUPPORT", "IT support and networks", "Helping people with their technology, and setting up and fixing devices and networks."),
]
SPECIALISM_SOURCE = "Leeds City Region digital skills platform: advanced specialisms"

FRAMEWORKS = {"UK EDS": "uk-eds", "DigComp": "digcomp"}
KINDS = {"skill statement": "skill statement", "example": "example", "competence": "competence"}


def area_code(framework: str, code: str) -> str:
    return code if framework == "UK EDS" else f"DC-{code}"


def load(apps, schema_editor):
    Tier = apps.get_model("pathways", "Tier")
    SkillArea = apps.get_model("pathways", "SkillArea")
    Competence = apps.get_model("pathways", "Competence")

    for code, name, position, summary, description in TIERS:
        Tier.objects.get_or_create(
            code=code, defaults={"name": name, "position": position, "summary": summary, "description": description}
        )

    with open(REFERENCE / "digital_skills_frameworks.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    areas = {}
    for position, row in enumerate(r for r in rows if r["kind"] == "area"):
        code = area_code(row["framework"], row["code"])
        areas[code], _ = SkillArea.objects.get_or_create(
            code=code,
            defaults={
                "framework": FRAMEWORKS[row["framework"]],
                "title": row["title_or_statement"],
                "description": row["description"],
                "position": position,
                "source": row["source"],
            },
        )
    for row in rows:
        if row["kind"] not in KINDS:
            continue  # DigComp's proficiency levels describe depth, not a skill area
        Competence.objects.get_or_create(
            code=area_code(row["framework"], row["code"]),
            defaults={
                "skill_area": areas[area_code(row["framework"], row["area_code"])],
                "kind": KINDS[row["kind"]],
                "title": row["title_or_statement"],
                "description": row["description"],
                "source": row["source"],
            },
        )
    for position, (code, title, description) in enumerate(SPECIALISMS):
        SkillArea.objects.get_or_create(
            code=code,
            defaults={
                "framework": "specialism",
                "title": title,
                "description": description,
                "position": position,
                "source": SPECIALISM_SOURCE,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("pathways", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

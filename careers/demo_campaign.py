"""Demonstration content for the careers campaign: campaign pages, career profiles, stories and events.

The people, events and sponsors are invented for the demonstration site; the places and apprenticeship
standards are real. Salaries are placeholders that say so, because we hold no verified salary data yet.
`load_demo_data` calls load_campaign_pages(home=…); running it again changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from courses.models import Programme
from pathways.models import SkillArea, Tier

from .models import (
    ApprenticeshipStandard,
    CampaignPage,
    CareerProfilePage,
    CareerProfileProgramme,
    CareerProfileSkill,
    CareerProfileStandard,
    EventPage,
    Sponsor,
    SponsorCampaign,
    StoryPage,
)

SALARY_SOURCE = "Demo figure for illustration — replace with ONS ASHE data before launch"
SALARY_SOURCE_URL = (
    "https://www.ons.gov.uk/employmentandlabourmarket/peopleinwork/earningsandworkinghours/"
    "bulletins/annualsurveyofhoursandearnings/latest"
)

SPONSORS = ["Aire Valley Software", "Calder Data Co-operative", "Kirkgate Network Services"]
SPONSOR_CAMPAIGN = {
    "slug": "demo-digital-careers-pledge",
    "name": "Digital careers pledge (demo)",
    "description": (
        "DEMO DATA, not a real campaign: an example of local businesses pledging funded course places and "
        "placements. The sponsors are invented names for the demonstration site."
    ),
}

# (slug, title, summary, job description, day in the life, salary range, main skill area,
#  skills as (tier, skill area, use), apprenticeship standard references)
PROFILES = [
    (
        "software-developer",
        "Software developer",
        "Design, write and test the code behind websites, apps and the systems businesses run on.",
        "<p>Software developers turn what people need into working software. You might build an online form "
        "for a council, an app for a building society in Leeds or the system that tracks parcels through a "
        "warehouse near Wakefield.</p><p>Most developers work in small teams. You talk to the people who will "
        "use what you build, write code in small steps, test it and improve it. Common languages include "
        "Python, JavaScript, C# and Java.</p>",
        "<p>You start with a short team meeting to say what you did yesterday and what you will do today. "
        "Then you pick up a piece of work, such as adding a new question to an online form, and write the "
        "code and the tests for it.</p><p>After lunch a colleague reviews your code and suggests changes. "
        "Later you show the new form to the person who asked for it and note what they would like "
        "changed.</p>",
        (26000, 48000),
        "ADV-SOFTWARE",
        [
            (Tier.GENERAL, "EDS-P", "breaking a problem into small steps"),
            (Tier.GENERAL, "DC-2", "working with a team online"),
            (Tier.ADVANCED, "ADV-SOFTWARE", "writing, testing and fixing code"),
            (Tier.ADVANCED, "ADV-CLOUD", "putting software live on cloud services"),
        ],
        ["ST0128", "ST0116"],
    ),
    (
        "data-analyst",
        "Data analyst",
        "Find the story in the numbers and help organisations make better decisions.",
        "<p>Data analysts collect, clean and study information to answer questions, such as which bus routes "
        "are busiest or which patients are waiting longest. You turn what you find into charts and short "
        "reports that people without a maths background can follow.</p><p>Analysts work for the NHS, "
        "councils, retailers, banks and housing associations across the region. Spreadsheets, SQL and tools "
        "such as Power BI or Python are common.</p>",
        "<p>You might begin by checking that last night's figures loaded properly. A manager asks why "
        "complaints went up last month, so you pull the data together, look for patterns and check them with "
        "the team who answer the phones.</p><p>By the afternoon you are building a simple dashboard so the "
        "team can see the figures for themselves each week.</p>",
        (25000, 40000),
        "ADV-DATA",
        [
            (Tier.GENERAL, "EDS-H", "finding, sorting and checking information"),
            (Tier.GENERAL, "DC-1", "judging whether data can be trusted"),
            (Tier.ADVANCED, "ADV-DATA", "analysing data and presenting what it shows"),
        ],
        ["ST0795", "ST0118"],
    ),
    (
        "cyber-security-analyst",
        "Cyber security analyst",
        "Protect organisations from online attacks, and help them recover when something goes wrong.",
        "<p>Cyber security analysts watch for signs of attack, such as suspicious log-ins or emails that try "
        "to trick staff. You find weak spots before criminals do, fix them, and explain to colleagues how to "
        "stay safe.</p><p>Every kind of organisation needs this work, from hospitals and councils to online "
        "shops. Many analysts start in IT support and move across.</p>",
        "<p>Your shift starts with the alerts that came in overnight. Most are harmless, but one shows "
        "someone trying many passwords on a staff account, so you lock it and call the person to reset "
        "it.</p><p>Later you run a check of the organisation's laptops for missing updates and write a short "
        "guide for staff on spotting scam emails.</p>",
        (30000, 50000),
        "ADV-CYBER",
        [
            (Tier.INCLUSION, "EDS-S", "the habits that keep everyone safe online"),
            (Tier.GENERAL, "DC-4", "protecting devices, data and privacy"),
            (Tier.ADVANCED, "ADV-CYBER", "spotting, stopping and investigating attacks"),
            (Tier.ADVANCED, "ADV-CLOUD", "securing networks and cloud services"),
        ],
        ["ST1021", "ST0409"],
    ),
    (
        "it-support-technician",
        "IT support technician",
        "Keep computers, phones and networks working, and help people when they get stuck.",
        "<p>IT support technicians set up laptops and phones, fix problems and help people use their "
        "technology. You answer calls and messages, visit desks, and keep a record of what you did so the "
        "next person can follow it.</p><p>It is one of the most common ways into a digital career: patience "
        "and clear explanations matter as much as technical knowledge.</p>",
        "<p>The first call of the day is a printer that will not connect. Then a new starter needs a laptop "
        "set up with the right accounts.</p><p>In the afternoon you help a colleague who is locked out of "
        "their email, and replace a faulty network switch in the meeting room.</p>",
        (21000, 28000),
        "ADV-IT-SUPPORT",
        [
            (Tier.INCLUSION, "EDS-F", "confident with devices, settings and passwords"),
            (Tier.GENERAL, "EDS-C", "explaining things clearly to people who are stuck"),
            (Tier.ADVANCED, "ADV-IT-SUPPORT", "fixing devices and networks"),
        ],
        ["ST0120", "ST0973"],
    ),
    (
        "digital-marketer",
        "Digital marketer",
        "Reach customers online through social media, search, email and websites, and measure what works.",
        "<p>Digital marketers help organisations find and keep customers online. You write posts and emails, "
        "improve web pages so people can find them in search engines, run adverts and look at the figures to "
        "see what worked.</p><p>Small businesses, charities, agencies and large employers across the region "
        "all need these skills.</p>",
        "<p>You start by checking how yesterday's posts and emails did. A local charity wants more people at "
        "its open day, so you plan a week of posts and a short email.</p><p>In the afternoon you rewrite a "
        "web page so it answers the questions people search for.</p>",
        (23000, 35000),
        "ADV-MARKETING",
        [
            (Tier.GENERAL, "EDS-C", "writing clearly for different people"),
            (Tier.GENERAL, "DC-3", "making images, video and posts"),
            (Tier.ADVANCED, "ADV-MARKETING", "planning campaigns across social media, search and email"),
            (Tier.ADVANCED, "ADV-DATA", "measuring what worked"),
        ],
        ["ST0122"],
    ),
    (
        "ux-designer",
        "User experience (UX) designer",
        "Research how people use websites and apps, and design them so they are easy for everyone.",
        "<p>UX designers find out what people are trying to do and where they get stuck, then design "
        "services that work for them, including people who use screen readers or are new to the "
        "internet.</p><p>You sketch ideas, build simple prototypes and test them with real users before "
        "developers build the final version.</p>",
        "<p>This morning you watch three people try to apply for a parking permit on a prototype. Two miss "
        "the button you thought was obvious.</p><p>After lunch you redesign that page with the team and plan "
        "another round of testing for next week.</p>",
        (28000, 45000),
        "ADV-DESIGN",
        [
            (Tier.GENERAL, "DC-2", "listening to people and working with a team"),
            (Tier.GENERAL, "DC-3", "making clear pages and images"),
            (Tier.ADVANCED, "ADV-DESIGN", "research, prototypes and accessible design"),
        ],
        [],
    ),
]

# (slug, title, first name, who they are, pull quote, body, career profile slug or None)
STORIES = [
    (
        "priyas-story",
        "From the shop floor to data analyst",
        "Priya",
        "career changer",
        "I had been doing the rota and stock counts in spreadsheets for years without knowing that was data "
        "analysis. The course gave it a name, and gave me the confidence to apply.",
        "<p>Priya worked in retail in Bradford for twelve years, ending up as an assistant store manager. She "
        "liked the people but not the late shifts, and she had noticed that the part of the job she enjoyed "
        "most was working out why sales went up or down.</p><p>She found a free twelve-week data course with "
        "evening classes, so she could keep working while she learned. The hardest part was the first week: "
        "she had never written a formula longer than a sum.</p><p>Six months later she started as a junior "
        "data analyst at a housing association. “My advice is to start with what you already know. I knew "
        "the shop's numbers inside out. That was my first project.”</p>",
        "data-analyst",
    ),
    (
        "jordans-story",
        "Earning while I learn to code",
        "Jordan",
        "apprentice",
        "My mates at university are paying fees. I am getting paid, I have a real job, and I will finish with "
        "the same kind of qualification.",
        "<p>Jordan left sixth form in Leeds unsure about university. A teacher suggested a software developer "
        "apprenticeship, and he applied to three employers before getting an offer.</p><p>He spends four days "
        "a week in the development team and one day studying. In his first month he fixed a bug that had "
        "annoyed customers for a year.</p><p>“Nobody expected me to know everything. They expected me to ask "
        "questions, and I asked a lot.”</p>",
        "software-developer",
    ),
    (
        "margarets-story",
        "Online at 67, and now I help others",
        "Margaret",
        "learned the basics at 67",
        "I was nervous at first, but the volunteer went at my pace. Now I video call my grandchildren every "
        "Sunday and I order my prescriptions on my phone.",
        "<p>Margaret had never used a computer at work and did not own a smartphone. When her GP surgery "
        "started asking patients to book online, she went along to a free drop-in session at her local "
        "library in Wakefield.</p><p>She borrowed a tablet for six weeks while she learned, and a volunteer "
        "helped her set up email, video calls and the NHS App. She learned how to spot a scam text on the "
        "way.</p><p>She now volunteers at the same drop-in on Tuesday mornings. “If I can do it, anyone can. "
        "The trick is having someone patient next to you.”</p>",
        None,
    ),
    (
        "tariqs-story",
        "From fixing laptops to running the help desk",
        "Tariq",
        "apprentice, now IT support technician",
        "I was always the one fixing everyone's laptops. The apprenticeship turned that into a job, and into a "
        "qualification I can build on.",
        "<p>Tariq did a digital support technician apprenticeship with a manufacturer near Huddersfield after "
        "leaving college. He learned to set up devices, manage accounts and keep the network running, with "
        "study time every week.</p><p>Two years on, he leads the help desk and is training for a cyber "
        "security qualification.</p><p>“The best bit is when someone comes to you panicking and leaves "
        "smiling.”</p>",
        "it-support-technician",
    ),
    (
        "aishas-story",
        "Back to work in cyber security after a career break",
        "Aisha",
        "returner",
        "After eight years at home with my children, I thought tech had moved on without me. The returner "
        "programme showed me how much I already had to offer.",
        "<p>Aisha had worked in IT administration before taking a career break to care for her children. "
        "When they started school, she joined a paid returner programme with an employer in Halifax.</p>"
        "<p>The programme started with refresher training and a mentor, then twelve weeks in the security "
        "team. She now works as a junior cyber security analyst, mostly from home, with hours that fit the "
        "school run.</p><p>“Returner programmes exist because employers want people like us. Apply.”</p>",
        "cyber-security-analyst",
    ),
]

# (slug, title, summary, venue, address, town, postcode, days from today, start (h, m), end (h, m),
#  cost, booking link, body)
EVENTS = [
    (
        "digital-careers-evening-leeds",
        "Digital careers evening in Leeds",
        "Meet local employers, apprentices and training providers, and find out how to start a digital career.",
        "Leeds Central Library",
        "Calverley Street",
        "Leeds",
        "LS1 3AB",
        21,
        (17, 30),
        (19, 30),
        "Free",
        "https://example.org/book/digital-careers-evening-leeds",
        "<p>Talk to people who do the jobs, from software developers to IT support technicians, and to "
        "colleges and employers that offer apprenticeships.</p><p>There will be short talks at 6pm and "
        "7pm. Tell us when you book if you need anything to help you take part.</p>",
    ),
    (
        "get-online-drop-in-wakefield",
        "Get online drop-in: help with phones, tablets and laptops",
        "Bring your phone, tablet or laptop, or borrow one of ours, and get friendly help with anything you are "
        "stuck on.",
        "Wakefield Library",
        "Wakefield One, Burton Street",
        "Wakefield",
        "WF1 2EB",
        10,
        (10, 0),
        (12, 0),
        "Free",
        "",
        "<p>You do not need to book: just come along. Volunteers can help with email, video calls, the NHS "
        "App, online forms and staying safe from scams.</p><p>Ask about borrowing a tablet or getting a free "
        "SIM card with data if you do not have one.</p>",
    ),
    (
        "cyber-security-taster-halifax",
        "Cyber security taster morning",
        "A hands-on morning for anyone curious about a career in cyber security. No experience needed.",
        "Halifax Central Library",
        "Square Road",
        "Halifax",
        "HX1 1QG",
        -14,
        (9, 30),
        (12, 30),
        "Free",
        "",
        "<p>Try spotting scam emails, see how passwords are cracked and hear from people who moved into cyber "
        "security from other jobs.</p>",
    ),
]


@transaction.atomic
def load_campaign_pages(*, home) -> dict[str, int]:
    """Create the demo campaign under the home page, once; return how many of each page type it has."""
    sponsors = [Sponsor.objects.get_or_create(name=name)[0] for name in SPONSORS]
    campaign, created = SponsorCampaign.objects.get_or_create(
        slug=SPONSOR_CAMPAIGN["slug"],
        defaults={
            "name": SPONSOR_CAMPAIGN["name"],
            "description": SPONSOR_CAMPAIGN["description"],
            "starts_on": timezone.localdate(),
        },
    )
    if created:
        campaign.sponsors.set(sponsors)
        campaign.save()

    profiles = {slug: _profile(home, slug, *rest) for slug, *rest in PROFILES}
    stories = {slug: _story(home, slug, *rest, profiles=profiles) for slug, *rest in STORIES}
    for slug, *rest in EVENTS:
        _event(home, slug, *rest)
    _campaign_pages(home, profiles=profiles, stories=stories, sponsors=sponsors)

    def count(model, slugs):
        return model.objects.child_of(home).filter(slug__in=slugs).count()

    return {
        "campaign_pages": count(CampaignPage, ["start-a-digital-career", "get-online"]),
        "career_profiles": count(CareerProfilePage, [row[0] for row in PROFILES]),
        "stories": count(StoryPage, [row[0] for row in STORIES]),
        "events": count(EventPage, [row[0] for row in EVENTS]),
    }


def _get_or_create(home, slug, build):
    """The page with this slug under home, or a new one from build(), published."""
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = build()
    page.slug = slug
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _profile(home, slug, title, summary, job, day, salary, main_area, skills, standards):
    def build():
        tiers = {tier.code: tier for tier in Tier.objects.all()}
        areas = {area.code: area for area in SkillArea.objects.filter(code__in=[code for _, code, _ in skills])}
        by_reference = {standard.reference: standard for standard in ApprenticeshipStandard.objects.filter(reference__in=standards)}
        # Link a few differently named programmes that are open now, if the demo providers have been loaded.
        open_in_area = (
            Programme.objects.public()
            .filter(skill_areas__code=main_area)
            .distinct()
            .order_by("title", "pk")
        )
        programmes = {}
        for programme in open_in_area.iterator():
            programmes.setdefault(programme.title, programme)
            if len(programmes) == 3:
                break
        return CareerProfilePage(
            title=title,
            summary=summary,
            job_description=job,
            day_in_the_life=day,
            salary_min=salary[0],
            salary_max=salary[1],
            salary_source=SALARY_SOURCE,
            salary_source_url=SALARY_SOURCE_URL,
            skills=[CareerProfileSkill(tier=tiers[tier], skill_area=areas[code], use=use) for tier, code, use in skills],
            standard_links=[CareerProfileStandard(standard=by_reference[ref]) for ref in standards if ref in by_reference],
            programme_links=[CareerProfileProgramme(programme=programme) for programme in programmes.values()],
        )

    return _get_or_create(home, slug, build)


def _story(home, slug, title, first_name, who, quote, body, profile_slug, *, profiles):
    def build():
        return StoryPage(
            title=title,
            first_name=first_name,
            who_they_are=who,
            pull_quote=quote,
            body=body,
            career_profile=profiles.get(profile_slug),
        )

    return _get_or_create(home, slug, build)


def _event(home, slug, title, summary, venue, address, town, postcode, days, start, end, cost, booking_url, body):
    def build():
        day = timezone.localdate() + datetime.timedelta(days=days)
        zone = timezone.get_current_timezone()
        return EventPage(
            title=title,
            summary=summary,
            venue_name=venue,
            address=address,
            town=town,
            postcode=postcode,
            starts_at=datetime.datetime.combine(day, datetime.time(*start), tzinfo=zone),
            ends_at=datetime.datetime.combine(day, datetime.time(*end), tzinfo=zone),
            cost=cost,
            booking_url=booking_url,
            body=body,
        )

    return _get_or_create(home, slug, build)


def _campaign_pages(home, *, profiles, stories, sponsors):
    sponsor_block = (
        "sponsor_logos",
        {"heading": "Backed by local businesses (example names for this demo)", "sponsors": sponsors},
    )
    _get_or_create(
        home,
        "start-a-digital-career",
        lambda: CampaignPage(
            title="Start a digital career in Leeds City Region",
            introduction="Digital jobs are growing across the region. See what you could do, how others got in, "
            "and what is open to you now.",
            body=[
                (
                    "hero",
                    {
                        "heading": "You do not need a degree to work in tech",
                        "text": "Free courses, apprenticeships that pay you to learn, and placements with local "
                        "employers. Many people start with no experience at all.",
                    },
                ),
                (
                    "text",
                    "<h2>More ways in than you might think</h2><p>Some people start with a free evening course "
                    "while they keep their job. Others join an apprenticeship straight from school or college, "
                    "or come back to work through a returner programme. Start from where you are: "
                    "<a href=\"/pathways/\">check your skills</a> and we will suggest a next step.</p>",
                ),
                ("career_profiles", {"heading": "Jobs you could do", "profiles": list(profiles.values())}),
                ("story_quote", {"story": stories["priyas-story"], "quote": "", "name": ""}),
                ("featured_opportunities", {"heading": "Open now", "tier": Tier.ADVANCED, "number": 6}),
                (
                    "search_link",
                    {
                        "label": "Find digital apprenticeships",
                        "text": "Apprentices earn a wage, train on the job and gain a qualification.",
                        "kind": "apprenticeship",
                        "tier": Tier.ADVANCED,
                    },
                ),
                ("story_quote", {"story": stories["jordans-story"], "quote": "", "name": ""}),
                sponsor_block,
            ],
        ),
    )
    _get_or_create(
        home,
        "get-online",
        lambda: CampaignPage(
            title="Get online: free help near you",
            introduction="Free, friendly help with phones, tablets, email and staying safe online, at libraries "
            "and community centres across the region.",
            body=[
                (
                    "hero",
                    {
                        "heading": "It is never too late to get online",
                        "text": "Book a GP appointment, video call your family, and spot a scam. Volunteers will "
                        "go at your pace.",
                    },
                ),
                ("story_quote", {"story": stories["margarets-story"], "quote": "", "name": ""}),
                (
                    "featured_opportunities",
                    {"heading": "Free help near you", "tier": Tier.INCLUSION, "kind": "programme", "number": 6},
                ),
                ("search_link", {"label": "Find free help to get online", "tier": Tier.INCLUSION, "kind": "programme"}),
                (
                    "text",
                    "<h2>No device or data?</h2><p>Many libraries lend tablets and laptops, and some can give "
                    "you a free SIM card with data. Ask when you come to a session.</p>",
                ),
                sponsor_block,
            ],
        ),
    )

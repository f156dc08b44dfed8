"""The demo employers, what their apprenticeships involve and the opportunities they sponsor.

Every employer here is made up; sites have real postcodes, each its own point, and invented addresses.
Web addresses use the reserved .example domain (RFC 2606).
"""

from dataclasses import dataclass
from decimal import Decimal

FICTIONAL = "This is a fictional demo organisation, made up to show how the platform works."

# The apprentice rate of the National Minimum Wage from 1 April 2025: £7.55 an hour, for apprentices under 19
# or in the first year of their apprenticeship (https://www.gov.uk/national-minimum-wage-rates). No demo
# vacancy pays less. Check the figure each April.
APPRENTICE_MINIMUM_HOURLY = Decimal("7.55")


@dataclass(frozen=True)
class Site:
    address: str
    town: str
    postcode: str


@dataclass(frozen=True)
class DemoEmployer:
    slug: str
    name: str
    sector: str
    size: str
    disability_confident: str
    about: str
    sites: tuple[Site, ...]
    teams: tuple[str, ...]
    standards: tuple[str, ...]  # standard titles it recruits apprentices for, most wanted first

    @property
    def website(self) -> str:
        return f"https://{self.slug}.example"

    @property
    def description(self) -> str:
        return f"{self.about} {FICTIONAL}"


SD = "Software developer"
SDT = "Software development technician"
DA = "Data analyst"
DT = "Data technician"
DS = "Data scientist (integrated degree)"
DTSP = "Digital and technology solutions professional (integrated degree)"
DTSS = "Digital and technology solutions specialist (integrated degree)"
DST = "Digital support technician"
ICT = "Information communications technician"
INFRA = "Infrastructure technician"
NE = "Network engineer"
DEVOPS = "DevOps engineer"
CST = "Cyber security technologist"
CSTP = "Cyber security technical professional (integrated degree)"
DM = "Digital marketer"

EMPLOYERS = (
    DemoEmployer(
        "aire-mutual-building-society", "Aire Mutual Building Society", "Financial services", "large", "leader",
        "A building society owned by its members, with branches across West Yorkshire and a growing digital team "
        "in Bradford.",
        (Site("Hustlergate", "Bradford", "BD1 1BL"), Site("Park Row", "Leeds", "LS1 5AP")),
        ("mobile banking team", "mortgages platform team", "fraud prevention team"),
        (SD, DA, CST, DST, DTSP),
    ),
    DemoEmployer(
        "northlight-insurance", "Northlight Insurance", "Financial services", "large", "employer",
        "An insurer for homes and small businesses, with offices in Leeds and Wakefield.",
        (Site("Whitehall Road", "Leeds", "LS12 1NJ"), Site("Marsh Way", "Wakefield", "WF1 1NJ")),
        ("pricing and data science team", "claims technology team", "cloud platform team"),
        (DS, DA, SD, DEVOPS, DTSS),
    ),
    DemoEmployer(
        "heartwood-health-technology", "Heartwood Health Technology", "Health technology", "medium", "employer",
        "A health technology company making apps that help hospitals and GP practices manage appointments and "
        "care records.",
        (Site("Clarendon Road", "Leeds", "LS2 9HN"),),
        ("patient apps team", "integrations team", "data platform team"),
        (SD, SDT, DT, DEVOPS),
    ),
    DemoEmployer(
        "pulse-triage-systems", "Pulse Triage Systems", "Health technology", "small", "committed",
        "A small company in Huddersfield building triage software for urgent care services.",
        (Site("Queen Street", "Huddersfield", "HD1 2PT"),),
        ("product team", "clinical safety team"),
        (SDT, DA, DST),
    ),
    DemoEmployer(
        "millgate-retail-group", "Millgate Retail Group", "Retail", "large", "employer",
        "A retailer of homeware and gardening goods with 60 stores across the north and a head office and "
        "distribution centre near Wakefield.",
        (Site("Denby Dale Road", "Wakefield", "WF2 7NA"), Site("Briggate", "Leeds", "LS1 6ND")),
        ("e-commerce team", "store technology team", "customer insight team"),
        (DM, DT, ICT, INFRA, NE),
    ),
    DemoEmployer(
        "shuttle-and-loom", "Shuttle and Loom", "Retail", "medium", "committed",
        "An online clothing brand that designs in Bradford and sells across the UK.",
        (Site("Canal Road", "Bradford", "BD1 4SP"),),
        ("online store team", "brand and social team"),
        (DM, SDT, DA),
    ),
    DemoEmployer(
        "ridings-public-digital", "Ridings Public Digital", "Public sector digital", "large", "leader",
        "A shared digital and IT service run jointly by several councils, building online services residents use "
        "every day.",
        (Site("Wood Street", "Wakefield", "WF1 2RP"), Site("Great George Street", "Leeds", "LS1 3LA")),
        ("online services team", "infrastructure team", "security operations team"),
        (CSTP, NE, INFRA, SD, DTSP),
    ),
    DemoEmployer(
        "civic-code-cooperative", "Civic Code Co-operative", "Public sector digital", "small", "employer",
        "A worker-owned co-operative in York that builds accessible websites and services for councils and charities.",
        (Site("Walmgate", "York", "YO1 9LB"),),
        ("delivery team",),
        (SD, SDT, DEVOPS),
    ),
    DemoEmployer(
        "bitmoor-games", "Bitmoor Games", "Games", "medium", "committed",
        "An independent games studio in Holbeck making console and PC games.",
        (Site("Water Lane", "Leeds", "LS11 5BJ"),),
        ("gameplay team", "tools team", "community team"),
        (SD, SDT, DM, ICT),
    ),
    DemoEmployer(
        "harefield-interactive", "Harefield Interactive", "Games", "micro", "none",
        "A small studio in Harrogate making puzzle games for phones and tablets.",
        (Site("Cheltenham Parade", "Harrogate", "HG1 1HL"),),
        ("studio team",),
        (SDT, DM),
    ),
    DemoEmployer(
        "casefile-legal-technology", "Casefile Legal Technology", "Legal technology", "small", "committed",
        "A legal technology company whose case management software is used by law firms across the UK.",
        (Site("East Parade", "Leeds", "LS1 2DE"),),
        ("case management team", "cloud operations team"),
        (SD, CST, DT),
    ),
    DemoEmployer(
        "deedbox", "Deedbox", "Legal technology", "micro", "none",
        "A start-up in Skipton making online tools for wills and property documents.",
        (Site("Keighley Road", "Skipton", "BD23 2DB"),),
        ("product team",),
        (SDT, DST),
    ),
    DemoEmployer(
        "pennine-freight-logistics", "Pennine Freight Logistics", "Logistics", "large", "employer",
        "A road haulage and warehousing company with depots near the M62 and M1.",
        (Site("Whitwood Lane", "Normanton", "WF6 1PF"), Site("Dodworth Road", "Barnsley", "S75 3PF")),
        ("transport planning team", "warehouse systems team", "IT infrastructure team"),
        (NE, ICT, DA, INFRA, CST),
    ),
    DemoEmployer(
        "swiftcrate-fulfilment", "Swiftcrate Fulfilment", "Logistics", "medium", "committed",
        "A fulfilment company that stores, packs and posts orders for online shops.",
        (Site("Stadium Way", "Castleford", "WF10 5SF"), Site("Bawtry Road", "Selby", "YO8 8SG")),
        ("warehouse technology team", "operations data team"),
        (DST, DT, ICT),
    ),
    DemoEmployer(
        "moorside-media", "Moorside Media", "Media", "medium", "employer",
        "A production company making factual television, podcasts and online video, based in a Halifax mill.",
        (Site("Boothtown Road", "Halifax", "HX3 6NA"),),
        ("digital audience team", "post-production team"),
        (DM, DST, DT),
    ),
)


@dataclass(frozen=True)
class Role:
    """What an apprentice on a standard does, and which skill areas and tier that is."""

    title: str
    skill_areas: tuple[str, ...]
    duties: tuple[str, ...]
    looking_for: tuple[str, ...]
    tier: str = "advanced"


ROLES = {
    SD: Role(
        "Software developer apprentice", ("ADV-SOFTWARE",),
        ("build and test new features with experienced developers", "fix bugs and improve existing code",
         "review code with the team and learn good practice", "take part in planning and show-and-tell sessions"),
        ("some coding experience, from school, college, a bootcamp or teaching yourself",
         "curiosity and patience when solving problems",
         "grade 4 (C) or above in English and maths GCSE, or equivalent"),
    ),
    SDT: Role(
        "Junior software developer apprentice", ("ADV-SOFTWARE",),
        ("help build and test web and mobile applications", "write automated tests", "update documentation",
         "learn version control and team working"),
        ("an interest in coding (no experience needed)", "a willingness to learn and ask questions",
         "grade 4 (C) or above in English and maths GCSE, or equivalent, or a willingness to work towards them"),
    ),
    DA: Role(
        "Data analyst apprentice", ("ADV-DATA",),
        ("collect, clean and check data from across the business", "build reports and dashboards",
         "answer questions from colleagues with data", "present findings clearly to non-specialists"),
        ("a good head for numbers and attention to detail", "some experience of spreadsheets",
         "grade 4 (C) or above in maths GCSE, or equivalent"),
    ),
    DT: Role(
        "Data technician apprentice", ("ADV-DATA",),
        ("keep data accurate and up to date", "produce regular reports", "help colleagues find the data they need",
         "learn SQL and reporting tools"),
        ("accuracy and an interest in numbers", "basic spreadsheet skills", "good communication"),
    ),
    DS: Role(
        "Data scientist degree apprentice", ("ADV-DATA", "ADV-AI"),
        ("build statistical and machine learning models", "test whether models are accurate and fair",
         "work with engineers to put models into use", "explain results to decision makers"),
        ("A levels or equivalent including maths", "some programming experience, for example Python",
         "an interest in using data responsibly"),
    ),
    DTSP: Role(
        "Digital and technology solutions degree apprentice", ("ADV-SOFTWARE", "ADV-CLOUD"),
        ("work in rotations across development, infrastructure and data teams", "help design and build new systems",
         "analyse business needs and turn them into requirements", "lead a workplace project in your final year"),
        ("A levels or equivalent, or relevant experience", "an interest in how technology serves a business",
         "good communication and teamwork"),
    ),
    DTSS: Role(
        "Digital and technology solutions specialist apprentice (master's level)", ("ADV-DATA", "ADV-AI"),
        ("lead a data or AI change project", "assess new technologies and their risks",
         "work with senior leaders on digital strategy", "mentor colleagues"),
        ("a degree or substantial experience in a digital role", "experience of leading work",
         "interest in data, AI and strategy"),
    ),
    DST: Role(
        "IT support apprentice", ("ADV-IT-SUPPORT",),
        ("help colleagues with their laptops, phones and accounts", "set up new equipment and software",
         "log and solve support tickets", "keep devices secure and up to date"),
        ("patience and a friendly manner", "enjoyment of fixing things", "basic computer skills"),
        tier="general",
    ),
    ICT: Role(
        "IT technician apprentice", ("ADV-IT-SUPPORT",),
        ("install and maintain computers, printers and networks", "support colleagues on site and remotely",
         "manage user accounts", "help with technology projects"),
        ("an interest in how computers and networks work", "good problem-solving skills", "a helpful attitude"),
        tier="general",
    ),
    INFRA: Role(
        "Infrastructure technician apprentice", ("ADV-IT-SUPPORT", "ADV-CLOUD"),
        ("look after servers, networks and cloud services", "monitor systems and respond to alerts",
         "help with backups and upgrades", "document how things are set up"),
        ("an interest in networks and servers", "a methodical approach", "basic computer skills"),
    ),
    NE: Role(
        "Network engineer apprentice", ("ADV-CLOUD", "ADV-IT-SUPPORT"),
        ("configure routers, switches and firewalls", "monitor network performance", "fix network faults",
         "help plan upgrades across sites"),
        ("some IT experience or a level 3 IT qualification", "a logical approach to problems",
         "willingness to travel between sites"),
    ),
    DEVOPS: Role(
        "DevOps engineer apprentice", ("ADV-CLOUD", "ADV-SOFTWARE"),
        ("automate how software is built, tested and released", "look after cloud infrastructure",
         "improve monitoring and alerts", "work closely with developers"),
        ("some coding or scripting experience", "an interest in Linux and cloud platforms",
         "grade 4 (C) or above in English and maths GCSE, or equivalent"),
    ),
    CST: Role(
        "Cyber security technologist apprentice", ("ADV-CYBER",),
        ("monitor systems for threats", "help investigate and respond to incidents",
         "check that systems are configured securely", "help staff learn to work safely"),
        ("an interest in cyber security", "a careful, inquisitive mind",
         "grade 4 (C) or above in English and maths GCSE, or equivalent"),
    ),
    CSTP: Role(
        "Cyber security degree apprentice", ("ADV-CYBER",),
        ("work in the security operations centre", "assess risks in new systems", "take part in security testing",
         "help write security policies"),
        ("A levels or equivalent, or relevant experience", "an interest in security and how attacks work",
         "good written communication"),
    ),
    DM: Role(
        "Digital marketing apprentice", ("ADV-MARKETING",),
        ("plan and write social media posts", "help run email and online advertising campaigns",
         "report on what is working using analytics", "keep website content up to date"),
        ("good writing skills", "an interest in social media and content", "creativity and organisation"),
    ),
}


@dataclass(frozen=True)
class DemoOpportunity:
    employer: str  # slug
    kind: str
    title: str
    tier: str
    skill_areas: tuple[str, ...]
    pay: str
    summary: str
    offers: tuple[str, ...]
    remote: bool = False
    in_campaign: bool = False


Opp = DemoOpportunity

OPPORTUNITIES = (
    Opp("aire-mutual-building-society", "bootcamp_place",
      "Funded data analytics bootcamp place, with an interview at Aire Mutual", "advanced", ("ADV-DATA",),
      "Fully funded, with a £750 bursary for travel and childcare",
      "A fully funded place on a 12-week data analytics bootcamp, with a guaranteed interview for a junior analyst "
      "role.",
      ("12 weeks of training in spreadsheets, SQL and dashboards", "a mentor from our data team",
       "a guaranteed interview at the end"), in_campaign=True),
    Opp("aire-mutual-building-society", "returner", "Technology returners programme", "advanced",
      ("ADV-SOFTWARE", "ADV-DATA"), "£32,000 to £40,000 a year, pro rata for part-time hours",
      "A paid 16-week programme for developers and analysts returning after a career break of two years or more.",
      ("a paid, supported role in one of our technology teams", "refresher training and a returner buddy",
       "flexible and part-time hours", "a permanent role for most returners at the end"), in_campaign=True),
    Opp("aire-mutual-building-society", "bootcamp_place",
      "Free tablet and get-online course for Aire Mutual members and neighbours", "inclusion",
      ("EDS-F", "EDS-T"), "Free, with a tablet to keep",
      "A six-week course in our branches for people who are new to the internet, with a tablet to keep at the end.",
      ("a tablet with six months of free data", "friendly weekly sessions in a branch",
       "help with online banking and staying safe from scams")),
    Opp("northlight-insurance", "paid_role", "Junior data analyst", "advanced", ("ADV-DATA",), "£26,000 a year",
      "Join our pricing team as a junior analyst, with training towards a data qualification.",
      ("a permanent, full-time role", "hybrid working: two days a week in the office",
       "paid study towards a data qualification")),
    Opp("northlight-insurance", "scholarship", "Northlight scholarship for women in data science", "advanced",
      ("ADV-DATA", "ADV-AI"), "£3,000 a year towards your degree costs, and a paid summer placement",
      "Scholarships for women studying a data science, statistics or computing degree at any UK university.",
      ("£3,000 a year for up to three years", "a paid summer placement in our data science team",
       "a mentor throughout your degree"), remote=True, in_campaign=True),
    Opp("northlight-insurance", "placement", "Summer placement in cyber security for students", "advanced",
      ("ADV-CYBER",), "£420 a week for 10 weeks",
      "A paid ten-week summer placement in our security operations team for university and college students.",
      ("hands-on work alongside our security analysts", "a project you present to senior leaders",
       "help with your CV and applications")),
    Opp("heartwood-health-technology", "paid_role", "Graduate software engineer (no degree needed)", "advanced",
      ("ADV-SOFTWARE",), "£28,500 a year",
      "An entry-level developer role for people from bootcamps, self-taught routes or degrees.",
      ("a structured two-year development programme", "pairing with experienced engineers",
       "hybrid working from our Leeds office")),
    Opp("heartwood-health-technology", "placement", "Work experience week in health technology for 16 to 18 year olds",
      "general", ("DC-5", "DC-2"), "Travel and lunch paid",
      "A week with our product teams finding out how health apps are designed, built and tested.",
      ("time with designers, developers and testers", "a small team challenge", "a reference for your applications")),
    Opp("heartwood-health-technology", "bootcamp_place", "Sponsored places on a UX design bootcamp", "advanced",
      ("ADV-DESIGN",), "Fully funded",
      "Fully funded places on an online user experience design bootcamp, with health-sector briefs.",
      ("14 weeks of online training", "real briefs from our product teams", "portfolio reviews with our designers"),
      remote=True, in_campaign=True),
    Opp("pulse-triage-systems", "paid_role", "Junior QA tester", "advanced", ("ADV-SOFTWARE",), "£24,500 a year",
      "Help make sure our triage software is safe and easy to use, testing each release before it goes live.",
      ("full training in manual and automated testing", "a small, friendly team", "a clear route to senior roles")),
    Opp("pulse-triage-systems", "returner", "Returners scheme: clinicians into health technology", "advanced",
      ("ADV-DESIGN", "ADV-SOFTWARE"), "£30,000 a year, pro rata",
      "A six-month paid scheme for nurses, paramedics and other clinicians returning to work in a technology role.",
      ("training in product design and clinical safety", "remote working with monthly team days",
       "flexible hours"), remote=True),
    Opp("millgate-retail-group", "placement", "Paid digital marketing placement", "advanced", ("ADV-MARKETING",),
      "£12.50 an hour for 12 weeks",
      "A 12-week paid placement in our e-commerce team, running real campaigns for our online store.",
      ("your own campaign to plan and run", "training in analytics and advertising tools",
       "a reference and interview tips")),
    Opp("millgate-retail-group", "bootcamp_place", "Digital skills for retail staff: funded level 2 course", "general",
      ("EDS-H", "DC-2"), "Fully funded, in paid work time",
      "A funded level 2 digital skills course for our store staff and for people joining retail, studied in work time.",
      ("spreadsheets, email and online collaboration", "a recognised level 2 qualification",
       "study in paid work time"), in_campaign=True),
    Opp("millgate-retail-group", "paid_role", "IT service desk analyst", "advanced", ("ADV-IT-SUPPORT",),
      "£25,000 a year",
      "Support our stores and offices with their technology, from tills to laptops, by phone, chat and on site.",
      ("full training and industry certification", "a permanent role", "a staff discount")),
    Opp("shuttle-and-loom", "paid_role", "Junior social media and content executive", "advanced",
      ("ADV-MARKETING",), "£24,000 a year",
      "Create posts, short videos and emails for our online clothing brand.",
      ("a creative role in a small brand team", "training in content and analytics tools",
       "a clothing allowance")),
    Opp("shuttle-and-loom", "placement", "Six-month e-commerce placement for university students", "advanced",
      ("ADV-MARKETING", "ADV-DATA"), "£22,000 a year, pro rata",
      "A paid placement year opportunity in our online store team, working on merchandising, data and marketing.",
      ("real responsibility for part of the online store", "training in e-commerce analytics", "a mentor")),
    Opp("shuttle-and-loom", "scholarship", "Shuttle and Loom digital design scholarship", "advanced", ("ADV-DESIGN",),
      "£2,500 towards course fees and a laptop",
      "A scholarship for someone from West Yorkshire starting a digital design course at college or university.",
      ("£2,500 towards your fees", "a laptop and design software", "a mentor from our design team"),
      remote=True, in_campaign=True),
    Opp("ridings-public-digital", "paid_role", "Associate user researcher", "advanced", ("ADV-DESIGN",),
      "£29,000 to £31,500 a year",
      "Help design council services around residents' needs by planning and running user research.",
      ("training in user research methods", "work on services used by thousands of residents",
       "a generous pension and flexible working")),
    Opp("ridings-public-digital", "returner", "Digital returners: back into public service technology", "advanced",
      ("ADV-SOFTWARE", "ADV-CLOUD"), "£33,000 a year, pro rata",
      "A paid returners programme for developers and infrastructure engineers who have had a career break.",
      ("a supported 12-week return", "refresher training in current tools", "part-time and flexible options"),
      in_campaign=True),
    Opp("ridings-public-digital", "placement", "Cyber security summer internship", "advanced", ("ADV-CYBER",),
      "£450 a week for 8 weeks",
      "An eight-week internship in our security operations team for students and career changers.",
      ("hands-on work protecting public services", "security training", "a route into our apprenticeships")),
    Opp("civic-code-cooperative", "paid_role", "Junior developer (Python)", "advanced", ("ADV-SOFTWARE",),
      "£27,000 a year",
      "Join our small team building accessible websites and services for councils and charities.",
      ("fully remote working, with team days in York", "a say in how the co-operative is run",
       "time each week for learning")),
    Opp("civic-code-cooperative", "bootcamp_place", "Funded places on an accessible web development course",
      "advanced", ("ADV-SOFTWARE", "ADV-DESIGN"), "Fully funded",
      "Fully funded places on a 10-week course in building accessible websites, taught by our developers.",
      ("10 weeks of evening classes", "practice on real public-sector projects", "an interview for a junior role"),
      in_campaign=True),
    Opp("bitmoor-games", "paid_role", "Junior games programmer", "advanced", ("ADV-SOFTWARE",), "£26,000 a year",
      "Write gameplay code for our next console game, with mentoring from senior programmers.",
      ("mentoring from senior programmers", "flexible hours", "a studio in Holbeck with step-free access")),
    Opp("bitmoor-games", "placement", "Games art and design placement", "advanced", ("ADV-DESIGN",),
      "£12.50 an hour for 12 weeks",
      "A 12-week paid placement for art and design students who want to work in games.",
      ("work on assets for a real game", "portfolio reviews", "time with every team in the studio")),
    Opp("bitmoor-games", "scholarship", "Bitmoor Games scholarship for under-represented game developers",
      "advanced", ("ADV-SOFTWARE", "ADV-DESIGN"), "£4,000 and mentoring",
      "A scholarship for people from groups under-represented in games who are studying games development.",
      ("£4,000 towards your studies", "a year of mentoring from our team", "an invitation to our playtests"),
      remote=True, in_campaign=True),
    Opp("harefield-interactive", "paid_role", "Junior community and marketing manager", "advanced",
      ("ADV-MARKETING",), "£24,000 a year",
      "Look after our players' community and help market our puzzle games.",
      ("remote working", "a small, friendly team", "a share of the studio's profits")),
    Opp("harefield-interactive", "placement", "Work experience: mobile game testing", "general", ("DC-5",),
      "Travel expenses paid",
      "Two weeks of work experience testing our mobile games and reporting what you find.",
      ("testing games before they are released", "learning how games are made", "a reference")),
    Opp("casefile-legal-technology", "paid_role", "Junior cloud support engineer", "advanced",
      ("ADV-CLOUD", "ADV-IT-SUPPORT"), "£27,500 a year",
      "Keep our cloud-hosted software running smoothly for law firms across the UK.",
      ("training towards cloud certifications", "hybrid working", "an on-call allowance")),
    Opp("casefile-legal-technology", "returner", "Legal professionals into legal tech: returners programme",
      "advanced", ("ADV-DATA", "ADV-DESIGN"), "£35,000 a year, pro rata",
      "A paid programme for solicitors, paralegals and legal secretaries returning to work in a technology role.",
      ("training in product, data and design", "flexible hours", "a mentor"), in_campaign=True),
    Opp("casefile-legal-technology", "bootcamp_place", "Sponsored cyber security bootcamp places", "advanced",
      ("ADV-CYBER",), "Fully funded, with a guaranteed interview",
      "Fully funded places on a 14-week cyber security bootcamp, with an interview for our security team.",
      ("14 weeks of training", "hands-on labs", "a guaranteed interview"), in_campaign=True),
    Opp("deedbox", "paid_role", "Customer support and onboarding specialist", "general", ("EDS-C", "DC-2"),
      "£23,500 a year",
      "Help our customers get started with our online tools, by chat, email and video call.",
      ("remote working", "full training", "a small start-up team")),
    Opp("deedbox", "placement", "Developer placement for college students", "advanced", ("ADV-SOFTWARE",),
      "£12.21 an hour for 4 weeks",
      "A four-week paid placement for college students studying IT or software development.",
      ("real coding tasks", "a mentor", "a reference")),
    Opp("pennine-freight-logistics", "paid_role", "Transport planning data analyst", "advanced", ("ADV-DATA",),
      "£27,000 a year",
      "Use data to plan routes and loads across our fleet of 300 lorries.",
      ("training in route planning and data tools", "a company pension", "free parking")),
    Opp("pennine-freight-logistics", "bootcamp_place", "Digital skills for drivers and warehouse staff", "general",
      ("EDS-H", "EDS-T", "DC-1"), "Free, in paid work time",
      "Free digital skills training for drivers and warehouse staff, in paid work time, at our depots.",
      ("using handheld scanners and apps", "online forms, payslips and rotas", "a route into office roles"),
      in_campaign=True),
    Opp("pennine-freight-logistics", "returner", "Returners programme: network and infrastructure engineers",
      "advanced", ("ADV-CLOUD", "ADV-IT-SUPPORT"), "£34,000 a year",
      "A supported return to work for network and infrastructure engineers after a career break.",
      ("refresher training", "a buddy in our IT team", "flexible hours")),
    Opp("swiftcrate-fulfilment", "placement", "Warehouse systems and automation placement", "advanced",
      ("ADV-IT-SUPPORT",), "£420 a week",
      "A paid placement working with the systems that run our automated warehouse.",
      ("hands-on work with warehouse systems", "training in networks and automation", "a route to an apprenticeship")),
    Opp("swiftcrate-fulfilment", "bootcamp_place",
      "Get online with Swiftcrate: free digital basics course for staff and families", "inclusion",
      ("EDS-F", "EDS-S"), "Free",
      "A free digital basics course for our staff and their families, in our training room and with help in "
      "Polish and Romanian.",
      ("using a smartphone and email", "staying safe online", "help in Polish and Romanian")),
    Opp("moorside-media", "paid_role", "Junior video editor and motion designer", "advanced",
      ("ADV-DESIGN", "ADV-MARKETING"), "£23,000 a year",
      "Edit short videos and create motion graphics for our online channels.",
      ("training on professional editing software", "work on broadcast and online projects", "flexible hours")),
    Opp("moorside-media", "scholarship", "Moorside Media scholarship in data journalism", "advanced", ("ADV-DATA",),
      "£3,000 towards a part-time course",
      "A scholarship for a journalist or researcher to study data skills part-time.",
      ("£3,000 towards course fees", "a mentor from our digital team", "a published project"),
      remote=True, in_campaign=True),
    Opp("moorside-media", "placement", "Digital content placement for young people", "general", ("DC-3",),
      "£12.21 an hour for 8 weeks",
      "An eight-week paid placement for 18 to 24 year olds making short videos and posts for our channels.",
      ("making content for real channels", "training in filming and editing", "a reference")),
)

CAMPAIGN = {
    "slug": "digital-futures-pledge",
    "name": "Digital Futures Pledge",
    "description": "Local employers pledge funded training places, returner programmes and scholarships so that "
    "more people in Leeds City Region can move into digital jobs. A fictional demo campaign.",
}

KIND_INTRO = {
    "paid_role": "This is a paid job with {employer}.",
    "bootcamp_place": "{employer} is paying for these places, so they are free to you.",
    "placement": "This is a placement with {employer}, a good way to try the work and build experience.",
    "returner": "{employer} runs this programme for people returning to work after a career break.",
    "scholarship": "{employer} funds this scholarship to help more people into digital careers.",
}

HOW_TO_APPLY = {
    "paid_role": "Apply online with your CV and a short note about why you want the role. We reply to everyone.",
    "bootcamp_place": "Apply online. You do not need any qualifications; we will invite you to a short, informal chat.",
    "placement": "Apply online with a few lines about yourself and what you hope to learn.",
    "returner": "Apply online with your CV; gaps in your CV are expected and welcome.",
    "scholarship": "Apply online with a short statement (no more than 500 words) about your plans.",
}

DISABILITY_CONFIDENT = {
    "none": "",
    "committed": "We are Disability Confident committed and will make adjustments at every stage.",
    "employer": "As a Disability Confident employer, we offer an interview to disabled applicants who meet the "
    "essential criteria.",
    "leader": "As a Disability Confident leader, we offer an interview to disabled applicants who meet the essential "
    "criteria, and will make adjustments at every stage.",
}

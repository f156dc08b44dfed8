"""What the demo providers are and what they teach: plain tables that courses/demo.py turns into records.

Every organisation here is made up. Venues have real postcodes from data/reference/postcodes_lcr.csv, each its
own point, so distances differ within a district; the street addresses are made up (Penistone's S36 is not in
that file, so its venue stays at the district's centroid). Web addresses use the reserved
.example domain (RFC 2606, https://www.rfc-editor.org/rfc/rfc2606) and phone numbers come from Ofcom's
ranges for TV and radio drama (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama),
so nothing here reaches a real person.
"""

from dataclasses import dataclass

FICTIONAL = "This is a fictional demo organisation, made up to show how the platform works."


@dataclass(frozen=True)
class DemoVenue:
    name: str
    address: str
    town: str
    postcode: str
    step_free_access: bool = True


@dataclass(frozen=True)
class DemoProvider:
    slug: str
    name: str
    kind: str
    about: str
    phone: str
    venues: tuple[DemoVenue, ...]

    @property
    def website(self) -> str:
        return f"https://{self.slug}.example"

    @property
    def email(self) -> str:
        return f"courses@{self.slug}.example"

    @property
    def description(self) -> str:
        return f"{self.about} {FICTIONAL}"


V = DemoVenue

PROVIDERS = (
    # Further education colleges
    DemoProvider(
        "kestrel-vale-college", "Kestrel Vale College", "fe_college",
        "A further education college for Airedale and Craven, with campuses in Keighley, Ilkley and Skipton.",
        "01632 960101",
        (
            V("Kestrel Vale College, Keighley campus", "Cavendish Street", "Keighley", "BD21 3LA"),
            V("Kestrel Vale College, Ilkley centre", "Station Road", "Ilkley", "LS29 8LA"),
            V("Kestrel Vale College, Skipton campus", "Gargrave Road", "Skipton", "BD23 1LB"),
        ),
    ),
    DemoProvider(
        "calder-and-ryburn-college", "Calder and Ryburn College", "fe_college",
        "A further education college serving Halifax, Sowerby Bridge and Brighouse.",
        "01632 960102",
        (
            V("Calder and Ryburn College, Halifax campus", "Francis Street", "Halifax", "HX1 3DT"),
            V("Calder and Ryburn College, Sowerby Bridge centre", "Wharf Street", "Sowerby Bridge", "HX6 2DA", False),
            V("Calder and Ryburn College, Brighouse centre", "Bethel Street", "Brighouse", "HD6 1DA"),
        ),
    ),
    DemoProvider(
        "holme-and-colne-college", "Holme and Colne College", "fe_college",
        "A further education college with a town-centre campus in Huddersfield and a digital centre in Dewsbury.",
        "01632 960103",
        (
            V("Holme and Colne College, Huddersfield campus", "Queensgate", "Huddersfield", "HD1 2HE"),
            V("Holme and Colne College, Dewsbury digital centre", "Halifax Road", "Dewsbury", "WF13 2HD"),
        ),
    ),
    DemoProvider(
        "castlegate-college", "Castlegate College", "fe_college",
        "A further education college for the Wakefield district, with campuses in Wakefield, Castleford and "
        "Pontefract.",
        "01632 960104",
        (
            V("Castlegate College, Wakefield campus", "Margaret Street", "Wakefield", "WF1 2DE"),
            V("Castlegate College, Castleford campus", "Lower Oxford Street", "Castleford", "WF10 4DA"),
            V("Castlegate College, Pontefract centre", "Park Road", "Pontefract", "WF8 4DA"),
        ),
    ),
    DemoProvider(
        "millstone-college", "Millstone College", "fe_college",
        "A further education college in Barnsley with a rural learning centre in Penistone.",
        "01632 960105",
        (
            V("Millstone College, Barnsley campus", "Church Street", "Barnsley", "S70 2NA"),
            V("Millstone College, Penistone learning centre", "Market Street", "Penistone", "S36 6MC"),
        ),
    ),
    DemoProvider(
        "ouse-bank-college", "Ouse Bank College", "fe_college",
        "A further education college for York and Selby, with a small centre in Tadcaster.",
        "01632 960106",
        (
            V("Ouse Bank College, York campus", "Tadcaster Road", "York", "YO24 1QA"),
            V("Ouse Bank College, Selby campus", "Abbot's Road", "Selby", "YO8 8PA"),
            V("Ouse Bank College, Tadcaster centre", "Chapel Street", "Tadcaster", "LS24 9PA", False),
        ),
    ),
    DemoProvider(
        "nidd-gorge-college", "Nidd Gorge College", "fe_college",
        "A further education college serving Harrogate, Knaresborough and Ripon.",
        "01632 960107",
        (
            V("Nidd Gorge College, Harrogate campus", "Hornbeam Park Avenue", "Harrogate", "HG2 8NG"),
            V("Nidd Gorge College, Knaresborough centre", "High Street", "Knaresborough", "HG5 0NG"),
            V("Nidd Gorge College, Ripon centre", "North Street", "Ripon", "HG4 1NG"),
        ),
    ),
    DemoProvider(
        "aireborough-and-city-college", "Aireborough and City College", "fe_college",
        "A large further education college in Leeds, with a city-centre campus and community centres in "
        "Beeston and Seacroft.",
        "0113 496 0108",
        (
            V("Aireborough and City College, city campus", "Park Lane", "Leeds", "LS3 1AD"),
            V("Aireborough and City College, Beeston centre", "Dewsbury Road", "Leeds", "LS11 7AD"),
            V("Aireborough and City College, Seacroft centre", "Seacroft Crescent", "Leeds", "LS14 6AD"),
        ),
    ),
    # Universities
    DemoProvider(
        "pennine-metropolitan-university", "Pennine Metropolitan University", "university",
        "A university with campuses in Leeds and Bradford, known for part-time and short courses for people "
        "in work.",
        "0113 496 0111",
        (
            V("Pennine Metropolitan University, Leeds campus", "Woodhouse Lane", "Leeds", "LS2 9PP"),
            V("Pennine Metropolitan University, Bradford campus", "Great Horton Road", "Bradford", "BD7 1PP"),
        ),
    ),
    DemoProvider(
        "minster-vale-university", "Minster Vale University", "university",
        "A campus university in York with a computing school and a short-course centre.",
        "01632 960112",
        (V("Minster Vale University, Heslington campus", "University Road", "York", "YO10 5NA"),),
    ),
    DemoProvider(
        "westgate-university", "Westgate University", "university",
        "A university with a digital campus in Huddersfield and a business school in Wakefield.",
        "01632 960113",
        (
            V("Westgate University, Huddersfield digital campus", "Firth Street", "Huddersfield", "HD1 3XH"),
            V("Westgate University, Wakefield business school", "Westgate", "Wakefield", "WF1 1XB"),
        ),
    ),
    # Independent training providers
    DemoProvider(
        "brightpath-training", "Brightpath Training", "independent",
        "An independent training provider running short, practical courses for adults in work and looking for work.",
        "0113 496 0121",
        (
            V("Brightpath Training, Leeds centre", "Wellington Street", "Leeds", "LS1 4BT"),
            V("Brightpath Training, Bradford centre", "Hall Ings", "Bradford", "BD1 5BT"),
        ),
    ),
    DemoProvider(
        "keystone-skills-partnership", "Keystone Skills Partnership", "independent",
        "An independent training provider and apprenticeship specialist working across Wakefield and Barnsley.",
        "01632 960122",
        (
            V("Keystone Skills Partnership, Wakefield office", "Denby Dale Road", "Wakefield", "WF2 8LA"),
            V("Keystone Skills Partnership, Barnsley office", "Old Mill Lane", "Barnsley", "S70 6LA"),
        ),
    ),
    DemoProvider(
        "lanternfield-training", "Lanternfield Training", "independent",
        "An independent training provider in Calderdale and Kirklees specialising in office and IT skills.",
        "01632 960123",
        (
            V("Lanternfield Training, Halifax", "Horton Street", "Halifax", "HX1 1LU"),
            V("Lanternfield Training, Huddersfield", "Bradford Road", "Huddersfield", "HD2 1LT"),
        ),
    ),
    DemoProvider(
        "stepstone-learning", "Stepstone Learning", "independent",
        "An independent training provider for York and Harrogate, running evening and weekend courses.",
        "01632 960124",
        (
            V("Stepstone Learning, York", "Front Street", "York", "YO24 3WX"),
            V("Stepstone Learning, Harrogate", "Station Parade", "Harrogate", "HG1 1SP"),
        ),
    ),
    DemoProvider(
        "millrace-digital-skills", "Millrace Digital Skills", "independent",
        "An independent training provider in east Leeds and north Kirklees, and an apprenticeship provider.",
        "0113 496 0125",
        (
            V("Millrace Digital Skills, Richmond Hill", "Upper Accommodation Road", "Leeds", "LS9 8NA"),
            V("Millrace Digital Skills, Dewsbury", "Bradford Road", "Dewsbury", "WF12 8NA"),
            V("Millrace Digital Skills, Batley", "Commercial Street", "Batley", "WF17 5ND"),
        ),
    ),
    # Bootcamps
    DemoProvider(
        "foundry-code-school", "Foundry Code School", "bootcamp",
        "A coding bootcamp in Holbeck, Leeds, running intensive software courses with local employers.",
        "0113 496 0131",
        (V("Foundry Code School", "Marshall Street", "Leeds", "LS11 9FD"),),
    ),
    DemoProvider(
        "northern-byte-academy", "Northern Byte Academy", "bootcamp",
        "A bootcamp for data and cyber security careers, teaching in Bradford city centre and online.",
        "01632 960132",
        (V("Northern Byte Academy", "Little Germany", "Bradford", "BD1 4NN"),),
    ),
    DemoProvider(
        "loom-data-academy", "Loom Data Academy", "bootcamp",
        "A data and AI bootcamp in a converted mill in Halifax.",
        "01632 960133",
        (V("Loom Data Academy", "Mill Lane", "Halifax", "HX1 4LD"),),
    ),
    DemoProvider(
        "redbrick-tech-bootcamp", "Redbrick Tech Bootcamp", "bootcamp",
        "A bootcamp for web development, design and cloud, with studios in York and Leeds.",
        "01632 960134",
        (
            V("Redbrick Tech Bootcamp, York studio", "Micklegate", "York", "YO1 6WE"),
            V("Redbrick Tech Bootcamp, Leeds studio", "Call Lane", "Leeds", "LS1 7JH"),
        ),
    ),
    # Community centres
    DemoProvider(
        "eastside-community-hub", "Eastside Community Hub", "community_centre",
        "A community hub in Harehills and Burmantofts offering advice, job clubs and digital help.",
        "0113 496 0141",
        (
            V("Eastside Community Hub, Harehills", "Harehills Road", "Leeds", "LS8 5EH"),
            V("Eastside Community Hub, Burmantofts", "Beckett Street", "Leeds", "LS9 7EH"),
        ),
    ),
    DemoProvider(
        "weavers-yard-community-centre", "Weavers' Yard Community Centre", "community_centre",
        "A neighbourhood centre in Bradford Moor and Manningham, run by local volunteers.",
        "01632 960142",
        (
            V("Weavers' Yard Community Centre", "Leeds Road", "Bradford", "BD3 9UD"),
            V("Weavers' Yard Community Centre, Lumb Lane", "Lumb Lane", "Bradford", "BD8 7SZ", False),
        ),
    ),
    DemoProvider(
        "coalfield-community-hub", "Coalfield Community Hub", "community_centre",
        "A community hub for former mining villages in Barnsley and south Wakefield.",
        "01632 960143",
        (
            V("Coalfield Community Hub, Grimethorpe", "High Street", "Barnsley", "S72 7DB"),
            V("Coalfield Community Hub, Royston", "Midland Road", "Barnsley", "S71 4DA"),
            V("Coalfield Community Hub, Hemsworth", "Market Street", "Pontefract", "WF9 4DA"),
        ),
    ),
    DemoProvider(
        "calder-banks-community-centre", "Calder Banks Community Centre", "community_centre",
        "A community centre in Ravensthorpe with an outreach room in Halifax town centre.",
        "01632 960144",
        (
            V("Calder Banks Community Centre", "Huddersfield Road", "Dewsbury", "WF13 3DA"),
            V("Calder Banks outreach room, Halifax", "Northgate", "Halifax", "HX1 1DD", False),
        ),
    ),
    # Libraries
    DemoProvider(
        "airedale-libraries-trust", "Airedale Libraries Trust", "library",
        "A charitable trust running community libraries in Shipley, Bingley and Keighley.",
        "01632 960151",
        (
            V("Shipley Library", "Market Square", "Shipley", "BD18 3AL"),
            V("Bingley Library", "Myrtle Walk", "Bingley", "BD16 1AL"),
            V("Keighley Library", "North Street", "Keighley", "BD21 3AL"),
        ),
    ),
    DemoProvider(
        "calder-and-holme-libraries", "Calder and Holme Libraries", "library",
        "A partnership of community-run libraries in the Calder and Holme valleys.",
        "01632 960152",
        (
            V("Hebden Bridge Library", "Cheapside", "Hebden Bridge", "HX7 8DA", False),
            V("Elland Library", "Coronation Street", "Elland", "HX5 0DA"),
            V("Holmfirth Library", "Huddersfield Road", "Holmfirth", "HD9 3EA"),
        ),
    ),
    DemoProvider(
        "aire-and-wharfe-libraries", "Aire and Wharfe Libraries Partnership", "library",
        "Community libraries in Otley, Morley and Pudsey, with free computers, Wi-Fi and digital champions.",
        "0113 496 0153",
        (
            V("Otley Library", "Nelson Street", "Otley", "LS21 1AW"),
            V("Morley Library", "Commercial Street", "Morley", "LS27 8AW"),
            V("Pudsey Library", "Church Lane", "Pudsey", "LS28 7AW"),
        ),
    ),
    DemoProvider(
        "ridings-library-service", "Ridings Library Service", "library",
        "A library service for Pontefract, Normanton and Selby, with digital help in every branch.",
        "01632 960154",
        (
            V("Pontefract Library", "Shoemarket", "Pontefract", "WF8 1RP"),
            V("Normanton Library", "Market Street", "Normanton", "WF6 2RL"),
            V("Selby Library", "Micklegate", "Selby", "YO8 4RT"),
        ),
    ),
    DemoProvider(
        "dales-and-vale-libraries", "Dales and Vale Libraries", "library",
        "Community libraries in Skipton, Settle and Ripon, with a mobile digital help van for the Dales.",
        "01632 960155",
        (
            V("Skipton Library", "High Street", "Skipton", "BD23 1DX"),
            V("Settle Library", "Cheapside", "Settle", "BD24 9DW", False),
            V("Ripon Library", "The Arcade", "Ripon", "HG4 1DY"),
        ),
    ),
    # Charities
    DemoProvider(
        "digital-neighbours-yorkshire", "Digital Neighbours Yorkshire", "charity",
        "A charity whose volunteer digital champions help people get online, one to one, in Armley and Wakefield.",
        "0113 496 0161",
        (
            V("Digital Neighbours, Armley", "Town Street", "Leeds", "LS12 3DN"),
            V("Digital Neighbours, Lupset", "Broadway", "Wakefield", "WF2 8DN"),
        ),
    ),
    DemoProvider(
        "second-life-devices", "Second Life Devices", "charity",
        "A charity that refurbishes donated laptops, tablets and phones and lends or gives them to people who "
        "need them, with free data.",
        "01632 960162",
        (
            V("Second Life Devices, Huddersfield workshop", "Leeds Road", "Huddersfield", "HD1 6SE"),
            V("Second Life Devices, Barnsley shop", "Sheffield Road", "Barnsley", "S70 1SL"),
        ),
    ),
    DemoProvider(
        "open-doors-digital", "Open Doors Digital", "charity",
        "A charity supporting refugees, asylum seekers and new arrivals with digital skills and English, with "
        "help in many languages.",
        "01632 960163",
        (
            V("Open Doors Digital, Manningham", "Oak Lane", "Bradford", "BD8 7PD"),
            V("Open Doors Digital, Chapeltown", "Chapeltown Road", "Leeds", "LS7 3PA"),
            V("Open Doors Digital, Halifax", "Gibbet Street", "Halifax", "HX1 5PA"),
        ),
    ),
    DemoProvider(
        "silver-connect", "Silver Connect", "charity",
        "A charity helping people over 60 in York, Harrogate and Selby to stay in touch and use online services.",
        "01632 960164",
        (
            V("Silver Connect, Huntington Road", "Huntington Road", "York", "YO31 8SE"),
            V("Silver Connect, Harrogate", "Skipton Road", "Harrogate", "HG1 4SD"),
            V("Silver Connect, Selby", "Gowthorpe", "Selby", "YO8 4XG"),
        ),
    ),
    # Online providers (each has an office; their own courses need no venue)
    DemoProvider(
        "learnanywhere-online-college", "LearnAnywhere Online College", "online",
        "An online college offering tutor-supported courses you can study from home, at your own pace.",
        "0113 496 0171",
        (V("LearnAnywhere learner support office", "Sovereign Street", "Leeds", "LS1 4LA"),),
    ),
    DemoProvider(
        "skillsway-online", "Skillsway Online", "online",
        "An online training provider running live evening classes for people in work.",
        "01632 960172",
        (V("Skillsway Online office", "Wood Street", "Wakefield", "WF1 2SX"),),
    ),
    DemoProvider(
        "pixel-path-online-learning", "Pixel Path Online Learning", "online",
        "An online provider of short courses in design, marketing and data, with live tutor support.",
        "01632 960173",
        (V("Pixel Path office", "Fossgate", "York", "YO1 9PP"),),
    ),
)


@dataclass(frozen=True)
class DemoCourse:
    """One kind of course or help session; several providers may run it.

    `titles` may name the venue ({venue}) or town ({town}). `weeks` does not apply to help people can start
    any time (drop-ins and self-paced courses).
    """

    key: str
    tier: str
    areas: tuple[str, ...]
    titles: tuple[str, ...]
    summary: str
    intro: str
    learn: tuple[str, ...]
    providers: tuple[str, ...]
    levels: tuple[str, ...] = ("entry",)
    modes: tuple[str, ...] = ("in_person",)
    costs: tuple[str, ...] = ("free",)
    price: tuple[int, int] = (0, 0)
    weeks: int = 6
    hours: str = "2"
    kind: str = "course"
    device_loan: float = 0.0
    free_data: float = 0.0
    languages: float = 0.0
    self_paced: bool = False
    drop_in: bool = False  # people come along without booking


COMMUNITY = ("library", "community_centre", "charity")
TEACHERS = ("fe_college", "independent", "online")

C = DemoCourse

INCLUSION_SUPPORT = (
    C(
        "DROPIN-GETONLINE", "inclusion", ("EDS-F", "EDS-P", "DC-5"),
        ("Get online: drop-in digital help at {venue}", "Digital drop-in at {venue}"),
        "Bring your phone, tablet or laptop, or use one of ours, and ask anything. Friendly volunteers help you "
        "one to one.",
        "Our digital champions can help with whatever you are stuck on: switching on a new phone, connecting to "
        "Wi-Fi, setting up email, or finding something online. There is no test and no question is too small.",
        ("connecting to Wi-Fi and keeping your device up to date", "setting up an email address",
         "downloading apps you need, such as the NHS App", "fixing things that have stopped working"),
        ("library", "community_centre"), kind="inclusion_support", drop_in=True, device_loan=0.5, free_data=0.4, languages=0.5,
    ),
    C(
        "DROPIN-FORMS", "inclusion", ("EDS-T", "EDS-F"),
        ("Help with online forms at {venue}", "Digital help desk at {venue}: forms, benefits and bookings"),
        "Get help filling in online forms: Universal Credit, council tax, bus passes, GP appointments and job "
        "applications.",
        "More and more services are online only. Bring any letters and passwords you have and a volunteer will "
        "sit with you while you fill in the form yourself, so next time you can do it on your own.",
        ("making and keeping a username and password safely", "filling in and checking an online form",
         "uploading a photo of a document", "booking appointments online"),
        ("library", "community_centre", "charity"), kind="inclusion_support", drop_in=True, languages=0.6,
    ),
    C(
        "DROPIN-BUDDIES", "inclusion", ("EDS-F", "EDS-C"),
        ("Tech buddies at {venue}: one-to-one help with your phone or tablet",
         "Tea and tablets at {venue}"),
        "Relaxed one-to-one help with your phone or tablet over a cup of tea, at your own pace.",
        "Pull up a chair: a tech buddy will help you learn what you want to learn, whether that is texting "
        "photos to family, video calls, or reading the news. Lots of people come back every week.",
        ("sending messages and photos", "making video calls to family and friends", "making text bigger and "
         "easier to read", "using apps for buses, shopping and the radio"),
        ("library", "community_centre", "charity"), kind="inclusion_support", drop_in=True, device_loan=0.3, languages=0.3,
    ),
    C(
        "DROPIN-DEVICES", "inclusion", ("EDS-F", "DC-5"),
        ("Borrow a tablet: device loans and set-up help at {venue}",
         "Free laptops and tablets to borrow at {venue}"),
        "Borrow a tablet or laptop for free, with data included, and get help setting it up.",
        "If you do not have a device at home, you can borrow one for up to three months, with free mobile data. "
        "We set it up with you, show you how to keep it safe, and help you use it for what you need.",
        ("choosing the right device to borrow", "setting it up and keeping it charged and updated",
         "using your free data allowance", "what to do when you hand it back"),
        ("library", "charity"), kind="inclusion_support", device_loan=1.0, free_data=1.0, languages=0.3,
    ),
    C(
        "DROPIN-DATA", "inclusion", ("EDS-F", "EDS-C"),
        ("Free SIM cards and data: get connected at {venue}", "Get connected at {venue}: free data and SIM cards"),
        "Pick up a free SIM card with mobile data, calls and texts if you cannot afford to get online, and get "
        "help using it.",
        "We give out free SIM cards loaded with mobile data, calls and texts to people on low incomes or who "
        "cannot get online at home. No credit check and no contract: just come along and ask.",
        ("fitting a SIM card and checking your data", "saving data by using free Wi-Fi",
         "setting up a hotspot to use the internet on a laptop"),
        ("library", "community_centre", "charity"), kind="inclusion_support", drop_in=True, free_data=1.0, languages=0.5,
    ),
    C(
        "DROPIN-SCAMS", "inclusion", ("EDS-S", "DC-4"),
        ("Scam-busting drop-in at {venue}", "Is it a scam? Drop-in advice at {venue}"),
        "Not sure about a text, email or phone call? Bring it along and we will help you check it and stay safe.",
        "Scam messages are getting harder to spot. Our volunteers help you check suspicious messages, set up "
        "stronger passwords and protect your accounts, and tell you where to report a scam.",
        ("spotting fake texts, emails and websites", "making strong passwords you can remember",
         "turning on two-step verification", "where to report a scam"),
        ("library", "community_centre"), kind="inclusion_support", drop_in=True, languages=0.3,
    ),
    C(
        "DROPIN-JOBCLUB", "inclusion", ("EDS-T", "EDS-C"),
        ("Job club with digital help at {venue}", "Digital job club at {venue}"),
        "Search and apply for jobs online with help on hand: CVs, email applications and online tests.",
        "Use our computers to look for work, with staff on hand to help you set up an email address, write or "
        "update your CV and apply online. You can also print, scan and upload documents for free.",
        ("searching for jobs online", "writing and saving your CV", "applying by email and on job sites",
         "getting ready for an online interview"),
        ("community_centre", "library"), kind="inclusion_support", drop_in=True, languages=0.3,
    ),
)

INCLUSION_COURSES = (
    C(
        "INC-TABLET", "inclusion", ("EDS-F",),
        ("Getting started with a tablet or smartphone", "First steps with computers"),
        "Learn to switch on, use the touch screen or keyboard and connect to Wi-Fi, at a relaxed pace in a small "
        "group.",
        "A course for complete beginners. We go slowly, there is no jargon, and you can borrow a device during "
        "the sessions if you do not have your own.",
        ("switching on, charging and updating your device", "using a touch screen, mouse and keyboard",
         "connecting to Wi-Fi", "finding and opening apps"),
        ("library", "community_centre", "charity", "fe_college"), weeks=4, device_loan=0.5,
    ),
    C(
        "INC-KEEPINTOUCH", "inclusion", ("EDS-C", "DC-2"),
        ("Email and video calls for beginners", "Keep in touch: email, messaging and video calls"),
        "Set up an email address and learn to send messages, photos and make video calls to family and friends.",
        "Staying in touch is one of the best reasons to get online. Over a few friendly sessions you set up "
        "your own email address and practise messaging and video calls until you feel confident.",
        ("setting up and using an email address", "sending photos and attachments",
         "making and joining video calls", "using group chats"),
        COMMUNITY + ("fe_college",), weeks=5,
    ),
    C(
        "INC-SAFE", "inclusion", ("EDS-S", "DC-4"),
        ("Staying safe online: scams, passwords and privacy", "Spot the scam: staying safe online"),
        "Learn how to spot scams, make strong passwords and keep your personal information private.",
        "Feel safer online. This short course explains the common tricks scammers use and the simple steps that "
        "protect you, your money and your personal information.",
        ("spotting scam texts, emails and calls", "making strong passwords and using a password manager",
         "privacy settings on your phone and social media", "what to do if something goes wrong"),
        COMMUNITY + ("fe_college", "online"), modes=("in_person", "online"), weeks=3,
    ),
    C(
        "INC-SERVICES", "inclusion", ("EDS-T",),
        ("Online forms made easy: Universal Credit, council and NHS", "Using council and government services online"),
        "Practise using online services such as Universal Credit, council tax and GP booking, step by step.",
        "Many services now expect you to use them online. We practise on real-looking forms so you can apply, "
        "book and pay with confidence, and know how to keep your accounts secure.",
        ("creating an account and signing in", "proving who you are online", "filling in and sending forms",
         "paying bills and booking appointments"),
        COMMUNITY + ("fe_college",), weeks=4,
    ),
    C(
        "INC-BANKING", "inclusion", ("EDS-T", "DC-4"),
        ("Online banking and shopping with confidence",),
        "Learn to bank and shop online safely: checking your balance, paying bills and spotting fake websites.",
        "Online banking can save time and money, but many people worry about getting it wrong. This course "
        "uses practice accounts so you can try everything without risk.",
        ("checking your balance and paying bills", "using a banking app safely", "shopping on secure websites",
         "spotting fake shops and payment scams"),
        COMMUNITY + ("fe_college",), weeks=4,
    ),
    C(
        "INC-NHS", "inclusion", ("EDS-T", "EDS-H"),
        ("Using the NHS App: prescriptions and appointments online",),
        "Set up the NHS App and learn to order repeat prescriptions, book appointments and see your health record.",
        "A short, practical course to get you set up on the NHS App with a volunteer beside you. Bring your phone "
        "and photo ID if you have it.",
        ("setting up the NHS App and proving who you are", "ordering repeat prescriptions",
         "booking and cancelling GP appointments", "finding reliable health advice online"),
        ("library", "community_centre", "charity"), weeks=2,
    ),
    C(
        "INC-SEARCH", "inclusion", ("EDS-H", "DC-1"),
        ("Finding things online: search, maps and reliable information",
         "Is it true? Finding reliable information online"),
        "Learn to search the internet well, use online maps and tell reliable information from fake news.",
        "The internet can answer almost any question, if you know how to ask. We practise searching, using maps "
        "and timetables, and checking whether what you read is true.",
        ("searching with the right words", "using online maps and bus timetables",
         "checking whether a website can be trusted", "saving and sharing what you find"),
        COMMUNITY + ("online",), modes=("in_person", "online"), weeks=3,
    ),
    C(
        "INC-FIXIT", "inclusion", ("EDS-P", "DC-5"),
        ("Sort it yourself: everyday tech problems",),
        "Learn simple fixes for everyday problems: a full phone, a forgotten password, slow Wi-Fi or an app that "
        "will not open.",
        "Most tech problems have a simple fix. This course shows you what to try first, and how to find help "
        "online when you are stuck.",
        ("freeing up space on your phone", "resetting a forgotten password", "fixing Wi-Fi problems",
         "finding how-to videos and help pages"),
        COMMUNITY + ("fe_college",), weeks=3,
    ),
    C(
        "INC-PHOTOS", "inclusion", ("DC-3",),
        ("Take, edit and share photos on your phone", "Make a short video on your phone"),
        "Take better photos and short videos on your phone, tidy them up and share them with family and friends.",
        "A creative course for beginners. Bring your phone and we will practise taking, editing, organising and "
        "sharing photos and short videos.",
        ("taking clearer photos and videos", "simple editing: cropping, brightness and trimming",
         "organising albums and backing them up", "sharing safely with the people you choose"),
        COMMUNITY + ("fe_college",), weeks=4,
    ),
    C(
        "INC-JOBSEEKERS", "inclusion", ("EDS-C", "EDS-T", "DC-3"),
        ("Digital skills for job seekers: CVs and online applications",),
        "Set up an email address, write your CV on a computer and apply for jobs online.",
        "For people looking for work who are not confident with computers. You leave with an email address, a "
        "CV saved online and practice at online applications.",
        ("creating an email address for job hunting", "typing and saving a CV", "searching and applying for "
         "jobs online", "preparing for a video interview"),
        ("community_centre", "charity", "fe_college", "independent"), costs=("free", "funded"), weeks=4,
    ),
    C(
        "INC-ESOL", "inclusion", ("EDS-F", "EDS-C"),
        ("Digital basics with English language support", "Computers and English together"),
        "Learn to use a computer or phone while improving your everyday English, with bilingual helpers.",
        "This course combines digital basics with English for everyday life. Bilingual volunteers help in class, "
        "and you can borrow a device to practise at home.",
        ("using a device and the internet", "everyday English for online services", "sending emails and "
         "messages", "finding local services online"),
        ("charity", "community_centre", "fe_college"), weeks=8, device_loan=0.6, languages=1.0,
    ),
    C(
        "INC-EDSQ", "inclusion", ("EDS-F", "EDS-C", "EDS-H", "EDS-T", "EDS-S"),
        ("Essential Digital Skills qualification: entry level 3",),
        "Gain a nationally recognised entry-level qualification in essential digital skills, in a small friendly "
        "group.",
        "This course covers the foundation skills everyone needs and ends with a short practical assessment. "
        "It is a good first step before a level 1 course.",
        ("using devices and handling information", "creating and editing simple documents",
         "communicating online", "buying and applying online", "being safe and responsible online"),
        ("fe_college", "independent", "community_centre"), costs=("funded",), weeks=10, hours="3",
    ),
    C(
        "INC-PARENTS", "inclusion", ("EDS-S", "DC-4"),
        ("Keeping children safe online: a course for parents and carers",),
        "Understand the apps and games your children use and learn to set parental controls and talk about "
        "online safety.",
        "A relaxed course for parents, grandparents and carers. We look at the apps, games and sites children "
        "use, and practise setting sensible controls together.",
        ("parental controls on phones, consoles and broadband", "privacy settings on popular apps",
         "spotting online bullying and grooming", "where to get help"),
        ("library", "community_centre", "fe_college", "online"), modes=("in_person", "online"), weeks=2,
    ),
    C(
        "INC-LATERLIFE", "inclusion", ("EDS-F", "EDS-C"),
        ("Tech confidence for the over-60s",),
        "A gentle course for people over 60: your phone or tablet, video calls, photos and staying safe online.",
        "Go at your own pace with people your own age. We cover what you want to know, from video calls with "
        "grandchildren to online shopping and the NHS App.",
        ("getting comfortable with your device", "video calls and messages", "online shopping safely",
         "using the NHS App"),
        ("charity", "library", "community_centre"), weeks=6, device_loan=0.5,
    ),
    C(
        "INC-ONLINE-STARTER", "inclusion", ("EDS-F", "EDS-H", "EDS-S"),
        ("Learn my way online: digital basics at your own pace",),
        "Short online lessons on the basics, with a tutor you can message or phone when you get stuck.",
        "If you can already switch on a device and open a web page, these short lessons take you through the "
        "rest of the basics at your own pace. A tutor checks in with you every week.",
        ("using a mouse and keyboard with confidence", "searching and saving information",
         "email basics", "staying safe online"),
        ("online",), modes=("online",), weeks=0, self_paced=True,
    ),
)

GENERAL_COURSES = (
    C(
        "GEN-EXCEL", "general", ("EDS-H", "DC-1"),
        ("Excel for work: formulas and charts", "Spreadsheets at work: formulas, charts and tables"),
        "Use spreadsheets with confidence at work: formulas, sorting and filtering, charts and simple tables.",
        "A practical course for people who use spreadsheets at work, or want to. Each week builds a real "
        "workbook, from a budget to a sales report.",
        ("entering and formatting data", "formulas and functions such as SUM, AVERAGE and IF",
         "sorting, filtering and tables", "charts that make a point clearly"),
        TEACHERS, levels=("1", "2"), modes=("in_person", "online", "blended"), costs=("paid", "funded"),
        price=(95, 295), weeks=6, hours="2.5",
    ),
    C(
        "GEN-SPREADSHEET-START", "general", ("EDS-H", "DC-1"),
        ("Spreadsheets for beginners",),
        "Never used a spreadsheet? Learn to enter numbers, add them up and make a simple household budget.",
        "A gentle introduction to spreadsheets using free software. By the end you will have built your own "
        "budget and know how to keep it up to date.",
        ("rows, columns and cells", "adding up and simple formulas", "making a household budget",
         "saving and sharing your spreadsheet"),
        ("fe_college", "library", "online", "independent"), levels=("entry", "1"), modes=("in_person", "online"),
        costs=("free", "funded"), weeks=4,
    ),
    C(
        "GEN-DOCS", "general", ("DC-3", "EDS-H"),
        ("Documents that work: word processing for the workplace",),
        "Create clear letters, reports and forms: styles, tables, templates and mail merge.",
        "For people who type documents but want to work faster and produce more professional results.",
        ("using styles and templates", "tables and images", "mail merge for letters and labels",
         "sharing and tracking changes"),
        TEACHERS, levels=("1", "2"), modes=("in_person", "online"), costs=("paid", "funded"), price=(85, 220),
        weeks=5,
    ),
    C(
        "GEN-COLLAB", "general", ("EDS-C", "DC-2"),
        ("Working online with others: video meetings and shared documents",
         "Remote working skills: meetings, chat and shared files"),
        "Work well with others online: video meetings, team chat, shared calendars and editing documents together.",
        "Many jobs now involve working with people online. This course gives you hands-on practice with the "
        "tools employers use, and the etiquette that goes with them.",
        ("running and joining video meetings", "team chat and channels", "editing documents together",
         "shared calendars and online storage"),
        TEACHERS, levels=("1",), modes=("online", "blended"), costs=("free", "funded"), weeks=4,
    ),
    C(
        "GEN-EDSQ1", "general", ("EDS-C", "EDS-H", "EDS-T", "EDS-P", "EDS-S"),
        ("Essential Digital Skills qualification: level 1",),
        "A nationally recognised level 1 qualification in the digital skills needed for life and work.",
        "Build on the basics and prove it with a qualification employers recognise. Study in class or online "
        "with regular tutor support.",
        ("managing information and files", "creating and editing content", "communicating and working online",
         "transacting safely", "solving problems with digital tools"),
        ("fe_college", "independent", "online"), levels=("1",), modes=("in_person", "online", "blended"),
        costs=("funded",), weeks=12, hours="3",
    ),
    C(
        "GEN-IT-USER-L2", "general", ("EDS-H", "DC-3", "DC-1"),
        ("Level 2 Certificate in IT User Skills", "Level 2 Certificate in Digital Skills for Work"),
        "A level 2 qualification covering spreadsheets, documents, presentations and working safely online.",
        "A recognised qualification for people who want to show employers they are confident with everyday "
        "software. Suitable if you have some experience but no qualification.",
        ("spreadsheets and data", "documents and presentations", "online communication and security",
         "managing files and information"),
        ("fe_college", "independent", "online"), levels=("2",), modes=("in_person", "blended", "online"),
        costs=("funded", "paid"), price=(350, 650), weeks=15, hours="3",
    ),
    C(
        "GEN-MARKETING-BASICS", "general", ("DC-3", "EDS-C"),
        ("Digital marketing basics for small businesses",),
        "Promote your business online: a simple website, social media, email newsletters and online reviews.",
        "For sole traders, small businesses and community groups who want more people to find them online, "
        "without a big budget.",
        ("getting found on search engines and maps", "planning social media posts", "email newsletters",
         "measuring what works"),
        ("fe_college", "independent", "online", "library"), levels=("1", "2"), modes=("in_person", "online"),
        costs=("free", "paid"), price=(60, 180), weeks=5,
    ),
    C(
        "GEN-SOCIAL", "general", ("DC-2", "DC-3"),
        ("Social media for your business or charity",),
        "Use social media well for a business, charity or community group: planning, posting, photos and replies.",
        "A hands-on course to plan and create posts people want to read, with simple photo and video tips.",
        ("choosing the right platforms", "planning a month of posts", "photos and short videos",
         "replying to comments and reviews"),
        ("independent", "online", "fe_college"), levels=("1",), modes=("online", "in_person"),
        costs=("paid", "free"), price=(45, 150), weeks=3,
    ),
    C(
        "GEN-DATA-AT-WORK", "general", ("DC-1", "EDS-H"),
        ("Using data at work: an introduction",),
        "Collect, tidy and present information at work so others can understand it and make decisions.",
        "Data is part of most jobs now. This course shows you how to gather information, check it, summarise it "
        "and present it clearly, without needing maths beyond the basics.",
        ("collecting and tidying data", "summaries and simple charts", "dashboards and reports",
         "keeping data accurate and secure"),
        TEACHERS, levels=("2",), modes=("online", "blended"), costs=("funded", "paid"), price=(120, 300),
        weeks=6, hours="2.5",
    ),
    C(
        "GEN-CYBER-SMB", "general", ("EDS-S", "DC-4"),
        ("Cyber security essentials for small businesses",),
        "Protect your business from the most common cyber attacks: passwords, backups, updates and phishing.",
        "A practical course for small business owners and staff. You leave with a simple plan for your own "
        "business, based on the government's cyber essentials advice.",
        ("the most common attacks and how to stop them", "passwords, two-step verification and backups",
         "keeping devices and software updated", "training staff to spot phishing"),
        ("independent", "online", "fe_college", "university"), levels=("2",), modes=("online", "in_person"),
        costs=("free", "paid"), price=(75, 195), weeks=3,
    ),
    C(
        "GEN-GDPR", "general", ("EDS-S", "DC-4"),
        ("Protecting data at work: privacy and online safety",),
        "Handle personal information safely at work and understand your responsibilities under data protection law.",
        "For anyone who handles customer or staff information at work. Short, practical and full of real examples.",
        ("what personal data is and why it matters", "storing and sharing data safely",
         "spotting and reporting a data breach", "working safely from home"),
        TEACHERS, levels=("1", "2"), modes=("online",), costs=("paid", "free"), price=(40, 120), weeks=2,
    ),
    C(
        "GEN-WEBSITE-NOCODE", "general", ("DC-3",),
        ("Build a website for your business without code",),
        "Create a simple, good-looking website with a website builder: pages, photos, contact forms and a domain.",
        "No coding needed. By the end of the course you will have published a small website you can keep up to "
        "date yourself.",
        ("planning your pages", "using a website builder", "photos and accessibility", "connecting a domain name"),
        ("independent", "online", "library", "fe_college"), levels=("1",), modes=("in_person", "online"),
        costs=("paid", "free"), price=(80, 180), weeks=4,
    ),
    C(
        "GEN-TROUBLESHOOT", "general", ("EDS-P", "DC-5"),
        ("Troubleshooting your computer: simple fixes and maintenance",),
        "Keep your computer running well: updates, storage, backups, printers and what to do when things go wrong.",
        "Become the person others ask for help. A practical course in looking after a computer and solving "
        "common problems.",
        ("updates and antivirus", "freeing up space and speeding things up", "backing up files",
         "printers, Wi-Fi and other common problems"),
        ("fe_college", "independent", "library"), levels=("1",), costs=("free", "paid"), price=(50, 120), weeks=4,
    ),
    C(
        "GEN-SOLETRADER", "general", ("EDS-T", "EDS-H"),
        ("Online selling, payments and bookkeeping for sole traders",),
        "Sell online, take card payments and keep simple digital accounts for a small business.",
        "For people starting or running a small business. We set up an online shop page, card payments and a "
        "simple way to keep your records for tax.",
        ("selling on marketplaces and your own shop page", "taking card and online payments",
         "digital bookkeeping and receipts", "keeping records for tax"),
        ("independent", "online", "fe_college"), levels=("2",), modes=("online", "in_person"),
        costs=("paid", "funded"), price=(120, 280), weeks=5,
    ),
    C(
        "GEN-VIDEO", "general", ("DC-3",),
        ("Video editing for beginners",),
        "Plan, film and edit short videos for social media, family or work, using free software.",
        "A creative course where you make a short video each week and learn the basics of editing, sound and "
        "captions.",
        ("planning and filming", "editing, transitions and music", "adding captions", "sharing and exporting"),
        ("fe_college", "independent", "library", "online"), levels=("entry", "1"), modes=("in_person", "online"),
        costs=("paid", "free"), price=(60, 160), weeks=5,
    ),
    C(
        "GEN-GRAPHICS", "general", ("DC-3",),
        ("Graphic design basics with free tools",),
        "Design posters, social media graphics and leaflets with free online tools.",
        "Learn the basics of layout, colour and type, and make eye-catching designs for a club, charity or "
        "business.",
        ("layout, colour and fonts", "using free design tools", "designing for social media and print",
         "making designs accessible"),
        ("fe_college", "online", "library", "independent"), levels=("entry", "1"), modes=("in_person", "online"),
        costs=("free", "paid"), price=(40, 120), weeks=4,
    ),
    C(
        "GEN-RETAIL", "general", ("EDS-T", "EDS-C"),
        ("Digital skills for retail and customer service",),
        "The digital skills shop and service jobs need: tills and stock systems, online orders and customer chat.",
        "For people working in or applying for retail, hospitality and customer service jobs.",
        ("point-of-sale and stock systems", "click and collect and online orders", "answering customers by chat "
         "and email", "using rota and HR apps"),
        ("fe_college", "independent"), levels=("1",), costs=("funded", "free"), weeks=4,
    ),
    C(
        "GEN-CLOUD-DOCS", "general", ("DC-2", "EDS-C"),
        ("Cloud documents: shared drives, calendars and forms",),
        "Organise your work in the cloud: shared drives, calendars, online forms and working on the same file.",
        "Useful for volunteers, office staff and anyone organising a club or small team.",
        ("shared drives and folders", "calendars and booking", "online forms and surveys", "working on the same file"),
        ("online", "independent", "library"), levels=("1",), modes=("online", "in_person"), costs=("free", "paid"),
        price=(35, 90), weeks=3,
    ),
    C(
        "GEN-CODE-TASTER", "general", ("DC-3", "DC-5"),
        ("Introduction to coding: make your first web page", "Coding taster: HTML and CSS"),
        "Curious about coding? Make your first web page with HTML and CSS in a friendly, no-pressure taster course.",
        "A taster for complete beginners who want to see whether coding is for them. You will build and publish "
        "a small web page.",
        ("how web pages work", "writing HTML", "styling with CSS", "publishing your page"),
        ("fe_college", "library", "bootcamp", "online"), levels=("entry", "1"), modes=("in_person", "online"),
        costs=("free",), weeks=4,
    ),
    C(
        "GEN-HEALTHCARE", "general", ("EDS-H", "EDS-C"),
        ("Digital skills for health and care workers",),
        "Use care records, rota apps and video consultations confidently in health and social care jobs.",
        "For care workers and people applying for health and care roles. Built with local care employers.",
        ("digital care records", "video calls with patients and families", "keeping information confidential",
         "using rota and training apps"),
        ("fe_college", "independent"), levels=("2",), modes=("blended", "in_person"), costs=("funded",), weeks=6,
    ),
    C(
        "GEN-AI-TOOLS", "general", ("DC-1", "DC-4"),
        ("AI tools at work: using chatbots safely and well",),
        "Use AI chatbots and writing tools to save time at work, check their answers and keep information safe.",
        "A practical look at the AI tools now built into office software: what they are good at, where they go "
        "wrong, and how to use them responsibly.",
        ("writing good prompts", "checking AI answers for mistakes", "keeping personal and business data safe",
         "when not to use AI"),
        ("online", "independent", "fe_college", "university"), levels=("2",), modes=("online", "in_person"),
        costs=("paid", "free"), price=(60, 180), weeks=2,
    ),
    C(
        "GEN-JOBHUNT", "general", ("EDS-C", "EDS-T"),
        ("Digital job hunting: online applications, profiles and interviews",),
        "Stand out online: a professional profile, tailored applications and confident video interviews.",
        "For people who can use a computer but want to make their job search work harder.",
        ("a professional online profile", "tailoring your CV and cover letter", "online tests and applications",
         "video interviews"),
        ("fe_college", "independent", "community_centre", "library"), levels=("1",), modes=("in_person", "online"),
        costs=("free",), weeks=3,
    ),
    C(
        "GEN-PRESENT", "general", ("DC-3", "EDS-C"),
        ("Presentations and slides that people remember",),
        "Make clear, accessible slides and present them confidently, in the room or online.",
        "A practical course in planning, designing and delivering presentations for work or study.",
        ("planning your message", "designing clear slides", "accessible colours and fonts", "presenting online"),
        TEACHERS, levels=("1", "2"), modes=("online", "in_person"), costs=("paid",), price=(70, 160), weeks=3,
    ),
)

ADVANCED_COURSES = (
    C(
        "ADV-PYTHON-BOOTCAMP", "advanced", ("ADV-SOFTWARE",),
        ("Python for beginners bootcamp", "Learn to code with Python: 12-week bootcamp"),
        "An intensive 12-week course taking you from no coding experience to writing useful Python programs, "
        "with a guaranteed interview with a local employer.",
        "Our bootcamp is built with local employers. You learn by building projects in small teams, with a "
        "mentor from industry, and finish with a portfolio to show employers.",
        ("Python basics: variables, loops and functions", "working with files, data and web APIs",
         "testing and version control with Git", "a team project for a real client"),
        ("bootcamp", "online"), levels=("3",), modes=("blended", "online", "in_person"), costs=("funded",),
        weeks=12, hours="15",
    ),
    C(
        "ADV-FULLSTACK", "advanced", ("ADV-SOFTWARE", "ADV-DESIGN"),
        ("Full-stack web development bootcamp",),
        "Build complete web applications, front end to database, in 16 intensive weeks.",
        "For people with some coding experience who want a developer job. You learn the tools local software "
        "teams use and build a portfolio of working applications.",
        ("HTML, CSS and accessible front ends", "JavaScript and a modern framework",
         "back-end development and databases", "testing, deployment and working in a team"),
        ("bootcamp",), levels=("4",), modes=("in_person", "blended"), costs=("funded", "paid"),
        price=(4500, 8000), weeks=16, hours="25",
    ),
    C(
        "ADV-DIPLOMA-SOFTWARE", "advanced", ("ADV-SOFTWARE",),
        ("Level 3 Diploma in IT: software development",),
        "A one-year level 3 diploma in programming, databases and web development, leading to work, an "
        "apprenticeship or university.",
        "Study software development in our college labs with industry-standard tools. Includes a work placement "
        "with a local employer.",
        ("programming fundamentals", "databases and SQL", "web development", "a work placement"),
        ("fe_college",), levels=("3",), costs=("funded",), weeks=36, hours="16",
    ),
    C(
        "ADV-JAVASCRIPT", "advanced", ("ADV-SOFTWARE",),
        ("JavaScript and React: build modern web apps",),
        "Evening course for people who know some HTML and CSS and want to build interactive web applications.",
        "Part-time and practical, so you can study alongside work. Each week adds a feature to your own app.",
        ("modern JavaScript", "components and state in React", "calling APIs", "testing and deploying your app"),
        ("independent", "online", "bootcamp"), levels=("4",), modes=("online", "blended"), costs=("paid",),
        price=(600, 1500), weeks=10, hours="6",
    ),
    C(
        "ADV-TESTING", "advanced", ("ADV-SOFTWARE",),
        ("Software testing and quality assurance",),
        "Learn manual and automated software testing, a common first step into a tech career.",
        "Testers make sure software works for the people who use it. This course covers test planning, "
        "automation and accessibility testing.",
        ("test planning and writing test cases", "automated testing", "accessibility testing",
         "working in an agile team"),
        ("independent", "online", "bootcamp"), levels=("4",), modes=("online", "in_person"),
        costs=("funded", "paid"), price=(900, 2000), weeks=10, hours="10",
    ),
    C(
        "ADV-HNC", "advanced", ("ADV-SOFTWARE", "ADV-IT-SUPPORT"),
        ("Higher National Certificate in Digital Technologies",),
        "A part-time level 4 HNC covering software, networks and data, for people working in or moving into IT.",
        "Study one day a week over a year. The HNC counts towards a degree and is valued by local employers.",
        ("programming and software design", "networking", "databases", "professional practice in IT"),
        ("fe_college", "university"), levels=("4",), modes=("in_person", "blended"), costs=("paid",),
        price=(2500, 4600), weeks=36, hours="7",
    ),
    C(
        "ADV-DEGREE-CS", "advanced", ("ADV-SOFTWARE", "ADV-DATA"),
        ("BSc (Hons) Computer Science, part-time", "Computing degree for people in work (part-time)"),
        "A part-time computer science degree taught in the evenings and online, for people in work.",
        "Study for a degree without giving up your job. Teaching is in the evening and online, and you can "
        "build on a level 4 or 5 qualification you already have.",
        ("programming and algorithms", "software engineering", "data and databases", "a final-year project"),
        ("university",), levels=("6",), modes=("blended",), costs=("paid",), price=(6900, 9250), weeks=208, hours="10",
    ),
    C(
        "ADV-DATA-ANALYSIS", "advanced", ("ADV-DATA",),
        ("Data analysis with spreadsheets, SQL and dashboards", "Data analytics bootcamp"),
        "Turn raw data into decisions: cleaning data, SQL queries and interactive dashboards.",
        "A practical route into data analyst roles. You work on real open data sets and present your findings "
        "to local employers at the end.",
        ("cleaning and preparing data", "SQL queries", "dashboards and data visualisation",
         "telling a story with data"),
        ("bootcamp", "independent", "online"), levels=("3", "4"), modes=("blended", "online"),
        costs=("funded", "paid"), price=(1200, 3500), weeks=12, hours="12",
    ),
    C(
        "ADV-SQL", "advanced", ("ADV-DATA",),
        ("SQL for data analysis",),
        "Query databases with SQL: joins, aggregations and the questions analysts get asked every day.",
        "An evening course for people who use data at work and want to get it straight from the database.",
        ("SELECT, filtering and sorting", "joins and aggregations", "working with dates", "writing clear queries"),
        ("independent", "online", "fe_college"), levels=("3",), modes=("online", "in_person"), costs=("paid",),
        price=(250, 600), weeks=6, hours="3",
    ),
    C(
        "ADV-DATAVIS-PYTHON", "advanced", ("ADV-DATA", "ADV-AI"),
        ("Statistics and data visualisation with Python",),
        "A university short course in statistics, pandas and charts for people who already code a little.",
        "Taught by our computing and maths staff, this course gives you the statistics behind data science and "
        "the Python tools to apply it.",
        ("descriptive and inferential statistics", "data wrangling with pandas", "charts and visual design",
         "reproducible notebooks"),
        ("university",), levels=("5",), modes=("blended", "online"), costs=("paid",), price=(800, 1500),
        weeks=10, hours="6",
    ),
    C(
        "ADV-CYBER-BOOTCAMP", "advanced", ("ADV-CYBER",),
        ("Cyber security analyst bootcamp",),
        "Train for a first job in a security operations centre: networks, threats, monitoring and incident response.",
        "An intensive bootcamp with hands-on labs in our virtual security operations centre, and interviews "
        "with local employers.",
        ("networks and how attacks work", "monitoring and log analysis", "incident response",
         "security frameworks employers use"),
        ("bootcamp", "online"), levels=("4",), modes=("blended", "online"), costs=("funded",), weeks=14, hours="16",
    ),
    C(
        "ADV-ETHICAL-HACKING", "advanced", ("ADV-CYBER",),
        ("Ethical hacking and penetration testing: foundations",),
        "Learn how attackers think and how to test systems safely and legally, in our isolated practice lab.",
        "For people with some networking or IT experience. Every exercise happens in a safe practice lab, and we "
        "cover the law and ethics throughout.",
        ("the law and ethics of security testing", "reconnaissance and scanning", "common web vulnerabilities",
         "writing a clear test report"),
        ("independent", "university", "bootcamp"), levels=("5",), modes=("in_person", "blended"), costs=("paid",),
        price=(900, 2200), weeks=8, hours="6",
    ),
    C(
        "ADV-CYBER-L3", "advanced", ("ADV-CYBER", "ADV-IT-SUPPORT"),
        ("Level 3 Certificate in Cyber Security Practices",),
        "A level 3 qualification in keeping systems and data secure, for people starting a career in IT or security.",
        "Study part-time at college with practical labs. A good stepping stone to a cyber security apprenticeship.",
        ("threats, risks and vulnerabilities", "securing devices and networks", "security policies",
         "responding to incidents"),
        ("fe_college", "independent"), levels=("3",), modes=("in_person", "blended"), costs=("funded", "paid"),
        price=(450, 900), weeks=20, hours="4",
    ),
    C(
        "ADV-CLOUD-FUNDAMENTALS", "advanced", ("ADV-CLOUD",),
        ("Cloud computing fundamentals", "Introduction to cloud platforms"),
        "Understand and use cloud platforms: virtual machines, storage, networking, security and costs.",
        "Prepares you for an entry-level cloud certification and roles in cloud support and operations.",
        ("cloud concepts and services", "virtual machines and storage", "identity, access and security",
         "monitoring and managing costs"),
        ("online", "independent", "bootcamp"), levels=("3", "4"), modes=("online", "blended"),
        costs=("paid", "funded"), price=(300, 900), weeks=8, hours="5",
    ),
    C(
        "ADV-DEVOPS", "advanced", ("ADV-CLOUD", "ADV-SOFTWARE"),
        ("DevOps and Linux for beginners",),
        "Linux, scripting, containers and automated pipelines: the core of DevOps and platform roles.",
        "A hands-on course for people with some IT or coding experience who want to move into DevOps.",
        ("the Linux command line", "scripting and automation", "containers", "continuous integration and delivery"),
        ("bootcamp", "online", "independent"), levels=("4",), modes=("online", "blended"),
        costs=("funded", "paid"), price=(1500, 3000), weeks=12, hours="10",
    ),
    C(
        "ADV-NETWORKING-DIPLOMA", "advanced", ("ADV-IT-SUPPORT", "ADV-CLOUD"),
        ("Level 3 Diploma in IT: networking",),
        "A level 3 diploma in computer networks, servers and security, with a work placement.",
        "Build and configure real networks in our labs, and spend time with a local employer's IT team.",
        ("network design and cabling", "routers, switches and wireless", "servers and virtualisation",
         "network security"),
        ("fe_college",), levels=("3",), costs=("funded",), weeks=36, hours="16",
    ),
    C(
        "ADV-AI-PYTHON", "advanced", ("ADV-AI", "ADV-DATA"),
        ("Machine learning with Python",),
        "Build, test and explain machine learning models with Python, for people who can already code.",
        "A part-time university course covering the main machine learning methods, how to evaluate them, and "
        "how to use them responsibly.",
        ("supervised and unsupervised learning", "evaluating models fairly", "neural networks",
         "explaining models to non-specialists"),
        ("university", "bootcamp"), levels=("6", "5"), modes=("blended", "online"), costs=("paid",),
        price=(1200, 2800), weeks=10, hours="8",
    ),
    C(
        "ADV-AI-BUSINESS", "advanced", ("ADV-AI",),
        ("AI for business: practical machine learning",),
        "Find good uses for AI in a business, run a small pilot and measure whether it works.",
        "For managers, analysts and developers who want to move beyond experiments with AI.",
        ("where AI helps and where it does not", "data you need for a pilot", "working with AI suppliers",
         "risk, fairness and regulation"),
        ("university", "online", "independent"), levels=("4", "5"), modes=("online", "blended"), costs=("paid",),
        price=(500, 1400), weeks=6, hours="4",
    ),
    C(
        "ADV-AI-ETHICS", "advanced", ("ADV-AI", "ADV-DATA"),
        ("Responsible AI and data ethics",),
        "Understand bias, transparency and accountability in AI systems, and how to build them responsibly.",
        "A short university course for developers, analysts and policy makers.",
        ("where bias comes from and how to measure it", "transparency and explanation", "privacy and the law",
         "governance for AI projects"),
        ("university",), levels=("6",), modes=("online", "blended"), costs=("paid", "free"), price=(300, 700),
        weeks=5, hours="3",
    ),
    C(
        "ADV-UX-BOOTCAMP", "advanced", ("ADV-DESIGN",),
        ("UX and UI design bootcamp",),
        "Learn user research, prototyping and interface design, and build a portfolio of real design projects.",
        "An intensive route into product and service design jobs, with briefs from local organisations.",
        ("user research and testing", "wireframes and prototypes", "visual and interface design",
         "accessibility and inclusive design"),
        ("bootcamp", "online"), levels=("4",), modes=("blended", "online"), costs=("funded", "paid"),
        price=(3000, 6000), weeks=14, hours="16",
    ),
    C(
        "ADV-SERVICE-DESIGN", "advanced", ("ADV-DESIGN",),
        ("User research and service design",),
        "Design public and commercial services around people's needs, from first research to a tested prototype.",
        "A university short course using real briefs from councils and charities.",
        ("planning and running user research", "mapping services end to end", "prototyping and testing",
         "designing for accessibility"),
        ("university", "independent"), levels=("5",), modes=("blended", "in_person"), costs=("paid",),
        price=(700, 1600), weeks=8, hours="5",
    ),
    C(
        "ADV-CREATIVE-MEDIA", "advanced", ("ADV-DESIGN", "ADV-MARKETING"),
        ("Level 3 Diploma in Creative Digital Media",),
        "A level 3 diploma in graphic design, animation, video and web design, with a portfolio for work or "
        "university.",
        "Work in our Mac suites and studios on live briefs from local businesses.",
        ("graphic design and typography", "animation and motion graphics", "video production", "web design"),
        ("fe_college",), levels=("3",), costs=("funded",), weeks=36, hours="16",
    ),
    C(
        "ADV-MARKETING-BOOTCAMP", "advanced", ("ADV-MARKETING",),
        ("Digital marketing bootcamp: search, social and analytics",),
        "A career-changer's route into digital marketing: search, paid social, content and analytics.",
        "Run real campaigns for local businesses and finish with results you can show employers.",
        ("search engine optimisation", "paid search and social advertising", "content planning",
         "analytics and reporting"),
        ("bootcamp", "online", "independent"), levels=("3", "4"), modes=("online", "blended"),
        costs=("funded", "paid"), price=(900, 2500), weeks=10, hours="12",
    ),
    C(
        "ADV-CONTENT", "advanced", ("ADV-MARKETING",),
        ("Content marketing and copywriting",),
        "Write content that gets found and read: web copy, email, social and plain English.",
        "For people in or moving into marketing and communications roles.",
        ("writing for the web and search", "email campaigns", "content strategy and planning",
         "measuring results"),
        ("online", "independent", "university"), levels=("4",), modes=("online",), costs=("paid",),
        price=(350, 900), weeks=6, hours="4",
    ),
    C(
        "ADV-MARKETING-L3", "advanced", ("ADV-MARKETING",),
        ("Level 3 Certificate in Digital Marketing",),
        "A level 3 qualification in digital marketing principles, channels and measurement.",
        "A recognised qualification that works well alongside a marketing job or as a route into a digital "
        "marketer apprenticeship.",
        ("marketing principles", "digital channels", "campaign planning", "data and measurement"),
        ("fe_college", "independent", "online"), levels=("3",), modes=("in_person", "online"),
        costs=("funded", "paid"), price=(500, 1000), weeks=20, hours="4",
    ),
    C(
        "ADV-IT-SUPPORT", "advanced", ("ADV-IT-SUPPORT",),
        ("IT support technician: hardware, software and the help desk",),
        "Train for IT support and service desk jobs: fixing hardware and software, user accounts and tickets.",
        "Hands-on training in our workshop, preparing you for industry certification and a first IT job.",
        ("PC hardware and operating systems", "user accounts and permissions", "help desk and ticketing",
         "customer service for IT"),
        ("fe_college", "independent", "bootcamp"), levels=("3",), modes=("in_person", "blended"),
        costs=("funded", "paid"), price=(600, 1200), weeks=10, hours="12",
    ),
    C(
        "ADV-NETWORK-ESSENTIALS", "advanced", ("ADV-IT-SUPPORT",),
        ("Networking essentials: routers, switches and Wi-Fi",),
        "Set up and troubleshoot small business networks: IP addressing, routers, switches and wireless.",
        "A practical evening course using real network equipment in our labs.",
        ("how networks work", "IP addressing", "configuring routers and switches", "wireless and security"),
        ("fe_college", "independent", "university"), levels=("3", "4"), modes=("in_person",), costs=("paid",),
        price=(400, 950), weeks=8, hours="3",
    ),
)

COURSES = INCLUSION_SUPPORT + INCLUSION_COURSES + GENERAL_COURSES + ADVANCED_COURSES

# How many of each tier the demo has, and how many of the inclusion tier are drop-in support.
TARGETS = {"inclusion": 100, "general": 100, "advanced": 100}
INCLUSION_SUPPORT_COUNT = 40

FUNDING_RULES = {
    "inclusion": (
        "Free if you are 19 or over and have little or no experience of using digital devices",
        "Free if you are unemployed or receive Universal Credit",
    ),
    "general": (
        "Free if you are 19 or over and do not already have a level 2 qualification",
        "Free if you are 19 or over and earn less than £25,000 a year",
        "Free if you are unemployed or receive Universal Credit",
    ),
    "advanced": (
        "Free if you are 19 or over and live or work in West Yorkshire or North Yorkshire (Skills Bootcamp)",
        "Free if you are 19 or over and do not already have a level 3 qualification",
        "Free if you are 19 to 23; if you are 24 or over an Advanced Learner Loan can cover the fees",
    ),
}

LANGUAGES = (
    "Urdu, Punjabi",
    "Polish",
    "Arabic, Kurdish",
    "Romanian, Slovak",
    "Bengali, Urdu",
    "Ukrainian, Russian",
    "Farsi, Pashto",
    "Tigrinya, Arabic",
)

DROP_IN_TIMES = (
    "Mondays, 10am to 12 noon",
    "Tuesdays, 2pm to 4pm",
    "Wednesdays, 10am to 1pm",
    "Thursdays, 1pm to 3pm",
    "Fridays, 10am to 12 noon",
    "Saturdays, 10am to 12 noon",
)

CLASS_TIMES = {
    "in_person": (
        "Monday mornings, 9:30am to 12 noon",
        "Tuesday afternoons, 1pm to 3:30pm",
        "Wednesday evenings, 6pm to 8:30pm",
        "Thursday mornings, 10am to 12:30pm",
        "Thursday evenings, 6pm to 8:30pm",
    ),
    "online": (
        "Live online on Monday evenings, 7pm to 9pm",
        "Live online on Wednesday evenings, 6:30pm to 8:30pm",
        "Live online on Saturday mornings, 10am to 12 noon",
    ),
    "blended": (
        "In person on Tuesdays, online on Thursday evenings",
        "Online during the week, in person on alternate Saturdays",
        "In person on Wednesday mornings, online study in your own time",
    ),
}

WHO_FOR = {
    "inclusion": (
        "This is for anyone who is new to digital technology or wants more confidence. You do not need to "
        "know anything before you start.",
        "Everyone is welcome, whatever your age or experience. Sessions are small, friendly and go at your pace.",
    ),
    "general": (
        "This is for people who can already use a computer or phone and want more confidence and skills for "
        "work or everyday life.",
        "You should be comfortable using a computer, the internet and email. No qualifications are needed.",
    ),
    "advanced": (
        "This is for people aiming at a digital job. You do not need a degree, but you should be a confident "
        "computer user and ready to study hard.",
        "Suitable for career changers and people already in IT who want to specialise. We will talk to you "
        "before you start to check it is right for you.",
    ),
}

HOW_TO_APPLY = {
    "fe_college": "Apply online through our website or call the admissions team. We will invite you to a short, "
    "informal chat to check the course suits you.",
    "university": "Apply online through our short courses and part-time study pages. Our admissions team can "
    "advise on entry requirements and fees.",
    "independent": "Book online or call us. We will check your eligibility for free places over the phone.",
    "bootcamp": "Apply online. We will invite you to an informal chat and a short problem-solving task; no "
    "coding experience is needed for beginner courses.",
    "community_centre": "Just come along, or call us if you want to check first. You do not need to book.",
    "library": "Just come along, or ask at the library counter. You do not need to be a library member.",
    "charity": "Call or email us, or ask someone you trust, such as a support worker, to refer you.",
    "online": "Enrol online at any time. A tutor will call you in your first week to help you get started.",
}

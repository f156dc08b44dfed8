"""The first question bank and placement rules of the self-assessment (docs/pathways.md explains them).

The foundation statements follow the DfE Essential Digital Skills framework (OGL v3.0) in plainer words. The
framework's "for life" and "for work" statements were not available to us, so those below are our own words,
each mapped to its Essential Digital Skills area (through its question) and to a DigComp 2.2 competence. The
specialism statements are ours too.

Editors change all of this in the admin afterwards, so rows that exist already are left alone.
"""

from django.db import migrations

F, L, W, S, P = "foundation", "life", "work", "starter", "practised"
TICK = "Tick the ones you can do on your own."

# (position, code, skill area, heading, hint, shown when, [(code, level, competence, text, topic, hint)])
QUESTIONS = [
    (10, "using-a-device", "EDS-F", "Which of these can you do on a phone, tablet or computer?", TICK, "always", [
        ("turn-on-device", F, "EDS-F-01", "I can turn on a phone, tablet or computer", "turning on a device", ""),
        ("use-controls", F, "EDS-F-02", "I can use the touch screen, or a mouse and keyboard", "using a touch screen or mouse", ""),
        ("change-settings", F, "EDS-F-03", "I can change settings, like making the words bigger", "changing settings", ""),
        ("open-apps", F, "EDS-F-04", "I can find and open an app on the home screen", "opening apps", "For example, the camera or a map app"),
    ]),
    (20, "getting-online", "EDS-F", "Which of these can you do to get online?", TICK, "always", [
        ("know-internet", F, "EDS-F-05", "I can explain what the internet and Wi-Fi are for", "what the internet is for", ""),
        ("connect-wifi", F, "EDS-F-06", "I can connect to a safe Wi-Fi network", "connecting to Wi-Fi", "For example, at home or at the library"),
        ("open-website", F, "EDS-F-07", "I can open a web browser and go to a website", "going on websites", ""),
        ("keep-passwords-private", F, "EDS-F-08", "I can keep my passwords and personal details private", "keeping passwords private", ""),
        ("change-password", F, "EDS-F-09", "I can change my password when I am asked to", "changing passwords", ""),
    ]),
    (30, "communicating", "EDS-C", "Which of these can you do to keep in touch with people?", TICK, "always", [
        ("send-messages", L, "DC-2.1", "I can send a message with a photo to someone", "messages and photos", "For example, on WhatsApp or by text"),
        ("video-call", L, "DC-2.1", "I can make a video call to family or friends", "video calls", ""),
        ("send-email", L, "DC-2.1", "I can send an email and reply to one", "email", ""),
        ("work-email", W, "DC-2.5", "I can write a clear, polite email to someone at work", "emails for work", ""),
        ("online-meeting", W, "DC-2.4", "I can join an online meeting and share a file with others", "online meetings and sharing files", "For example, on Teams or Zoom"),
    ]),
    (40, "information", "EDS-H", "Which of these can you do to find and keep information?", TICK, "always", [
        ("search-online", L, "DC-1.1", "I can search the internet to find what I need", "searching online", ""),
        ("check-website", L, "DC-1.2", "I can tell if a website looks real and safe to trust", "checking websites", ""),
        ("save-files", L, "DC-1.3", "I can save photos and files and find them again", "saving files and photos", ""),
        ("make-document", W, "DC-3.1", "I can make a document or a simple spreadsheet", "documents and spreadsheets", "For example, a letter in Word or a list in Excel"),
        ("organise-files", W, "DC-1.3", "I can keep work files tidy in folders or online storage", "keeping files tidy", ""),
    ]),
    (50, "transacting", "EDS-T", "Which of these can you do to buy things and use services online?", TICK, "always", [
        ("online-form", L, "DC-2.3", "I can fill in a form online, like booking a doctor's visit", "online forms", ""),
        ("shop-online", L, "DC-2.3", "I can buy something online and pay safely", "shopping online", ""),
        ("online-banking", L, "DC-2.3", "I can use online banking or a banking app", "online banking", ""),
        ("job-application", W, "DC-2.3", "I can fill in a job application online", "job applications", ""),
        ("work-system", W, "DC-5.2", "I can use a work system to book, order or record things", "systems at work", "For example, booking rooms or recording your hours"),
    ]),
    (60, "problem-solving", "EDS-P", "Which of these can you do when you get stuck or want to learn?", TICK, "always", [
        ("find-help", L, "DC-5.1", "I can find help online when I get stuck", "finding help online", ""),
        ("fix-simple-problems", L, "DC-5.1", "I can fix simple problems, like restarting an app that froze", "fixing simple problems", ""),
        ("learn-online", L, "DC-5.4", "I can use a video or guide online to learn something new", "learning online", ""),
        ("choose-tools", W, "DC-5.2", "I can choose the right app or tool for a job at work", "choosing the right tool", ""),
        ("learn-for-work", W, "DC-5.4", "I can use online courses to get better at my job", "learning for work", ""),
    ]),
    (70, "staying-safe", "EDS-S", "Which of these can you do to stay safe online?", TICK, "always", [
        ("spot-scams", L, "DC-4.1", "I can spot a scam text, email or phone call", "spotting scams", ""),
        ("strong-passwords", L, "DC-4.1", "I can make strong passwords and keep them safe", "strong passwords", ""),
        ("share-carefully", L, "DC-4.2", "I can choose what I share about myself online", "sharing carefully", ""),
        ("look-after-yourself", L, "DC-4.3", "I can take breaks and block people who upset me online", "looking after yourself online", ""),
        ("data-at-work", W, "DC-4.2", "I can follow the rules at work for keeping data safe", "keeping data safe at work", ""),
        ("fair-use", W, "DC-3.3", "I can check if I am allowed to use a photo or text I found", "using other people's work fairly", ""),
    ]),
    (90, "software", "ADV-SOFTWARE", "Software development: which of these can you do?", TICK, "interested", [
        ("code-guide", S, "DC-3.4", "I can follow a guide to make a simple web page or game", "following a coding guide", "For example, with Scratch or HTML"),
        ("code-choices", S, "DC-3.4", "I can write code that repeats steps and makes choices", "code with loops and choices", ""),
        ("build-app", P, "DC-3.4", "I can build a small app or website on my own", "building an app or website", ""),
        ("use-git", P, "DC-3.4", "I can use Git to keep track of changes to my code", "Git", ""),
    ]),
    (91, "data", "ADV-DATA", "Data: which of these can you do?", TICK, "interested", [
        ("sort-data", S, "DC-1.3", "I can sort and filter a table of data in a spreadsheet", "sorting and filtering data", ""),
        ("make-chart", S, "DC-1.3", "I can make a chart from a table of numbers", "making charts", ""),
        ("answer-with-data", P, "DC-1.2", "I can use formulas or SQL to answer questions with data", "formulas and SQL", ""),
    ]),
    (92, "cyber", "ADV-CYBER", "Cyber security: which of these can you do?", TICK, "interested", [
        ("two-step", S, "DC-4.1", "I can turn on two-step sign in for my accounts", "two-step sign in", ""),
        ("explain-attacks", S, "DC-4.1", "I can explain how scammers and hackers try to trick people", "how attacks work", ""),
        ("check-network", P, "DC-4.1", "I can check a computer or network for security risks", "checking for security risks", ""),
    ]),
    (93, "cloud", "ADV-CLOUD", "Cloud and infrastructure: which of these can you do?", TICK, "interested", [
        ("explain-cloud", S, "DC-5.2", "I can explain what people mean by ‘the cloud’", "what the cloud is", ""),
        ("cloud-storage", S, "DC-1.3", "I can share files safely using cloud storage", "cloud storage", "For example, OneDrive, Google Drive or Dropbox"),
        ("cloud-server", P, "DC-5.1", "I can set up a server or website on a cloud service", "setting up cloud servers", ""),
    ]),
    (94, "ai", "ADV-AI", "AI and machine learning: which of these can you do?", TICK, "interested", [
        ("check-ai-answers", S, "DC-1.2", "I can use an AI chat tool and check if its answers are right", "checking AI answers", ""),
        ("explain-ai", S, "DC-5.3", "I can explain how AI learns from lots of examples", "how AI learns", ""),
        ("train-model", P, "DC-5.3", "I can train or test a simple AI model", "training AI models", ""),
    ]),
    (95, "design", "ADV-DESIGN", "Digital design: which of these can you do?", TICK, "interested", [
        ("sketch-screens", S, "DC-3.1", "I can sketch how an app or web page could look", "sketching screens", ""),
        ("ask-people", S, "DC-5.2", "I can ask people what they need and listen to their answers", "asking people what they need", ""),
        ("make-prototype", P, "DC-3.1", "I can use a design tool to make a clickable prototype", "prototypes", "For example, Figma"),
    ]),
    (96, "marketing", "ADV-MARKETING", "Digital marketing and content: which of these can you do?", TICK, "interested", [
        ("write-posts", S, "DC-3.1", "I can write a social media post for a business or group", "writing posts", ""),
        ("make-media", S, "DC-3.1", "I can make a short video or picture to share online", "making videos and pictures", ""),
        ("read-statistics", P, "DC-1.2", "I can read the numbers that show how well a post did", "reading how posts did", ""),
    ]),
    (97, "it-support", "ADV-IT-SUPPORT", "IT support and networks: which of these can you do?", TICK, "interested", [
        ("help-others", S, "DC-5.1", "I can help a friend fix a problem with their device", "helping others with their devices", ""),
        ("install-updates", S, "DC-5.1", "I can install apps and keep a device up to date", "installing and updating", ""),
        ("set-up-network", P, "DC-5.1", "I can set up a new laptop or a home network for someone", "setting up laptops and networks", ""),
    ]),
]

INTERESTS = (
    80,
    "interests",
    "Would you like to learn skills for a digital job?",
    "Tick any that interest you. If you only want everyday skills, choose ‘None of these right now’.",
    "foundation",
)

ESSENTIAL_RULES = [
    (10, "any", W, "general", "You already use these skills for work."),
    (20, "any", L, "general", "You have the everyday basics here."),
    (30, "always", "", "inclusion", "This is a good place to start, with free help."),
]
RULES = {
    "EDS-F": [
        (10, "all", F, "general", "You can do all of the foundation skills."),
        (20, "always", "", "inclusion", "Free, friendly help near you can get you started."),
    ],
    **{code: ESSENTIAL_RULES for code in ("EDS-C", "EDS-H", "EDS-T", "EDS-P", "EDS-S")},
    **{
        code: [
            (10, "any", P, "advanced", "You already have some experience."),
            (20, "any", S, "advanced", "You have made a start."),
            (30, "always", "", "general", "You are new to this, so a taster course is a good first step."),
        ]
        for code in (
            "ADV-SOFTWARE", "ADV-DATA", "ADV-CYBER", "ADV-CLOUD", "ADV-AI", "ADV-DESIGN", "ADV-MARKETING", "ADV-IT-SUPPORT",
        )
    },
}


def load(apps, schema_editor):
    SkillArea = apps.get_model("pathways", "SkillArea")
    Competence = apps.get_model("pathways", "Competence")
    Tier = apps.get_model("pathways", "Tier")
    Question = apps.get_model("pathways", "Question")
    Statement = apps.get_model("pathways", "Statement")
    PlacementRule = apps.get_model("pathways", "PlacementRule")

    areas = {area.code: area for area in SkillArea.objects.all()}
    competences = {competence.code: competence for competence in Competence.objects.all()}
    tiers = {tier.code: tier for tier in Tier.objects.all()}

    for position, code, area, heading, hint, shown_when, statements in QUESTIONS:
        question, created = Question.objects.get_or_create(
            code=code,
            defaults={
                "kind": "statements",
                "skill_area": areas[area],
                "heading": heading,
                "hint": hint,
                "shown_when": shown_when,
                "position": position,
            },
        )
        if not created:
            continue
        for order, (statement_code, level, competence, text, topic, statement_hint) in enumerate(statements):
            Statement.objects.create(
                question=question,
                sort_order=order,
                code=statement_code,
                level=level,
                competence=competences[competence],
                text=text,
                topic=topic,
                hint=statement_hint,
            )
    position, code, heading, hint, shown_when = INTERESTS
    Question.objects.get_or_create(
        code=code,
        defaults={"kind": "interests", "heading": heading, "hint": hint, "shown_when": shown_when, "position": position},
    )
    for area, rules in RULES.items():
        for position, needs, level, tier, meaning in rules:
            PlacementRule.objects.get_or_create(
                skill_area=areas[area],
                position=position,
                defaults={"needs": needs, "level": level, "tier": tiers[tier], "meaning": meaning},
            )


class Migration(migrations.Migration):
    dependencies = [("pathways", "0003_assessment_and_plans")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""Replace Wagtail's welcome page with our home page as the site root, with the footer's information pages."""

from django.db import migrations
from django.utils import timezone

INFORMATION_PAGES = [
    (
        "Accessibility statement",
        "accessibility",
        "<p>We want as many people as possible to be able to use this website. You should be able to change "
        "colours and text size, zoom in up to 400% without the text spilling off the screen, move around the "
        "site using just a keyboard, and listen to it with a screen reader.</p>"
        "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.</p>"
        "<h2>If you find a problem</h2><p>Tell us what went wrong and we will fix it or find another way to "
        "help you.</p>",
    ),
    (
        "Privacy notice",
        "privacy",
        "<p>We only ask for what we need to help you find courses and jobs. Your answers to the skills check "
        "stay private. You can download your data or delete your account at any time from your account "
        "page.</p>",
    ),
    (
        "Cookies",
        "cookies",
        "<p>We use one cookie to keep you signed in and one to protect forms from misuse. We do not use "
        "tracking or advertising cookies.</p>",
    ),
]


def create_site_root(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    InformationPage = apps.get_model("home.InformationPage")

    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    locale = Locale.objects.order_by("pk").first()
    now = timezone.now()
    page_fields = {"live": True, "first_published_at": now, "last_published_at": now, "locale": locale}

    home = HomePage.objects.create(
        title="Digital Skills Leeds City Region",
        draft_title="Digital Skills Leeds City Region",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        path="00010001",
        depth=2,
        numchild=len(INFORMATION_PAGES),
        url_path="/home/",
        introduction="<p>Free help to get online, courses, apprenticeships and digital jobs near you.</p>",
        **page_fields,
    )
    information_type = ContentType.objects.get_for_model(InformationPage)
    for position, (title, slug, body) in enumerate(INFORMATION_PAGES, start=1):
        InformationPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            body=body,
            content_type=information_type,
            path=f"00010001{position:04d}",
            depth=3,
            numchild=0,
            url_path=f"/home/{slug}/",
            **page_fields,
        )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True, site_name="Digital Skills Leeds City Region")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site_root, migrations.RunPython.noop)]

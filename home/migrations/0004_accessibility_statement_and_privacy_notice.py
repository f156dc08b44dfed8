"""The accessibility statement and privacy notice in full, replacing the stubs of 0002 where an editor has not
changed them (what an editor wrote or saved is kept). Both stay pages editors change in Wagtail; the operator reviews
them before launch (names, dates, the known issues as they stand then)."""

from django.db import migrations

STUBS = {
    "accessibility": "<p>We want as many people as possible to be able to use this website.",
    "privacy": "<p>We only ask for what we need to help you find courses and jobs.",
}

ACCESSIBILITY_STATEMENT = """
<p>This website is run by the Leeds City Region digital skills partnership. We want as many people as possible to be
able to use it. For example, you should be able to:</p>
<ul>
<li>change colours, contrast levels and fonts using your browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>move around the whole website using just a keyboard</li>
<li>use the whole website with a screen reader</li>
<li>use it without JavaScript, and on an old phone with little data</li>
</ul>
<p>We have also made the text as simple as we can.</p>
<h2>How accessible this website is</h2>
<p>We know some parts of this website are not fully accessible yet:</p>
<ul>
<li>the website is only in English for now; we are adding Urdu, Polish and Romanian</li>
<li>we have checked some pages, not every page, with automated tests and a keyboard (see below)</li>
<li>some course descriptions are written by training providers and may be harder to read than our own pages</li>
</ul>
<h2>Feedback and contact information</h2>
<p>If you need help using this website, or need information from it in a different format like large print, easy
read, audio or braille, call the number at the bottom of every page. We will consider your request and get back
to you within 5 working days.</p>
<h2>Reporting accessibility problems with this website</h2>
<p>We are always looking to improve the accessibility of this website. If you find a problem that is not listed on
this page or think we are not meeting accessibility requirements, tell us by calling the number at the bottom of
every page, or by email at the address in the banner at the top of every page.</p>
<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations). If you are not
happy with how we respond to your complaint, contact the
<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.</p>
<h2>Technical information about this website's accessibility</h2>
<p>The Leeds City Region digital skills partnership is committed to making its website accessible, in accordance
with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
<h3>Compliance status</h3>
<p>This website is partially compliant with the
<a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to
the non-compliances listed below.</p>
<h3>Non-accessible content</h3>
<p>The content listed below is non-accessible for the following reasons.</p>
<ul>
<li>Not every page has been tested yet. Until it has, some pages may have problems we do not know about. We plan
to have tested every kind of page by the end of March 2027.</li>
<li>Descriptions written by training providers and employers may use long sentences and words some people find
hard (WCAG 3.1.5 Reading Level, which is AAA, so not required, but we are working on it).</li>
</ul>
<h3>Disproportionate burden</h3>
<p>We are not claiming that fixing any of the problems on this page would be a disproportionate burden.</p>
<h2>What we are doing to improve accessibility</h2>
<p>Every change to this website is checked by automated accessibility tests (axe) in a real browser before it goes
live, and keyboard-only journeys are part of those tests. We are extending these checks to every kind of page,
adding translations, and rewriting pages so they are easier to read.</p>
<h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared on 3 December 2026. It was last reviewed on 3 December 2026.</p>
<p>This website was last tested on 3 December 2026 against the WCAG 2.2 AA standard. The test was carried out by
the team that builds the website, using automated checks (axe-core) and keyboard-only use on the skills check,
search results and the pages most people use.</p>
"""

PRIVACY_NOTICE = """
<p>This notice explains what information this website keeps about you, why, for how long, and your rights. It is
written for everyone who uses the website: people looking for help, courses and jobs, and people who post them.</p>
<h2>Who we are</h2>
<p>This website is run by the Leeds City Region digital skills partnership. We are the data controller for the
information you give us here. To contact us, or our data protection officer, call the number at the bottom of
every page or email the address in the banner at the top of every page.</p>
<h2>What we keep and why</h2>
<h3>If you use the website without an account</h3>
<ul>
<li><strong>Your skills check answers</strong> are kept only while your browser is open, to show you your plan.
We do not keep them afterwards unless you choose to save your plan.</li>
<li><strong>A plan you save without an account</strong> is kept with its link and, if you chose one, a reference
and the first part of your postcode (like LS6). We delete it if nobody opens it for a year.</li>
<li><strong>What people search for</strong> is kept without anything that identifies you: no name, no account, no
IP address, and no place smaller than the first part of a postcode. We use it to see what people need that
nobody offers yet. We delete it after 400 days.</li>
<li><strong>How often each course or job is seen</strong> is counted without anything that identifies you, so we and
the organisations that post them can see what reaches people.</li>
</ul>
<p>Our lawful basis is public task: helping people in the region get digital skills and work.</p>
<h3>If you create an account</h3>
<ul>
<li><strong>Your email address and name</strong>, to sign you in and to send you the emails you ask for (for example
new courses that match a saved search).</li>
<li><strong>Your saved plans, searches and items</strong>, so you can come back to them.</li>
</ul>
<p>Our lawful basis is public task, and your consent for emails you ask for: you can stop them at any time from
the link in every email or from your account page.</p>
<h3>If you post courses, apprenticeships or opportunities for an organisation</h3>
<ul>
<li><strong>Your name, email address and the organisation you work for</strong>, to check who can post for it and
to contact you about what you posted.</li>
<li><strong>What you post, and who changed it and when</strong>, so moderators can check it and we can show it to
people.</li>
</ul>
<p>Our lawful basis is public task, and what you post is published under the Open Government Licence when you
agree to that.</p>
<h2>Cookies</h2>
<p>We use one cookie to keep you signed in and one to protect forms from misuse. The second also lets us count a
page you refresh as one view, not several. We do not use tracking or advertising cookies.</p>
<h2>Who we share it with</h2>
<p>We do not sell your information or share it for marketing. The companies that send our emails and host the
website handle it only on our instructions, under contract. When you apply for a course or job, you do that with the provider or employer
directly, on their website or by their phone number or email.</p>
<h2>How long we keep it</h2>
<ul>
<li>Your account and what you saved: until you delete your account.</li>
<li>Plans saved without an account: a year after they were last opened.</li>
<li>Searches: 400 days. Emails we sent you: 30 days after sending.</li>
</ul>
<h2>Your rights</h2>
<p>You have the right to see the information we keep about you, to correct it, to have it deleted, to object to
how we use it and to restrict how we use it. You can download your information or delete your account at any time
from your account page. For anything else, contact us using the details above.</p>
<h2>Complaints</h2>
<p>If you are unhappy with how we have used your information, contact us first. You can also complain to the
Information Commissioner's Office (ICO): <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>,
or call the ICO on 0303 123 1113.</p>
<p>This notice was last updated on 3 December 2026.</p>
"""

BODIES = {"accessibility": ACCESSIBILITY_STATEMENT, "privacy": PRIVACY_NOTICE}


def write_in_full(apps, schema_editor):
    InformationPage = apps.get_model("home.InformationPage")
    for slug, body in BODIES.items():
        # A page an editor has saved in Wagtail (it has a revision) is theirs, stub or not.
        for page in InformationPage.objects.filter(slug=slug, body__startswith=STUBS[slug], latest_revision__isnull=True):
            page.body = " ".join(body.split())
            page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_help_by_phone"),
    ]

    operations = [migrations.RunPython(write_in_full, migrations.RunPython.noop)]

"""The site's root page and plain information pages (accessibility statement, privacy notice)."""

from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from search.params import HELP_TO_START

from .blocks import HomeStreamBlock
from .translations import default_tree_root, reader_translation

# Editors get headings, lists and links; nothing that could carry script or inline style.
PLAIN_RICH_TEXT = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(Page):
    introduction = RichTextField(features=PLAIN_RICH_TEXT, blank=True)
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        help_text="What leads residents to the campaign: shown under the introduction, in this order",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["help_to_start"] = HELP_TO_START  # the "Get help near you" form's choices
        return context

    def route(self, request, path_components):
        """Every address is the English tree's, served in the resident's language where a translation is live
        (home.translations). A translation whose editor changed its slug is still found by its own address."""
        english = default_tree_root(self).specific
        try:
            found = super(HomePage, english).route(request, path_components)
        except Http404:
            if english.pk == self.pk:
                raise
            return super().route(request, path_components)
        return RouteResult(reader_translation(found.page), found.args, found.kwargs)


class InformationPage(Page):
    body = RichTextField(features=PLAIN_RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "information page"


# A UK number as people write it: digits and spaces, an optional leading +44, 10 or 11 digits in all.
UK_PHONE_NUMBER = RegexValidator(r"^(\+44 ?|0)[0-9 ]{9,13}$", "Enter a UK phone number, like 0113 123 4567 or 0800 100 900")


@register_setting(icon="mail")
class HelpContact(BaseSiteSetting):
    """Who a resident can call for help, shown on every page: many of the people the inclusion tier is for would
    rather talk to someone than write an email. Until the operator sets their own line, the National Careers
    Service's free number (pathways.planning.CAREERS_ADVICE) is the one offered."""

    helpline_name = models.CharField(max_length=80, default="the National Careers Service", help_text="Who answers, as it reads after \"call\": \"the digital skills helpline\"")
    phone_number = models.CharField(max_length=20, default="0800 100 900", validators=[UK_PHONE_NUMBER])
    opening_hours = models.CharField(max_length=120, blank=True, help_text="When the line is open, in plain words: \"Monday to Friday, 9am to 5pm\"")
    free_to_call = models.BooleanField(default=True, help_text="Tick if calls are free from mobiles and landlines (0800 and 0808 numbers)")
    feedback_email = models.EmailField(default="digital-skills@example.org", help_text="Where residents send feedback about the service (the beta banner)")

    panels = [FieldPanel("helpline_name"), FieldPanel("phone_number"), FieldPanel("opening_hours"), FieldPanel("free_to_call"), FieldPanel("feedback_email")]

    class Meta:
        verbose_name = "help by phone"

    @property
    def tel_link(self) -> str:
        """The number as a tel: address: +44 and the digits, without the leading 0."""
        digits = "".join(character for character in self.phone_number if character.isdigit())
        if self.phone_number.startswith("+"):
            return f"tel:+{digits}"
        return f"tel:+44{digits[1:]}"

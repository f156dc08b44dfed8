"""The site's root page and plain information pages (accessibility statement, privacy notice)."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from search.params import HELP_TO_START

from .blocks import HomeStreamBlock

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


class InformationPage(Page):
    body = RichTextField(features=PLAIN_RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "information page"

"""StreamField blocks for campaign pages: what editors put together, pointing at records, never copying them."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from pathways.models import SkillArea, Tier
from places.models import LocalAuthority
from publishing.rich_text import FEATURES
from search.service import SearchParams

from . import selectors

SEARCH_PATH = selectors.SEARCH_PATH
PREVIEW_TEMPLATE = "careers/blocks/preview.html"


def search_url(*, query: str = "", tier: str = "", skill_area: str = "", kind: str = "", local_authority: str = "") -> str:
    """The search page, filtered: /search/?q=…&tier=…&skill=…&kind=…&authority=… (empty ones left out).

    Written by the search's own parameters (SearchParams.to_query), so the link opens exactly that search.
    """
    def chosen(value: str) -> tuple[str, ...]:
        return (value.strip(),) if value and value.strip() else ()

    params = SearchParams(q=(query or "").strip(), tier=chosen(tier), skill=chosen(skill_area), kind=chosen(kind), authority=chosen(local_authority))
    query_string = params.to_query()
    return f"{SEARCH_PATH}?{query_string}" if query_string else SEARCH_PATH


# Choices are read when an editor opens the form, never at import time.
def tier_choices():
    return [(tier.code, tier.name) for tier in Tier.objects.all()]


def skill_area_choices():
    return [(area.code, f"{area.title} ({area.get_framework_display()})") for area in SkillArea.objects.all()]


def local_authority_choices():
    return [(authority.code, authority.name) for authority in LocalAuthority.objects.all()]


class SearchFilterValue(blocks.StructValue):
    def url(self) -> str:
        return search_url(
            query=self.get("query") or "",
            tier=self.get("tier") or "",
            skill_area=self.get("skill_area") or "",
            kind=self.get("kind") or "",
            local_authority=self.get("local_authority") or "",
        )


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(max_length=400, help_text="One or two plain sentences")
    image = ImageChooserBlock(required=False, help_text="Decorative: screen readers skip it, so say it all in the text")

    class Meta:
        template = "careers/blocks/hero_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "pick"
        description = "A large heading and a short introduction, with an optional picture"
        preview_value = {
            "heading": "Start your digital career in Leeds City Region",
            "text": "Free courses, apprenticeships and paid roles with local employers. No experience needed to start.",
        }


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=FEATURES, **kwargs)

    class Meta:
        template = "careers/blocks/paragraph_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "pilcrow"
        description = "Text with headings, lists and links"
        preview_value = (
            "<h2>Why digital?</h2><p>Digital jobs in the region pay well and many can be done from home. "
            "You can start with a free course at your local college or library.</p>"
        )


class CareerProfileCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Jobs you could do")
    profiles = blocks.ListBlock(blocks.PageChooserBlock(page_type="careers.CareerProfilePage"), min_num=1)

    class Meta:
        template = "careers/blocks/career_profile_cards_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "user"
        description = "Cards linking to career profiles, with their typical salary"
        preview_value = {"heading": "Jobs you could do", "profiles": []}

    def get_preview_value(self):
        # Chosen pages live in the database, so the block picker's preview takes a few when it is shown.
        from .models import CareerProfilePage

        profiles = list(CareerProfilePage.objects.live().filter(locale=Locale.get_default()).order_by("title")[:3])
        return self.normalize({"heading": self.meta.preview_value["heading"], "profiles": profiles})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["profiles"] = [profile for profile in value.get("profiles", []) if profile is not None and profile.live]
        return context


class StoryQuoteBlock(blocks.StructBlock):
    story = blocks.PageChooserBlock(page_type="careers.StoryPage", required=False, help_text="Quote a story page")
    quote = blocks.TextBlock(required=False, max_length=400, help_text="Or write a quote here")
    name = blocks.CharBlock(required=False, max_length=60, help_text="Who said it, such as “Priya, career changer”")

    class Meta:
        template = "careers/blocks/story_quote_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "openquote"
        description = "A quote from one of our stories, or a quote and a name"
        preview_value = {
            "quote": "I was nervous at first, but the tutor went at my pace. Now I video call my grandchildren every week.",
            "name": "Margaret, learned the basics at 67",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("story") and not (value.get("quote") and value.get("name")):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError("Choose a story, or write a quote and say who said it")]
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        story = value.get("story")
        if story is not None and story.live:
            context.update(quote=story.pull_quote, name=f"{story.first_name}, {story.who_they_are}", story=story)
        else:
            context.update(quote=value.get("quote"), name=value.get("name"), story=None)
        return context


class SponsorLogosBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Our sponsors")
    sponsors = blocks.ListBlock(SnippetChooserBlock("careers.Sponsor"), min_num=1)

    class Meta:
        template = "careers/blocks/sponsor_logos_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "group"
        description = "The logos of businesses that back the campaign, linked to their websites"
        preview_value = {"heading": "Our sponsors", "sponsors": []}

    def get_preview_value(self):
        # As for career profiles: the preview takes a few sponsors when it is shown.
        from .models import Sponsor

        return self.normalize({"heading": self.meta.preview_value["heading"], "sponsors": list(Sponsor.objects.all()[:4])})


class SearchCallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text="Say where it goes, such as “Find free computer courses”")
    text = blocks.TextBlock(required=False, max_length=300, help_text="An optional sentence before the button")
    query = blocks.CharBlock(required=False, max_length=100, help_text="Words to search for, if any")
    tier = blocks.ChoiceBlock(choices=tier_choices, required=False)
    skill_area = blocks.ChoiceBlock(choices=skill_area_choices, required=False)
    kind = blocks.ChoiceBlock(choices=selectors.KIND_CHOICES, required=False)
    local_authority = blocks.ChoiceBlock(choices=local_authority_choices, required=False)

    class Meta:
        template = "careers/blocks/search_call_to_action_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "search"
        value_class = SearchFilterValue
        description = "A button to the search page with filters already chosen"
        preview_value = {"label": "Find free help to get online", "tier": Tier.INCLUSION}


class FeaturedOpportunitiesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Open now")
    tier = blocks.ChoiceBlock(choices=tier_choices, required=False)
    skill_area = blocks.ChoiceBlock(choices=skill_area_choices, required=False)
    kind = blocks.ChoiceBlock(choices=selectors.KIND_CHOICES, required=False)
    local_authority = blocks.ChoiceBlock(choices=local_authority_choices, required=False)
    number = blocks.IntegerBlock(min_value=1, max_value=12, default=6, help_text="How many to show, from 1 to 12")

    class Meta:
        template = "careers/blocks/featured_opportunities_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "list-ul"
        value_class = SearchFilterValue
        description = "The newest open courses, apprenticeships and sponsored opportunities that match your filters"
        preview_value = {"heading": "Open now", "tier": Tier.ADVANCED, "number": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["opportunities"] = selectors.featured_opportunities(
            tier=value.get("tier") or None,
            skill_area=value.get("skill_area") or None,
            kind=value.get("kind") or None,
            local_authority=value.get("local_authority") or None,
            limit=value.get("number") or 6,
        )
        return context


class CampaignStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    text = ParagraphBlock()
    career_profiles = CareerProfileCardsBlock()
    story_quote = StoryQuoteBlock()
    featured_opportunities = FeaturedOpportunitiesBlock()
    search_link = SearchCallToActionBlock()
    sponsor_logos = SponsorLogosBlock()


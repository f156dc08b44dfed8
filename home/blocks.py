"""The home page's blocks: what leads residents to the campaign, chosen by editors or found automatically.

Each block renders nothing when it has nothing to show (a chosen page unpublished, no events coming up), so
the home page never shows an empty heading.
"""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from careers import selectors

PREVIEW_TEMPLATE = "careers/blocks/preview.html"  # the site's own styles, as for campaign blocks


class CurrentCampaignBlock(blocks.StructBlock):
    campaign_page = blocks.PageChooserBlock(
        page_type="careers.CampaignPage",
        required=False,
        help_text="Leave empty to show the page of the sponsor campaign running now",
    )
    link_text = blocks.CharBlock(max_length=80, default="Find out about the campaign")

    class Meta:
        template = "home/blocks/current_campaign_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "pick"
        description = "The campaign residents should see first: its title, introduction and a link to it"
        preview_value = {"link_text": "Find out about the campaign"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("campaign_page")
        context["campaign_page"] = chosen.specific if selectors.page_shown(chosen) else selectors.running_campaign_page()
        return context


class CareerProfilesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Jobs you could do")
    profiles = blocks.ListBlock(blocks.PageChooserBlock(page_type="careers.CareerProfilePage"), min_num=1, max_num=6)

    class Meta:
        template = "careers/blocks/career_profile_cards_block.html"  # the campaign pages' cards, as they look there
        preview_template = PREVIEW_TEMPLATE
        icon = "user"
        description = "Cards linking to career profiles you choose, with their typical salary"
        preview_value = {"heading": "Jobs you could do", "profiles": []}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["profiles"] = [profile.specific for profile in value.get("profiles", []) if selectors.page_shown(profile)]
        return context


class StoryBlock(blocks.StructBlock):
    story = blocks.PageChooserBlock(page_type="careers.StoryPage")

    class Meta:
        template = "home/blocks/story_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "openquote"
        description = "One person's story: their words, who they are and a link to read it"
        preview_value = {}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        story = value.get("story")
        context["story"] = story.specific if selectors.page_shown(story) else None
        return context


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Coming up")
    number = blocks.IntegerBlock(min_value=1, max_value=6, default=3, help_text="How many to show, from 1 to 6")

    class Meta:
        template = "home/blocks/upcoming_events_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "date"
        description = "The next published events, soonest first, found automatically"
        preview_value = {"heading": "Coming up", "number": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["events"] = selectors.upcoming_events(limit=value.get("number") or 3)
        return context


class CampaignSponsorsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Backed by local employers")
    campaign = SnippetChooserBlock(
        "careers.SponsorCampaign", required=False, help_text="Leave empty to show the sponsors of the campaign running now"
    )

    class Meta:
        template = "home/blocks/campaign_sponsors_block.html"
        preview_template = PREVIEW_TEMPLATE
        icon = "group"
        description = "The businesses that back a sponsor campaign, linked to their websites"
        preview_value = {"heading": "Backed by local employers"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        campaign = value.get("campaign") or selectors.running_campaign()
        context["campaign"] = campaign
        context["sponsors"] = list(campaign.sponsors.select_related("logo").order_by("name")) if campaign else []
        return context


class HomeStreamBlock(blocks.StreamBlock):
    current_campaign = CurrentCampaignBlock()
    career_profiles = CareerProfilesBlock()
    story = StoryBlock()
    upcoming_events = UpcomingEventsBlock()
    campaign_sponsors = CampaignSponsorsBlock()

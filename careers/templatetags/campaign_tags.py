from django import template

from ..campaigns import pledges_for_page

register = template.Library()


@register.simple_tag
def campaign_pledges(page):
    """[(campaign, [PledgeProgress, …]), …] for the sponsor campaigns shown on this campaign page."""
    return pledges_for_page(page)

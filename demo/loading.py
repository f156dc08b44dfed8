"""What the demo loaders share: reading a data file from demo/data/, and writing only what differs."""

import datetime
from functools import cache
from html import escape
from pathlib import Path

import yaml
from django.utils import timezone

from accounts.models import Organisation
from publishing.rich_text import clean_rich_text

DATA = Path(__file__).resolve().parent / "data"


def _fixed(value):
    """Lists as tuples, all the way down, so records built from a file are hashable and cannot change."""
    if isinstance(value, list):
        return tuple(_fixed(item) for item in value)
    if isinstance(value, dict):
        return {key: _fixed(item) for key, item in value.items()}
    return value


@cache
def read(name: str) -> dict:
    """The YAML file demo/data/<name>, read once."""
    with open(DATA / name, encoding="utf-8") as file:
        return _fixed(yaml.safe_load(file))


def sync_fields(obj, **values) -> bool:
    """Set each field that differs from `values`; True if the object is new or anything changed."""
    changed = obj._state.adding
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def organisation_sync(*, slug: str, name: str, kind: str, website: str) -> Organisation:
    """A verified demo organisation, found by its slug."""
    organisation = Organisation.objects.filter(slug=slug).first() or Organisation(slug=slug)
    changed = sync_fields(organisation, name=name, kind=kind, website=website)
    if organisation.verified_at is None:
        organisation.verified_at = timezone.now()
        changed = True
    if changed:
        organisation.save()
    return organisation


def profile_sync(model, *, kind: str, demo, fields: dict, written, counted_as: str):
    """A demo organisation's public profile (a provider's or an employer's), written only where it differs."""
    organisation = organisation_sync(slug=demo.slug, name=demo.name, kind=kind, website=demo.website)
    profile = model.objects.filter(organisation=organisation).first() or model(organisation=organisation)
    if sync_fields(profile, **fields, website=demo.website, is_demo=True):
        profile.save()
        written[counted_as] += 1
    return profile


def html(*blocks) -> str:
    """Simple rich text from blocks: a string is a paragraph, a (heading, points) pair a list under a line."""
    parts = []
    for block in blocks:
        if isinstance(block, str):
            if block:
                parts.append(f"<p>{escape(block, quote=False)}</p>")
        else:
            heading, points = block
            parts.append(f"<p>{escape(heading, quote=False)}</p>")
            parts.append("<ul>" + "".join(f"<li>{escape(point, quote=False)}</li>" for point in points) + "</ul>")
    return clean_rich_text("".join(parts))


def next_monday(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=-day.weekday() % 7)

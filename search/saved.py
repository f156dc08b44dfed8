"""What residents save: searches (with alerts) and items. Writes and reads for the views and alerts."""

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext

from publishing.selectors import can_view

from .models import SavedItem, SavedSearch
from .params import SearchParams
from .sources import SOURCES, SOURCES_BY_KIND, parse_doc_id

# "programme" → the Programme model, and so on: the kinds of the search documents' ids ("programme-42").
KIND_LABELS = {source.kind: source.label for source in SOURCES if source.kind in SavedItem.Kind.values}

SEARCH_ALERT_TOPIC = "search_alert"
SAVED_ITEM_TOPIC = "saved_item_reminders"
MAX_SAVED_SEARCHES = 50


class NotSaved(ValueError):
    """The message is for the resident."""


def model_for(kind: str):
    return apps.get_model(KIND_LABELS[kind])


def parse_item_id(text: str) -> tuple[str, int]:
    """("programme", 42) from "programme-42" (a search document id); NotSaved for anything else."""
    try:
        source, object_id = parse_doc_id(text)
    except ValueError:
        source = None
    if source is None or source.kind not in KIND_LABELS:
        raise NotSaved(gettext("We could not find that item to save"))
    return source.kind, object_id


def item_object(kind: str, object_id: int):
    return model_for(kind).objects.filter(pk=object_id).first()


@transaction.atomic
def item_save(*, user, kind: str, object_id: int) -> tuple[SavedItem, bool]:
    item = item_object(kind, object_id)
    if item is None or not can_view(item=item, user=user) or not item.is_open:
        raise NotSaved(gettext("We could not find that item to save: it may have closed"))
    return SavedItem.objects.get_or_create(user=user, kind=kind, object_id=object_id)


def item_remove(*, user, saved_item_id: int) -> None:
    SavedItem.objects.filter(user=user, pk=saved_item_id).delete()


def saved_items_of(*, user) -> list[tuple[SavedItem, object]]:
    """Each saved item with its record (None if it has since been deleted), newest first."""
    saved = list(SavedItem.objects.filter(user=user))
    objects = {}
    for kind in {entry.kind for entry in saved}:
        ids = [entry.object_id for entry in saved if entry.kind == kind]
        model = model_for(kind)
        objects.update({(kind, item.pk): item for item in model.objects.filter(pk__in=ids).select_related(model.organisation_field)})
    return [(entry, objects.get((entry.kind, entry.object_id))) for entry in saved]


def search_name(params: SearchParams, names: dict[str, dict[str, str]]) -> str:
    """A short description of a search for its owner, e.g. "python, Apprenticeships, near LS1"."""
    parts = [params.q] if params.q else []
    for facet in ("kind", "tier", "skill", "mode", "authority"):
        parts += [str(names.get(facet, {}).get(value, value)) for value in getattr(params, facet)]
    if params.free:
        parts.append("free")
    if params.career_changers:
        parts.append("welcomes career changers")
    if params.near:
        parts.append(f"within {params.radius:g} miles of {params.near.outcode}")
    return ", ".join(parts)[:200] or "Everything"


@transaction.atomic
def search_save(*, user, query: str, name: str, frequency: str, language: str = "") -> SavedSearch:
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise NotSaved(gettext("You can keep up to {count} saved searches: delete one first").format(count=MAX_SAVED_SEARCHES))
    existing = SavedSearch.objects.filter(user=user, query=query).first()
    if existing:
        existing.name, existing.frequency, existing.language = name, frequency, language
        existing.save(update_fields=["name", "frequency", "language"])
        return existing
    return SavedSearch.objects.create(user=user, query=query, name=name, frequency=frequency, language=language)


def search_set_frequency(*, saved_search: SavedSearch, frequency: str) -> SavedSearch:
    saved_search.frequency = frequency
    saved_search.save(update_fields=["frequency"])
    return saved_search


def search_delete(*, user, saved_search_id: int) -> None:
    SavedSearch.objects.filter(user=user, pk=saved_search_id).delete()


# For the person's data download (accounts.personal_data) ----------------------------------------------


def export_saved_searches(user) -> list[dict]:
    return [
        {
            "name": saved.name,
            "search": f"/search/?{saved.query}",
            "email_alerts": saved.frequency,
            "saved_at": saved.created_at.isoformat(),
            "items_sent_in_alerts": saved.sent_items.count(),
        }
        for saved in SavedSearch.objects.filter(user=user)
    ]


def export_saved_items(user) -> list[dict]:
    return [
        {
            "item": SOURCES_BY_KIND[entry.kind].doc_id(entry.object_id),
            "title": item.title if item else "(no longer listed)",
            "saved_at": entry.created_at.isoformat(),
        }
        for entry, item in saved_items_of(user=user)
    ]

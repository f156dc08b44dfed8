"""Who may see an item that is not public yet; what the portals and the moderators' queue list."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page
from django.db.models import Q, Sum, Value
from wagtail.admin.paginator import WagtailPaginator

from accounts.models import Organisation
from accounts.selectors import is_active_member

from . import registry
from .activity import EVENTS
from .models import PostingActivity, Publishable, Removal, Status, StatusChange
from .services import is_moderator

# Statuses anyone may see, once the organisation is verified: a closed item still shows, marked as closed.
PUBLIC_STATUSES = {Status.PUBLISHED, Status.CLOSED}


def can_view(*, item: Publishable, user) -> bool:
    """Published items are public (a closed one shows as closed); others only to their owners and moderators."""
    if item.status in PUBLIC_STATUSES and item.owner_organisation.is_verified:
        return True
    if not user.is_authenticated:
        return False
    return is_moderator(user) or is_active_member(user=user, organisation=item.owner_organisation)


def can_view_organisation(*, organisation, user) -> bool:
    if organisation.is_verified:
        return True
    return user.is_authenticated and (is_moderator(user) or is_active_member(user=user, organisation=organisation))


def activity_totals(items) -> dict[tuple[str, int], dict[str, int]]:
    """{(label, pk): {"impressions": n, "views": n, "apply_clicks": n, "saves": n}} for these items, all time."""
    items = list(items)
    if not items:
        return {}
    by_type = {}
    for item in items:
        by_type.setdefault(ContentType.objects.get_for_model(item), []).append(item.pk)
    condition = Q()
    for content_type, ids in by_type.items():
        condition |= Q(content_type=content_type, object_id__in=ids)
    rows = (
        PostingActivity.objects.filter(condition)
        .values("content_type", "object_id")
        .annotate(**{event: Sum(event) for event in EVENTS})
    )
    labels = {content_type.pk: f"{content_type.app_label}.{content_type.model}" for content_type in by_type}
    totals = {(labels[row["content_type"]], row["object_id"]): {event: row[event] for event in EVENTS} for row in rows}
    return {
        (registry.label_of(item), item.pk): totals.get((registry.label_of(item), item.pk), dict.fromkeys(EVENTS, 0))
        for item in items
    }


def history(*, item: Publishable):
    return StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).select_related("by")


QUEUE_PAGE_SIZE = 20


class QueuePaginator(WagtailPaginator):
    verbose_name, verbose_name_plural = "posting", "postings"


def awaiting_review_page(*, number, per_page: int = QUEUE_PAGE_SIZE) -> Page:
    """One page of the moderators' queue, oldest first. The database orders and counts every kind of posting
    together; only the page's own items are loaded."""
    models = registry.posting_models()
    keys = [
        model.objects.filter(status=Status.PENDING_REVIEW)
        .annotate(model_index=Value(index))
        .values_list("updated_at", "model_index", "id")
        for index, model in enumerate(models)
    ]
    queue = keys[0].union(*keys[1:], all=True).order_by("updated_at", "model_index", "id")
    page = QueuePaginator(queue, per_page).get_page(number)
    wanted: dict[int, list[int]] = {}
    for _, index, pk in page.object_list:
        wanted.setdefault(index, []).append(pk)
    loaded = {
        (index, item.pk): item
        for index, pks in wanted.items()
        for item in models[index].objects.filter(pk__in=pks).select_related(models[index].organisation_field)
    }
    page.object_list = [loaded[index, pk] for _, index, pk in page.object_list if (index, pk) in loaded]
    return page


def published_postings(*, words: str = "", limit: int = 100) -> list[Publishable]:
    """Public postings whose title or organisation name contains the words, newest first."""
    items = []
    for model in registry.posting_models():
        queryset = model.objects.filter(status=Status.PUBLISHED).select_related(model.organisation_field)
        if words:
            queryset = queryset.filter(
                Q(title__icontains=words) | Q(**{f"{model.organisation_field}__name__icontains": words})
            )
        items += queryset.order_by("-published_at")[:limit]
    return sorted(items, key=lambda item: item.published_at or item.updated_at, reverse=True)[:limit]


def recent_status_changes(*, limit: int = 200):
    """The latest changes of status of any posting: who (or "automatic"), when, from what to what, and why."""
    return StatusChange.objects.select_related("by", "content_type").prefetch_related("item").order_by("-at")[:limit]


def removals():
    """Tombstones of what the open-data API stopped listing, oldest first, leaving out any item that is public
    again (published again, or its organisation verified again): the API lists it once more instead."""
    back = Q()
    for kind, slugs in registry.public_slugs().items():
        back |= Q(kind=kind, slug__in=slugs)
    return Removal.objects.exclude(back).order_by("removed_at", "pk")


def verified_organisations(*, words: str = "", limit: int = 100):
    """Verified organisations whose name contains the words, by name: those a moderator may take verification from."""
    organisations = Organisation.objects.filter(verified_at__isnull=False)
    if words:
        organisations = organisations.filter(name__icontains=words)
    return organisations.order_by("name", "pk")[:limit]

"""Email alerts of new matches for saved searches, and reminders before saved items close.

An alert lists items published since the search was saved that it has never sent before (each one sent is
recorded in SavedSearchAlertItem, in the same transaction that queues the email in the outbox, so the two
cannot disagree), so no item is sent twice. Every
email ends with an unsubscribe link that needs no sign-in, and carries RFC 8058 one-click headers
(publishing.notifications).
"""

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, override

from outbox.services import email_key
from publishing import notifications
from publishing.models import EmailOptOut

from .models import SavedItem, SavedSearch, SavedSearchAlertItem
from .params import SearchParams
from .results import Hit
from .saved import SAVED_ITEM_TOPIC, SEARCH_ALERT_TOPIC, model_for
from .service import search_opportunities

# Checked hourly; an hour's slack keeps a daily alert at about the same time each day.
PERIODS = {
    SavedSearch.Frequency.DAILY: datetime.timedelta(hours=23),
    SavedSearch.Frequency.WEEKLY: datetime.timedelta(days=6, hours=23),
}
CANDIDATES = 50  # the newest matches looked at on each check
ITEMS_PER_EMAIL = 20  # the rest wait for the next alert
REMINDER_DAYS = 3


def due_searches(*, now: datetime.datetime):
    due = Q(pk__in=[])
    for frequency, period in PERIODS.items():
        due |= Q(frequency=frequency) & (Q(last_checked_at__isnull=True) | Q(last_checked_at__lte=now - period))
    return SavedSearch.objects.filter(due).select_related("user").order_by("pk")


def new_matches(saved_search: SavedSearch) -> list[Hit]:
    """Items matching the search, published since it was saved, that no alert has sent yet; newest first."""
    params, problems = SearchParams.from_query(QueryDict(saved_search.query))
    if problems:  # a filter that no longer exists, such as a retired skill area
        return []
    params = params.with_changes(sort="newest", page=1, page_size=CANDIDATES)
    hits = search_opportunities(params, with_facets=False).hits
    sent = set(saved_search.sent_items.values_list("item", flat=True))
    return [
        hit for hit in hits if hit.id not in sent and hit.published_at and hit.published_at >= saved_search.created_at
    ]


def search_alert_unsubscribe_path(saved_search: SavedSearch) -> str:
    token = notifications.unsubscribe_token(user=saved_search.user, topic=f"{SEARCH_ALERT_TOPIC}:{saved_search.pk}")
    return reverse("search:unsubscribe", kwargs={"token": token})


def send_alert(saved_search: SavedSearch, *, now: datetime.datetime | None = None) -> int:
    """Check one saved search; email its new matches, if any. Returns how many items were sent."""
    now = now or timezone.now()
    matches = new_matches(saved_search)[:ITEMS_PER_EMAIL]
    with transaction.atomic():
        saved_search.last_checked_at = now
        saved_search.save(update_fields=["last_checked_at"])
        if not matches:
            return 0
        count = len(matches)
        with override(saved_search.language or None):  # in the language the resident saved it in
            queued = notifications.queue(
                key=email_key("alert", saved_search.pk, [hit.id for hit in matches]),
                user=saved_search.user,
                subject=ngettext("{count} new match for {name}", "{count} new matches for {name}", count).format(count=count, name=saved_search.name),
                body=render_to_string(
                    "search/email/alert.txt",
                    {
                        "saved_search": saved_search,
                        "items": [(hit, notifications.absolute(hit.url)) for hit in matches],
                        "search_url": notifications.absolute(f"{reverse('search:page')}?{saved_search.query}"),
                        "saved_url": notifications.absolute(reverse("search:saved")),
                    },
                ),
                unsubscribe_path=search_alert_unsubscribe_path(saved_search),
                unsubscribe_words=gettext('alerts for "{name}"').format(name=saved_search.name),
            )
        if not queued:  # another run queued this very email, and recorded its items
            return 0
        SavedSearchAlertItem.objects.bulk_create(
            [SavedSearchAlertItem(saved_search=saved_search, item=hit.id, sent_at=now) for hit in matches]
        )
    return count


def send_due_alerts(*, now: datetime.datetime | None = None) -> dict:
    now = now or timezone.now()
    checked = emailed = 0
    for saved_search in due_searches(now=now):
        checked += 1
        emailed += bool(send_alert(saved_search, now=now))
    return {"checked": checked, "emailed": emailed}


# Saved items about to close ---------------------------------------------------------------------------


def saved_items_closing(*, today: datetime.date) -> dict:
    """{user: [(saved item, record)]} for open saved items closing in the next few days, not yet reminded."""
    last_day = today + datetime.timedelta(days=REMINDER_DAYS)
    opted_out = EmailOptOut.objects.filter(topic=SAVED_ITEM_TOPIC).values("user")
    saved = SavedItem.objects.exclude(user__in=opted_out).exclude(kind=SavedItem.Kind.PROGRAMME).select_related("user")
    by_user = defaultdict(list)
    for kind in (SavedItem.Kind.APPRENTICESHIP, SavedItem.Kind.SPONSORED):
        entries = list(saved.filter(kind=kind))
        model = model_for(kind)
        closing = {
            item.pk: item
            for item in model.objects.public()
            .filter(pk__in=[entry.object_id for entry in entries], closing_date__range=(today, last_day))
            .select_related(model.organisation_field)
        }
        for entry in entries:
            item = closing.get(entry.object_id)
            if item is not None and entry.reminded_for != item.closing_date:
                by_user[entry.user].append((entry, item))
    return by_user


def send_saved_item_reminders(*, today: datetime.date | None = None) -> int:
    """One email per person listing their saved items that close soon; each item once per closing date,
    recorded in the transaction that queues the email."""
    today = today or timezone.localdate()
    sent = 0
    for user, entries in saved_items_closing(today=today).items():
        entries.sort(key=lambda pair: (pair[1].closing_date, pair[1].title))
        with transaction.atomic():
            for entry, item in entries:
                entry.reminded_for = item.closing_date
                entry.save(update_fields=["reminded_for"])
            first = entries[0][1]
            notifications.queue(
                key=email_key("reminder", user.pk, [f"{entry.pk}@{item.closing_date}" for entry, item in entries]),
                user=user,
                subject=(
                    gettext("{title} closes soon").format(title=first.title)
                    if len(entries) == 1
                    else gettext("{count} things you saved close soon").format(count=len(entries))
                ),
                body=render_to_string(
                    "search/email/saved_items_closing.txt",
                    {
                        "items": [(item, notifications.absolute(item.get_absolute_url())) for _, item in entries],
                        "saved_url": notifications.absolute(reverse("search:saved")),
                    },
                ),
                unsubscribe_path=reverse(
                    "search:unsubscribe",
                    kwargs={"token": notifications.unsubscribe_token(user=user, topic=SAVED_ITEM_TOPIC)},
                ),
                unsubscribe_words=gettext("reminders about things you saved"),
            )
        sent += 1
    return sent

"""Counting postings' reach: how often residents were shown a posting on a search results page (impressions),
opened its page (views), followed its "apply" or enquiry link (apply clicks) and saved it (saves), per posting
and day, in PostingActivity.

Only the counts are stored: no person, address, session or browser. Left out:
- robots: requests without a User-Agent, or with one on the list in data/robot_user_agents.txt;
- the poster's own team (a signed-in member of the posting's organisation) and moderators;
- repeats: the same browser, posting and event within settings.ACTIVITY_REPEAT_SECONDS count once. The browser
  is known by its session key, or when it has no session by its CSRF cookie (Django sets one for the forms
  anyway). That key, the posting and the event are hashed with a secret into a cache key which expires with the
  window: it never reaches the database or the logs.

Counting never stops a page: when the cache or the database fails, the page is served and a warning logged
with the event and the number of postings, nothing about who asked.
"""

import datetime
import logging
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.crypto import salted_hmac

from accounts.selectors import organisations_of

from .models import PostingActivity, Publishable
from .services import is_moderator

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"

IMPRESSIONS, VIEWS, APPLY_CLICKS, SAVES = "impressions", "views", "apply_clicks", "saves"
EVENTS = (IMPRESSIONS, VIEWS, APPLY_CLICKS, SAVES)

# A posting as counting knows it: its model and primary key (a search result is not loaded to count it).
Posting = tuple[type[Publishable], int]
# (content type id, object id, day) -> {event: how many to add}
Counts = Mapping[tuple[int, int, datetime.date], Mapping[str, int]]

REPEAT_SALT = "publishing.activity.repeat"
# Rows per statement when adding many days at once (the demo data): well under SQLite's limit on parameters.
ROWS_PER_STATEMENT = 500


@lru_cache(maxsize=1)
def robot_pattern() -> re.Pattern:
    lines = (DATA / "robot_user_agents.txt").read_text(encoding="utf-8").splitlines()
    expressions = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{expression})" for expression in expressions), re.IGNORECASE)


def is_robot(request) -> bool:
    agent = request.headers.get("User-Agent", "").strip()
    return not agent or robot_pattern().search(agent) is not None


def activity_record(request, *, event: str, postings: Iterable[Posting]) -> int:
    """Count one event for each posting, unless the request is a robot's, the poster's own team's or a moderator's,
    or the same browser's within the repeat window. All of them in one statement. Returns how many counted."""
    postings = list(dict.fromkeys(postings))
    if not postings or is_robot(request):
        return 0
    try:
        postings = _first_in_window(request, event, _residents_postings(request.user, postings))
        if postings:
            day = timezone.localdate()
            with transaction.atomic():  # a savepoint: a failure here leaves the page's own transaction usable
                activity_add(counts={(_content_type_id(model), pk, day): {event: 1} for model, pk in postings})
    except Exception as error:  # whatever the cache or the database raised: the page goes on without the count
        logger.warning("Could not count %s for %d postings: %s", event, len(postings), type(error).__name__)
        return 0
    return len(postings)


def activity_add(*, counts: Counts) -> None:
    """Add to postings' daily counts with an atomic upsert (INSERT … ON CONFLICT DO UPDATE SET n = n + new), so
    concurrent requests neither lose a count nor collide on a new day's row. One statement for up to
    ROWS_PER_STATEMENT rows; PostgreSQL and SQLite both read it."""
    quote = connection.ops.quote_name
    table = quote(PostingActivity._meta.db_table)
    columns = ["content_type_id", "object_id", "day", *EVENTS]
    updates = ", ".join(f"{quote(event)} = {table}.{quote(event)} + EXCLUDED.{quote(event)}" for event in EVENTS)
    rows = iter(counts.items())
    while batch := list(islice(rows, ROWS_PER_STATEMENT)):
        placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(batch))
        values = [value for key, added in batch for value in (*key, *(added.get(event, 0) for event in EVENTS))]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(quote(column) for column in columns)}) VALUES {placeholders} "
                f"ON CONFLICT (content_type_id, object_id, day) DO UPDATE SET {updates}",
                values,
            )


def _content_type_id(model) -> int:
    return ContentType.objects.get_for_model(model).pk


def _residents_postings(user, postings: list[Posting]) -> list[Posting]:
    """The postings whose activity this person's requests count for: none for a moderator, and not their own
    organisations' postings."""
    if not user.is_authenticated:
        return postings
    if is_moderator(user):
        return []
    organisation_ids = list(organisations_of(user=user).values_list("pk", flat=True))
    if not organisation_ids:
        return postings
    own = set()
    for model in {model for model, _ in postings}:
        pks = [pk for posted_as, pk in postings if posted_as is model]
        mine = model.objects.filter(pk__in=pks, **{f"{model.organisation_field}__in": organisation_ids})
        own |= {(model, pk) for pk in mine.values_list("pk", flat=True)}
    return [posting for posting in postings if posting not in own]


def _browser_key(request) -> str:
    if request.session.session_key:
        return "session:" + request.session.session_key
    # get_token makes sure the browser keeps its CSRF cookie, and request.META["CSRF_COOKIE"] is its secret.
    get_token(request)
    return "csrf:" + request.META["CSRF_COOKIE"]


def _first_in_window(request, event: str, postings: list[Posting]) -> list[Posting]:
    """The postings this browser has not had this event for within the repeat window; they are marked as had."""
    if not postings:
        return []
    browser = _browser_key(request)
    keys = {
        "activity-seen:" + salted_hmac(REPEAT_SALT, f"{browser}|{event}|{model._meta.label_lower}|{pk}", algorithm="sha256").hexdigest(): (model, pk)
        for model, pk in postings
    }
    seen = cache.get_many(list(keys))
    fresh = {key: posting for key, posting in keys.items() if key not in seen}
    cache.set_many(dict.fromkeys(fresh, True), timeout=settings.ACTIVITY_REPEAT_SECONDS)
    return list(fresh.values())

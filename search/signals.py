"""Changes to searchable records → an outbox row in the same transaction → after commit, a Celery task.

search subscribes to the domain apps here (connected in SearchConfig.ready); they never import search,
so a programme can be saved while the engine or the broker is down and nothing is lost.
"""

import logging
import threading

from django.apps import apps
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.models import Organisation
from careers.models import ApprenticeshipVacancy, Employer, SponsoredOpportunity
from courses.models import Programme, ProgrammeRun, Provider, Venue

from .models import IndexOutboxEntry, IndexVersion
from .documents import OPPORTUNITY_INDEX
from .sources import PAGE, PROGRAMME, SPONSORED, VACANCY, sources_for

logger = logging.getLogger(__name__)


VERSION_CHUNK = 500


def bump_versions(label: str, object_ids: list[str]) -> None:
    """One more version for each record, in the caller's transaction. The row lock this takes makes a second
    transaction changing the same record wait for this one's commit, so versions follow commit order.

    Ids go in sorted so that two transactions changing overlapping sets lock them in the same order.
    One upsert per chunk; PostgreSQL and SQLite (3.24+) both read this ON CONFLICT clause.
    """
    table = connection.ops.quote_name(IndexVersion._meta.db_table)
    now = timezone.now()
    ordered = sorted(set(object_ids))
    for start in range(0, len(ordered), VERSION_CHUNK):
        chunk = ordered[start : start + VERSION_CHUNK]
        values = ", ".join(["(%s, %s, 1, %s)"] * len(chunk))
        params = [value for object_id in chunk for value in (label, object_id, now)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (label, object_id, version, changed_at) VALUES {values} "
                f"ON CONFLICT (label, object_id) DO UPDATE SET version = {table}.version + 1, changed_at = excluded.changed_at",
                params,
            )


def record_changes(label: str, ids) -> None:
    object_ids = [str(pk) for pk in ids]
    if not object_ids:
        return
    with transaction.atomic():
        bump_versions(label, object_ids)
        rows = IndexOutboxEntry.objects.bulk_create([IndexOutboxEntry(label=label, object_id=object_id) for object_id in object_ids])
    # One task per transaction is enough: it drains every row the transaction wrote.
    drain = getattr(_waiting, "drain", None)
    if drain is None or drain.sent or not IndexOutboxEntry.objects.filter(pk=drain.first_row).exists():
        # None waiting in this transaction (the last one ran, or its transaction rolled back with its rows).
        _waiting.drain = DrainAfterCommit(first_row=rows[0].pk)
        transaction.on_commit(_waiting.drain)


_waiting = threading.local()


class DrainAfterCommit:
    sent = False

    def __init__(self, *, first_row: int):
        self.first_row = first_row

    def __call__(self) -> None:
        from .tasks import drain_outbox_task

        self.sent = True
        try:
            drain_outbox_task.delay()
        except Exception:  # broker down: the periodic drain picks the rows up later
            logger.warning("Could not queue the search sync task; the outbox keeps the change", exc_info=True)


def _organisation_items(organisation_id) -> list[tuple[str, list]]:
    return [
        (PROGRAMME, list(Programme.objects.filter(provider__organisation_id=organisation_id).values_list("pk", flat=True))),
        (VACANCY, list(ApprenticeshipVacancy.objects.filter(employer__organisation_id=organisation_id).values_list("pk", flat=True))),
        (SPONSORED, list(SponsoredOpportunity.objects.filter(sponsor__organisation_id=organisation_id).values_list("pk", flat=True))),
    ]


def on_item_saved(sender, instance, **kwargs):
    record_changes(sender._meta.label_lower, [instance.pk])


def on_run_changed(sender, instance, **kwargs):
    record_changes(PROGRAMME, [instance.programme_id])


def on_venue_changed(sender, instance, **kwargs):
    record_changes(PROGRAMME, instance.programmes.values_list("pk", flat=True))


def on_item_m2m_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and not kwargs.get("reverse"):
        record_changes(instance._meta.label_lower, [instance.pk])


def on_organisation_changed(sender, instance, **kwargs):
    # Verification (or its loss) changes whether every item of theirs may be found.
    organisation_id = instance.organisation_id if hasattr(instance, "organisation_id") else instance.pk
    for label, ids in _organisation_items(organisation_id):
        record_changes(label, ids)


def on_page_changed(sender, instance, **kwargs):
    record_changes(PAGE, [instance.pk, *instance.get_descendants().values_list("pk", flat=True)])


def on_page_deleted(sender, instance, **kwargs):
    record_changes(PAGE, [instance.pk])


def on_page_restriction_changed(sender, instance, **kwargs):
    # A private page (and all below it) leaves search; lifting the restriction brings them back.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # None when the page itself is being deleted: its own delete is recorded
        on_page_changed(sender, page)


def connect() -> None:
    for model in (apps.get_model(source.label) for source in sources_for(OPPORTUNITY_INDEX)):
        post_save.connect(on_item_saved, sender=model, dispatch_uid=f"search-save-{model._meta.label_lower}")
        post_delete.connect(on_item_saved, sender=model, dispatch_uid=f"search-delete-{model._meta.label_lower}")
        m2m_changed.connect(on_item_m2m_changed, sender=model.skill_areas.through, dispatch_uid=f"search-m2m-{model._meta.label_lower}")
    m2m_changed.connect(on_item_m2m_changed, sender=Programme.venues.through, dispatch_uid="search-m2m-venues")
    post_save.connect(on_run_changed, sender=ProgrammeRun, dispatch_uid="search-run-save")
    post_delete.connect(on_run_changed, sender=ProgrammeRun, dispatch_uid="search-run-delete")
    post_save.connect(on_venue_changed, sender=Venue, dispatch_uid="search-venue-save")
    for model in (Organisation, Provider, Employer):
        post_save.connect(on_organisation_changed, sender=model, dispatch_uid=f"search-org-{model._meta.label_lower}")
    page_published.connect(on_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="search-page-moved")
    post_save.connect(on_page_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-page-restricted")
    post_delete.connect(on_page_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-page-unrestricted")
    # Deleting any page type deletes its wagtailcore.Page row too, which sends this once.
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search-page-deleted")

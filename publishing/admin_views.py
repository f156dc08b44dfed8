"""The moderators' queue of postings in the Wagtail admin: approve, reject with a reason, take down."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import Organisation

from . import posting_checks, registry, selectors, services


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not services.is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModerationPageView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A moderators' page in the Wagtail admin; each adds its own context (page_context)."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | self.page_context()

    def page_context(self) -> dict:
        return {}


def _posting(label: str, pk: int):
    try:
        model = registry.posting_model(label)
    except LookupError:
        raise Http404("No such kind of posting") from None
    item = model.objects.filter(pk=pk).first()
    if item is None:
        raise Http404("No such posting")
    return item


class PostingQueueView(ModerationPageView):
    page_title = "Postings to review"
    header_icon = "tasks"
    template_name = "publishing/admin/queue.html"

    def page_context(self) -> dict:
        page = selectors.awaiting_review_page(number=self.request.GET.get("p"))
        # The automated checks run for the page shown only, so they are always current (a posting may have
        # been edited, or the lists of phrases and known sites changed, since it was sent) and the cost of a
        # load does not grow with the queue.
        entries = [
            {
                "item": item,
                "label": registry.label_of(item),
                "kind": item._meta.verbose_name,
                "organisation": item.owner_organisation,
                "report": posting_checks.run_checks(item),
                "history": list(selectors.history(item=item)[:5]),
                "version": item.content_version(),
            }
            for item in page.object_list
        ]
        return {"entries": entries, "items": page, "elided_page_range": page.paginator.get_elided_page_range(page.number)}


@dataclass(frozen=True)
class Decision:
    decide: Callable  # (item, by, post) -> item: the service, given the form's fields
    done: str  # what the moderator reads afterwards, formatted with item= and organisation=
    back_to: str  # the admin page the decision was made from


DECISIONS = {
    # The version of the posting the moderator read (see Publishable.content_version); a take-down is about
    # the posting as it is.
    "approve": Decision(
        lambda item, by, post: services.item_approve(item=item, by=by, version=post.get("version", "")),
        "Approved “{item.title}”; {organisation.name} has been told.",
        "publishing_posting_queue",
    ),
    "reject": Decision(
        lambda item, by, post: services.item_reject(
            item=item, by=by, reason=post.get("reason", ""), version=post.get("version", "")
        ),
        "Sent “{item.title}” back to {organisation.name} with your reason.",
        "publishing_posting_queue",
    ),
    "take-down": Decision(
        lambda item, by, post: services.item_take_down(item=item, by=by, reason=post.get("reason", "")),
        "Took down “{item.title}”; {organisation.name} has been told why.",
        "publishing_published_postings",
    ),
}


class PostingDecisionView(ModeratorRequiredMixin, View):
    def post(self, request, label, pk, decision):
        item = _posting(label, pk)
        if decision not in DECISIONS:
            raise Http404("Unknown decision")
        chosen = DECISIONS[decision]
        try:
            chosen.decide(item, request.user, request.POST)
        except ValidationError as error:
            messages.error(request, f"“{item.title}”: {' '.join(error.messages)}")
        else:
            messages.success(request, chosen.done.format(item=item, organisation=item.owner_organisation))
        return redirect(chosen.back_to)


class PublishedPostingsView(ModerationPageView):
    page_title = "Take down a posting"
    header_icon = "warning"
    template_name = "publishing/admin/published.html"

    def page_context(self) -> dict:
        words = self.request.GET.get("q", "").strip()[:100]
        entries = [
            {"item": item, "label": registry.label_of(item), "kind": item._meta.verbose_name}
            for item in selectors.published_postings(words=words)
        ]
        return {"q": words, "entries": entries}


class StatusChangeLogView(ModerationPageView):
    page_title = "Posting decisions"
    header_icon = "history"
    template_name = "publishing/admin/log.html"

    def page_context(self) -> dict:
        return {"changes": selectors.recent_status_changes()}


class VerifiedOrganisationsView(ModerationPageView):
    page_title = "Withdraw verification"
    header_icon = "warning"
    template_name = "publishing/admin/verified.html"

    def page_context(self) -> dict:
        words = self.request.GET.get("q", "").strip()[:100]
        return {"q": words, "organisations": selectors.verified_organisations(words=words)}


class OrganisationUnverifyView(ModeratorRequiredMixin, View):
    def post(self, request, pk):
        organisation = get_object_or_404(Organisation, pk=pk)
        services.organisation_unverify(organisation=organisation, by=request.user)
        messages.success(
            request, f"{organisation.name} is no longer verified: its profile and postings are hidden until it is verified again."
        )
        return redirect("publishing_verified_organisations")

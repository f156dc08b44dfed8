"""What the provider and employer portals share: who may open an organisation's portal, its profile page,
and the views for any kind of posting (create, edit, see, duplicate, publish, withdraw).

An organisation's portal exists only for its active members: to anyone else, including moderators (who
work in the Wagtail admin), every page of it is a 404, so nobody can tell which organisations or postings
exist. Views are thin: forms validate, services change state.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView, View

from accounts.models import Organisation
from accounts.selectors import is_active_member, organisations_of

from . import posting_checks, registry, selectors, services
from .forms import PublishForm
from .models import Publishable, Status


# Pages that apps above publishing add to the portals, registered by their AppConfig.ready() so that publishing
# names none of their URLs. By portal namespace, (label, URL name): for the portal's menu, the URL taking the
# organisation's slug; for each posting's page, taking the organisation's slug, the posting type's url_name as
# `kind`, and the posting's pk.
added_nav_items: dict[str, list[tuple[str, str]]] = defaultdict(list)
added_posting_links: dict[str, list[tuple[str, str]]] = defaultdict(list)


def member_organisation(*, user, slug: str, kind: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug, kind=kind).first()
    if organisation is None or not is_active_member(user=user, organisation=organisation):
        raise Http404("No such organisation")
    return organisation


class PortalMixin(LoginRequiredMixin):
    """Resolves the organisation from the URL for its members only, and its public profile."""

    kind: str  # Organisation.Kind
    namespace: str  # "provider_portal" or "employer_portal"
    profile_model: type
    profile_form: type
    profile_required = True
    nav_items: list[tuple[str, str]] = []  # (label, URL name) of the portal's own menu

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = member_organisation(user=request.user, slug=kwargs["organisation"], kind=self.kind)
        self.profile = self.profile_model.objects.filter(organisation=self.organisation).first()
        if self.profile is None and self.profile_required:
            messages.info(request, f"First tell residents about {self.organisation.name}.")
            return redirect(self.portal_url("profile"))
        return super().dispatch(request, *args, **kwargs)

    def portal_url(self, name: str, **kwargs) -> str:
        return reverse(f"{self.namespace}:{name}", kwargs={"organisation": self.organisation.slug, **kwargs})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = self.request.resolver_match.view_name
        items = [(label, f"{self.namespace}:{name}") for label, name in self.nav_items] + added_nav_items[self.namespace]
        context.update(
            organisation=self.organisation,
            profile=self.profile,
            namespace=self.namespace,
            portal_nav=[
                (label, reverse(name, kwargs={"organisation": self.organisation.slug}), name == current)
                for label, name in items
            ],
        )
        return context


class PortalHomeView(LoginRequiredMixin, TemplateView):
    """The person's organisations of this kind; straight to the portal when there is one."""

    kind: str
    namespace: str
    template_name = "publishing/portal/home.html"

    def get(self, request, *args, **kwargs):
        organisations = list(organisations_of(user=request.user).filter(kind=self.kind))
        if len(organisations) == 1:
            return redirect(f"{self.namespace}:dashboard", organisation=organisations[0].slug)
        return self.render_to_response(
            self.get_context_data(
                organisations=organisations,
                namespace=self.namespace,
                kind_label=Organisation.Kind(self.kind).label.lower(),
            )
        )


def profile_saved_message(profile) -> str:
    """What a member reads after saving their organisation's profile."""
    waiting = profile.organisation.website_requested
    if waiting:
        return (
            f"Your profile is saved. Your new website, {waiting}, will show once a moderator has checked it: "
            "until then, links to it in your postings also wait for a moderator."
        )
    return "Your profile is saved."


class ProfileView(PortalMixin, TemplateView):
    """Create (the first time) or change the organisation's public profile (a provider's or an employer's)."""

    template_name = "publishing/portal/profile.html"
    profile_required = False

    def _form(self, data=None):
        instance = self.profile or services.profile_new(model=self.profile_model, organisation=self.organisation)
        # A new website waiting for a moderator is what the member last gave, so saving again keeps it waiting.
        waiting = self.organisation.website_requested
        return self.profile_form(data, instance=instance, initial={"website": waiting} if waiting else None)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self._form()))

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        saved = services.profile_save(profile=form.save(commit=False), by=request.user)
        messages.success(request, profile_saved_message(saved))
        return redirect(self.portal_url("dashboard"))


@dataclass(frozen=True)
class PostingType:
    """One kind of posting in a portal."""

    model: type[Publishable]
    form_class: type
    url_name: str  # URL names: <url_name>, <url_name>_new, <url_name>_edit, <url_name>_action
    duplicate: Callable = services.item_duplicate  # (item=, by=) -> the draft copy
    detail_template: str = "publishing/portal/item_detail.html"

    @property
    def noun(self) -> str:
        return str(self.model._meta.verbose_name)


def posting_url(namespace: str, posting_type: PostingType, item, suffix: str = "") -> str:
    organisation = item.owner_organisation
    return reverse(
        f"{namespace}:{posting_type.url_name}{suffix}", kwargs={"organisation": organisation.slug, "pk": item.pk}
    )


class PostingMixin(PortalMixin):
    posting_type: PostingType | None = None  # a subclass's, or as_view(posting_type=...)

    def get_item(self):
        model = self.posting_type.model
        return get_object_or_404(model, pk=self.kwargs["pk"], **{registry.owner_field(model): self.profile})

    def item_url(self, item, suffix: str = "") -> str:
        return posting_url(self.namespace, self.posting_type, item, suffix)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(posting_type=self.posting_type, noun=self.posting_type.noun)
        return context


class PostingFormView(PostingMixin, TemplateView):
    """Create (no pk in the URL) or edit a posting."""

    template_name = "publishing/portal/item_form.html"

    def get_instance(self):
        if "pk" in self.kwargs:
            return self.get_item()
        model = self.posting_type.model
        return model(**{registry.owner_field(model): self.profile})

    def make_form(self, instance, data=None):
        return self.posting_type.form_class(data, instance=instance, profile=self.profile)

    def get(self, request, *args, **kwargs):
        instance = self.get_instance()
        return self.render_to_response(self.get_context_data(form=self.make_form(instance), item=instance))

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        was_public = instance.status == Status.PUBLISHED
        form = self.make_form(instance, request.POST)
        if form.is_valid():
            try:
                relations = {name: form.cleaned_data[name] for name in registry.many_to_many(self.posting_type.model)}
                item = services.item_save(item=form.save(commit=False), by=request.user, relations=relations)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if was_public and item.status == Status.PENDING_REVIEW:
                    messages.warning(request, f"Your changes are saved. {item.status_reason}")
                else:
                    messages.success(request, f"“{item.title}” is saved.")
                return redirect(self.item_url(item))
        return self.render_to_response(self.get_context_data(form=form, item=instance), status=400)


class PostingDetailView(PostingMixin, TemplateView):
    """A posting as its organisation sees it: status and why, the automated checks, statistics, history."""

    def get_template_names(self):
        return [self.posting_type.detail_template]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.get_item()
        report = posting_checks.run_checks(item)
        context.update(
            item=item,
            report=report,
            can_publish=services.can_publish(item),
            publish_form=PublishForm(),
            would_wait=bool(services.review_reasons(item, report)),
            can_withdraw=services.can_withdraw(item),
            activity=selectors.activity_totals([item])[(item._meta.label_lower, item.pk)],
            activity_links=[
                (label, reverse(name, kwargs={"organisation": self.organisation.slug, "kind": self.posting_type.url_name, "pk": item.pk}))
                for label, name in added_posting_links[self.namespace]
            ],
            history=selectors.history(item=item),
            action_url=self.item_url(item, "_action"),
            edit_url=self.item_url(item, "_edit"),
        )
        return context


class PostingActionView(PostingMixin, View):
    """POST publish, withdraw or duplicate."""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        action = request.POST.get("action")
        if action == "publish":
            form = PublishForm(request.POST)
            if not form.is_valid():
                messages.error(request, " ".join(form.errors["open_licence"]))
                return redirect(self.item_url(item))
            try:
                item = services.item_publish(item=item, by=request.user, licence_agreed=True)
            except ValidationError as error:
                messages.error(request, "It cannot be published yet: " + " ".join(error.messages))
            else:
                if item.status == Status.PUBLISHED:
                    messages.success(request, f"“{item.title}” is published.")
                else:
                    messages.info(request, f"“{item.title}” is waiting for a moderator. {item.status_reason}")
        elif action == "withdraw":
            services.item_withdraw(item=item, by=request.user)
            messages.success(request, f"“{item.title}” is withdrawn: residents can no longer see it.")
        elif action == "duplicate":
            with transaction.atomic():
                copy = self.posting_type.duplicate(item=item, by=request.user)
            messages.success(request, f"This is a draft copy of “{item.title}”: change what you need, then publish it.")
            return redirect(self.item_url(copy, "_edit"))
        else:
            raise Http404("Unknown action")
        return redirect(self.item_url(item))

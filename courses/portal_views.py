"""The provider portal (/portal/provider/): programmes, their runs, venues, the profile, and imports.
Every page is for the organisation's active members only (publishing.portal.PortalMixin)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import TemplateView, View

from accounts.models import Organisation
from publishing import selectors as publishing_selectors
from publishing import portal

from . import feeds, imports, services
from .forms import FeedForm, ImportForm, ProgrammeForm, ProgrammeRunForm, ProviderForm, VenueForm
from .models import Programme, ProgrammeFeed, ProgrammeImport, ProgrammeRun, Provider, Venue


class ProviderPortalMixin(portal.PortalMixin):
    kind = Organisation.Kind.PROVIDER
    namespace = "provider_portal"
    profile_model = Provider
    profile_form = ProviderForm
    nav_items = [("Programmes", "dashboard"), ("Import", "imports"), ("Venues", "venues"), ("Profile", "profile")]


class HomeView(portal.PortalHomeView):
    kind = Organisation.Kind.PROVIDER
    namespace = "provider_portal"


class DashboardView(ProviderPortalMixin, TemplateView):
    template_name = "courses/portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programmes = self.profile.programmes.select_related("tier").order_by("-updated_at")
        page = Paginator(programmes, 50).get_page(self.request.GET.get("page"))
        context.update(
            page=page,
            activity=publishing_selectors.activity_totals(page.object_list),
            recent_imports=self.profile.imports.all()[:3],
        )
        return context


class ProviderProfileView(ProviderPortalMixin, portal.ProfileView):
    pass


class VenueListView(ProviderPortalMixin, TemplateView):
    template_name = "courses/portal/venues.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["venues"] = self.profile.venues.select_related("local_authority")
        return context


class VenueFormView(ProviderPortalMixin, TemplateView):
    template_name = "courses/portal/venue_form.html"

    def get_venue(self):
        if "pk" in self.kwargs:
            return get_object_or_404(Venue, pk=self.kwargs["pk"], provider=self.profile)
        return Venue(provider=self.profile)

    def get(self, request, *args, **kwargs):
        venue = self.get_venue()
        return self.render_to_response(self.get_context_data(form=VenueForm(instance=venue), venue=venue))

    def post(self, request, *args, **kwargs):
        venue = self.get_venue()
        form = VenueForm(request.POST, instance=venue)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, venue=venue), status=400)
        services.venue_save(venue=form.save(commit=False), by=request.user)
        messages.success(request, f"{venue.name} is saved.")
        return redirect(self.portal_url("venues"))


PROGRAMMES = portal.PostingType(
    model=Programme,
    form_class=ProgrammeForm,
    url_name="programme",
    duplicate=lambda item, by: services.programme_duplicate(programme=item, by=by),
    detail_template="courses/portal/programme_detail.html",
)


class ProgrammeFormView(ProviderPortalMixin, portal.PostingFormView):
    posting_type = PROGRAMMES


class ProgrammeDetailView(ProviderPortalMixin, portal.PostingDetailView):
    posting_type = PROGRAMMES

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = context["item"].runs.select_related("venue")
        return context


class ProgrammeActionView(ProviderPortalMixin, portal.PostingActionView):
    posting_type = PROGRAMMES


class RunMixin(ProviderPortalMixin):
    def get_programme(self):
        return get_object_or_404(Programme, pk=self.kwargs["pk"], provider=self.profile)

    def get_run(self, programme):
        if "run" in self.kwargs:
            return get_object_or_404(ProgrammeRun, pk=self.kwargs["run"], programme=programme)
        return ProgrammeRun(programme=programme)


class RunFormView(RunMixin, TemplateView):
    template_name = "courses/portal/run_form.html"

    def get(self, request, *args, **kwargs):
        programme = self.get_programme()
        run = self.get_run(programme)
        form = ProgrammeRunForm(instance=run, profile=self.profile)
        return self.render_to_response(self.get_context_data(form=form, programme=programme, run=run))

    def post(self, request, *args, **kwargs):
        programme = self.get_programme()
        run = self.get_run(programme)
        form = ProgrammeRunForm(request.POST, instance=run, profile=self.profile)
        if form.is_valid():
            try:
                services.run_save(run=form.save(commit=False), by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"The run from {run.starts_on.day} {run.starts_on:%B %Y} is saved.")
                return redirect(self.portal_url("programme", pk=programme.pk))
        return self.render_to_response(self.get_context_data(form=form, programme=programme, run=run), status=400)


class RunDeleteView(RunMixin, View):
    def post(self, request, *args, **kwargs):
        programme = self.get_programme()
        run = self.get_run(programme)
        try:
            services.run_delete(run=run, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The run from {run.starts_on.day} {run.starts_on:%B %Y} is removed.")
        return redirect(self.portal_url("programme", pk=programme.pk))


# Imports --------------------------------------------------------------------------------------------


class ImportSizeLimit(FileUploadHandler):
    """Stops reading an upload once it passes the import limit, so a huge file never fills the disk."""

    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit
        self.request.import_too_large = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.request.import_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


# The upload's size is checked before its body is read: that needs the CSRF check (which reads the body)
# to run after it, inside post(), rather than in the middleware.
@method_decorator(csrf_exempt, name="dispatch")
class ImportView(ProviderPortalMixin, TemplateView):
    template_name = "courses/portal/import.html"
    # Multipart boundaries and the other fields add a little to the file itself.
    ALLOWANCE = 64 * 1024

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            imports=self.profile.imports.select_related("created_by")[:10],
            max_size=_megabytes(settings.IMPORT_MAX_UPLOAD_SIZE),
        )
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def too_large(self, size: int | None):
        form = ImportForm()
        what = f"The file is {_megabytes(size)}" if size else "The file is too big"
        form.errors["file"] = form.error_class(
            [f"{what}: the most we take at once is {_megabytes(settings.IMPORT_MAX_UPLOAD_SIZE)}. Split it into smaller files."]
        )
        return self.render_to_response(self.get_context_data(form=form), status=413)

    def post(self, request, *args, **kwargs):
        limit = settings.IMPORT_MAX_UPLOAD_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit + self.ALLOWANCE:
            return self.too_large(length)
        request.upload_handlers.insert(0, ImportSizeLimit(request, limit))
        return csrf_protect(self.upload)(request)

    def upload(self, request):
        files = request.FILES  # reading the body runs ImportSizeLimit
        if request.import_too_large:
            return self.too_large(None)
        form = ImportForm(request.POST, files)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        job = imports.import_create(
            provider=self.profile,
            by=request.user,
            filename=upload.name,
            content=upload.read(),
            all_or_nothing=form.cleaned_data["mode"] == "all_or_nothing",
            licence_agreed_at=timezone.now(),
        )
        return redirect(self.portal_url("import", pk=job.pk))


class ImportStatusView(ProviderPortalMixin, TemplateView):
    """Progress while it runs (the page refreshes itself, or a script updates it), then the result."""

    template_name = "courses/portal/import_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = get_object_or_404(ProgrammeImport, pk=self.kwargs["pk"], provider=self.profile)
        context.update(job=job, status_url=self.portal_url("import_status", pk=job.pk))
        return context


class ImportRetryView(ProviderPortalMixin, View):
    """Run a stopped import's file again (the status page's button)."""

    def post(self, request, *args, **kwargs):
        job = get_object_or_404(ProgrammeImport, pk=kwargs["pk"], provider=self.profile)
        try:
            retry = imports.import_retry(job=job, by=request.user)
        except ValueError:  # already retried, or it did not stop: its page says what happened
            return redirect(self.portal_url("import", pk=job.pk))
        return redirect(self.portal_url("import", pk=retry.pk))


class ImportStatusJsonView(ProviderPortalMixin, View):
    def get(self, request, *args, **kwargs):
        job = get_object_or_404(ProgrammeImport, pk=kwargs["pk"], provider=self.profile)
        return JsonResponse(
            {
                "state": job.state,
                "state_label": job.get_state_display(),
                "running": job.is_running,
                "percent": job.percent,
                "total_rows": job.total_rows,
                "rows_checked": job.rows_checked,
                "rows_saved": job.rows_saved,
            },
            headers={"Cache-Control": "no-store"},
        )


# Feeds in -------------------------------------------------------------------------------------------


class FeedView(ProviderPortalMixin, TemplateView):
    """The provider's feed: its address, and what happened when we last checked it."""

    template_name = "courses/portal/feed.html"

    def get_feed(self) -> ProgrammeFeed | None:
        return ProgrammeFeed.objects.filter(provider=self.profile).select_related("last_import").first()

    def get(self, request, *args, **kwargs):
        feed = self.get_feed()
        initial = {"url": feed.url, "format": feed.format, "mode": "all_or_nothing" if feed.all_or_nothing else "valid_rows"} if feed else {}
        return self.render_to_response(self.get_context_data(form=FeedForm(initial=initial), feed=feed))

    def post(self, request, *args, **kwargs):
        form = FeedForm(request.POST)
        if form.is_valid():
            try:
                feeds.feed_save(
                    provider=self.profile,
                    by=request.user,
                    url=form.cleaned_data["url"],
                    format=form.cleaned_data["format"],
                    all_or_nothing=form.cleaned_data["mode"] == "all_or_nothing",
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Your feed is saved. We will check it in the next few minutes, then every hour.")
                return redirect(self.portal_url("feed"))
        return self.render_to_response(self.get_context_data(form=form, feed=self.get_feed()), status=400)


class FeedActionView(ProviderPortalMixin, View):
    """The feed page's buttons: check now, or stop using the feed."""

    def post(self, request, *args, **kwargs):
        feed = get_object_or_404(ProgrammeFeed, provider=self.profile)
        if kwargs["action"] == "remove":
            feeds.feed_remove(feed=feed, by=request.user)
            messages.success(request, "We will no longer check your feed. The programmes it imported stay as they are.")
        else:
            feeds.feed_check_soon(feed=feed)
            messages.success(request, "We will check your feed in the next few minutes.")
        return redirect(self.portal_url("feed"))

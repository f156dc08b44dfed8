"""The sitemap sections of what residents can open: each kind of posting's public items and the verified
organisations' profile pages. Configuration lists them with Wagtail's pages (skills_site/urls.py); each app names
its own sections in its `sitemaps` module."""

from django.contrib.sitemaps import Sitemap


class PublicPostingsSitemap(Sitemap):
    """A kind of posting's public items (published, open, by a verified organisation): what search and the API
    show, so a crawler finds nothing a resident could not. Read fresh on each request, so a posting taken down
    leaves the sitemap when it leaves search."""

    changefreq = "daily"
    limit = 10_000  # per file: the index links the rest, well inside the protocol's 50,000 and 50 MB

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class VerifiedProfilesSitemap(Sitemap):
    """Providers' or employers' public pages, shown once their organisation is verified."""

    changefreq = "weekly"
    limit = 10_000

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.filter(organisation__verified_at__isnull=False).select_related("organisation").order_by("pk")

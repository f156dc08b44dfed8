from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import cache_page
from django.views.generic import RedirectView, TemplateView
from wagtail.contrib.sitemaps import Sitemap as WagtailPagesSitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from careers.sitemaps import SITEMAPS as CAREERS_SITEMAPS
from courses.sitemaps import SITEMAPS as COURSES_SITEMAPS
from skills_site.health import healthz, healthz_live
from skills_site.conventions import favicon

# What search engines may list: the live, public Wagtail pages and every public posting and verified profile.
SITEMAPS = {"pages": WagtailPagesSitemap, **COURSES_SITEMAPS, **CAREERS_SITEMAPS}
SITEMAP_SECONDS = 15 * 60  # a taken-down posting leaves the sitemap within a quarter of an hour

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/live", healthz_live, name="healthz_live"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"), name="robots"),
    # Browsers and phones ask for these at fixed addresses: the web app manifest (name, colours, icon) and a favicon.
    path("manifest.webmanifest", TemplateView.as_view(template_name="manifest.webmanifest", content_type="application/manifest+json"), name="manifest"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", cache_page(SITEMAP_SECONDS)(sitemap_views.index), {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}, name="sitemap_index"),
    path("sitemap-<section>.xml", cache_page(SITEMAP_SECONDS)(sitemap_views.sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # Everyone signs in through allauth, which enforces email verification, rate limits and two-step sign in.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's front-end login (mounted by wagtail_urls below) would be a second way in without those.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switcher posts here
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include("skills_site.api_urls")),
    path("api/oruk/", include("opendata.oruk.urls")),
    path("search/", include("search.urls")),
    path("pathways/", include("pathways.urls")),
    path("portal/provider/", include("courses.portal_urls")),
    path("portal/employer/", include("careers.portal_urls")),
    path("portal/", include("reach.urls")),
    path("data/", include("opendata.urls")),
    path("", include("courses.urls")),
    path("", include("careers.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

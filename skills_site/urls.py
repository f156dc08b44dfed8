from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from skills_site.health import healthz, healthz_live

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/live", healthz_live, name="healthz_live"),
    # Everyone signs in through allauth, which enforces email verification, rate limits and two-step sign in.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's front-end login (mounted by wagtail_urls below) would be a second way in without those.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include("skills_site.api_urls")),
    path("search/", include("search.urls")),
    path("pathways/", include("pathways.urls")),
    path("portal/provider/", include("courses.portal_urls")),
    path("portal/employer/", include("careers.portal_urls")),
    path("portal/", include("reach.urls")),
    path("", include("courses.urls")),
    path("", include("careers.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

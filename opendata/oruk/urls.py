"""/api/oruk/: the endpoints the Open Referral UK profile (HSDS 3.0) requires, by its names, with or without a
final slash (readers written for other directories use both)."""

from django.urls import re_path

from api.views import not_found

from . import views

app_name = "oruk"

urlpatterns = [
    re_path(r"^$", views.ApiInfoView.as_view(), name="info"),
    re_path(r"^services/?$", views.ServiceListView.as_view(), name="services"),
    re_path(r"^services/(?P<id>[^/]+)/?$", views.ServiceDetailView.as_view(), name="service"),
    re_path(r"^service_at_locations/?$", views.ServiceAtLocationListView.as_view(), name="service_at_locations"),
    re_path(r"^service_at_locations/(?P<id>[^/]+)/?$", views.ServiceAtLocationDetailView.as_view(), name="service_at_location"),
    re_path(r"^taxonomies/?$", views.TaxonomyListView.as_view(), name="taxonomies"),
    re_path(r"^taxonomies/(?P<id>[^/]+)/?$", views.TaxonomyDetailView.as_view(), name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.TaxonomyTermListView.as_view(), name="taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<id>[^/]+)/?$", views.TaxonomyTermDetailView.as_view(), name="taxonomy_term"),
    # Anything else here is JSON too, never the site's HTML page.
    re_path(r"^.*$", not_found),
]

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("catalog.jsonld", views.catalogue_jsonld, name="catalogue_json_ld"),
    # Only the names the catalogue lists are served (selectors.published_file): never a path.
    path("<str:filename>", views.dataset_file, name="file"),
]

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="page"),
    path("autocomplete/", views.autocomplete_view, name="autocomplete"),
    path("map/boundaries.svg", views.boundaries_view, name="boundaries"),
]

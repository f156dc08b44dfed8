from django.urls import path

from . import saved_views, views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="page"),
    path("autocomplete/", views.autocomplete_view, name="autocomplete"),
    path("go/<str:token>/", views.result_click, name="result"),
    path("map/boundaries.svg", views.boundaries_view, name="boundaries"),
    path("saved/", saved_views.saved_page, name="saved"),
    path("saved/searches/", saved_views.search_save, name="save_search"),
    path("saved/searches/<int:pk>/", saved_views.search_change, name="change_search"),
    path("saved/items/", saved_views.item_save, name="save_item"),
    path("saved/items/<int:pk>/remove/", saved_views.item_remove, name="remove_item"),
    path("email/unsubscribe/<str:token>/", saved_views.unsubscribe, name="unsubscribe"),
    path("email/resubscribe/<str:token>/", saved_views.resubscribe, name="resubscribe"),
]

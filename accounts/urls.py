from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("organisation/<slug:slug>/", views.organisation_detail, name="organisation"),
    path(
        "organisation/<slug:slug>/requests/<int:membership_id>/<str:decision>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("delete/", views.account_delete, name="delete"),
]

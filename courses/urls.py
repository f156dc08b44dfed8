from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("programmes/<slug:slug>/", views.programme_detail, name="programme"),
    path("programmes/<slug:slug>/apply/", views.programme_apply, name="programme_apply"),
    path("providers/<slug:slug>/", views.provider_detail, name="provider"),
]

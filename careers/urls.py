from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("apprenticeships/<slug:slug>/", views.apprenticeship_detail, name="apprenticeship"),
    path("opportunities/<slug:slug>/", views.opportunity_detail, name="opportunity"),
    path("employers/<slug:slug>/", views.employer_detail, name="employer"),
]

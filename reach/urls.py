"""Reach in the portals, under /portal/employer/<organisation>/reach/ and /portal/provider/<organisation>/reach/."""

from django.urls import path

from . import views

app_name = "reach"

urlpatterns = [
    path("employer/<slug:organisation>/reach/", views.EmployerOverviewView.as_view(), name="employer"),
    path("employer/<slug:organisation>/reach/campaigns/<slug:campaign>/", views.SponsorCampaignView.as_view(), name="sponsor_campaign"),
    path("employer/<slug:organisation>/reach/<slug:kind>/<int:pk>/", views.EmployerPostingView.as_view(), name="employer_posting"),
    path("provider/<slug:organisation>/reach/", views.ProviderOverviewView.as_view(), name="provider"),
    path("provider/<slug:organisation>/reach/<slug:kind>/<int:pk>/", views.ProviderPostingView.as_view(), name="provider_posting"),
]

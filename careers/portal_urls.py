"""The employer portal under /portal/employer/."""

from django.urls import path

from publishing.views import resubscribe, unsubscribe

from . import portal_views as views

app_name = "employer_portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("email/unsubscribe/<str:token>/", unsubscribe, name="unsubscribe"),
    path("email/resubscribe/<str:token>/", resubscribe, name="resubscribe"),
    path("<slug:organisation>/", views.DashboardView.as_view(), name="dashboard"),
    path("<slug:organisation>/profile/", views.EmployerProfileView.as_view(), name="profile"),
    path("<slug:organisation>/apprenticeships/new/", views.VacancyFormView.as_view(), name="apprenticeship_new"),
    path("<slug:organisation>/apprenticeships/<int:pk>/", views.VacancyDetailView.as_view(), name="apprenticeship"),
    path("<slug:organisation>/apprenticeships/<int:pk>/edit/", views.VacancyFormView.as_view(), name="apprenticeship_edit"),
    path("<slug:organisation>/apprenticeships/<int:pk>/action/", views.VacancyActionView.as_view(), name="apprenticeship_action"),
    path("<slug:organisation>/opportunities/new/", views.OpportunityFormView.as_view(), name="opportunity_new"),
    path("<slug:organisation>/opportunities/<int:pk>/", views.OpportunityDetailView.as_view(), name="opportunity"),
    path("<slug:organisation>/opportunities/<int:pk>/edit/", views.OpportunityFormView.as_view(), name="opportunity_edit"),
    path("<slug:organisation>/opportunities/<int:pk>/action/", views.OpportunityActionView.as_view(), name="opportunity_action"),
]

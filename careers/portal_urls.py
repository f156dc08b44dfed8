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
    path("<slug:organisation>/apprenticeships/new/", views.PostingFormView.as_view(posting_type=views.VACANCIES), name="apprenticeship_new"),
    path("<slug:organisation>/apprenticeships/<int:pk>/", views.PostingDetailView.as_view(posting_type=views.VACANCIES), name="apprenticeship"),
    path("<slug:organisation>/apprenticeships/<int:pk>/edit/", views.PostingFormView.as_view(posting_type=views.VACANCIES), name="apprenticeship_edit"),
    path("<slug:organisation>/apprenticeships/<int:pk>/action/", views.PostingActionView.as_view(posting_type=views.VACANCIES), name="apprenticeship_action"),
    path("<slug:organisation>/opportunities/new/", views.PostingFormView.as_view(posting_type=views.OPPORTUNITIES), name="opportunity_new"),
    path("<slug:organisation>/opportunities/<int:pk>/", views.PostingDetailView.as_view(posting_type=views.OPPORTUNITIES), name="opportunity"),
    path("<slug:organisation>/opportunities/<int:pk>/edit/", views.PostingFormView.as_view(posting_type=views.OPPORTUNITIES), name="opportunity_edit"),
    path("<slug:organisation>/opportunities/<int:pk>/action/", views.PostingActionView.as_view(posting_type=views.OPPORTUNITIES), name="opportunity_action"),
]

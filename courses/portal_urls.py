"""The provider portal under /portal/provider/."""

from django.urls import path

from publishing.views import resubscribe, unsubscribe

from . import portal_views as views

app_name = "provider_portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("email/unsubscribe/<str:token>/", unsubscribe, name="unsubscribe"),
    path("email/resubscribe/<str:token>/", resubscribe, name="resubscribe"),
    path("<slug:organisation>/", views.DashboardView.as_view(), name="dashboard"),
    path("<slug:organisation>/profile/", views.ProviderProfileView.as_view(), name="profile"),
    path("<slug:organisation>/venues/", views.VenueListView.as_view(), name="venues"),
    path("<slug:organisation>/venues/new/", views.VenueFormView.as_view(), name="venue_new"),
    path("<slug:organisation>/venues/<int:pk>/", views.VenueFormView.as_view(), name="venue_edit"),
    path("<slug:organisation>/programmes/new/", views.ProgrammeFormView.as_view(), name="programme_new"),
    path("<slug:organisation>/programmes/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme"),
    path("<slug:organisation>/programmes/<int:pk>/edit/", views.ProgrammeFormView.as_view(), name="programme_edit"),
    path("<slug:organisation>/programmes/<int:pk>/action/", views.ProgrammeActionView.as_view(), name="programme_action"),
    path("<slug:organisation>/programmes/<int:pk>/runs/new/", views.RunFormView.as_view(), name="run_new"),
    path("<slug:organisation>/programmes/<int:pk>/runs/<int:run>/", views.RunFormView.as_view(), name="run_edit"),
    path("<slug:organisation>/programmes/<int:pk>/runs/<int:run>/delete/", views.RunDeleteView.as_view(), name="run_delete"),
    path("<slug:organisation>/imports/", views.ImportView.as_view(), name="imports"),
    path("<slug:organisation>/imports/feed/", views.FeedView.as_view(), name="feed"),
    path("<slug:organisation>/imports/feed/check/", views.FeedActionView.as_view(), {"action": "check"}, name="feed_check"),
    path("<slug:organisation>/imports/feed/remove/", views.FeedActionView.as_view(), {"action": "remove"}, name="feed_remove"),
    path("<slug:organisation>/imports/<int:pk>/", views.ImportStatusView.as_view(), name="import"),
    path("<slug:organisation>/imports/<int:pk>/status.json", views.ImportStatusJsonView.as_view(), name="import_status"),
    path("<slug:organisation>/imports/<int:pk>/retry/", views.ImportRetryView.as_view(), name="import_retry"),
]

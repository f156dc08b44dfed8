from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("apprenticeships/<slug:slug>/", views.apprenticeship_detail, name="apprenticeship"),
    path("apprenticeships/<slug:slug>/apply/", views.apprenticeship_apply, name="apprenticeship_apply"),
    path("opportunities/<slug:slug>/", views.opportunity_detail, name="opportunity"),
    path("opportunities/<slug:slug>/apply/", views.opportunity_apply, name="opportunity_apply"),
    path("employers/<slug:slug>/", views.employer_detail, name="employer"),
    # Why these are Django views and not a Wagtail page: careers/views.py, "Events".
    path("events/", views.events, name="events"),
    path("events/past/", views.past_events, name="past_events"),
    path("events/calendar.ics", views.events_calendar, name="events_calendar"),
    path("events/<int:page_id>/calendar.ics", views.event_calendar, name="event_calendar"),
]

"""The self-assessment and pathway plans under /pathways/."""

from django.urls import path

from . import views

app_name = "pathways"

urlpatterns = [
    path("", views.start, name="start"),
    path("start-again/", views.restart, name="restart"),
    path("questions/<slug:code>/", views.question, name="question"),
    path("check/", views.check, name="check"),
    path("plan/", views.plan, name="plan"),
    path("plan/save/", views.plan_save, name="plan_save"),
    path("plan/keep/", views.plan_keep, name="plan_keep"),
    path("plans/", views.saved_plans, name="saved_plans"),
    path("plans/<int:pk>/", views.saved_plan, name="saved_plan"),
    path("plans/<int:pk>/email/", views.saved_plan_email, name="saved_plan_email"),
    path("plans/<int:pk>/delete/", views.saved_plan_delete, name="saved_plan_delete"),
    path("plans/<int:pk>/notifications/", views.saved_plan_notifications, name="saved_plan_notifications"),
    path("p/<str:token>/", views.private_plan, name="private_plan"),
    path("p/<str:token>/email/", views.private_plan_email, name="private_plan_email"),
    path("p/<str:token>/delete/", views.private_plan_delete, name="private_plan_delete"),
    path("find/", views.find_plan, name="find_plan"),
]

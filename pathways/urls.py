"""The self-assessment and pathway plans under /pathways/."""

from django.urls import path

from .views import assessment, kept_plans, plans

app_name = "pathways"

urlpatterns = [
    path("", assessment.start, name="start"),
    path("start-again/", assessment.restart, name="restart"),
    path("questions/<slug:code>/", assessment.question, name="question"),
    path("check/", assessment.check, name="check"),
    path("plan/", plans.plan, name="plan"),
    path("plan/save/", plans.plan_save, name="plan_save"),
    path("plan/keep/", plans.plan_keep, name="plan_keep"),
    path("plans/", kept_plans.saved_plans, name="saved_plans"),
    path("plans/<int:pk>/", kept_plans.saved_plan, name="saved_plan"),
    path("plans/<int:pk>/email/", kept_plans.saved_plan_email, name="saved_plan_email"),
    path("plans/<int:pk>/delete/", kept_plans.saved_plan_delete, name="saved_plan_delete"),
    path("plans/<int:pk>/notifications/", kept_plans.saved_plan_notifications, name="saved_plan_notifications"),
    path("p/<str:token>/", kept_plans.private_plan, name="private_plan"),
    path("p/<str:token>/email/", kept_plans.private_plan_email, name="private_plan_email"),
    path("p/<str:token>/delete/", kept_plans.private_plan_delete, name="private_plan_delete"),
    path("find/", kept_plans.find_plan, name="find_plan"),
]

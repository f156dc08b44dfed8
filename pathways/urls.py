"""The self-assessment and pathway plans under /pathways/."""

from django.urls import path

from .views import assessment, helpers, kept_plans, plans

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
    path("helping/", helpers.helping, name="helping"),
    path("helping/<slug:organisation>/", helpers.helped_list, name="helped_list"),
    path("helping/<slug:organisation>/start/", helpers.help_start, name="help_start"),
    path("helping/<slug:organisation>/keep/", helpers.helped_keep, name="helped_keep"),
    path("helping/<slug:organisation>/people/<int:pk>/", helpers.helped_person, name="helped_person"),
    path("helping/<slug:organisation>/people/<int:pk>/print/", helpers.helped_print, name="helped_print"),
    path("helping/<slug:organisation>/people/<int:pk>/answers/", helpers.helped_reassess, name="helped_reassess"),
    path("helping/<slug:organisation>/people/<int:pk>/update/", helpers.helped_update, name="helped_update"),
    path("helping/<slug:organisation>/people/<int:pk>/remove/", helpers.helped_remove, name="helped_remove"),
]

"""Kept plans: opened from the account, a private link or a reference code; emailed, deleted, or followed for news."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.limits import Attempt, client_address

from .. import limits, selectors, services
from ..forms import EmailPlanForm, FindPlanForm
from ..models import PathwayPlan
from .plans import private

SESSION_UNLOCKED = "pathways_unlocked_plans"


def _too_many(request, attempt: Attempt):
    response = render(request, "pathways/too_many.html", status=429)
    response["Retry-After"] = str(attempt.retry_after)
    return response


def _plan_by_pk(request, pk) -> tuple[PathwayPlan, str]:
    """The person's own plan, or one they opened with its reference code in this session. Anything else does
    not exist, as far as they can tell."""
    plan = PathwayPlan.objects.filter(pk=pk).select_related("user").first()
    if plan and request.user.is_authenticated and plan.user_id == request.user.pk:
        return plan, "account"
    if plan and plan.user_id is None and pk in request.session.get(SESSION_UNLOCKED, []):
        return plan, "reference"
    raise Http404("No such plan")


def _plan_by_token(request, token) -> tuple[PathwayPlan | None, HttpResponse | None]:
    """The plan behind a private link, or the refusal to look: each wrong link counts against the client, and
    past the limit even a right one is refused, so links cannot be tried one after another."""
    attempt = limits.LINK_BY_CLIENT.consume(client_address(request))
    if not attempt.allowed:
        return None, _too_many(request, attempt)
    plan = selectors.plan_for_token(token=token)
    if plan is None:
        raise Http404("No such plan")
    attempt.refund()
    return plan, None


def _render_saved(request, saved: PathwayPlan, via: str, *, email_form=None, status=200):
    plan_data, new = services.pathway_plan_refresh(plan=saved, bank=selectors.question_bank())
    services.pathway_plan_open(plan=saved)
    actions = reverse("pathways:private_plan", args=[saved.token]) if via == "link" else reverse("pathways:saved_plan", args=[saved.pk])
    context = {
        "plan": plan_data,
        "saved": saved,
        "via": via,
        "new_ids": {opportunity["id"] for opportunity in new},
        "email_form": email_form or EmailPlanForm(),
        "actions": actions.rstrip("/"),
        "private_link": request.build_absolute_uri(actions) if via == "link" else "",
    }
    return private(render(request, "pathways/saved_plan.html", context, status=status))


@require_GET
def saved_plan(request, pk):
    saved, via = _plan_by_pk(request, pk)
    return _render_saved(request, saved, via)


@require_GET
def private_plan(request, token):
    saved, refusal = _plan_by_token(request, token)
    return refusal or _render_saved(request, saved, "link")


def _email(request, saved: PathwayPlan, via: str):
    if via == "account":
        to = request.user.email
    else:
        form = EmailPlanForm(request.POST)
        if not form.is_valid():
            return _render_saved(request, saved, via, email_form=form)
        to = form.cleaned_data["email"]
    if not (
        limits.EMAIL_BY_CLIENT.consume(client_address(request)).allowed
        and limits.EMAIL_BY_PLAN.consume(str(saved.pk)).allowed
    ):
        messages.error(request, gettext("This plan has been emailed several times already. Try again tomorrow."))
    elif services.pathway_plan_email_send(plan=saved, to=to, include_link=via == "link"):
        messages.success(request, gettext("We are sending your plan to %(email)s. It can take a few minutes to arrive.") % {"email": to})
    else:
        messages.error(request, gettext("We could not send the email just now. Try again in a few minutes."))
    return redirect(request.path.removesuffix("email/"))


def _delete(request, saved: PathwayPlan):
    services.pathway_plan_delete(plan=saved)
    messages.success(request, gettext("Your plan has been deleted."))
    return redirect("pathways:start")


@require_POST
def saved_plan_email(request, pk):
    return _email(request, *_plan_by_pk(request, pk))


@require_POST
def private_plan_email(request, token):
    saved, refusal = _plan_by_token(request, token)
    return refusal or _email(request, saved, "link")


@require_POST
def saved_plan_delete(request, pk):
    saved, _ = _plan_by_pk(request, pk)
    return _delete(request, saved)


@require_POST
def private_plan_delete(request, token):
    saved, refusal = _plan_by_token(request, token)
    return refusal or _delete(request, saved)


@require_POST
def saved_plan_notifications(request, pk):
    saved, via = _plan_by_pk(request, pk)
    if via != "account":
        raise Http404("No such plan")
    on = request.POST.get("notify") == "on"
    services.pathway_plan_notifications_set(plan=saved, on=on)
    if on:
        messages.success(request, gettext("We will email you when new courses or jobs match your plan."))
    else:
        messages.success(request, gettext("We will not email you about new matches."))
    return redirect("pathways:saved_plan", pk=saved.pk)


@login_required
@require_GET
def saved_plans(request):
    return render(request, "pathways/saved_plans.html", {"plans": selectors.plans_for_user(user=request.user)})


@require_http_methods(["GET", "POST"])
def find_plan(request):
    """A careers adviser (or the resident) opens a kept plan with its reference code and postcode."""
    form = FindPlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        by_client = limits.FIND_BY_CLIENT.consume(client_address(request))
        if not by_client.allowed:
            return _too_many(request, by_client)
        if not form.is_valid():
            by_client.refund()  # a missing answer is not a guess
        else:
            reference, outcode = form.cleaned_data["reference"], form.cleaned_data["outcode"]
            by_reference = limits.FIND_BY_REFERENCE.consume(reference) if reference else None
            if by_reference and not by_reference.allowed:
                return _too_many(request, by_reference)
            found = selectors.plan_for_reference(reference=reference, outcode=outcode)
            if found:
                by_client.refund()
                if by_reference:
                    by_reference.refund()
                request.session[SESSION_UNLOCKED] = [*request.session.get(SESSION_UNLOCKED, []), found.pk][-20:]
                return redirect("pathways:saved_plan", pk=found.pk)
            form.add_error(None, gettext("We could not find a plan with that reference code and postcode. Check both and try again."))
    return private(render(request, "pathways/find.html", {"form": form}))

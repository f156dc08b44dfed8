"""The plan from the answers in the session, and keeping it: in the person's account or behind a private link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..answers import Answers
from ..forms import HelperKeepForm, KeepForm
from ..planning import plan_for
from .assessment import Helping, completed_answers, helping_now


def private(response):
    """Pages that show someone's plan: never cached or indexed, and their address (which may hold the private
    link) never sent on as a referrer. Not "no-referrer": Chromium then sends "Origin: null" with the page's
    own forms, and CSRF protection rightly refuses them."""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "strict-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render_session_plan(request, bank, data, *, keep_form=None, helping: Helping | None = None, helper_form=None, status=200):
    """The plan page. A digital helper sees how to keep the plan in their organisation's list (or update the
    record they reopened) instead of the ways a resident keeps it for themselves."""
    answers = Answers.from_dict(data)
    plan = plan_for(bank=bank, answers=answers)
    helping = helping or helping_now(request)
    context = {"plan": plan, "tiers": bank.tiers, "keep_form": keep_form or KeepForm(), "needs_outcode": not answers.postcode}
    if helping:
        context["helping"] = helping
        if helping.record is None:
            context["helper_form"] = helper_form or HelperKeepForm(organisation=helping.organisation, initial={"outcode": answers.postcode})
    return private(render(request, "pathways/plan.html", context, status=status))


@require_GET
def plan(request):
    bank, data, _, incomplete = completed_answers(request)
    return incomplete or render_session_plan(request, bank, data)


@login_required
@require_POST
def plan_save(request):
    bank, data, _, incomplete = completed_answers(request)
    if incomplete:
        return incomplete
    answers = Answers.from_dict(data)
    saved = services.pathway_plan_save(user=request.user, answers=answers, plan_data=plan_for(bank=bank, answers=answers))
    messages.success(request, gettext("Your plan is saved in your account."))
    return redirect("pathways:saved_plan", pk=saved.pk)


@require_POST
def plan_keep(request):
    bank, data, _, incomplete = completed_answers(request)
    if incomplete:
        return incomplete
    form = KeepForm(request.POST)
    if not form.is_valid():
        return render_session_plan(request, bank, data, keep_form=form)
    answers = Answers.from_dict(data)
    kept = services.pathway_plan_keep(
        answers=answers,
        plan_data=plan_for(bank=bank, answers=answers),
        check_outcode=answers.postcode or form.cleaned_data["outcode"],
    )
    messages.success(request, gettext("Your plan is kept. Save the private link or write down the reference code to come back to it."))
    return redirect("pathways:private_plan", token=kept.token)

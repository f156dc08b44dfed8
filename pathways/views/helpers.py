"""Digital helpers at partner organisations: they run the questions with a resident, keep the plan in their
organisation's "People we helped" list with the resident's consent, print it and reopen it at the next visit.

Only active members of a verified partner organisation get here; to anyone else, including helpers of another
organisation, the list and its records do not exist (404).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Organisation
from accounts.selectors import helper_organisations, organisations_of

from .. import selectors, services
from ..answers import Answers
from ..forms import HelperKeepForm
from ..models import HelpedResident
from ..planning import plan_for
from .assessment import Helping, completed_answers, help_begin, help_end
from .plans import private, render_session_plan


def _organisation(request, slug) -> Organisation:
    organisation = helper_organisations(user=request.user).filter(slug=slug).first()
    if organisation is None:
        raise Http404("No such list")
    return organisation


def _record(request, slug, pk) -> HelpedResident:
    record = selectors.helped_residents(organisation=_organisation(request, slug)).filter(pk=pk).first()
    if record is None:
        raise Http404("No such person")
    return record


@login_required
@require_GET
def helping(request):
    """The navigation's "People we helped": straight to the list, or why there is none yet."""
    organisations = list(helper_organisations(user=request.user))
    if len(organisations) == 1:
        return redirect("pathways:helped_list", organisation=organisations[0].slug)
    waiting = organisations_of(user=request.user).filter(kind=Organisation.Kind.PARTNER, verified_at__isnull=True)
    context = {"organisations": organisations, "waiting": list(waiting)}
    return render(request, "pathways/helpers/choose.html", context, status=200 if organisations else 403)


@login_required
@require_GET
def helped_list(request, organisation):
    organisation = _organisation(request, organisation)
    people = selectors.helped_residents(organisation=organisation)
    return private(render(request, "pathways/helpers/list.html", {"organisation": organisation, "people": people}))


@login_required
@require_POST
def help_start(request, organisation):
    help_begin(request, organisation=_organisation(request, organisation))
    return redirect("pathways:start")


@login_required
@require_POST
def helped_keep(request, organisation):
    organisation = _organisation(request, organisation)
    bank, data, _, incomplete = completed_answers(request)
    if incomplete:
        return incomplete
    form = HelperKeepForm(request.POST, organisation=organisation)
    if not form.is_valid():
        return render_session_plan(request, bank, data, helping=Helping(organisation), helper_form=form)
    answers = Answers.from_dict(data)
    record = services.helped_resident_keep(
        organisation=organisation,
        by=request.user,
        answers=answers,
        plan_data=plan_for(bank=bank, answers=answers),
        name=form.cleaned_data["name"],
        outcode=form.cleaned_data["outcode"],
    )
    help_end(request)
    messages.success(request, f"{record.name}’s plan is kept in {organisation.name}’s list. Print it for them before they go.")
    return redirect("pathways:helped_person", organisation=organisation.slug, pk=record.pk)


def _render_record(request, record: HelpedResident, template: str):
    plan_data, new = services.pathway_plan_refresh(plan=record.plan, bank=selectors.question_bank())
    services.pathway_plan_open(plan=record.plan)
    context = {
        "record": record,
        "organisation": record.organisation,
        "plan": plan_data,
        "new_ids": {opportunity["id"] for opportunity in new},
    }
    return private(render(request, template, context))


@login_required
@require_GET
def helped_person(request, organisation, pk):
    return _render_record(request, _record(request, organisation, pk), "pathways/helpers/person.html")


@login_required
@require_GET
def helped_print(request, organisation, pk):
    return _render_record(request, _record(request, organisation, pk), "pathways/helpers/print.html")


@login_required
@require_POST
def helped_reassess(request, organisation, pk):
    """At the next visit: the resident's last answers come back, to change what has changed."""
    record = _record(request, organisation, pk)
    help_begin(request, organisation=record.organisation, record=record)
    return redirect("pathways:check")


@login_required
@require_POST
def helped_update(request, organisation, pk):
    record = _record(request, organisation, pk)
    bank, data, _, incomplete = completed_answers(request)
    if incomplete:
        return incomplete
    answers = Answers.from_dict(data)
    services.helped_resident_update(record=record, by=request.user, answers=answers, plan_data=plan_for(bank=bank, answers=answers))
    help_end(request)
    messages.success(request, f"{record.name}’s plan is updated with today’s answers.")
    return redirect("pathways:helped_person", organisation=record.organisation.slug, pk=record.pk)


@login_required
@require_http_methods(["GET", "POST"])
def helped_remove(request, organisation, pk):
    """The resident withdrew their consent: their plan and record are deleted."""
    record = _record(request, organisation, pk)
    if request.method == "POST":
        name, organisation = record.name, record.organisation
        services.helped_resident_delete(record=record, by=request.user)
        messages.success(request, f"{name}’s plan and details are deleted.")
        return redirect("pathways:helped_list", organisation=organisation.slug)
    return private(render(request, "pathways/helpers/remove.html", {"record": record, "organisation": record.organisation}))

"""The self-assessment (one question a page, answers kept in the session), the plan, and kept plans.

No answers leave the session unless the person chooses to keep the plan. For people who are not signed in,
the session ends when the browser closes, so a shared computer does not show the next person their answers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.limits import Attempt, client_address

from . import flow, limits, selectors, services
from .answers import OPTIONAL, Answers
from .forms import CheckboxesForm, EmailPlanForm, FindPlanForm, KeepForm, PostcodeForm, RadiosForm
from .models import PathwayPlan, Question
from .planning import build_plan

SESSION_ANSWERS = "pathways_answers"
SESSION_UNLOCKED = "pathways_unlocked_plans"
NONE_LABELS = {Question.Kind.STATEMENTS: "None of these yet", Question.Kind.INTERESTS: "None of these right now"}


def _answers_data(request) -> dict:
    data = request.session.get(SESSION_ANSWERS)
    if not isinstance(data, dict) or not isinstance(data.get("skills"), dict):
        return {"skills": {}}
    return data


def _store(request, data: dict) -> None:
    request.session[SESSION_ANSWERS] = data
    if not request.user.is_authenticated:
        request.session.set_expiry(0)


def _private(response):
    """Pages that show someone's plan: never cached or indexed, and their address (which may hold the private
    link) never sent on as a referrer. Not "no-referrer": Chromium then sends "Origin: null" with the page's
    own forms, and CSRF protection rightly refuses them."""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "strict-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _question_url(page: flow.QuestionPage, *, change: bool = False) -> str:
    url = reverse("pathways:question", args=[page.code])
    return f"{url}?change=1" if change else url


def _too_many(request, attempt: Attempt):
    response = render(request, "pathways/too_many.html", status=429)
    response["Retry-After"] = str(attempt.retry_after)
    return response


# The self-assessment -------------------------------------------------------------------------------


@require_GET
def start(request):
    bank = selectors.question_bank()
    data = _answers_data(request)
    found = flow.pages(bank, data)
    started = bool(data["skills"])
    return render(
        request,
        "pathways/start.html",
        {
            "first_url": _question_url(found[0]),
            "started": started,
            "resume": flow.first_unanswered(found, data) if started else None,
            "question_count": len(found),
        },
    )


@require_POST
def restart(request):
    request.session.pop(SESSION_ANSWERS, None)
    return redirect("pathways:start")


def _form(page: flow.QuestionPage, bank, data: dict, post):
    if page.skills:
        options = bank.options(page.skills)
        initial = data["skills"].get(page.code)
        return CheckboxesForm(
            post,
            options=options,
            none_label=NONE_LABELS[page.skills.kind],
            initial={"answer": initial or (["none"] if initial == [] else [])},
        )
    initial = {"answer": "" if data.get(page.code) is None else str(data[page.code])}
    if page.code == "postcode":
        return PostcodeForm(post, initial=initial)
    return RadiosForm(post, options=page.optional.options, initial=initial)


def _record(data: dict, page: flow.QuestionPage, value) -> None:
    if page.skills:
        data["skills"][page.code] = value
    elif page.code == "travel":
        data["travel"] = int(value) if value else ""
    else:
        data[page.code] = value
        if page.code == "postcode" and not value:
            data.pop("travel", None)


@require_http_methods(["GET", "POST"])
def question(request, code):
    bank = selectors.question_bank()
    data = _answers_data(request)
    found = flow.pages(bank, data)
    index = next((number for number, page in enumerate(found) if page.code == code), None)
    if index is None:
        if bank.question(code) is None and code not in OPTIONAL:
            raise Http404("There is no such question")
        # A question this person is not asked (any more), given their answers so far.
        target = flow.first_unanswered(found, data)
        return redirect(_question_url(target) if target else reverse("pathways:check"))
    page = found[index]
    changing = request.GET.get("change") == "1"
    form = _form(page, bank, data, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _record(data, page, form.cleaned_data["answer"])
        _store(request, data)
        found = flow.pages(bank, data)
        if changing:
            target = flow.first_unanswered(found, data)
        else:
            position = next(number for number, other in enumerate(found) if other.code == page.code)
            target = found[position + 1] if position + 1 < len(found) else None
        return redirect(_question_url(target) if target else reverse("pathways:check"))

    if changing:
        back = reverse("pathways:check")
    elif index:
        back = _question_url(found[index - 1])
    else:
        back = reverse("pathways:start")
    area = bank.areas.get(page.skills.area) if page.skills else None
    return render(
        request,
        "pathways/question.html",
        {
            "page": page,
            "form": form,
            "options": bank.options(page.skills) if page.skills else [(value, label, "") for value, label in page.optional.options],
            "caption": area.title if area else ("Digital jobs" if page.skills else "About you (optional)"),
            "hint": page.skills.hint if page.skills else page.optional.hint,
            "number": index + 1,
            "count": len(found),
            "back": back,
            "changing": changing,
        },
    )


def _answer_text(page: flow.QuestionPage, bank, data: dict) -> list[str]:
    if page.skills:
        labels = dict((value, label) for value, label, _ in bank.options(page.skills))
        chosen = [labels[value] for value in data["skills"].get(page.code, []) if value in labels]
        return chosen or [NONE_LABELS[page.skills.kind]]
    value = data.get(page.code)
    if value in ("", None):
        return ["Not answered"]
    return [dict(page.optional.options).get(str(value), str(value))]


def _complete_or_redirect(bank, data):
    found = flow.pages(bank, data)
    missing = flow.first_unanswered(found, data, skills_only=True)
    return found, (redirect(_question_url(missing)) if missing else None)


@require_GET
def check(request):
    bank = selectors.question_bank()
    data = _answers_data(request)
    found, incomplete = _complete_or_redirect(bank, data)
    if incomplete:
        return incomplete
    rows = [(page, _answer_text(page, bank, data), _question_url(page, change=True)) for page in found]
    return render(request, "pathways/check.html", {"rows": rows, "back": _question_url(found[-1])})


def _render_session_plan(request, bank, data, *, keep_form=None, status=200):
    answers = Answers.from_dict(data)
    plan = build_plan(bank=bank, answers=answers).as_dict()
    context = {"plan": plan, "tiers": bank.tiers, "keep_form": keep_form or KeepForm(), "needs_outcode": not answers.postcode}
    return _private(render(request, "pathways/plan.html", context, status=status))


@require_GET
def plan(request):
    bank = selectors.question_bank()
    data = _answers_data(request)
    _, incomplete = _complete_or_redirect(bank, data)
    return incomplete or _render_session_plan(request, bank, data)


@login_required
@require_POST
def plan_save(request):
    bank = selectors.question_bank()
    data = _answers_data(request)
    _, incomplete = _complete_or_redirect(bank, data)
    if incomplete:
        return incomplete
    answers = Answers.from_dict(data)
    saved = services.pathway_plan_save(user=request.user, answers=answers, plan_data=build_plan(bank=bank, answers=answers).as_dict())
    messages.success(request, "Your plan is saved in your account.")
    return redirect("pathways:saved_plan", pk=saved.pk)


@require_POST
def plan_keep(request):
    bank = selectors.question_bank()
    data = _answers_data(request)
    _, incomplete = _complete_or_redirect(bank, data)
    if incomplete:
        return incomplete
    form = KeepForm(request.POST)
    if not form.is_valid():
        return _render_session_plan(request, bank, data, keep_form=form)
    answers = Answers.from_dict(data)
    kept = services.pathway_plan_keep(
        answers=answers,
        plan_data=build_plan(bank=bank, answers=answers).as_dict(),
        check_outcode=answers.postcode or form.cleaned_data["outcode"],
    )
    messages.success(request, "Your plan is kept. Save the private link or write down the reference code to come back to it.")
    return redirect("pathways:private_plan", token=kept.token)


# Kept plans ----------------------------------------------------------------------------------------


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
    return _private(render(request, "pathways/saved_plan.html", context, status=status))


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
        messages.error(request, "This plan has been emailed several times already. Try again tomorrow.")
    elif services.pathway_plan_email_send(plan=saved, to=to, include_link=via == "link"):
        messages.success(request, f"We are sending your plan to {to}. It can take a few minutes to arrive.")
    else:
        messages.error(request, "We could not send the email just now. Try again in a few minutes.")
    return redirect(request.path.removesuffix("email/"))


def _delete(request, saved: PathwayPlan):
    services.pathway_plan_delete(plan=saved)
    messages.success(request, "Your plan has been deleted.")
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
    messages.success(request, "We will email you when new courses or jobs match your plan." if on else "We will not email you about new matches.")
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
            form.add_error(None, "We could not find a plan with that reference code and postcode. Check both and try again.")
    return _private(render(request, "pathways/find.html", {"form": form}))

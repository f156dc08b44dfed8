"""The self-assessment: one question a page, the answers kept in the session, then the answers shown back."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Organisation
from accounts.selectors import helper_organisations

from .. import flow, selectors
from ..answers import OPTIONAL
from ..forms import CheckboxesForm, PostcodeForm, RadiosForm
from ..models import HelpedResident, Question

SESSION_ANSWERS = "pathways_answers"
# A digital helper running the questions with a resident: which organisation, and the record being updated.
SESSION_HELPING = "pathways_helping"
NONE_LABELS = {Question.Kind.STATEMENTS: _("None of these yet"), Question.Kind.INTERESTS: _("None of these right now")}


def _answers_data(request) -> dict:
    data = request.session.get(SESSION_ANSWERS)
    if not isinstance(data, dict) or not isinstance(data.get("skills"), dict):
        return {"skills": {}}
    return data


def _store(request, data: dict) -> None:
    request.session[SESSION_ANSWERS] = data
    if not request.user.is_authenticated:
        request.session.set_expiry(0)


@dataclass(frozen=True)
class Helping:
    organisation: Organisation
    record: HelpedResident | None = None


def helping_now(request) -> Helping | None:
    """Whom this digital helper is helping, checked again on every page: membership and verification can end."""
    state = request.session.get(SESSION_HELPING)
    if not isinstance(state, dict) or not request.user.is_authenticated:
        return None
    organisation = helper_organisations(user=request.user).filter(slug=state.get("organisation")).first()
    if organisation is None:
        return None
    if not state.get("record"):
        return Helping(organisation)
    record = selectors.helped_residents(organisation=organisation).filter(pk=state["record"]).first()
    return Helping(organisation, record) if record else None


def help_begin(request, *, organisation: Organisation, record: HelpedResident | None = None) -> None:
    """Start the questions for a resident: the previous person's answers go, or the record's come back."""
    request.session[SESSION_ANSWERS] = record.plan.answers if record else {"skills": {}}
    request.session[SESSION_HELPING] = {"organisation": organisation.slug, "record": record.pk if record else None}


def help_end(request) -> None:
    """The plan is kept: nothing of this resident stays in the helper's session for the next person to see."""
    request.session.pop(SESSION_ANSWERS, None)
    request.session.pop(SESSION_HELPING, None)


def question_url(page: flow.QuestionPage, *, change: bool = False) -> str:
    url = reverse("pathways:question", args=[page.code])
    return f"{url}?change=1" if change else url


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
            "first_url": question_url(found[0]),
            "started": started,
            "resume": flow.first_unanswered(found, data) if started else None,
            "question_count": len(found),
            "helping": helping_now(request),
        },
    )


@require_POST
def restart(request):
    help_end(request)
    return redirect("pathways:start")


def _form(page: flow.QuestionPage, bank, data: dict, post):
    if page.skills:
        options = bank.options(page.skills)
        initial = data["skills"].get(page.code)
        return CheckboxesForm(
            post,
            options=options,
            none_label=str(NONE_LABELS[page.skills.kind]),
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
        return redirect(question_url(target) if target else reverse("pathways:check"))
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
        return redirect(question_url(target) if target else reverse("pathways:check"))

    if changing:
        back = reverse("pathways:check")
    elif index:
        back = question_url(found[index - 1])
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
            "caption": area.title if area else (gettext("Digital jobs") if page.skills else gettext("About you (optional)")),
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
        return chosen or [str(NONE_LABELS[page.skills.kind])]
    value = data.get(page.code)
    if value in ("", None):
        return [gettext("Not answered")]
    return [dict(page.optional.options).get(str(value), str(value))]


def completed_answers(request):
    """The question bank, the session's answers and the questions asked; and, while a question everyone is
    asked has no answer, the redirect to it."""
    bank = selectors.question_bank()
    data = _answers_data(request)
    found = flow.pages(bank, data)
    missing = flow.first_unanswered(found, data, skills_only=True)
    return bank, data, found, (redirect(question_url(missing)) if missing else None)


@require_GET
def check(request):
    bank, data, found, incomplete = completed_answers(request)
    if incomplete:
        return incomplete
    rows = [(page, _answer_text(page, bank, data), question_url(page, change=True)) for page in found]
    context = {"rows": rows, "back": question_url(found[-1]), "helping": helping_now(request)}
    return render(request, "pathways/check.html", context)

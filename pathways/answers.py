"""A person's answers, in one shape for the pages (kept in the session), the API and saved plans:

    {"skills": {"<question code>": ["<statement code>", …], "interests": ["ADV-DATA"]},
     "postcode": "LS6", "travel": 5, "cost": "free", "learning": "in_person", "age": "19-23", "goal": "first-job",
     "situation": "redundant"}

Only "skills" is needed. A postcode is cut to its first part (the outcode) before it is kept anywhere.
The optional questions drive the search for opportunities, so they are defined here, in code; the skills
questions are data that editors change (models/assessment.py).
"""

from dataclasses import dataclass, field

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from places.postcodes import PostcodeError, locate

from .models.assessment import Question
from .placement import Bank


@dataclass(frozen=True)
class OptionalQuestion:
    code: str
    heading: str
    hint: str
    options: tuple[tuple[str, str], ...] = ()  # (value, label); none for the postcode, which is typed


TRAVEL_MILES = (1, 3, 5, 10, 25)


def _up_to(miles: int) -> str:
    return ngettext("Up to %(miles)d mile", "Up to %(miles)d miles", miles) % {"miles": miles}


# The options are made when the module loads, but shown in each resident's language.
_up_to_miles = lazy(_up_to, str)

OPTIONAL_QUESTIONS = (
    OptionalQuestion(
        "postcode",
        _("What is your postcode?"),
        _("We use it to find things near you. The first part, like LS6, is enough. We only keep the first part."),
    ),
    OptionalQuestion(
        "travel",
        _("How far can you travel?"),
        _("Think about how you would get there, like walking or the bus."),
        tuple((str(miles), _up_to_miles(miles)) for miles in TRAVEL_MILES),
    ),
    OptionalQuestion(
        "cost",
        _("Do you need free or funded options?"),
        _("Funded means someone else pays, like the council or an employer."),
        (("free", _("Yes, I need free or funded options")), ("any", _("No, I could pay for the right course"))),
    ),
    OptionalQuestion(
        "learning",
        _("How would you like to learn?"),
        "",
        (("in_person", _("In person, with other people")), ("online", _("Online, from where I am")), ("either", _("Either is fine"))),
    ),
    OptionalQuestion(
        "age",
        _("How old are you?"),
        _("Some help is free only at certain ages."),
        (
            ("under-16", _("Under 16")),
            ("16-18", _("16 to 18")),
            ("19-23", _("19 to 23")),
            ("24-plus", _("24 or over")),
            ("not-say", _("I'd rather not say")),
        ),
    ),
    OptionalQuestion(
        "goal",
        _("What do you want digital skills for?"),
        "",
        (
            ("everyday", _("Everyday life, like keeping in touch, shopping and services")),
            ("first-job", _("Getting my first job")),
            ("better-job", _("Getting a better job, or getting on in my job")),
            ("change-career", _("Changing career into digital work")),
        ),
    ),
    OptionalQuestion(
        "situation",
        _("Which of these describes your situation best?"),
        _("If your work is changing, or you are coming back after a break, we add a step about changing careers."),
        (
            ("working", _("Working")),
            ("job-at-risk", _("Working, but my job is changing or at risk")),
            ("redundant", _("I have been made redundant")),
            ("returning", _("Coming back to work after a break, such as caring for family")),
            ("looking", _("Looking for work")),
            ("education", _("In education or training")),
            ("not-say", _("I'd rather not say")),
        ),
    ),
)
OPTIONAL = {question.code: question for question in OPTIONAL_QUESTIONS}
FIELDS = ("skills", *OPTIONAL)
WORK_GOALS = {"first-job", "better-job", "change-career"}
# Situations whose plan has a step about changing careers (planning.change_careers_step).
CHANGING_CAREER = {"job-at-risk", "redundant", "returning"}
# The optional questions answered by choosing one option (the postcode is typed; the miles are a number).
CHOICE_QUESTIONS = ("cost", "learning", "age", "goal", "situation")


@dataclass(frozen=True)
class Answers:
    skills: dict[str, list[str]] = field(default_factory=dict)
    postcode: str = ""  # the outcode only, like "LS6"
    travel: int | None = None
    cost: str = ""
    learning: str = ""
    age: str = ""
    goal: str = ""
    situation: str = ""

    def as_dict(self) -> dict:
        """The API's shape, leaving out what was not answered."""
        data = {"skills": {code: list(values) for code, values in self.skills.items()}}
        for name in OPTIONAL:
            value = getattr(self, name)
            if value not in ("", None):
                data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Answers":
        """From the session or a saved plan: already checked when it was stored."""
        travel = data.get("travel")
        return cls(
            skills={str(code): [str(value) for value in values] for code, values in (data.get("skills") or {}).items()},
            postcode=data.get("postcode") or "",
            travel=int(travel) if travel not in ("", None) else None,
            **{name: data.get(name) or "" for name in CHOICE_QUESTIONS},
        )


def outcode_of(text: str) -> str:
    """The first part of a postcode we cover; raises PostcodeError with a message for the person."""
    return locate(text).district.outcode


def _shown(value) -> str:
    """A value someone sent, safe and short enough to quote back in a message."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(character if character.isprintable() else "?" for character in text)
    return text if len(text) <= 40 else f"{text[:37]}…"


def _clean_skills(skills, bank: Bank, problems: dict) -> dict[str, list[str]]:
    if skills is None:
        problems["skills"] = ["Send the skills answers: each question's code with a list of the statements the person can do"]
        return {}
    if not isinstance(skills, dict):
        problems["skills"] = ['Send the skills answers as an object, like {"using-a-device": ["turn-on-device"]}']
        return {}
    cleaned = {}
    for code, values in skills.items():
        question = bank.question(code)
        name = f"skills.{_shown(code)}"
        if question is None:
            problems[name] = [f"There is no question with this code. The questions are: {', '.join(q.code for q in bank.questions)}"]
        elif not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            problems[name] = ["Send a list of codes, or an empty list if the person can do none of them"]
        else:
            offered = [value for value, _, _ in bank.options(question)]
            wrong = [value for value in values if value not in offered]
            if wrong:
                problems[name] = [f"“{_shown(value)}” is not an answer to this question. Its answers are: {', '.join(offered)}" for value in wrong[:5]]
            else:
                cleaned[code] = list(dict.fromkeys(values))
    missing = [q.code for q in bank.questions if q.shown_when == Question.ShownWhen.ALWAYS and q.code not in skills]
    if missing:
        problems.setdefault("skills", []).append(f"Answer every question that everyone is asked. Missing: {', '.join(missing)}")
    return cleaned


def clean_answers(data, bank: Bank) -> tuple[Answers | None, dict[str, list[str]]]:
    """Check answers from outside (the API): (answers, {}) or (None, {field: [messages]}), every problem listed."""
    if not isinstance(data, dict):
        return None, {"answers": ['Send the answers as a JSON object, like {"skills": {…}}']}
    problems: dict[str, list[str]] = {}
    for name in sorted(set(data) - set(FIELDS), key=str)[:10]:
        problems[_shown(name)] = [f"We do not know this answer. Send only these: {', '.join(FIELDS)}"]
    skills = _clean_skills(data.get("skills"), bank, problems)

    values = {}
    postcode = data.get("postcode")
    if postcode not in (None, ""):
        if not isinstance(postcode, str):
            problems["postcode"] = ["Send the postcode as text, like “LS1 4AP” or “LS1”"]
        else:
            try:
                values["postcode"] = outcode_of(postcode)
            except PostcodeError as error:
                problems["postcode"] = [str(error)]
    travel = data.get("travel")
    if travel is not None:
        if isinstance(travel, bool) or not isinstance(travel, int) or travel not in TRAVEL_MILES:
            problems["travel"] = [f"Send the miles as one of these numbers: {', '.join(map(str, TRAVEL_MILES))}"]
        elif postcode in (None, ""):
            problems["travel"] = ["Send a postcode too: we measure the distance from it"]
        else:
            values["travel"] = travel
    for name in CHOICE_QUESTIONS:
        value = data.get(name)
        if value is None:
            continue
        choices = [choice for choice, _ in OPTIONAL[name].options]
        if value not in choices:
            problems[name] = [f"“{_shown(value)}” is not an answer to this question. Its answers are: {', '.join(choices)}"]
        else:
            values[name] = value
    if problems:
        return None, problems
    return Answers(skills=skills, **values), {}

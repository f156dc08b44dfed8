"""The order of the self-assessment's pages for one person: the skills questions they are asked, then the
optional questions (how far they can travel only once they gave a postcode)."""

from dataclasses import dataclass

from .answers import OPTIONAL_QUESTIONS, OptionalQuestion
from .placement import Bank, QuestionInfo, asked_questions


@dataclass(frozen=True)
class QuestionPage:
    code: str
    skills: QuestionInfo | None = None  # a skills question
    optional: OptionalQuestion | None = None  # or an optional one

    @property
    def heading(self) -> str:
        return self.skills.heading if self.skills else self.optional.heading


def pages(bank: Bank, data: dict) -> list[QuestionPage]:
    """data is the session's answers: {"skills": {...}, "postcode": "LS6", ...}; a key is there once answered,
    even if the answer was to skip."""
    found = [QuestionPage(question.code, skills=question) for question in asked_questions(bank, data.get("skills", {}))]
    found += [
        QuestionPage(question.code, optional=question)
        for question in OPTIONAL_QUESTIONS
        if question.code != "travel" or data.get("postcode")
    ]
    return found


def is_answered(page: QuestionPage, data: dict) -> bool:
    return page.code in data.get("skills", {}) if page.skills else page.code in data


def first_unanswered(found: list[QuestionPage], data: dict, *, skills_only: bool = False) -> QuestionPage | None:
    return next((page for page in found if (page.skills or not skills_only) and not is_answered(page, data)), None)

"""Answers in the API's shape, built from the seeded question bank."""

FOUNDATION = {
    "using-a-device": ["turn-on-device", "use-controls", "change-settings", "open-apps"],
    "getting-online": ["know-internet", "connect-wifi", "open-website", "keep-passwords-private", "change-password"],
}
ESSENTIAL_AREAS = ["communicating", "information", "transacting", "problem-solving", "staying-safe"]
NOTHING_TICKED = {code: [] for code in [*FOUNDATION, *ESSENTIAL_AREAS]}


def skills(**ticked) -> dict:
    """Every question everyone is asked, answered: nothing ticked unless given (use_underscores for hyphens)."""
    return {**NOTHING_TICKED, **{code.replace("_", "-"): values for code, values in ticked.items()}}


def with_foundation(**ticked) -> dict:
    """Every foundation skill, and what else is given."""
    return skills(**{"using_a_device": FOUNDATION["using-a-device"], "getting_online": FOUNDATION["getting-online"], **ticked})


def statements_at(bank, question_code: str, *levels: str) -> list[str]:
    return [s.code for s in bank.question(question_code).statements if not levels or s.level in levels]

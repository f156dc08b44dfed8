"""The automated checks a posting passes before it reaches residents or a moderator.

- Problems stop publication and tell the poster what to change: required information missing, offensive,
  discriminatory or scam wording (data/banned_phrases.txt), an apprentice wage below the legal minimum, a
  web address a browser could read differently from us (external_urls.py).
- Flags let the posting through only after a moderator has looked: links to domains that are neither the
  poster's own website (as a moderator approved it) nor one we know (data/link_domains.txt).
- The completeness score (0 to 100) is advice: what would make the posting more useful to residents.
"""

import datetime
import html
import re
from dataclasses import dataclass, field
from decimal import ROUND_UP, Decimal
from functools import lru_cache
from pathlib import Path

from django.utils import timezone
from django.utils.html import strip_tags

from .external_urls import UnsafeURL, browser_host, is_within, known_link_domains

DATA = Path(__file__).resolve().parent / "data"

# The apprentice rate of the National Minimum Wage, per hour, from the date each took effect. Source: GOV.UK,
# "National Minimum Wage and National Living Wage rates", https://www.gov.uk/national-minimum-wage-rates
# (checked 26 November 2026; £8.00 from 1 April 2026). It is the least an apprentice under 19, or in the
# first year of an apprenticeship, may be paid, so no vacancy may advertise less. Add each April's rate
# when GOV.UK publishes it.
APPRENTICE_HOURLY_RATES = [
    (datetime.date(2024, 4, 1), Decimal("6.40")),
    (datetime.date(2025, 4, 1), Decimal("7.55")),
    (datetime.date(2026, 4, 1), Decimal("8.00")),
]
MINIMUM_WAGE_SOURCE = "https://www.gov.uk/national-minimum-wage-rates"


@dataclass(frozen=True)
class Finding:
    check: str  # "required", "language", "wage" or "links"
    message: str
    field: str = ""


@dataclass
class CheckReport:
    problems: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)
    score: int = 100
    advice: list[str] = field(default_factory=list)

    @property
    def problem_messages(self) -> list[str]:
        return [finding.message for finding in self.problems]

    @property
    def flag_messages(self) -> list[str]:
        return [finding.message for finding in self.flags]


def run_checks(item) -> CheckReport:
    score, advice = completeness(item)
    return CheckReport(
        problems=required_information(item) + language(item) + apprentice_wage(item) + unsafe_links(item),
        flags=links(item),
        score=score,
        advice=advice,
    )


# Required information ----------------------------------------------------------------------------


def required_information(item) -> list[Finding]:
    return [Finding("required", message) for message in item.publication_problems()]


# Completeness -------------------------------------------------------------------------------------


def completeness(item) -> tuple[int, list[str]]:
    """(score out of 100, advice for each missing part, the most valuable first)."""
    items = item.completeness_items()
    total = sum(points for points, _, _ in items)
    if not total:
        return 100, []
    done = sum(points for points, is_done, _ in items if is_done)
    missing = sorted(((points, advice) for points, is_done, advice in items if not is_done), key=lambda pair: -pair[0])
    return round(100 * done / total), [advice for _, advice in missing]


# Language -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhraseGroup:
    name: str
    explanation: str
    pattern: re.Pattern


def parse_phrase_groups(text: str) -> list[PhraseGroup]:
    groups, current = [], None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = re.match(r"^\[(?P<name>[\w-]+)\]\s*(?P<explanation>.*)$", line)
        if header:
            current = (header["name"], header["explanation"], [])
            groups.append(current)
        elif current is None:
            raise ValueError(f"banned phrases: {line!r} comes before any [group] line")
        else:
            current[2].append(line.lower())
    return [
        PhraseGroup(name, explanation, _whole_words(phrases)) for name, explanation, phrases in groups if phrases
    ]


def _whole_words(phrases: list[str]) -> re.Pattern:
    # Longest first, so "no experience earn" wins over a shorter phrase inside it; any run of spaces matches.
    alternatives = [r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def phrase_groups() -> list[PhraseGroup]:
    return parse_phrase_groups((DATA / "banned_phrases.txt").read_text(encoding="utf-8"))


def plain(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


_FIELD_WORDS = {"apply_url": "link to apply", "enquiry_url": "enquiry link", "how_to_apply": "how to apply text"}


def _field_label(item, name: str) -> str:
    return _FIELD_WORDS.get(name) or str(item._meta.get_field(name).verbose_name)


def language(item) -> list[Finding]:
    findings = []
    for name in item.checked_text_fields:
        text = plain(getattr(item, name, ""))
        for group in phrase_groups():
            found = sorted({match.group(0).lower() for match in group.pattern.finditer(text)})
            if found:
                quoted = ", ".join(f'"{phrase}"' for phrase in found)
                findings.append(
                    Finding("language", f"The {_field_label(item, name)} uses {quoted}. {group.explanation}", name)
                )
    return findings


# Apprentice wage ----------------------------------------------------------------------------------


def apprentice_minimum_hourly(on: datetime.date) -> tuple[datetime.date, Decimal]:
    """(the date the rate took effect, the hourly rate) in force on that day; the latest known after it."""
    in_force = [(start, rate) for start, rate in APPRENTICE_HOURLY_RATES if start <= on]
    return in_force[-1] if in_force else APPRENTICE_HOURLY_RATES[0]


def _pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def apprentice_wage(item) -> list[Finding]:
    if not item.pays_apprentice_wage or item.weekly_wage is None or not item.hours_per_week:
        return []
    # The wage must be legal from the day the apprentice starts (rates rise each April).
    on = max(timezone.localdate(), item.start_date or timezone.localdate())
    since, rate = apprentice_minimum_hourly(on)
    hours = Decimal(item.hours_per_week)
    least = (rate * hours).quantize(Decimal("0.01"), rounding=ROUND_UP)
    wage = Decimal(item.weekly_wage)
    if wage >= least:
        return []
    hourly = (wage / hours).quantize(Decimal("0.01"))
    return [
        Finding(
            "wage",
            f"The wage of {_pounds(wage)} for {hours.normalize():f} hours a week is {_pounds(hourly)} an hour. "
            f"Apprentices must be paid at least {_pounds(rate)} an hour (the apprentice rate of the National "
            f"Minimum Wage from {since.day} {since:%B %Y}, {MINIMUM_WAGE_SOURCE}): for {hours.normalize():f} hours "
            f"that is at least {_pounds(least)} a week.",
            "weekly_wage",
        )
    ]


# Links --------------------------------------------------------------------------------------------

_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_NOT_WEB = ("mailto:", "tel:", "#")


def host_of(url: str) -> str:
    """The host a browser goes to, for an address written as in a posting; "" if we refuse the address."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = f"https://{url}"
    try:
        return browser_host(url)
    except UnsafeURL:
        return ""


def _domain_of_website(url: str) -> str:
    host = host_of(url)
    return host[4:] if host.startswith("www.") else host


def urls_in(item) -> list[tuple[str, str]]:
    """(field name, URL) for every web link field and every address written in or linked from the text.

    Addresses on this site ("/…") and email, phone and in-page links are left out."""
    found = [(name, getattr(item, name).strip()) for name in item.checked_link_fields if getattr(item, name, "")]
    for name in item.checked_text_fields:
        value = str(getattr(item, name, "") or "")
        found += [(name, html.unescape(url).strip()) for url in _HREF.findall(value)]
        found += [(name, url.rstrip(".,;:)")) for url in _URL_IN_TEXT.findall(html.unescape(strip_tags(value)))]
    return [
        (name, f"https://{url}" if url.lower().startswith("www.") else url)
        for name, url in found
        if not url.lower().startswith(_NOT_WEB) and not (url.startswith("/") and not url.startswith("//"))
    ]


def unsafe_links(item) -> list[Finding]:
    """Addresses a browser might read differently from us (see external_urls): the poster must change them."""
    findings = []
    for name, url in urls_in(item):
        try:
            browser_host(url)
        except UnsafeURL as error:
            findings.append(Finding("links", f"The {_field_label(item, name)} has the address {url}. {error}", name))
    return findings


def links(item) -> list[Finding]:
    own = [_domain_of_website(website) for website in item.own_websites() if website]
    domains = [*own, *known_link_domains()]
    unexpected: dict[str, set[str]] = {}
    for name, url in urls_in(item):
        host = host_of(url)
        if host and not is_within(host, domains):
            unexpected.setdefault(name, set()).add(host)
    own_words = f"your own website ({', '.join(sorted(set(own)))})" if own else "your own website (add it to your profile)"
    return [
        Finding(
            "links",
            f"The {_field_label(item, name)} links to {', '.join(sorted(hosts))}, which is not {own_words} or a "
            "site we know. A moderator will check the link before the posting goes live.",
            name,
        )
        for name, hosts in unexpected.items()
    ]

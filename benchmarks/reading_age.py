"""Reading age of what residents read: the Flesch-Kincaid grade of each resident page's text, from the demo content
(demo/data/*.yaml, the words the demo pages and postings are made of) and the resident templates' own words.

    .venv/bin/python benchmarks/reading_age.py          # writes benchmarks/READING_AGE.md; exit 1 if any page is above
    .venv/bin/python benchmarks/reading_age.py --check  # the same without writing

Grade 6 is about a reading age of 11 (https://www.gov.uk/guidance/content-design/writing-for-gov-uk). A grade is
only meaningful over a few sentences, so text under MIN_WORDS words is not scored. Reads files only: no database.
The part of READING_AGE.md from "## Suggested plainer wording" on is written by hand and kept as it is.
"""

import argparse
import html
import re
import sys
from pathlib import Path

import textstat
import yaml

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "READING_AGE.md"
GRADE = 6.0
MIN_WORDS = 25
KEPT_FROM = "## Suggested plainer wording"

# Pages residents never see: the portals, the admin, the API's browsable page and plain-text parts.
NOT_RESIDENT = ("/portal/", "/admin/", "api/templates/", "reach/templates/")
# YAML keys that are names, codes or addresses, not prose: a qualification's or an organisation's name is what it
# is called, and a grade of a four-word name says nothing about how hard the page is to read.
NOT_PROSE = {"name", "title", "titles", "slug", "key", "code", "postcode", "address", "town", "url", "website", "phone", "email", "tier", "kind", "areas", "providers", "standards"}

TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
HIDDEN = re.compile(r"<(script|style|svg|template)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Visible words only, each line ending a sentence as a heading or list item does for a reader."""
    text = HIDDEN.sub(" ", TEMPLATE_CODE.sub(" ", text))
    text = re.sub(r"</(p|li|h\d|dt|dd|td|th|button|label|legend|a|summary|span)>", ". ", text, flags=re.I)
    text = html.unescape(TAG.sub(" ", text))
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(\.\s*){2,}", ". ", text).strip(" .")


def words(text: str) -> int:
    return textstat.lexicon_count(text)


def hardest_sentence(text: str) -> str:
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if words(s) >= 6]
    return max(sentences, key=textstat.flesch_kincaid_grade, default="")


def template_texts():
    for path in sorted(REPO.glob("*/templates/**/*.html")):
        name = path.relative_to(REPO).as_posix()
        if not any(part in f"/{name}" for part in NOT_RESIDENT):
            yield name, plain(path.read_text())


def prose_of(record) -> list[str]:
    if isinstance(record, str):
        return [plain(record)] if " " in record.strip() else []
    if isinstance(record, list):
        return [text for item in record for text in prose_of(item)]
    if isinstance(record, dict):
        return [text for key, value in record.items() if key not in NOT_PROSE for text in prose_of(value)]
    return []


def demo_texts():
    """One text per demo record that becomes a page or a posting: a list item with a slug, key or title."""
    for path in sorted((REPO / "demo" / "data").glob("*.yaml")):
        if path.name == "synthetic.yaml":  # generated volume for the scale benchmark, not pages anyone reads
            continue
        for section, value in yaml.safe_load(path.read_text()).items():
            if not isinstance(value, list):
                continue
            for record in value:
                if isinstance(record, dict) and (label := record.get("slug") or record.get("key") or record.get("title")):
                    yield f"demo/data/{path.name}: {section} / {label}", ". ".join(prose_of(record))


def score(texts) -> list[tuple[str, int, float, str]]:
    rows = []
    for name, text in texts:
        if words(text) >= MIN_WORDS:
            rows.append((name, words(text), textstat.flesch_kincaid_grade(text), hardest_sentence(text)))
    return rows


def table(rows) -> list[str]:
    above = sorted((row for row in rows if row[2] > GRADE), key=lambda row: -row[2])
    lines = [f"{len(rows)} scored, {len(above)} above grade {GRADE:g}; median grade {median(rows):.1f}.", ""]
    if above:
        lines += ["| Page | Words | Grade | Hardest sentence |", "|---|---:|---:|---|"]
        lines += [f"| {name} | {count} | {grade:.1f} | {sentence[:160].replace('|', '/')} |" for name, count, grade, sentence in above]
    return lines + [""]


def median(rows) -> float:
    grades = sorted(row[2] for row in rows)
    return grades[len(grades) // 2] if grades else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the summary without writing READING_AGE.md")
    options = parser.parse_args()

    demo, templates = score(demo_texts()), score(template_texts())
    lines = [
        "# Reading age",
        "",
        f"Written by `benchmarks/reading_age.py`: Flesch-Kincaid grade "
        f" of each resident page's text with at least {MIN_WORDS} words; the target is grade {GRADE:g} or below"
        " (about reading age 11). Headings, list items, labels and buttons count as sentences, as a reader meets them.",
        "",
        "## Demo content (pages and postings made from demo/data)",
        "",
        *table(demo),
        "## Templates (the words every resident page shares)",
        "",
        *table(templates),
    ]
    above = sum(1 for row in demo + templates if row[2] > GRADE)
    print(f"demo: {len(demo)} scored, median {median(demo):.1f}; templates: {len(templates)} scored, median {median(templates):.1f}; above grade {GRADE:g}: {above}")
    if not options.check:
        kept = OUT.read_text().partition(KEPT_FROM) if OUT.exists() else ("", "", "")
        OUT.write_text("\n".join(lines) + (f"{KEPT_FROM}{kept[2]}" if kept[1] else ""))
    return 1 if above else 0


if __name__ == "__main__":
    sys.exit(main())

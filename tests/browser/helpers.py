"""What browser tests share besides fixtures: accessibility checks with axe-core, and moving as a keyboard does."""

from tests.helpers import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG violations on the page as it is now, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
        if violation["impact"] in SERIOUS
    ]


def tab_to(page, selector: str, *, limit: int = 120) -> None:
    """Press Tab, as a keyboard user would, until the element matching selector has focus."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement?.matches(selector) ?? false", selector):
            return
        passed.append(page.evaluate("() => { const e = document.activeElement; return e.id ? `#${e.id}` : e.tagName.toLowerCase() + (e.name ? `[name=${e.name}]` : ''); }"))
    raise AssertionError(f"Tab never reached {selector} on {page.url}; it passed {passed[:40]}")

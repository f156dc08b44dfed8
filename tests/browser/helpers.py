"""What browser tests share besides fixtures: signing in, accessibility checks with axe-core, and moving as a
keyboard does."""

from django.conf import settings
from django.test import Client

from tests.helpers import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def sign_in(page, base_url: str, user) -> None:
    """Give the browser the session a sign-in would: the two-step sign-in has tests of its own."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": base_url}])


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

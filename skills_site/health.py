"""Two health checks, for two audiences.

- /healthz/live, for the load balancer: this process answers and reaches its database (without which no page
  works). The search engine and the broker are left out on purpose: when they are down, pages still answer
  (basic search, tasks waiting in the outbox), so taking every web node out of rotation would be worse.
- /healthz, for monitoring: every service, 200 when all answer, 503 naming those that do not. The search
  engine also counts as down while its circuit is open (pages are using the basic search: search.connection).
"""

from django.conf import settings
from django.db import connection
from django.db.utils import Error as DatabaseError
from django.http import JsonResponse
from kombu import Connection
from search.connection import EngineError, EngineUnavailable, breaker_state, engine_health

TIMEOUT_SECONDS = 2


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"up": True, "vendor": connection.vendor}
    except DatabaseError as error:
        return {"up": False, "error": type(error).__name__}


def check_search() -> dict:
    breaker = breaker_state()
    try:
        health = engine_health(timeout=TIMEOUT_SECONDS)
    except (*EngineUnavailable, EngineError) as error:
        return {"up": False, "error": type(error).__name__, **breaker}
    up = health.get("status") in {"green", "yellow"} and breaker["circuit"] == "closed"
    return {"up": up, "status": health.get("status"), **breaker}


def check_broker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"up": True, "mode": "in-process (no broker configured)"}
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=1, timeout=TIMEOUT_SECONDS)
    except Exception as error:  # kombu raises a different class per transport
        return {"up": False, "error": type(error).__name__}
    return {"up": True, "mode": "redis"}


def _report(services: dict) -> JsonResponse:
    down = sorted(name for name, state in services.items() if not state["up"])
    body = {"status": "down" if down else "ok", "down": down, "services": services}
    return JsonResponse(body, status=503 if down else 200)


def healthz_live(request):
    return _report({"database": check_database()})


def healthz(request):
    return _report({"database": check_database(), "search": check_search(), "broker": check_broker()})

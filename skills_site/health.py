"""/healthz: is each service the platform needs answering? 200 when all are, 503 naming those that are not."""

from django.conf import settings
from django.db import connection
from django.db.utils import Error as DatabaseError
from django.http import JsonResponse
from kombu import Connection
from search.connection import EngineError, EngineUnavailable, engine_health

TIMEOUT_SECONDS = 2


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"up": True, "vendor": connection.vendor}
    except DatabaseError as error:
        return {"up": False, "error": type(error).__name__}


def check_search() -> dict:
    try:
        health = engine_health(timeout=TIMEOUT_SECONDS)
    except (*EngineUnavailable, EngineError) as error:
        return {"up": False, "error": type(error).__name__}
    return {"up": health.get("status") in {"green", "yellow"}, "status": health.get("status")}


def check_broker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"up": True, "mode": "in-process (no broker configured)"}
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=1, timeout=TIMEOUT_SECONDS)
    except Exception as error:  # kombu raises a different class per transport
        return {"up": False, "error": type(error).__name__}
    return {"up": True, "mode": "redis"}


def healthz(request):
    services = {"database": check_database(), "search": check_search(), "broker": check_broker()}
    down = sorted(name for name, state in services.items() if not state["up"])
    body = {"status": "down" if down else "ok", "down": down, "services": services}
    return JsonResponse(body, status=503 if down else 200)

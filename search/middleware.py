"""Every web request gets one time budget for the search engine (search.connection.engine_budget), so a slow
engine costs a page at most SEARCH_REQUEST_BUDGET seconds before it answers with the basic search."""

from django.conf import settings

from .connection import engine_budget


class EngineBudgetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with engine_budget(settings.SEARCH_REQUEST_BUDGET):
            return self.get_response(request)

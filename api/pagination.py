"""The pages of every open-data list."""

import re

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


PAGE_PATTERN = r"[1-9][0-9]{0,11}"
PAGE_SIZE_PATTERN = r"[0-9]{1,12}"


class OpenDataPagination(PageNumberPagination):
    """`{count, next, previous, results}`; a malformed page or page size is a 400, a page past the end a 404."""

    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"
    page_query_description = 'Page number, from 1 (or "last").'
    page_size_query_description = f"Items per page: 1 to {max_page_size}, default {page_size}; more is capped."

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not re.fullmatch(PAGE_SIZE_PATTERN, raw) or int(raw) < 1:
            raise ValidationError({"page_size": [f"Enter a whole number from 1 to {self.max_page_size}."]})
        return min(int(raw), self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        raw = request.query_params.get(self.page_query_param, "1")
        if raw in self.last_page_strings:
            number = paginator.num_pages
        elif re.fullmatch(PAGE_PATTERN, raw):
            number = int(raw)
        else:
            raise ValidationError({"page": ['Enter a whole number from 1, or "last".']})
        if number > paginator.num_pages:
            raise NotFound(f"There is no page {number}: the last page is {paginator.num_pages}.")
        self.page = paginator.page(number)
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        largest = 10**12 - 1
        page, page_size = super().get_schema_operation_parameters(view)
        page["schema"] = {"type": "string", "pattern": f"^(?:{PAGE_PATTERN}|{'|'.join(self.last_page_strings)})$", "default": "1"}
        page_size["schema"] = {"type": "integer", "minimum": 1, "maximum": largest, "default": self.page_size}
        return [page, page_size]

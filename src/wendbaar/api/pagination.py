"""One way to page through every list: ``?page=N&page_size=M`` (at most 100 per page)."""

from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination

MAX_PAGE_SIZE = 100


def _positive(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 10**9 else None


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = _positive(raw)
        if size is None or size > self.max_page_size:
            raise exceptions.ValidationError(
                {"page_size": [_("Kies een getal van 1 tot en met %(max)d.") % {"max": self.max_page_size}]}
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param, "1")
        number = _positive(raw)
        if number is None:
            raise exceptions.ValidationError({"page": [_("Een paginanummer is een geheel getal vanaf 1.")]})
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise exceptions.NotFound(
                _("Pagina %(page)d bestaat niet; er zijn %(pages)d pagina's.")
                % {"page": number, "pages": paginator.num_pages}
            ) from None
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 10**9 - 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page (default {self.page_size}, at most {self.max_page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

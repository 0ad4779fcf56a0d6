"""Every error of the API as a problem document (RFC 9457, ``application/problem+json``)::

    {"type": "about:blank", "title": "Bad Request", "status": 400, "code": "invalid",
     "detail": "De invoer klopt niet; zie 'errors'.",
     "errors": [{"field": "page_size", "code": "invalid", "detail": "Kies een getal van 1 tot en met 100."}]}

``title`` is the HTTP status phrase, ``code`` a stable machine-readable word, ``detail`` a sentence for
people, ``errors`` one entry per invalid field (400 only). The same shape comes back for URLs under /api/
that match nothing, and for unexpected errors (500), which are logged with their traceback.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

PROBLEM = "application/problem+json"
logger = logging.getLogger("wendbaar.api")


def problem(status: int, detail: str, code: str, errors: list[dict] | None = None) -> dict:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "code": code,
        "detail": str(detail),
    }
    if errors is not None:
        body["errors"] = errors
    return body


def _field_errors(detail, codes, path: str = "") -> list[dict]:
    """DRF's nested validation errors as a flat list: ``skills.0.level`` → message."""
    if isinstance(detail, dict):
        found = []
        for key, value in detail.items():
            name = "" if key in ("non_field_errors", "__all__") else f"{path}.{key}" if path else str(key)
            found += _field_errors(value, codes.get(key) if isinstance(codes, dict) else codes, name)
        return found
    if isinstance(detail, list):
        found = []
        for i, value in enumerate(detail):
            code = codes[i] if isinstance(codes, list) and i < len(codes) else codes
            if isinstance(value, dict | list):
                found += _field_errors(value, code, f"{path}.{i}" if path else str(i))
            else:
                found += _field_errors(value, code, path)
        return found
    return [{"field": path or None, "code": str(codes or "invalid"), "detail": str(detail)}]


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        request = context.get("request")
        logger.error(
            "Unexpected error in %s %s",
            getattr(request, "method", "?"),
            getattr(request, "path", "?"),
            exc_info=exc,
        )
        set_rollback()
        body = problem(500, _("Er ging iets mis aan onze kant. Probeer het later opnieuw."), "server_error")
        return Response(body, status=500, content_type=PROBLEM)
    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(exc.detail, exc.get_codes())
        body = problem(response.status_code, _("De invoer klopt niet; zie 'errors'."), "invalid", errors)
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        body = problem(response.status_code, exc.detail, code)
    else:  # Http404 and PermissionDenied, which DRF turned into responses already
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        code = "not_found" if response.status_code == 404 else "permission_denied"
        body = problem(response.status_code, detail, code)
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        body["retry_after"] = exc.wait
    response.data = body
    response.content_type = PROBLEM
    return response


def problem_response(status: int, detail: str, code: str) -> JsonResponse:
    """The same document outside DRF views (plain Django views under /api/)."""
    response = JsonResponse(problem(status, detail, code), status=status, content_type=PROBLEM)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # answers every method with 404; nothing to protect, and a CSRF page would not be JSON
def not_found(request, path: str = ""):
    """Any URL under /api/ that matches no endpoint."""
    detail = _("Dit adres bestaat niet in de API. Het overzicht staat op /api/v1/docs/.")
    if not request.path.endswith("/"):
        try:
            resolved = resolve(request.path + "/")
        except Resolver404:
            resolved = None
        if resolved is not None and resolved.func is not not_found:
            detail = _("Dit adres bestaat niet in de API. Bedoel je %(path)s/ (met een schuine streep)?") % {
                "path": request.path
            }
    return problem_response(404, detail, "not_found")

"""How the OpenAPI document describes what every operation shares: authentication, and the problem
documents of errors (with their headers), so that no operation can answer with an undocumented status."""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from wendbaar.api.errors import PROBLEM
from wendbaar.api.permissions import Authenticated


class FieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(
        allow_null=True, help_text="The input that is wrong, e.g. `skills.0.level`; null for the whole input."
    )
    code = serializers.CharField(help_text="A stable word for the kind of error, e.g. `required`.")
    detail = serializers.CharField(help_text="What is wrong, in the language of the response.")


class ProblemSerializer(serializers.Serializer):
    """An error, as an RFC 9457 problem document."""

    type = serializers.CharField(help_text="Always `about:blank`: `title` is the HTTP status phrase.")
    title = serializers.CharField(help_text="The HTTP status phrase, e.g. `Not Found`.")
    status = serializers.IntegerField(min_value=400, max_value=599, help_text="The HTTP status code.")
    code = serializers.CharField(
        help_text="A stable machine-readable word: `invalid`, `not_authenticated`, `authentication_failed`, "
        "`permission_denied`, `insufficient_scope`, `not_found`, `method_not_allowed`, `not_acceptable`, "
        "`unsupported_media_type`, `throttled`, `profile_incomplete`, `server_error`."
    )
    detail = serializers.CharField(help_text="A sentence for people, in the language of the response.")
    errors = FieldErrorSerializer(many=True, required=False, help_text="One entry per invalid input (400).")
    retry_after = serializers.IntegerField(
        required=False, min_value=0, help_text="Seconds to wait before trying again (429)."
    )


def _example(status, code, detail, **extra):
    from http import HTTPStatus

    return OpenApiExample(
        code,
        value={
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "code": code,
            "detail": detail,
            **extra,
        },
        status_codes=[str(status)],
        media_type=PROBLEM,
    )


ERRORS = {
    400: (
        "The input is invalid; `errors` says which part and why.",
        _example(
            400,
            "invalid",
            "De invoer klopt niet; zie 'errors'.",
            errors=[
                {"field": "page_size", "code": "invalid", "detail": "Kies een getal van 1 tot en met 100."}
            ],
        ),
    ),
    401: (
        "No valid key: missing (for personal data), unknown, revoked or expired.",
        _example(401, "authentication_failed", "Deze sleutel is ingetrokken."),
    ),
    403: (
        "The key may not do this (e.g. a read-only key that tries to change something).",
        _example(403, "insufficient_scope", "Deze sleutel mag alleen lezen."),
    ),
    404: (
        "Not found (or not yours), or a page number past the last page.",
        _example(404, "not_found", "Niet gevonden."),
    ),
    406: ("The `Accept` header asks for something other than JSON.", None),
    415: ("The body is not `application/json`.", None),
    429: (
        "Too many requests; `Retry-After` says how many seconds to wait.",
        _example(
            429, "throttled", "Te veel verzoeken. Probeer het over 12 seconden opnieuw.", retry_after=12
        ),
    ),
    500: ("Unexpected error on the server (logged); try again later.", None),
}
HEADERS = {
    401: {
        "WWW-Authenticate": {
            "description": 'How to authenticate: `Bearer realm="wendbaar"`.',
            "schema": {"type": "string"},
        }
    },
    429: {
        "Retry-After": {
            "description": "Seconds to wait before the next request.",
            "schema": {"type": "integer", "minimum": 0},
        }
    },
}


class AutoSchema(openapi.AutoSchema):
    def needs_person(self) -> bool:
        return any(isinstance(p, Authenticated) for p in self.view.get_permissions())

    def _is_list_view(self, serializer=None):
        # The API's list views are plain views that page their results (see ApiView.is_list).
        if self.method == "GET" and getattr(self.view, "is_list", False):
            return True
        return super()._is_list_view(serializer)

    def get_auth(self):
        auths = super().get_auth()
        if not self.needs_person() and {} not in auths:
            auths.append({})  # public: a key is optional
        return auths

    def error_statuses(self) -> list[int]:
        statuses = [401, 406, 429, 500]
        query = [p["name"] for p in self._get_parameters() if p["in"] == "query"]
        if query or self.method in ("POST", "PUT", "PATCH"):
            statuses.append(400)
        if "{" in self.path or "page" in query:
            statuses.append(404)  # an unknown (or not your) object, or a page past the last
        if self.needs_person() or self.method not in SAFE_METHODS:
            statuses.append(403)
        if self.method in ("POST", "PUT", "PATCH"):
            statuses.append(415)
        statuses += getattr(self.view, "extra_error_statuses", {}).get(self.method, [])
        return sorted(set(statuses))

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        extra = getattr(self.view, "extra_error_descriptions", {})
        for status in self.error_statuses():
            key = str(status)
            if key in responses:
                continue
            description, example = extra.get(status, ERRORS.get(status, ("", None)))
            response = OpenApiResponse(
                ProblemSerializer, description=description, examples=[example] if example else []
            )
            responses[key] = self._get_response_for_code(response, key, media_types=[PROBLEM])
            if status in HEADERS:
                responses[key]["headers"] = HEADERS[status]
        return responses


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "wendbaar.api.authentication.BearerTokenAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "wb_…",
            "description": "A personal API key, made on /account/api-sleutels/: "
            "`Authorization: Bearer wb_…`.",
        }


DESCRIPTION = """
The REST API of wendbaar, the career platform for employees of Dutch municipal public services.
Occupations and skills (ESCO and a Dutch starter set), transitions between occupations with an
explanation, a person's own vaardighedenprofiel and recommendations, bijeenkomsten and the kennisbank.
This documentation is in English; labels and messages in responses are Dutch unless the request says
`Accept-Language: en` (the response's `Content-Language` says which language you got).

**Authentication.** Public data (taxonomy, transitions between occupations, events, kennisbank) needs
no key. Personal data (`/api/v1/me/…`) needs a personal API key, made (and revoked) by the person on
[/account/api-sleutels/](/account/api-sleutels/): `Authorization: Bearer wb_…`. A key is shown once;
only a hash is stored. A `lezen` key reads; a `lezen-schrijven` key may also change the profile and
revoke keys. Keys may expire. The signed-in session of the site works too (changes then need the CSRF
token); programs use keys.

**Pagination.** Every list is paged the same way: `?page=1&page_size=20` (at most 100 per page), with
`count`, `next`, `previous` and `results`. Ranked lists (search, transitions) are computed up to a fixed
number of results, said per operation.

**Rate limits.** Per person with a key (all their keys together) and per IP address without one; the
defaults are 600 and 60 requests per minute. Over the limit: `429` with `Retry-After` (seconds).

**Errors.** Every error is a problem document (RFC 9457, `application/problem+json`) with `type`,
`title` (the HTTP status phrase), `status`, a stable `code`, a `detail` sentence and, for `400`, an
`errors` list naming each invalid input. Unknown URLs under `/api/` answer the same way (`404`).

**Identifiers.** Occupations and skills by `code`: the ESCO UUID, or the key of the Dutch starter set
(e.g. `baliemedewerker-burgerzaken`); filters take an ESCO `uri` too. Events and kennisbank items by slug.
""".strip()

TAGS = [
    {"name": "taxonomy", "description": "Occupations and skills: ESCO plus the Dutch starter set."},
    {"name": "search", "description": "Label search over occupations and skills (autocomplete)."},
    {"name": "transitions", "description": "Moves between occupations, and what fits a person."},
    {"name": "me", "description": "The person behind the key: profile, skills and API keys."},
    {"name": "events", "description": "Bijeenkomsten: gatherings, workshops and webinars."},
    {"name": "knowledge", "description": "The kennisbank: publications, essays, podcasts and news."},
    {"name": "opportunities", "description": "Kansen: vacancies, meeloopdagen, projects and internships."},
]


def describe(result, generator, request, public):
    """drf-spectacular postprocessing hook: the document's introduction and tag descriptions."""
    result["info"]["description"] = DESCRIPTION
    result["info"]["license"] = {"name": "EUPL-1.2"}
    used = {
        tag for path in result.get("paths", {}).values() for op in path.values() for tag in op.get("tags", [])
    }
    result["tags"] = [tag for tag in TAGS if tag["name"] in used] + [
        {"name": name} for name in sorted(used - {tag["name"] for tag in TAGS})
    ]
    return result

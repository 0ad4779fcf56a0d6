"""What every API view shares: the response language, and no caching of personal answers."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_spectacular.utils import OpenApiExample, OpenApiParameter
from rest_framework import exceptions, generics

from wendbaar.api.permissions import Authenticated


def choose_language(request) -> str:
    """``Accept-Language`` decides for API clients (the site itself ignores it; see ChosenLanguageMiddleware):
    programs say what they want, Dutch otherwise."""
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:200]):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class ApiView(generics.GenericAPIView):
    # A GET that answers with one page of a list (documented with the paging parameters and envelope).
    is_list = False
    # Extra documented errors per HTTP method, e.g. {"GET": [409]}; see wendbaar.api.schema.
    extra_error_statuses: dict[str, list[int]] = {}

    def initial(self, request, *args, **kwargs):
        language = choose_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        # An unsupported method is 405 for everyone, before keys and permissions are looked at.
        if request.method.lower() not in self.http_method_names or not hasattr(self, request.method.lower()):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def permission_denied(self, request, message=None, code=None):
        if request.authenticators and not request.successful_authenticator:
            raise exceptions.NotAuthenticated(
                _(
                    "Hiervoor heb je een API-sleutel nodig: 'Authorization: Bearer wb_…'. "
                    "Maak er een op /account/api-sleutels/."
                )
            )
        super().permission_denied(request, message, code)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language", "Authorization"])
        if any(isinstance(p, Authenticated) for p in self.get_permissions()):
            patch_cache_control(response, private=True, no_store=True)
        return response


def query_text(name: str, example: str, description: str, required: bool = False) -> OpenApiParameter:
    """A text query parameter with an example (a query serializer cannot carry one)."""
    return OpenApiParameter(
        name,
        {"type": "string", "maxLength": 200},
        OpenApiParameter.QUERY,
        required=required,
        description=description,
        examples=[OpenApiExample(example, value=example)],
    )

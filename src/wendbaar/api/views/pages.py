"""The page where someone makes and revokes their personal API keys (/account/api-sleutels/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wendbaar.api import tokens
from wendbaar.api.forms import TokenForm
from wendbaar.api.models import ApiToken


@login_required
@require_http_methods(["GET", "POST"])
def keys(request):
    form = TokenForm(request.POST or None)
    new_key = new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            new_token, new_key = tokens.create_token(
                request.user, form.cleaned_data["name"], form.cleaned_data["scope"], form.expires_at()
            )
        except tokens.TooManyTokens as error:
            form.add_error(None, str(error))
        else:
            form = TokenForm()
    response = render(
        request,
        "api/keys.html",
        {
            "form": form,
            "tokens": ApiToken.objects.filter(user=request.user),
            "new_key": new_key,
            "new_token": new_token,
        },
    )
    # The key is in this page only: no browser or proxy may keep a copy.
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    if not request.user.has_perm("api.delete_apitoken", token):
        raise Http404
    if tokens.revoke(token):
        messages.success(request, _("De sleutel ‘%(name)s’ werkt niet meer.") % {"name": token.name})
    return redirect("apikeys:list")

"""Who is calling: a personal API key in ``Authorization: Bearer wb_…``, or the signed-in session.

The session is accepted so that the site's own pages (and the interactive documentation) can call the API
from the browser; for changes it then needs the CSRF token like any form, which DRF enforces.
"""

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from wendbaar.api import tokens


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Geef na 'Bearer' precies één sleutel op, zonder spaties erin.")
            )
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Deze sleutel bestaat niet.")) from None
        token = tokens.find_token(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Deze sleutel bestaat niet."))
        if token.is_revoked:
            raise exceptions.AuthenticationFailed(_("Deze sleutel is ingetrokken."))
        if token.is_expired():
            raise exceptions.AuthenticationFailed(_("Deze sleutel is verlopen."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Dit account is niet actief."))
        tokens.mark_used(token)
        return token.user, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="wendbaar"'

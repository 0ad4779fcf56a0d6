from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLengthValidator(DjangoMinimumLengthValidator):
    """Django's length rule, worded in plain Dutch (Django's own Dutch text lags behind its English)."""

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(self.get_error_message(), code="password_too_short")

    def get_error_message(self):
        return _("Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.") % {
            "min_length": self.min_length
        }

    def get_help_text(self):
        return _("Je wachtwoord moet minstens %(min_length)d tekens hebben.") % {
            "min_length": self.min_length
        }

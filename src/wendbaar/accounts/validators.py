"""Django's password rules, worded in plain Dutch (Django's own Dutch texts lag behind its English ones and
are written for developers, not for the people who choose a password)."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
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


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(self.get_error_message(), code="password_too_similar") from error

    def get_error_message(self):
        return _("Dit wachtwoord lijkt te veel op je naam of e-mailadres. Kies iets anders.")

    def get_help_text(self):
        return _("Je wachtwoord mag niet op je naam of e-mailadres lijken.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(self.get_error_message(), code="password_too_common") from error

    def get_error_message(self):
        return _(
            "Dit wachtwoord wordt heel vaak gebruikt en is daardoor makkelijk te raden. Kies iets anders."
        )

    def get_help_text(self):
        return _("Je wachtwoord mag geen veelgebruikt wachtwoord zijn.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(self.get_error_message(), code="password_entirely_numeric") from error

    def get_error_message(self):
        return _("Dit wachtwoord bestaat alleen uit cijfers. Gebruik ook letters of andere tekens.")

    def get_help_text(self):
        return _("Je wachtwoord mag niet alleen uit cijfers bestaan.")


def minimum_length() -> int:
    """The configured minimum length, for help texts that name it."""
    for validator in password_validation.get_default_password_validators():
        if isinstance(validator, password_validation.MinimumLengthValidator):
            return validator.min_length
    return 0

from django import forms
from django.utils.translation import gettext_lazy as _

from wendbaar.core.forms import StyledFormMixin


class EraseForm(StyledFormMixin, forms.Form):
    """Erasing asks for the password (or, for an account without one, the e-mail address): the one who
    clicks must be the owner, not someone at an unlocked computer."""

    secret = forms.CharField(
        label=_("Je wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_("Ik begrijp dat mijn account en gegevens weg zijn en dat dit niet ongedaan kan worden"),
        error_messages={
            "required": _("Zet een vinkje als je zeker weet dat je je account wilt verwijderen.")
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            field = self.fields["secret"]
            field.label = _("Je e-mailadres")
            field.help_text = _("Je logt in via je gemeente en hebt geen wachtwoord bij wendbaar.")
            field.widget = forms.EmailInput(
                attrs={"autocomplete": "email", "class": field.widget.attrs["class"]}
            )

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if self.user.has_usable_password():
            if not self.user.check_password(secret):
                raise forms.ValidationError(_("Dit wachtwoord klopt niet. Er is niets verwijderd."))
        elif secret.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("Dit is niet het e-mailadres van je account. Er is niets verwijderd.")
            )
        return secret

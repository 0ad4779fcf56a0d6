from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from wendbaar.accounts import throttle, twofactor
from wendbaar.accounts.models import Role, User
from wendbaar.accounts.validators import minimum_length
from wendbaar.core.forms import StyledFormMixin


def password_help_text():
    return _("Minstens %(count)d tekens. Kies iets dat je niet ook ergens anders gebruikt.") % {
        "count": minimum_length()
    }


def explain_password_rules(form, name):
    # After StyledFormMixin built the bound fields, so set on both.
    form.fields[name].help_text = form[name].help_text = password_help_text()


def lockout_message(until):
    # The same words whether or not an account exists for the address: the lock says nothing about that.
    return _(
        "Er is te vaak geprobeerd in te loggen met dit e-mailadres. Probeer het over %(minutes)d minuten "
        "opnieuw. Weet je je wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan."
    ) % {"minutes": throttle.minutes_left(until)}


SIGNUP_ROLES = [
    (Role.MEDEWERKER, _("Ik werk bij een gemeente en wil mijn mogelijkheden ontdekken")),
    (Role.ORGANISATIE, _("Ik kom van een organisatie die mensen zoekt of kansen biedt")),
]


class SignupForm(StyledFormMixin, forms.ModelForm):
    name = forms.CharField(label=_("Je naam"), max_length=150)
    email = forms.EmailField(label=_("Je e-mailadres"), help_text=_("Hiermee log je in."))
    role = forms.ChoiceField(
        label=_("Waarom maak je een account?"),
        choices=SIGNUP_ROLES,
        widget=forms.RadioSelect,
        initial=Role.MEDEWERKER,
    )
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["name", "email", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        explain_password_rules(self, "password1")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Er is al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord aan.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif first:
            candidate = User(email=cleaned.get("email", ""), name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class LoginForm(StyledFormMixin, auth_forms.AuthenticationForm):
    """E-mail address and password, with a lockout after too many wrong attempts (see throttle.py)."""

    error_messages = {
        "invalid_login": _("Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = False
        self.fields["username"].label = _("E-mailadres")
        self.fields["username"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        email = self.cleaned_data.get("username") or ""
        if until := throttle.locked_until(throttle.LOGIN, self.request, email):
            # While locked the password is not even checked, so a right guess cannot be told from a wrong one.
            self.locked = True
            raise forms.ValidationError(lockout_message(until), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            until = None
            if getattr(error, "code", None) == "invalid_login":
                until = throttle.record(throttle.LOGIN, self.request, email)
            if until:
                self.locked = True
                raise forms.ValidationError(lockout_message(until), code="locked") from error
            raise
        throttle.reset(throttle.LOGIN, self.request, email)
        return cleaned


class PasswordResetForm(StyledFormMixin, auth_forms.PasswordResetForm):
    """Sends the link, at most PASSWORD_RESET_MAX_REQUESTS times per address and visitor within
    LOGIN_LOCKOUT_MINUTES, so the form cannot be used to flood someone's mailbox."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.locked = False
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mailadres")

    def clean_email(self):
        email = self.cleaned_data["email"]
        if until := throttle.locked_until(throttle.PASSWORD_RESET, self.request, email):
            self.locked = True
            raise forms.ValidationError(
                _(
                    "Voor dit e-mailadres is al vaak een nieuwe link aangevraagd. Kijk in je e-mail (ook bij "
                    "ongewenste e-mail) of probeer het over %(minutes)d minuten opnieuw."
                )
                % {"minutes": throttle.minutes_left(until)},
                code="locked",
            )
        throttle.record(throttle.PASSWORD_RESET, self.request, email)
        return email


class SetPasswordForm(StyledFormMixin, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        explain_password_rules(self, "new_password1")


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        explain_password_rules(self, "new_password1")


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        )


class TwoFactorSetupForm(StyledFormMixin, forms.Form):
    code = CodeField(
        label=_("Code uit je app"),
        help_text=_("De app toont een code van 6 cijfers. Die verandert elke 30 seconden."),
    )

    def __init__(self, *args, user, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.device = user, device
        self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        code = twofactor.normalise_code(self.cleaned_data["code"])
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Vul de 6 cijfers in die je app nu laat zien."), code="format")
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "Deze code klopt niet. Kijk of de tijd op je telefoon goed staat en vul de nieuwste code "
                    "in."
                ),
                code="invalid",
            )
        return code


class TwoFactorVerifyForm(StyledFormMixin, forms.Form):
    code = CodeField(
        label=_("Code"),
        help_text=_(
            "De code van 6 cijfers uit je app. Heb je je telefoon niet bij de hand? Vul dan een van je "
            "herstelcodes in."
        ),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = None
        self.locked = False

    def clean_code(self):
        user = self.request.user
        identifier = str(user.pk)
        if until := throttle.locked_until(throttle.SECOND_FACTOR, self.request, identifier):
            self.locked = True
            raise forms.ValidationError(self._lockout(until), code="locked")
        self.device = twofactor.verify(user, self.cleaned_data["code"])
        if self.device is None:
            if until := throttle.record(throttle.SECOND_FACTOR, self.request, identifier):
                self.locked = True
                raise forms.ValidationError(self._lockout(until), code="locked")
            raise forms.ValidationError(
                _(
                    "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in je app en probeer "
                    "het opnieuw."
                ),
                code="invalid",
            )
        throttle.reset(throttle.SECOND_FACTOR, self.request, identifier)
        return self.cleaned_data["code"]

    @staticmethod
    def _lockout(until):
        return _(
            "Er is te vaak een verkeerde code ingevuld. Probeer het over %(minutes)d minuten opnieuw."
        ) % {"minutes": throttle.minutes_left(until)}

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.api.models import Scope
from wendbaar.core.forms import StyledFormMixin

EXPIRY_DAYS = {"30": 30, "90": 90, "365": 365, "nooit": None}


class TokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Naam van de sleutel"),
        max_length=100,
        help_text=_("Waar gebruik je hem voor? Bijvoorbeeld: rooster-app of Excel-koppeling."),
    )
    scope = forms.ChoiceField(
        label=_("Wat mag de sleutel?"),
        choices=Scope.choices,
        initial=Scope.READ,
        widget=forms.RadioSelect,
        help_text=_("Kies ‘alleen lezen’ als het programma niets hoeft te veranderen."),
    )
    expiry = forms.ChoiceField(
        label=_("Hoe lang werkt de sleutel?"),
        choices=[
            ("30", _("30 dagen")),
            ("90", _("90 dagen")),
            ("365", _("1 jaar")),
            ("nooit", _("Tot ik hem intrek")),
        ],
        initial="90",
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Geef de sleutel een naam."))
        return name

    def expires_at(self):
        days = EXPIRY_DAYS[self.cleaned_data["expiry"]]
        return timezone.now() + timedelta(days=days) if days else None

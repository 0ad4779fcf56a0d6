"""The order form with Dutch address checks, and the search form of the kennisbank."""

import re
import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from wendbaar.core.forms import StyledFormMixin
from wendbaar.knowledge.models import Kind, PrintOrder

# Four digits (not starting with 0), optional space, two letters; SA, SD and SS are never used.
POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*(?!SA|SD|SS)([A-Z]{2})$")
HOUSE_NUMBER = re.compile(r"^[1-9][0-9]{0,4}$")
ADDITION = re.compile(r"^[A-Z0-9]{1,4}$")


def normalise_postcode(value: str) -> str | None:
    """'1234ab' → '1234 AB'; None when it is not a Dutch postcode."""
    match = POSTCODE.match((value or "").strip().upper())
    return f"{match.group(1)} {match.group(2)}" if match else None


class OrderForm(StyledFormMixin, forms.ModelForm):
    house_number = forms.CharField(
        label=_("Huisnummer"),
        max_length=20,
        help_text=_("Alleen het nummer, zoals 12."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    # Longer than the stored values: a too-long entry gets the clear message of the check below.
    house_number_addition = forms.CharField(label=_("Toevoeging"), max_length=20, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=20)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = PrintOrder
        fields = [
            "name",
            "email",
            "organisation_name",
            "street",
            "house_number",
            "house_number_addition",
            "postcode",
            "city",
        ]
        labels = {
            "name": _("Naam"),
            "email": _("E-mailadres"),
            "organisation_name": _("Organisatie"),
            "street": _("Straat"),
            "house_number_addition": _("Toevoeging"),
            "postcode": _("Postcode"),
            "city": _("Plaats"),
        }
        help_texts = {
            "email": _(
                "Hierheen sturen we de bevestiging. Werk je bij een gemeente? Gebruik dan je werkmailadres."
            ),
            "house_number_addition": _("Bijvoorbeeld A, 2 of bis."),
            "postcode": _(
                "Vier cijfers en twee letters, zoals 1234 AB. We versturen alleen binnen Nederland."
            ),
        }

    AUTOCOMPLETE = {
        "name": "name",
        "email": "email",
        "organisation_name": "organization",
        "street": "address-line1",
        "postcode": "postal-code",
        "city": "address-level2",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, token in self.AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        self.fields["postcode"].widget.attrs.update({"size": 8, "maxlength": 7})
        self.fields["house_number_addition"].widget.attrs.update({"size": 5, "autocomplete": "off"})
        self.fields["idempotency_key"].error_messages["required"] = _(
            "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."
        )

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError(
                _("Dit is geen Nederlandse postcode. Vul vier cijfers en twee letters in, zoals 1234 AB."),
                code="postcode",
            )
        return postcode

    def clean_house_number(self):
        value = self.cleaned_data["house_number"].strip()
        if not HOUSE_NUMBER.match(value):
            raise forms.ValidationError(
                _(
                    "Vul een huisnummer in met alleen cijfers, zoals 12. "
                    "Een letter of toevoeging vul je hieronder in."
                ),
                code="house_number",
            )
        return int(value)

    def clean_house_number_addition(self):
        value = re.sub(r"[\s-]", "", self.cleaned_data.get("house_number_addition", "")).upper()
        if value and not ADDITION.match(value):
            raise forms.ValidationError(
                _("Een toevoeging is hoogstens vier letters of cijfers, zoals A, 2 of bis."), code="addition"
            )
        return value

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_city(self):
        return " ".join(self.cleaned_data["city"].split())

    def clean_street(self):
        return " ".join(self.cleaned_data["street"].split())

    @staticmethod
    def new_key() -> uuid.UUID:
        return uuid.uuid4()


class SearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Zoek in de kennisbank"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: digitalisering, Wnra of keukentafelgesprek."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    soort = forms.ChoiceField(label=_("Soort"), required=False)
    vaardigheid = forms.ChoiceField(label=_("Vaardigheid"), required=False)
    beroep = forms.ChoiceField(label=_("Beroep"), required=False)

    def __init__(self, *args, skills=(), occupations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("Alle soorten"))] + list(Kind.choices)
        self.fields["vaardigheid"].choices = [("", _("Alle vaardigheden"))] + [
            (s.code, s.name) for s in skills
        ]
        self.fields["beroep"].choices = [("", _("Alle beroepen"))] + [(o.code, o.name) for o in occupations]
        for name in ("soort", "vaardigheid", "beroep"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Deze keuze bestaat niet (meer). Kies een andere of laat het veld leeg."
            )

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.core.forms import StyledFormMixin
from wendbaar.insight.groups import NATIONAL, Groups

YEARS_BACK = 4


def year_choices() -> list[tuple[str, str]]:
    this_year = timezone.localdate().year
    return [(str(y), str(y)) for y in range(this_year, this_year - YEARS_BACK - 1, -1)]


def group_choices(groups: Groups, allowed: list[str] | None) -> list:
    """Everything for the programme team (``allowed`` None), grouped; otherwise only the allowed groups."""
    if allowed is not None:
        return [(node, groups.labels[node]) for node in allowed]
    provinces, municipalities, occupations = [], [], []
    for node, label in groups.labels.items():
        kind = node.partition(":")[0]
        if kind == "p":
            provinces.append((node, label))
        elif kind == "g":
            municipalities.append((node, label))
        elif kind == "b":
            occupations.append((node, label))
    return [
        (NATIONAL, groups.labels[NATIONAL]),
        (_("Provincies"), provinces),
        (_("Gemeenten"), sorted(municipalities, key=lambda pair: pair[1])),
        (_("Beroepsgroepen"), occupations),
    ]


class FilterForm(StyledFormMixin, forms.Form):
    groep = forms.ChoiceField(
        label=_("Groep"),
        help_text=_(
            "Kies één groep tegelijk. Zo kan niemand door filters te combineren kleine groepen terugrekenen."
        ),
    )
    jaar = forms.ChoiceField(label=_("Jaar"), help_text=_("Voor wat er in een jaar gebeurde."))

    def __init__(self, *args, groups: Groups, allowed: list[str] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groep"].choices = group_choices(groups, allowed)
        self.fields["groep"].error_messages["invalid_choice"] = _("Deze groep kun je niet kiezen.")
        self.fields["jaar"].choices = year_choices()
        self.fields["jaar"].error_messages["invalid_choice"] = _("Kies een jaar uit de lijst.")

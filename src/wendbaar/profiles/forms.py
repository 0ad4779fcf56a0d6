from django import forms
from django.utils.translation import gettext_lazy as _

from wendbaar.core.forms import StyledFormMixin
from wendbaar.profiles.models import Education, WorkExperience


class YearsForm(StyledFormMixin, forms.Form):
    occupation = forms.CharField(widget=forms.HiddenInput)
    years = forms.IntegerField(
        label=_("Hoeveel jaar doe je dit werk al?"),
        min_value=0,
        max_value=60,
        required=False,
        help_text=_("Een schatting is goed genoeg."),
    )


class EducationForm(StyledFormMixin, forms.Form):
    education = forms.ChoiceField(
        label=_("Wat is je hoogste diploma?"),
        choices=[("", _("Kies je opleiding")), *Education.choices],
        required=False,
    )


class ExperienceForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = WorkExperience
        fields = ["title", "organisation", "years"]
        labels = {"title": _("Functie"), "organisation": _("Organisatie"), "years": _("Aantal jaren")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["years"].widget.attrs.update({"min": 0, "max": 60})
        self.fields["years"].validators.append(_max_years)


def _max_years(value):
    if value > 60:
        raise forms.ValidationError(_("Vul een aantal jaren van 0 tot en met 60 in."))


class TextForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Je cv of een beschrijving van je werk"),
        help_text=_(
            "Plak of typ een tekst in het Nederlands, bijvoorbeeld je cv of wat je op een gewone dag "
            "doet. Wij zoeken er vaardigheden in. De tekst zelf bewaren we niet."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        min_length=20,
        max_length=20000,
        error_messages={
            "min_length": _("Schrijf minstens een paar zinnen (20 tekens of meer)."),
            "max_length": _("De tekst is te lang: maximaal 20.000 tekens."),
        },
    )

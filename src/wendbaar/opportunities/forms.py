"""Forms for kansen. Every limit has its own plain Dutch message; bad input changes nothing."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.accounts.models import MembershipRole, Province
from wendbaar.core.forms import StyledFormMixin
from wendbaar.opportunities.models import (
    DESCRIPTION_MAX,
    MESSAGE_MAX,
    REQUEST_NOTE_MAX,
    TITLE_MAX,
    OpportunityKind,
)
from wendbaar.taxonomy.models import Occupation, Skill

MAX_HOURS = 60


TOO_LONG = _("Dit is te lang: %(show_value)s tekens. Het mag hoogstens %(limit_value)s tekens zijn.")


def text_field(label, maximum, **kwargs):
    """A text field whose limit is told in plain Dutch, with both numbers."""
    return forms.CharField(
        label=label,
        max_length=maximum,
        error_messages={"max_length": TOO_LONG, "required": _("Vul dit in.")},
        **kwargs,
    )


class OpportunityForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort kans"),
        choices=OpportunityKind.choices,
        error_messages={"required": _("Kies een soort.")},
    )
    title = text_field(_("Titel"), TITLE_MAX, help_text=_("Bijvoorbeeld: Meeloopdag in de thuiszorg."))
    description = text_field(
        _("Beschrijving"),
        DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Wat ga je doen, met wie, en wat leer je? Hoogstens %(max)s tekens.")
        % {"max": DESCRIPTION_MAX},
    )
    occupation_query = forms.CharField(
        label=_("Zoek een beroep"),
        required=False,
        max_length=200,
        help_text=_(
            "Kies het beroep dat het best past; wij stellen dan de vaardigheden voor die erbij horen."
        ),
    )
    occupation = forms.ChoiceField(label=_("Beroep"), required=False, widget=forms.RadioSelect)
    skill_query = forms.CharField(label=_("Zoek een vaardigheid"), required=False, max_length=200)
    skills = forms.MultipleChoiceField(
        label=_("Gevraagde vaardigheden"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies minstens één gevraagde vaardigheid."),
            "invalid_choice": _("Die vaardigheid kennen we niet. Zoek opnieuw en kies uit de lijst."),
        },
    )
    province = forms.ChoiceField(
        label=_("Provincie"),
        choices=[("", _("Kies een provincie"))] + list(Province.choices),
        error_messages={"required": _("Kies een provincie.")},
    )
    municipality = text_field(_("Plaats"), 100, required=False)
    hours = forms.IntegerField(
        label=_("Uren"),
        required=False,
        min_value=1,
        max_value=MAX_HOURS,
        help_text=_("Per week; bij een meeloopdag het aantal uren van die dag."),
        error_messages={
            "min_value": _("Vul een aantal uren van 1 tot en met %(max)s in.") % {"max": MAX_HOURS},
            "max_value": _("Vul een aantal uren van 1 tot en met %(max)s in.") % {"max": MAX_HOURS},
            "invalid": _("Vul een heel getal in."),
        },
    )
    starts_on = forms.DateField(
        label=_("Begindatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )
    ends_on = forms.DateField(
        label=_("Einddatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )
    closes_on = forms.DateField(
        label=_("Reageren kan tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de sluitingsdatum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 2027-03-01."),
        },
    )

    field_order = [
        "kind",
        "title",
        "description",
        "occupation_query",
        "occupation",
        "skill_query",
        "skills",
        "province",
        "municipality",
        "hours",
        "starts_on",
        "ends_on",
        "closes_on",
    ]

    def __init__(self, *args, skill_options=(), occupation_options=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.skill_options = list(skill_options)  # [(Skill, note)]
        self.occupation_options = list(occupation_options)
        self.fields["skills"].choices = [(s.code, s.label().text) for s, _note in self.skill_options]
        self.fields["occupation"].choices = [("", _("Geen beroep"))] + [
            (o.code, o.label().text) for o in self.occupation_options
        ]

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_description(self):
        return self.cleaned_data["description"].strip()

    def clean_occupation(self):
        code = self.cleaned_data.get("occupation")
        if not code:
            return None
        occupation = Occupation.objects.current().filter(code=code).first()
        if occupation is None:
            raise forms.ValidationError(_("Dat beroep kennen we niet. Zoek opnieuw en kies uit de lijst."))
        return occupation

    def clean_skills(self):
        codes = self.cleaned_data["skills"]
        skills = list(Skill.objects.current().filter(code__in=codes))
        if len(skills) != len(set(codes)):
            raise forms.ValidationError(_("Een van de vaardigheden is vervallen. Kies een andere."))
        if not skills:
            raise forms.ValidationError(_("Kies minstens één gevraagde vaardigheid."))
        return skills

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("De sluitingsdatum ligt in het verleden. Kies vandaag of later."))
        return closes_on

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("De einddatum ligt vóór de begindatum."))
        return data


class VisibilityForm(StyledFormMixin, forms.Form):
    visible = forms.BooleanField(
        label=_("Maak mij zichtbaar voor organisaties (zonder naam)"),
        required=False,
        help_text=_(
            "Organisaties zien dan je vaardigheden, hoe goed je bij hun kans past en je provincie. "
            "Nooit je naam, werkgever, leeftijd of eigen tekst. Je kunt dit altijd weer uitzetten."
        ),
    )
    province = forms.ChoiceField(
        label=_("In welke provincie zoek je werk?"),
        required=False,
        choices=[("", _("Zeg ik liever niet"))] + list(Province.choices),
    )


class NoteForm(StyledFormMixin, forms.Form):
    note = text_field(
        _("Bericht"),
        REQUEST_NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht. Hoogstens %(max)s tekens.") % {"max": REQUEST_NOTE_MAX},
    )


class MessageForm(StyledFormMixin, forms.Form):
    text = text_field(
        _("Je bericht"),
        MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hoogstens %(max)s tekens.") % {"max": MESSAGE_MAX},
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Vul dit in."))
        return text


class MemberForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Van iemand die al een account heeft op wendbaar."),
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in."),
        },
    )
    role = forms.ChoiceField(
        label=_("Rol"),
        widget=forms.RadioSelect,
        choices=[
            (MembershipRole.RECRUITER, _("Recruiter: maakt kansen en neemt contact op")),
            (MembershipRole.BEHEERDER, _("Organisatiebeheerder: ook leden beheren")),
        ],
        initial=MembershipRole.RECRUITER,
        error_messages={"required": _("Kies een rol.")},
    )

from datetime import datetime, timedelta

from django import forms
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.core.forms import StyledFormMixin
from wendbaar.events.models import (
    REGIONS,
    Adviser,
    AvailabilityException,
    ConversationMode,
    Event,
    EventKind,
    Weekday,
    WeeklyAvailability,
)
from wendbaar.taxonomy.models import Skill, Status

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker. Values are Dutch local time; Django converts them to UTC."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_INPUT)


class RegistrationForm(StyledFormMixin, forms.Form):
    share_on_attendee_list = forms.BooleanField(
        label=_("Mijn naam en organisatie mogen op de deelnemerslijst"),
        required=False,
        help_text=_(
            "De organisatoren maken een deelnemerslijst voor de andere deelnemers. Zonder vinkje staat je "
            "naam er niet op."
        ),
    )


def _month_choices(events) -> list[tuple[str, str]]:
    months = sorted({timezone.localtime(e.starts_at).date().replace(day=1) for e in events})
    return [(m.strftime("%Y-%m"), formats.date_format(m, "F Y")) for m in months]


class EventFilterForm(StyledFormMixin, forms.Form):
    """The list's filters. Choices come from the events that are there, so no filter leads nowhere."""

    regio = forms.ChoiceField(label=_("Regio"), required=False)
    maand = forms.ChoiceField(label=_("Maand"), required=False)
    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)
    soort = forms.ChoiceField(label=_("Soort"), required=False)

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        used_regions = {e.region for e in events}
        self.fields["regio"].choices = [("", _("Alle regio's"))] + [
            (code, name) for code, name in REGIONS if code in used_regions
        ]
        self.fields["maand"].choices = [("", _("Alle maanden"))] + _month_choices(events)
        topics = (
            Skill.objects.filter(events__in=[e.pk for e in events])
            .distinct()
            .prefetch_related("translations")
        )
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + sorted(
            ((skill.code, skill.label().text) for skill in topics), key=lambda c: c[1].casefold()
        )
        self.fields["soort"].choices = [("", _("Alle soorten")), *EventKind.choices]

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else {}
        if region := data.get("regio"):
            queryset = queryset.filter(region=region)
        if month := data.get("maand"):
            first = timezone.make_aware(datetime.strptime(month, "%Y-%m"))
            after = timezone.make_aware((first.replace(tzinfo=None) + timedelta(days=32)).replace(day=1))
            queryset = queryset.filter(starts_at__gte=first, starts_at__lt=after)
        if topic := data.get("onderwerp"):
            queryset = queryset.filter(topics__code=topic)
        if kind := data.get("soort"):
            queryset = queryset.filter(kind=kind)
        return queryset.distinct()


class TopicsField(forms.CharField):
    """Skills by name, one per line, matched exactly on any of their labels (case does not matter)."""

    def clean(self, value):
        value = super().clean(value)
        names = [line.strip() for line in (value or "").replace(";", "\n").splitlines() if line.strip()]
        found, unknown = [], []
        for name in dict.fromkeys(names):
            matches = list(
                Skill.objects.filter(status=Status.RELEASED)
                .filter(
                    Q(name__iexact=name)
                    | Q(code__iexact=name)
                    | Q(translations__preferred_label__iexact=name)
                )
                .distinct()[:2]
            )
            if len(matches) == 1:
                found.append(matches[0])
            else:
                unknown.append(name)
        if unknown:
            raise forms.ValidationError(
                _(
                    "Deze onderwerpen kennen we niet (of niet precies): %(names)s. Gebruik de naam of "
                    "de code van een vaardigheid."
                )
                % {"names": ", ".join(unknown)}
            )
        return found


class EventForm(StyledFormMixin, forms.ModelForm):
    topics = TopicsField(
        label=_("Onderwerpen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vaardigheden waar de bijeenkomst over gaat, één per regel, zoals bij Vaardigheden."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "kind",
            "region",
            "venue",
            "online_url",
            "starts_at",
            "ends_at",
            "registration_deadline",
            "capacity",
            "audience",
            "topics",
            "is_published",
        ]
        widgets = {
            "starts_at": LocalDateTimeInput(),
            "ends_at": LocalDateTimeInput(),
            "registration_deadline": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "starts_at": _("Nederlandse tijd."),
            "ends_at": _("Nederlandse tijd."),
            "registration_deadline": _("Nederlandse tijd. Daarna kan niemand zich meer aanmelden."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Kies een soort")), *EventKind.choices]
        self.fields["region"].choices = [("", _("Kies een regio")), *REGIONS]
        # The form shows topics as text; the model keeps them as links to skills.
        self.initial["topics"] = (
            "\n".join(skill.label().text for skill in self.instance.topics.prefetch_related("translations"))
            if self.instance.pk
            else ""
        )


class AdviserForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Adviser
        fields = ["is_active", "slot_minutes", "location", "video_url", "introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        data = super().clean()
        if data.get("is_active") and not (data.get("location") or data.get("video_url")):
            raise forms.ValidationError(
                _("Vul een adres of een videolink in, anders weten mensen niet waar het gesprek is.")
            )
        return data


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class WeeklyAvailabilityForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = WeeklyAvailability
        fields = ["weekday", "starts_at", "ends_at"]
        widgets = {"starts_at": TimeInput(), "ends_at": TimeInput()}

    def __init__(self, *args, adviser, **kwargs):
        super().__init__(*args, **kwargs)
        self.adviser = adviser
        self.fields["weekday"].choices = [("", _("Kies een dag")), *Weekday.choices]

    def clean(self):
        data = super().clean()
        start, end, weekday = data.get("starts_at"), data.get("ends_at"), data.get("weekday")
        if start and end and end <= start:
            raise forms.ValidationError(_("De eindtijd moet na de begintijd liggen."))
        if start and end and weekday is not None:
            overlap = self.adviser.weekly_availability.filter(
                weekday=weekday, starts_at__lt=end, ends_at__gt=start
            ).exists()
            if overlap:
                raise forms.ValidationError(_("Dit overlapt met een tijd die je al hebt opgegeven."))
        return data

    def save(self, commit=True):
        self.instance.adviser = self.adviser
        return super().save(commit)


class AvailabilityExceptionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = AvailabilityException
        fields = ["first_day", "last_day", "reason"]
        widgets = {"first_day": DateInput(), "last_day": DateInput()}

    def __init__(self, *args, adviser, **kwargs):
        super().__init__(*args, **kwargs)
        self.adviser = adviser

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            raise forms.ValidationError(_("De laatste dag mag niet voor de eerste dag liggen."))
        return data

    def save(self, commit=True):
        self.instance.adviser = self.adviser
        return super().save(commit)


class BookingForm(StyledFormMixin, forms.Form):
    mode = forms.ChoiceField(label=_("Hoe wil je praten?"), widget=forms.RadioSelect)
    question = forms.CharField(
        label=_("Waar wil je het over hebben?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen jij en je adviseur kunnen dit lezen."),
    )
    share_profile = forms.BooleanField(
        label=_("Mijn adviseur mag mijn vaardighedenprofiel zien voor dit gesprek"),
        required=False,
        help_text=_("Je kunt dit later nog aan- of uitzetten."),
    )

    def __init__(self, *args, adviser: Adviser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [(m, ConversationMode(m).label) for m in adviser.modes()]
        if len(self.fields["mode"].choices) == 1:
            self.fields["mode"].initial = self.fields["mode"].choices[0][0]


class NoteForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Nieuwe notitie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen jij en de ander in dit gesprek kunnen notities lezen."),
    )


class FollowUpForm(StyledFormMixin, forms.Form):
    description = forms.CharField(label=_("Afspraak"), max_length=300)
    due_date = forms.DateField(label=_("Klaar op"), required=False, widget=DateInput())

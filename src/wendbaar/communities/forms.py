"""Forms of the beroepsgroepen. Each uses StyledFormMixin for NL Design System classes and error wiring."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wendbaar.communities import attachments, pins
from wendbaar.communities.models import Group, ReportReason, ThreadKind
from wendbaar.core.forms import StyledFormMixin
from wendbaar.taxonomy.models import Occupation, Skill

BODY_MAX = 10_000
# Fixed paths under /beroepsgroepen/ that a group's address must not take.
RESERVED_SLUGS = {"nieuw", "zoeken", "meldingen", "bijlagen", "berichten"}
FORMAT_HELP = _(
    "Je kunt opmaak gebruiken: **vet**, *schuin*, een lijstje met - aan het begin van de regel, en een link "
    "als [tekst](https://…). Noem een lid met @ en de naam, bijvoorbeeld @Petra de Vries."
)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked on content, name and size; at most COMMUNITIES_MAX_ATTACHMENTS."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.txt,.docx"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > attachments.max_count():
            raise ValidationError(
                gettext("Je kunt hoogstens %(count)s bijlagen toevoegen.")
                % {"count": attachments.max_count()}
            )
        errors = []
        for upload in files:
            try:
                attachments.check(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


def _attachments_help():
    return gettext(
        "Niet verplicht. Pdf, PNG, JPEG, tekst (.txt) of Word (.docx); hoogstens %(count)s bestanden van elk "
        "hoogstens %(mb)s MB. Alleen wie het bericht mag lezen, kan de bijlage openen."
    ) % {"count": attachments.max_count(), "mb": attachments.max_bytes() // 2**20}


class PostFormMixin(StyledFormMixin):
    """Text, attachments and a member picker, shared by a new topic and a reply."""

    # The server checks and explains; a browser's own "required" styling would mark an untouched field red.
    use_required_attribute = False

    def __init__(self, *args, members=None, with_files=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_files:
            self.fields["files"].help_text = _attachments_help()
        else:
            del self.fields["files"]
        if members is None:
            del self.fields["mentioned"]
        else:
            self.fields["mentioned"].queryset = members
            self.fields["mentioned"].label_from_instance = lambda user: user.name or user.email
            self.fields["mentioned"].widget.attrs["size"] = min(6, max(2, members.count()))

    def clean_body(self):
        body = (self.cleaned_data.get("body") or "").strip()
        if not body:
            raise ValidationError(gettext("Schrijf eerst een bericht."))
        return body


def _body_field(label):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=BODY_MAX,
        help_text=FORMAT_HELP,
        error_messages={
            "required": _("Schrijf eerst een bericht."),
            "max_length": _("Je bericht is te lang: hoogstens %(limit_value)s tekens, nu %(show_value)s."),
        },
    )


def _mention_field():
    return forms.ModelMultipleChoiceField(
        label=_("Leden noemen"),
        queryset=None,
        required=False,
        help_text=_("Niet verplicht. Wie je kiest, krijgt een melding. Kies meer namen met Ctrl of Cmd."),
    )


class ThreadForm(PostFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat wil je doen?"),
        choices=[
            (ThreadKind.QUESTION, _("Een vraag stellen: de vraagsteller kiest later het beste antwoord")),
            (ThreadKind.DISCUSSION, _("Een discussie of tip delen")),
        ],
        widget=forms.RadioSelect,
        initial=ThreadKind.QUESTION,
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Kort en duidelijk, bijvoorbeeld: ‘Hoe regelen jullie de ID-controle bij aangifte?’"),
        error_messages={"required": _("Geef je onderwerp een titel.")},
    )
    body = _body_field(_("Je vraag of bericht"))
    files = AttachmentsField(label=_("Bijlagen"))
    mentioned = _mention_field()


class ReplyForm(PostFormMixin, forms.Form):
    body = _body_field(_("Je reactie"))
    files = AttachmentsField(label=_("Bijlagen"))
    mentioned = _mention_field()


class EditPostForm(PostFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, error_messages={"required": _("Geef je onderwerp een titel.")}
    )
    body = _body_field(_("Tekst"))
    files = AttachmentsField(label=_("Bijlagen"))
    mentioned = _mention_field()

    def __init__(self, *args, with_title=False, **kwargs):
        super().__init__(*args, with_files=False, **kwargs)
        if not with_title:
            del self.fields["title"]


class JoinRequestForm(StyledFormMixin, forms.Form):
    motivation = forms.CharField(
        label=_("Waarom wil je lid worden?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht. Bijvoorbeeld: waar je werkt en wat je zoekt. De moderatoren lezen dit."),
    )


class ReportForm(StyledFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Wat is er mis met dit bericht?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er mis is.")},
    )
    explanation = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Niet verplicht. Alleen de moderatoren lezen dit."),
    )


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=300,
        help_text=_("Niet verplicht. Komt in het moderatielog, dat alleen moderatoren zien."),
    )


class RemoveMemberForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=300,
        help_text=_("Niet verplicht. Komt in het moderatielog, dat alleen moderatoren zien."),
    )


class SearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Zoek in berichten"), required=False, max_length=200)
    groep = forms.ChoiceField(label=_("In groep"), required=False)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groep"].choices = [("", gettext("Alle groepen die je kunt lezen"))] + [
            (g.slug, g.name) for g in groups
        ]


class ConceptsField(forms.CharField):
    """Skills or occupations, one per line, by name or code. Unknown lines are refused by name."""

    widget = forms.Textarea

    def __init__(self, model, **kwargs):
        self.model = model
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("rows", 4)

    def prepare_value(self, value):
        if isinstance(value, list | tuple) or hasattr(value, "all"):
            items = value.all() if hasattr(value, "all") else value
            return "\n".join(getattr(item, "name", str(item)) for item in items)
        return value

    def clean(self, value):
        text = super().clean(value) or ""
        found, unknown = [], []
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            match = self.model.objects.filter(Q(code=line) | Q(name__iexact=line)).first() or (
                self.model.objects.filter(translations__preferred_label__iexact=line).first()
            )
            if match is None:
                unknown.append(line)
            elif match not in found:
                found.append(match)
        if unknown:
            raise ValidationError(
                gettext(
                    "Niet gevonden: %(names)s. Schrijf de naam zoals op de pagina Beroepen of Vaardigheden."
                )
                % {"names": ", ".join(f"‘{name}’" for name in unknown)}
            )
        return found


class GroupForm(StyledFormMixin, forms.ModelForm):
    skills = ConceptsField(
        Skill,
        label=_("Vaardigheden"),
        help_text=_("Niet verplicht. Eén per regel, zoals ze heten op wendbaar."),
    )
    occupations = ConceptsField(
        Occupation,
        label=_("Beroepen"),
        help_text=_("Niet verplicht. Eén per regel, zoals ze heten op wendbaar."),
    )

    class Meta:
        model = Group
        fields = ["name", "slug", "focus", "access", "summary", "description", "skills", "occupations"]
        widgets = {"focus": forms.RadioSelect, "access": forms.RadioSelect}
        help_texts = {"slug": _("Kleine letters, cijfers en streepjes, bijvoorbeeld ‘burgerzaken’.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["slug"]  # addresses in mails and bookmarks keep working
            self.initial["skills"] = self.instance.skills.all()
            self.initial["occupations"] = self.instance.occupations.all()

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(gettext("Deze korte naam is al in gebruik op wendbaar. Kies een andere."))
        return slug


class PinForm(StyledFormMixin, forms.Form):
    item = forms.ChoiceField(
        label=_("Wat wil je vastzetten?"),
        error_messages={
            "required": _("Kies wat je wilt vastzetten."),
            "invalid_choice": _("Kies iets uit de lijst."),
        },
    )
    note = forms.CharField(
        label=_("Waarom is dit interessant voor de groep?"), required=False, max_length=300
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", gettext("Kies…")), *pins.choices()]

    def clean_item(self):
        obj = pins.resolve(self.cleaned_data["item"])
        if obj is None:
            raise ValidationError(gettext("Dit is niet (meer) te vinden. Kies iets anders uit de lijst."))
        return obj

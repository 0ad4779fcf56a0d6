"""The settings form: one e-mail choice per group of notifications, as the apps registered them."""

from django import forms
from django.utils.translation import gettext

from wendbaar.core.forms import StyledFormMixin
from wendbaar.notifications import registry
from wendbaar.notifications.registry import Email


class EmailSettingsForm(StyledFormMixin, forms.Form):
    def __init__(self, *args, choices: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for group in registry.groups():
            about = ", ".join(str(kind.label).lower() for kind in registry.kinds(group.key))
            help_text = str(group.help_text)
            if about:
                help_text = f"{help_text} {gettext('Het gaat om: %(kinds)s.') % {'kinds': about}}".strip()
            # Radio buttons need no class from StyledFormMixin, so adding the fields afterwards is fine.
            self.fields[group.key] = forms.ChoiceField(
                label=group.label,
                choices=Email.choices,
                initial=choices.get(group.key, group.default_email),
                widget=forms.RadioSelect,
                help_text=help_text,
            )

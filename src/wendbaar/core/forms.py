"""Form plumbing shared by every app: NL Design System classes and accessible error wiring."""

from django import forms

WIDGET_CLASSES = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "",
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class AccessibleBoundField(forms.BoundField):
    """Points the input at its help text and error messages, and marks it invalid when it has errors."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        described_by = []
        if self.help_text:
            described_by.append(f"{self.auto_id}_helptext")
        if self.errors:
            described_by.append(f"{self.auto_id}_errors")
            attrs["aria-invalid"] = "true"
        if described_by and self.widget_type != "radioselect":
            attrs["aria-describedby"] = " ".join(described_by)
        return attrs


class StyledFormMixin:
    bound_field_class = AccessibleBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget_type = self[name].widget_type
            css = WIDGET_CLASSES.get(widget_type, TEXTBOX)
            if css:
                field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css}".strip()

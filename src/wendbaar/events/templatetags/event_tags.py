from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def _time(moment, fmt):
    local = timezone.localtime(moment)
    return format_html('<time datetime="{}">{}</time>', local.isoformat(), formats.date_format(local, fmt))


@register.simple_tag
def period(start, end):
    """ "dinsdag 3 december 2026, 19:00–21:00", or both dates when it runs past midnight (Dutch time)."""
    if timezone.localtime(start).date() == timezone.localtime(end).date():
        return format_html("{}, {}–{}", _time(start, "l j F Y"), _time(start, "H:i"), _time(end, "H:i"))
    return format_html("{} – {}", _time(start, r"l j F Y, H:i"), _time(end, r"l j F Y, H:i"))


@register.simple_tag
def moment(value):
    """ "dinsdag 3 december 2026 om 19:00" in Dutch local time."""
    # Translators: a date format (Django's "date" filter); letters that are text are escaped.
    return _time(value, _(r"l j F Y \o\m H:i"))

import re

from django import template
from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wendbaar.knowledge import pricing, services

register = template.Library()


@register.inclusion_tag("knowledge/_read_more.html", takes_context=True)
def read_more(context, skills=None, occupations=None, limit=4, heading=None):
    """A "Lees meer" block: kennisbank items tagged with these skills and/or occupations (instances,
    ids, lists or querysets). Renders nothing when there are none.

    {% load knowledge %}{% read_more skills=essential occupations=occupation %}
    """
    return {
        "items": services.related_items(skills=skills, occupations=occupations, limit=limit),
        "heading": heading,
        "request": context.get("request"),
    }


@register.filter
def euro(cents):
    """2500 → € 25,00"""
    return pricing.euro(int(cents or 0))


@register.filter
def paragraphs(text):
    """Plain text → escaped paragraphs in NL Design System markup; a blank line starts a new paragraph."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", str(text or "").replace("\r\n", "\n")) if b.strip()]
    return mark_safe(  # noqa: S308 — every block is escaped
        "".join(f'<p class="utrecht-paragraph">{linebreaksbr(escape(b))}</p>' for b in blocks)
    )


@register.filter
def duration_text(value):
    """A timedelta in plain Dutch: '32 minuten', '1 uur en 5 minuten', '45 seconden'."""
    if not value:
        return ""
    seconds = int(value.total_seconds())
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if hours == 0 and minutes == 0:
        return ngettext("%(n)d seconde", "%(n)d seconden", seconds) % {"n": seconds}
    parts = []
    if hours:
        parts.append(ngettext("%(n)d uur", "%(n)d uur", hours) % {"n": hours})
    if minutes:
        parts.append(ngettext("%(n)d minuut", "%(n)d minuten", minutes) % {"n": minutes})
    return _(" en ").join(parts)


@register.filter
def file_size(field_file):
    """The size of a stored file, in words ("1,2 MB"); empty when the file is missing."""
    try:
        return filesizeformat(field_file.size) if field_file else ""
    except OSError:
        return ""

"""The export as a readable page: the same data as the JSON file, with headings, lists and tables."""

from __future__ import annotations

from datetime import date, datetime

from django.template.defaultfilters import linebreaksbr
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Headings for the keys of the export; a key not listed reads as itself ("jaren_in_functie": "Jaren in
# functie"), which is plain Dutch already. These are the ones that need an accent, a capital or a hint.
LABELS = {
    "e_mailadres": _("E-mailadres"),
    "esco_uri": _("ESCO-URI"),
    "rol": _("Rol"),
    "gekoppelde_accounts": _("Gekoppelde gemeente-accounts"),
    "gevonden_in_je_tekst": _("Gevonden in je eigen tekst"),
    "bewaard_werk": _("Bewaard werk (overstappen)"),
    "agenda_link": _("Agenda-link"),
    "als_loopbaanadviseur": _("Als loopbaanadviseur"),
    "notities_geschreven_in_gesprekken_van_anderen": _("Notities die je schreef in gesprekken met anderen"),
    "e_mail_over_beroepsgroepen": _("E-mail over je beroepsgroepen"),
    "e_mailadres_bevestigd_op": _("E-mailadres bevestigd op"),
    "totaal_in_cent": _("Totaal (in centen)"),
    "over_jou": _("Wie jouw gegevens bekeek"),
    "door_jou": _("Welke gegevens van anderen jij bekeek"),
    "waarschuwing_bewaartermijn": _("Waarschuwing bewaartermijn"),
}


def label(key: str) -> str:
    found = LABELS.get(key)
    if found is not None:
        return str(found)
    return key.replace("_", " ").capitalize()


def _is_concept(value) -> bool:
    return isinstance(value, dict) and set(value) == {"naam", "code", "esco_uri"}


def _scalar(value) -> bool:
    return not isinstance(value, (dict, list)) or _is_concept(value)


def text(value) -> SafeString:
    """One plain value as text."""
    if value is None or value == "":
        return mark_safe("—")
    if isinstance(value, bool):
        return format_html("{}", gettext("ja") if value else gettext("nee"))
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_html("{}", formats.date_format(moment, "j F Y, H:i"))
    if isinstance(value, date):
        return format_html("{}", formats.date_format(value, "j F Y"))
    if _is_concept(value):
        return format_html("{}", value["naam"])
    return linebreaksbr(str(value), autoescape=True)


def _definition_list(data: dict) -> SafeString:
    return format_html(
        '<dl class="details">{}</dl>',
        format_html_join(
            "", "<dt>{}</dt><dd>{}</dd>", ((label(k), block(v, label(k))) for k, v in data.items())
        ),
    )


def _table(caption: str, rows: list[dict], region: str = "") -> SafeString:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    head = format_html_join(
        "", '<th scope="col" class="utrecht-table__header-cell">{}</th>', ((label(c),) for c in columns)
    )
    body = format_html_join(
        "",
        '<tr class="utrecht-table__row">{}</tr>',
        (
            (
                format_html_join(
                    "", '<td class="utrecht-table__cell">{}</td>', ((text(row.get(c)),) for c in columns)
                ),
            )
            for row in rows
        ),
    )
    table = format_html(
        '<table class="utrecht-table"><caption class="visually-hidden">{}</caption>'
        '<thead class="utrecht-table__header"><tr class="utrecht-table__row">{}</tr></thead>'
        '<tbody class="utrecht-table__body">{}</tbody></table>',
        caption,
        head,
        body,
    )
    if not region:
        return table
    # A wide table scrolls on its own; such a region must be reachable by keyboard and have a unique name.
    return format_html(
        '<div class="table-scroll" tabindex="0" role="region" aria-label="{}">{}</div>', region, table
    )


def block(value, caption: str, region: str = "") -> SafeString:
    """Any value of the export: a list of flat records becomes a table, a record a definition list."""
    if _scalar(value):
        return text(value)
    if isinstance(value, dict):
        return _definition_list(value)
    if not value:
        return format_html("{}", gettext("Niets."))
    if all(isinstance(item, dict) and all(_scalar(v) for v in item.values()) for item in value):
        return _table(caption, value, region)
    if all(isinstance(item, dict) for item in value):
        return format_html(
            '<ol class="utrecht-ordered-list export-records">{}</ol>',
            format_html_join(
                "", '<li class="utrecht-ordered-list__item">{}</li>', ((_definition_list(i),) for i in value)
            ),
        )
    return format_html(
        '<ul class="utrecht-unordered-list">{}</ul>',
        format_html_join("", "<li>{}</li>", ((text(i),) for i in value)),
    )


def section(key: str, value, title: str = "") -> SafeString:
    """One part of the export, below its own heading (h2): scalars first, then each list under an h3."""
    if value is None:
        return format_html('<p class="utrecht-paragraph">{}</p>', gettext("Hierover hebben we niets van je."))
    if not isinstance(value, dict):
        return block(value, label(key), title or label(key))
    flat = {k: v for k, v in value.items() if _scalar(v)}
    nested = [(k, v) for k, v in value.items() if not _scalar(v)]
    parts = [_definition_list(flat)] if flat else []
    for nested_key, nested_value in nested:
        parts.append(
            format_html(
                '<h3 class="utrecht-heading-3">{}</h3>{}',
                label(nested_key),
                block(nested_value, label(nested_key), f"{title or label(key)}: {label(nested_key)}"),
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 — every part above is built with format_html

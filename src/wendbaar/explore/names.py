"""How the engine's occupations and skills read on a page, per language: built once per taxonomy version.

Verkennen shows twenty occupations with a few skills each. Looking them up in the database and rendering
each label through a template tag on every visit costs more than ranking them; this table answers from
memory, with the same rule as ``components/label.html``: a label in another language than the page's is
marked with ``lang``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from wendbaar.taxonomy.models import Occupation, Skill


@dataclass(frozen=True)
class OccupationName:
    id: int
    code: str
    text: str  # plain, e.g. for a screen reader's "Bekijk: …"
    html: SafeString  # marked with lang when it falls back to another language
    is_municipal: bool
    tag: str  # "gemeente" or the sector, in the page's language


@dataclass(frozen=True)
class Names:
    occupations: list[OccupationName | None]  # by engine index
    skills: list[SafeString | None]  # by engine index


def _html(label, language: str) -> SafeString:
    if label.language != language:
        return format_html('<span lang="{}">{}</span>', label.language, label.text)
    return conditional_escape(label.text)


def _build(loaded, language: str) -> Names:
    occupation_at = {pk: i for i, pk in enumerate(loaded.occupation_ids)}
    skill_at = {pk: i for i, pk in enumerate(loaded.skill_ids)}
    occupations: list[OccupationName | None] = [None] * len(loaded.occupation_ids)
    skills: list[SafeString | None] = [None] * len(loaded.skill_ids)
    with translation.override(language):
        municipal = str(translation.gettext("gemeente"))
        for occupation in Occupation.objects.filter(id__in=occupation_at).prefetch_related("translations"):
            label = occupation.label(language)
            tag = municipal if occupation.is_municipal else str(occupation.get_sector_display() or "")
            occupations[occupation_at[occupation.id]] = OccupationName(
                id=occupation.id,
                code=occupation.code,
                text=label.text,
                html=_html(label, language),
                is_municipal=occupation.is_municipal,
                tag=tag,
            )
        for skill in Skill.objects.filter(id__in=skill_at).prefetch_related("translations").iterator(2000):
            skills[skill_at[skill.id]] = _html(skill.label(language), language)
    return Names(occupations, skills)


_lock = threading.Lock()
_built: dict[tuple[str, str], Names] = {}


def names(loaded, version: str, language: str | None = None) -> Names:
    """The table for the engine of ``version`` (``explore.engine.get_engine_and_version``) in ``language``
    (default: the page's)."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    key = (version, language)
    found = _built.get(key)
    if found is None:
        with _lock:
            found = _built.get(key)
            if found is None:
                found = _build(loaded, language)
                # Only the current version's tables are kept.
                for old in [k for k in _built if k[0] != version]:
                    del _built[old]
                _built[key] = found
    return found

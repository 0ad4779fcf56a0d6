"""Which skills to offer when an organisation describes a kans: from its own text (the same Dutch text
matcher as the vaardighedenprofiel), from the chosen occupation (its essential skills) and from a search.
Nothing is ticked on the organisation's behalf: they tick what the kans really asks."""

from __future__ import annotations

from django.utils.translation import gettext as _

from wendbaar.profiles.text import get_matcher
from wendbaar.taxonomy.models import Occupation, OccupationSkill, RelationType, Skill, Status
from wendbaar.taxonomy.search import search

MAX_OPTIONS = 60


def skill_options(chosen: list[str], text: str = "", occupation_code: str = "", query: str = "") -> list:
    """(Skill, note) pairs: the chosen skills first (note ""), then suggestions with where they came from."""
    found: dict[int, str] = {}
    chosen_skills = Skill.objects.current().filter(code__in=chosen)
    for skill in chosen_skills:
        found[skill.id] = ""
    if occupation_code:
        occupation = Occupation.objects.current().filter(code=occupation_code).first()
        if occupation is not None:
            essential = OccupationSkill.objects.filter(
                occupation=occupation, relation_type=RelationType.ESSENTIAL, skill__status=Status.RELEASED
            ).values_list("skill_id", flat=True)
            for skill_id in essential:
                found.setdefault(skill_id, _("hoort bij het beroep"))
    if text.strip():
        for hit in get_matcher().find(text[:10_000]):
            found.setdefault(hit.skill_id, _("uit je tekst: ‘%(words)s’") % {"words": hit.evidence[:80]})
    if query.strip():
        for hit in search(query[:200], kind="skill", limit=8):
            found.setdefault(hit.concept_id, _("gevonden bij zoeken"))
    ids = list(found)[:MAX_OPTIONS]
    skills = Skill.objects.current().prefetch_related("translations").in_bulk(ids)
    return [(skills[i], found[i]) for i in ids if i in skills]


def occupation_choices(chosen: str = "", query: str = "") -> list[Occupation]:
    result = []
    if chosen:
        result.extend(Occupation.objects.current().filter(code=chosen).prefetch_related("translations"))
    if query.strip():
        hits = search(query[:200], kind="occupation", limit=8)
        found = (
            Occupation.objects.current()
            .prefetch_related("translations")
            .in_bulk([h.concept_id for h in hits])
        )
        result.extend(
            found[h.concept_id] for h in hits if h.concept_id in found and found[h.concept_id].code != chosen
        )
    return result

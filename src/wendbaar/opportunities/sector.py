"""Sector view: what people from the publieksdiensten bring that an organisation's sector asks for.

Aggregated and anonymous: counts only, over people who are zichtbaar voor organisaties and whose current
work is a municipal function; a count below ``MIN_GROUP`` is shown as "minder dan 10", never as a number,
and nothing at all is counted when the whole group is that small.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from wendbaar.core.charts import bar_chart
from wendbaar.opportunities.models import Opportunity
from wendbaar.profiles.models import Profile, ProfileSkill
from wendbaar.taxonomy.models import OccupationSkill, RelationType, Skill, Status
from wendbaar.taxonomy.starter import SECTORS

MIN_GROUP = 10
SHOWN = 25


@dataclass(frozen=True)
class Row:
    skill: Skill
    asked_by: int  # open kansen in the sector that require it
    in_occupations: int  # occupations of the sector for which it is essential
    count: int | None  # None: fewer than MIN_GROUP people


@dataclass(frozen=True)
class SectorView:
    sector: str
    people: int | None  # None: fewer than MIN_GROUP
    rows: list[Row]
    chart: object | None


def build(organisation) -> SectorView:
    sector = organisation.sector
    label = SECTORS.get(sector, sector)
    from wendbaar.opportunities.services import visible_user_ids

    people = Profile.objects.filter(
        user__in=visible_user_ids(), user__is_active=True, current_occupation__is_municipal=True
    )
    total = people.count()
    asked: dict[int, list[int]] = {}
    for skill_id, n in (
        Opportunity.objects.open()
        .filter(organisation__sector=sector)
        .values_list("required_skills")
        .annotate(n=Count("id"))
        .values_list("required_skills", "n")
    ):
        if skill_id:
            asked.setdefault(skill_id, [0, 0])[0] = n
    for skill_id, n in (
        OccupationSkill.objects.filter(
            occupation__sector=sector,
            occupation__status=Status.RELEASED,
            relation_type=RelationType.ESSENTIAL,
            skill__status=Status.RELEASED,
        )
        .values_list("skill")
        .annotate(n=Count("occupation", distinct=True))
        .values_list("skill", "n")
    ):
        asked.setdefault(skill_id, [0, 0])[1] = n
    if total < MIN_GROUP or not asked:
        return SectorView(label, None if total < MIN_GROUP else total, [], None)
    counts = dict(
        ProfileSkill.objects.filter(profile__in=people, skill_id__in=list(asked), level__gte=2)
        .values_list("skill")
        .annotate(n=Count("profile", distinct=True))
        .values_list("skill", "n")
    )
    skills = Skill.objects.prefetch_related("translations").in_bulk(list(asked))
    rows = [
        Row(skills[pk], a, o, counts.get(pk, 0) if counts.get(pk, 0) >= MIN_GROUP else None)
        for pk, (a, o) in asked.items()
        if pk in skills
    ]
    rows.sort(key=lambda r: (-(r.count or 0), -r.asked_by, -r.in_occupations, r.skill.name))
    rows = rows[:SHOWN]
    shown = [(r.skill.label().text, r.count) for r in rows if r.count is not None][:12]
    chart = (
        bar_chart(
            "sector",
            _("Zoveel mensen uit de publieksdiensten hebben deze vaardigheid"),
            shown,
            description=_("Aantal zichtbare mensen met een gemeentelijke functie per gevraagde vaardigheid."),
        )
        if shown
        else None
    )
    return SectorView(label, total, rows, chart)

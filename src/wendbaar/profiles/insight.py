"""The Inzicht page's content: a person's skills grouped, their strengths, how they compare with their
current occupation, and how exposed that occupation is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from wendbaar.core.charts import BarChart, bar_chart
from wendbaar.profiles.models import Profile
from wendbaar.taxonomy.models import (
    Collection,
    IndicatorValue,
    OccupationSkill,
    RelationType,
    SkillGroup,
    SkillType,
)


@dataclass
class Insight:
    total: int = 0
    charts: list[BarChart] = field(default_factory=list)
    strengths: list = field(default_factory=list)
    occupation_have: list = field(default_factory=list)
    occupation_missing: list = field(default_factory=list)
    exposure: list[dict] = field(default_factory=list)

    @property
    def occupation_total(self) -> int:
        return len(self.occupation_have) + len(self.occupation_missing)

    @property
    def occupation_percent(self) -> int:
        total = self.occupation_total
        return round(100 * len(self.occupation_have) / total) if total else 0


def _top_group(group: SkillGroup, parents: dict[int, int | None]) -> int:
    seen = set()
    while parents.get(group) and group not in seen:
        seen.add(group)
        group = parents[group]
    return group


def build(profile: Profile) -> Insight:
    ratings = list(
        profile.skills.select_related("skill").prefetch_related(
            "skill__translations", "skill__collections", "skill__groups"
        )
    )
    insight = Insight(total=len(ratings))
    if not ratings:
        return insight

    collections = Counter()
    for rating in ratings:
        codes = {c.code for c in rating.skill.collections.all()}
        for code in codes or {"overig"}:
            collections[code] += 1
    names = {c.code: c.name for c in Collection.objects.all()} | {"overig": _("Overige vaardigheden")}
    insight.charts.append(
        bar_chart(
            "collecties",
            _("Je vaardigheden per soort"),
            [(names.get(code, code), count) for code, count in collections.most_common()],
            description=_(
                "Aantal vaardigheden in je profiel per collectie: digitaal, breed inzetbaar, taal, groen."
            ),
        )
    )

    parents = dict(SkillGroup.objects.values_list("id", "parent_id"))
    groups = Counter()
    for rating in ratings:
        tops = {_top_group(g.id, parents) for g in rating.skill.groups.all()}
        for top in tops:
            groups[top] += 1
    if groups:
        labels = {
            g.id: g.label().text
            for g in SkillGroup.objects.filter(id__in=groups).prefetch_related("translations")
        }
        insight.charts.append(
            bar_chart(
                "groepen",
                _("Je vaardigheden per ESCO-groep"),
                [(labels[g], count) for g, count in groups.most_common(8)],
                description=_("Aantal vaardigheden in je profiel per hoofdgroep van ESCO."),
            )
        )
    kinds = Counter(r.skill.skill_type or "" for r in ratings)
    kind_names = {
        SkillType.KNOWLEDGE: _("Kennis"),
        SkillType.SKILL: _("Vaardigheden"),
        "": _("Niet ingedeeld"),
    }
    insight.charts.append(
        bar_chart(
            "niveaus",
            _("Hoe goed je bent in je vaardigheden"),
            [
                (label, sum(1 for r in ratings if r.level == level))
                for level, label in [
                    (4, _("Expert")),
                    (3, _("Ervaren")),
                    (2, _("Gevorderd")),
                    (1, _("Beginner")),
                ]
            ],
            description=_("Aantal vaardigheden per niveau dat je zelf hebt gekozen."),
        )
    )
    if len(kinds) > 1:
        insight.charts.append(
            bar_chart(
                "kennis", _("Kennis en vaardigheden"), [(kind_names[k], v) for k, v in kinds.most_common()]
            )
        )

    # Strengths: your highest levels, rarer skills first (they set you apart).
    demand = dict(
        OccupationSkill.objects.filter(skill__in=[r.skill_id for r in ratings])
        .values_list("skill_id")
        .annotate(n=Count("occupation_id", distinct=True))
    )
    strong = [r for r in ratings if r.level >= 3]
    insight.strengths = sorted(strong, key=lambda r: (-r.level, demand.get(r.skill_id, 0), r.skill.name))[:8]

    if profile.current_occupation_id:
        mine = {r.skill_id: r for r in ratings}
        required = (
            OccupationSkill.objects.filter(
                occupation_id=profile.current_occupation_id,
                relation_type=RelationType.ESSENTIAL,
                skill__status="released",
            )
            .select_related("skill")
            .prefetch_related("skill__translations")
            .order_by("skill__name")
        )
        seen = set()
        for relation in required:
            if relation.skill_id in seen:
                continue
            seen.add(relation.skill_id)
            if relation.skill_id in mine:
                insight.occupation_have.append(mine[relation.skill_id])
            else:
                insight.occupation_missing.append(relation.skill)
        insight.exposure = [
            {
                "label": v.indicator.label,
                "source": v.indicator.source,
                "value": v.value,
                "share_lower": _share_lower(v),
            }
            for v in IndicatorValue.objects.filter(
                occupation_id=profile.current_occupation_id, indicator__exposure=True
            ).select_related("indicator")
        ]
    return insight


def _share_lower(value: IndicatorValue) -> int:
    """How many occupations (in %) are less exposed than this one, to make a raw figure understandable."""
    values = IndicatorValue.objects.filter(indicator=value.indicator)
    total = values.count()
    return round(100 * values.filter(value__lt=value.value).count() / total) if total else 0

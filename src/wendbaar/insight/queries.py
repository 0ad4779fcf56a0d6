"""Every figure of the inzicht dashboards, each one a function from filters to a ``Figure``.

``ALL_QUERIES`` maps a figure's name to that function; ``bench/insight_queries.py`` times each one and
the privacy app's erasure test compares them before and after an account is erased (erased accounts
keep counting, through the anonymous tables of ``wendbaar.privacy``).

A figure is computed in a few aggregate SQL queries (``sql.py``) — counts per item, municipality and
occupation group — and then passed through ``suppression.protect`` over all groups at once, so that what
one group's page shows can never be combined with another's into a count of fewer than ten people.
"""

from __future__ import annotations

import math
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wendbaar.insight import sql
from wendbaar.insight.groups import NATIONAL, Groups
from wendbaar.insight.sql import ANON, LIVE, ORPHAN, Source, table
from wendbaar.insight.suppression import SMALL, TOTAL, Count, Verdicts, percent, protect
from wendbaar.taxonomy.starter import SECTORS

TOP = 15  # rows in a ranked list
CANDIDATES = 20  # items looked at for a ranked list (hidden ones drop out, the next one moves up)
MONTHS = [
    gettext_lazy("januari"),
    gettext_lazy("februari"),
    gettext_lazy("maart"),
    gettext_lazy("april"),
    gettext_lazy("mei"),
    gettext_lazy("juni"),
    gettext_lazy("juli"),
    gettext_lazy("augustus"),
    gettext_lazy("september"),
    gettext_lazy("oktober"),
    gettext_lazy("november"),
    gettext_lazy("december"),
]


# --- What a figure looks like ------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    values: tuple  # per column: a Count (people) or a plain number (kansen are not people)
    share: int | None = None  # percent of the group, from the rounded counts


@dataclass
class Figure:
    name: str
    title: str
    description: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    population: Count | None = None
    shares: bool = False  # a column with each row's share of the group
    note: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(
            isinstance(v, Count) and v.is_shown for row in self.rows for v in row.values
        ) and not any(isinstance(v, int) and v for row in self.rows for v in row.values)


# --- Filters ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """One group (``"nl"``, ``"p:<province>"``, ``"g:<municipality id>"`` or ``"b:<ISCO digit>"``) and one
    calendar year for what happened in a period."""

    group: str = NATIONAL
    year: int = field(default_factory=lambda: timezone.localdate().year)

    @classmethod
    def of(cls, value) -> Filters:
        if isinstance(value, Filters):
            return value
        value = dict(value or {})
        return cls(**{k: value[k] for k in ("group", "year") if value.get(k) not in (None, "")})

    def months(self) -> list[int]:
        today = timezone.localdate()
        last = 12 if self.year < today.year else (today.month if self.year == today.year else 0)
        return list(range(1, last + 1))


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


class Run:
    """One figure for one set of filters: the groups, the population and its verdicts, computed once."""

    def __init__(self, filters):
        from wendbaar.insight.people import ensure

        ensure()
        self.filters = Filters.of(filters)
        self.groups = Groups.load()
        node = self.filters.group
        if node not in self.groups.labels or node in self.groups.forest.never:
            raise ValueError(f"onbekende groep: {node}")
        self.node = node
        self.year_dates = (date(self.filters.year, 1, 1), date(self.filters.year + 1, 1, 1))
        self.year_moments = tuple(_moment(d) for d in self.year_dates)

    @cached_property
    def scope(self) -> sql.Scope:
        province = self.node.partition(":")[2] if self.node.startswith("p:") else None
        ids = [i for i, p in self.groups.province_of.items() if p == province] if province else []
        return sql.scope_for(self.node, ids)

    def per_node(self, rows) -> dict[object, dict[str, int]]:
        """Rows of ``sql.cells`` → item → every group's count."""
        leaves: dict = defaultdict(self.groups.leaf_values)
        for item, kind, gid, aprov, isco, n in rows:
            counts = leaves[item]
            counts[self.groups.region_leaf(kind, gid, aprov)] += n
            counts[self.groups.group_leaf(kind, isco)] += n
        return {item: self.groups.totals(counts) for item, counts in leaves.items()}

    @cached_property
    def population(self) -> tuple[dict[str, int], Verdicts]:
        rows = sql.cells(
            [
                Source(LIVE, "1", "pe.pid", "live pe", unique=True),
                Source(ANON, "1", "an.aid", "anon an", unique=True),
            ]
        )
        totals = self.per_node(rows).get(1) or self.groups.totals(self.groups.leaf_values())
        values = {node: {TOTAL: n} for node, n in totals.items()}
        return totals, protect(self.groups.forest, values)

    @property
    def total(self) -> Count:
        totals, verdicts = self.population
        return Count.of(totals[self.node], verdicts.status[(self.node, TOTAL)])

    def binary(self, counts: dict[str, int]) -> Count:
        """The count of one group of people within each group (people with a skill, …), protected."""
        totals, verdicts = self.population
        if not any(counts.values()):
            return Count(SMALL)
        values = {node: {TOTAL: totals[node], "X": counts.get(node, 0)} for node in totals}
        result = protect(self.groups.forest, values, ["X"], rest=True, population=verdicts)
        return Count.of(values[self.node]["X"], result.status[(self.node, "X")])

    def buckets(self, per_bucket: dict[str, dict[str, int]], names: list[str]) -> dict[str, Count]:
        """Counts of buckets that split each group. One part of every group is never shown (people in
        none of the buckets): were the buckets all of it, a shown total of 27 with three buckets of
        "minder dan 10" would say they are 9 each."""
        totals, verdicts = self.population
        values = {
            node: {TOTAL: totals[node], **{b: per_bucket.get(b, {}).get(node, 0) for b in names}}
            for node in totals
        }
        if not any(v for node in values for b, v in values[node].items() if b != TOTAL):
            return {b: Count(SMALL) for b in names}
        result = protect(self.groups.forest, values, names, rest=True, population=verdicts)
        return {b: Count.of(values[self.node][b], result.status[(self.node, b)]) for b in names}

    def ranked(self, sources: list[Source], labels) -> list[Row]:
        """The items with the most people in the group, those that may be shown, at most ``TOP``."""
        candidates = sql.leading(sources, self.scope, CANDIDATES, national=self.node == NATIONAL)
        per_item = self.per_node(sql.cells(sources, candidates))
        names = labels(candidates)
        rows = []
        total = self.total
        for item in candidates:
            count = self.binary(per_item.get(item, {}))
            if count.is_shown:
                rows.append(Row(str(item), names.get(item, str(item)), (count,), percent(count, total)))
            if len(rows) == TOP:
                break
        return rows

    def figure(self, name, title, description, columns, **extra) -> Figure:
        return Figure(name, title, description, columns, population=self.total, **extra)


_shared: ContextVar[dict | None] = ContextVar("insight_runs", default=None)


@contextmanager
def sharing():
    """Within this block, figures for the same filters share one ``Run`` (one population query and
    its protection), as the figures of one page do."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def _run(filters) -> Run:
    filters = Filters.of(filters)
    cache = _shared.get()
    if cache is None:
        return Run(filters)
    if filters not in cache:
        cache[filters] = Run(filters)
    return cache[filters]


# --- Labels -------------------------------------------------------------------------------------------


def _concept_labels(model):
    def labels(ids) -> dict:
        return {
            o.id: o.label().text for o in model.objects.filter(id__in=ids).prefetch_related("translations")
        }

    return labels


# --- The figures --------------------------------------------------------------------------------------


def population(filters) -> Figure:
    """How many people the group has, and how they spread over the groups right below it."""
    run = _run(filters)
    totals, verdicts = run.population
    figure = run.figure(
        "bevolking",
        _("Mensen in deze groep"),
        _("Medewerkers met een vaardighedenprofiel, per groep."),
        [_("Mensen")],
        shares=True,
    )
    for node in [run.node, *run.groups.children_shown(run.node)]:
        count = Count.of(totals[node], verdicts.status[(node, TOTAL)])
        figure.rows.append(Row(node, run.groups.labels[node], (count,), percent(count, run.total)))
    return figure


def _skills_sources() -> list[Source]:
    from wendbaar.privacy.models import AnonymousProfileSkill
    from wendbaar.profiles.models import ProfileSkill

    return [
        Source(
            LIVE,
            "ps.skill_id",
            "pe.pid",
            f"live pe JOIN {table(ProfileSkill)} ps ON ps.profile_id = pe.pid",
            unique=True,
            shortlist=f"SELECT skill_id, COUNT(*) FROM {table(ProfileSkill)} GROUP BY 1",
        ),
        Source(
            ANON,
            "aps.skill_id",
            "an.aid",
            f"anon an JOIN {table(AnonymousProfileSkill)} aps ON aps.profile_id = an.aid",
            unique=True,
        ),
    ]


def skills(filters) -> Figure:
    """The skills most people in the group have."""
    from wendbaar.taxonomy.models import Skill

    run = _run(filters)
    figure = run.figure(
        "vaardigheden",
        _("Vaardigheden die de meeste mensen hebben"),
        _("Aantal mensen met deze vaardigheid in hun profiel."),
        [_("Mensen")],
        shares=True,
        note=_("Alleen vaardigheden die we zonder kleine groepen kunnen tonen."),
    )
    figure.rows = run.ranked(_skills_sources(), _concept_labels(Skill))
    return figure


DIGITAL = ("digital", "digcomp")


def collections(filters) -> Figure:
    """People with at least one skill of each kind (ESCO collections; digital skills have their own
    figure)."""
    from wendbaar.privacy.models import AnonymousProfileSkill
    from wendbaar.profiles.models import ProfileSkill
    from wendbaar.taxonomy.models import Collection, SkillCollection

    run = _run(filters)
    kinds = list(Collection.objects.exclude(code__in=DIGITAL).order_by("name_nl"))
    figure = run.figure(
        "soorten",
        _("Mensen per soort vaardigheid"),
        _("Aantal mensen met minstens één vaardigheid van deze soort (collecties van ESCO)."),
        [_("Mensen")],
        shares=True,
    )
    if not kinds:
        return figure
    ids = [k.id for k in kinds]
    marks = ", ".join(["%s"] * len(ids))
    sources = [
        Source(
            LIVE,
            "sc.collection_id",
            "pe.pid",
            f"live pe JOIN {table(ProfileSkill)} ps ON ps.profile_id = pe.pid "
            f"JOIN {table(SkillCollection)} sc ON sc.skill_id = ps.skill_id",
            f"sc.collection_id IN ({marks})",
            where_params=ids,
        ),
        Source(
            ANON,
            "sc.collection_id",
            "an.aid",
            f"anon an JOIN {table(AnonymousProfileSkill)} aps ON aps.profile_id = an.aid "
            f"JOIN {table(SkillCollection)} sc ON sc.skill_id = aps.skill_id",
            f"sc.collection_id IN ({marks})",
            where_params=ids,
        ),
    ]
    per_kind = run.per_node(sql.cells(sources))
    for kind in kinds:
        count = run.binary(per_kind.get(kind.id, {}))
        figure.rows.append(Row(kind.code, kind.name, (count,), percent(count, run.total)))
    return figure


DIGITAL_BUCKETS = {
    "1-2": gettext_lazy("1 of 2 digitale vaardigheden"),
    "3-5": gettext_lazy("3 tot en met 5"),
    "6+": gettext_lazy("6 of meer"),
}


def digital(filters) -> Figure:
    """How many digital skills people have (ESCO's collections of digital skills and DigComp). Those
    without any are the part of the group that is never shown: everyone else is in a bucket."""
    from wendbaar.privacy.models import AnonymousProfileSkill
    from wendbaar.profiles.models import ProfileSkill
    from wendbaar.taxonomy.models import SkillCollection

    run = _run(filters)
    figure = run.figure(
        "digitaal",
        _("Digitale vaardigheden"),
        _(
            "Mensen naar het aantal digitale vaardigheden in hun profiel (de collecties digitale "
            "vaardigheden en DigComp van ESCO)."
        ),
        [_("Mensen")],
        shares=True,
    )
    # The digital skills as a list, so that the database reads only their ratings (through the index on
    # the skill) rather than joining every rating to them.
    digital_skills = sorted(
        set(SkillCollection.objects.filter(collection__code__in=DIGITAL).values_list("skill_id", flat=True))
    )
    bucket = "CASE WHEN c.n <= 2 THEN '1-2' WHEN c.n <= 5 THEN '3-5' ELSE '6+' END"
    marks = ", ".join(["%s"] * len(digital_skills))

    def per_person(skill_table, alias):
        return (
            f"(SELECT s.profile_id AS who, COUNT(*) AS n FROM {skill_table} s "
            f"WHERE s.skill_id IN ({marks}) GROUP BY s.profile_id) c ON c.who = {alias}"
        )

    sources = [
        Source(
            LIVE,
            bucket,
            "pe.pid",
            f"live pe JOIN {per_person(table(ProfileSkill), 'pe.pid')}",
            source_params=digital_skills,
            unique=True,
        ),
        Source(
            ANON,
            bucket,
            "an.aid",
            f"anon an JOIN {per_person(table(AnonymousProfileSkill), 'an.aid')}",
            source_params=digital_skills,
            unique=True,
        ),
    ]
    per_bucket = run.per_node(sql.cells(sources)) if digital_skills else {}
    counts = run.buckets(per_bucket, list(DIGITAL_BUCKETS))
    for key, label in DIGITAL_BUCKETS.items():
        figure.rows.append(Row(key, str(label), (counts[key],), percent(counts[key], run.total)))
    with_any = [counts[key] for key in DIGITAL_BUCKETS]
    if all(c.is_shown for c in with_any) and run.total.is_shown:
        share = round(100 * sum(c.shown for c in with_any) / run.total.shown)
        figure.note = _("%(share)s%% van de groep heeft minstens één digitale vaardigheid.") % {
            "share": share
        }
    return figure


EXPOSURE_BANDS = {
    "laag": gettext_lazy("Minder gevoelig (laagste derde van de beroepen)"),
    "midden": gettext_lazy("Middelste derde"),
    "hoog": gettext_lazy("Meest gevoelig (hoogste derde)"),
}


def exposure(filters) -> Figure:
    """How exposed people's current occupations are, per imported exposure indicator (e.g. to
    automation): in thirds of all occupations with a figure."""
    from wendbaar.taxonomy.models import Indicator, IndicatorValue

    run = _run(filters)
    figure = run.figure(
        "blootstelling",
        _("Hoe gevoelig het huidige werk is"),
        _(
            "Mensen naar hoe gevoelig hun huidige functie is volgens een ingelezen indicator. Wie geen "
            "functie heeft ingevuld, of een functie zonder cijfer, telt hier niet mee."
        ),
        [],
        shares=True,
    )
    indicators = list(Indicator.objects.filter(exposure=True).order_by("name"))
    if not indicators:
        figure.note = _("Er is nog geen indicator ingelezen; de beheerder kan die inlezen.")
        return figure
    for indicator in indicators:
        figure.columns.append(indicator.label)
    per_indicator = []
    for indicator in indicators:
        ordered = sorted(IndicatorValue.objects.filter(indicator=indicator).values_list("value", flat=True))
        low = ordered[len(ordered) // 3] if ordered else 0
        high = ordered[(2 * len(ordered)) // 3] if ordered else 0
        band = (
            "CASE WHEN iv.value IS NULL THEN 'onbekend' WHEN iv.value < %s THEN 'laag' "
            "WHEN iv.value < %s THEN 'midden' ELSE 'hoog' END"
        )
        join = f"LEFT JOIN {table(IndicatorValue)} iv ON iv.occupation_id = {{}}.occ AND iv.indicator_id = %s"
        sources = [
            Source(
                LIVE,
                band,
                "pe.pid",
                "live pe " + join.format("pe"),
                item_params=[low, high],
                source_params=[indicator.id],
                unique=True,
            ),
            Source(
                ANON,
                band,
                "an.aid",
                "anon an " + join.format("an"),
                item_params=[low, high],
                source_params=[indicator.id],
                unique=True,
            ),
        ]
        per_bucket = run.per_node(sql.cells(sources))
        per_indicator.append(run.buckets(per_bucket, list(EXPOSURE_BANDS)))
    for key, label in EXPOSURE_BANDS.items():
        values = tuple(counts[key] for counts in per_indicator)
        figure.rows.append(Row(key, str(label), values, percent(values[0], run.total)))
    return figure


def _occupation_labels(ids) -> dict:
    from wendbaar.taxonomy.models import Occupation

    return _concept_labels(Occupation)(ids)


def explored(filters) -> Figure:
    """The occupations most people opened in Verkennen in the year."""
    from wendbaar.insight.models import Exploration, Explorer

    run = _run(filters)
    figure = run.figure(
        "verkend",
        _("Meest bekeken overstappen in %(year)s") % {"year": run.filters.year},
        _("Aantal mensen dat dit beroep in Verkennen heeft bekeken."),
        [_("Mensen")],
        shares=True,
        note=_("Alleen beroepen die we zonder kleine groepen kunnen tonen."),
    )
    months = list(run.year_dates)
    sources = [
        Source(
            LIVE,
            "ex.occupation_id",
            "pe.pid",
            f"live pe JOIN {table(Explorer)} er ON er.user_id = pe.uid "
            f"JOIN {table(Exploration)} ex ON ex.explorer_id = er.id",
            "ex.month >= %s AND ex.month < %s",
            where_params=months,
        ),
        Source(
            ORPHAN,
            "ex.occupation_id",
            "er.id",
            f"{table(Explorer)} er JOIN {table(Exploration)} ex ON ex.explorer_id = er.id",
            "er.user_id IS NULL AND ex.month >= %s AND ex.month < %s",
            where_params=months,
        ),
    ]
    figure.rows = run.ranked(sources, _occupation_labels)
    return figure


def _saved_sources(run: Run, in_year: bool) -> list[Source]:
    from wendbaar.privacy.models import AnonymousSavedTransition
    from wendbaar.profiles.models import SavedTransition

    live_when = (
        ("st.created_at >= %s AND st.created_at < %s", list(run.year_moments)) if in_year else ("1 = 1", [])
    )
    anon_when = ("ast.month >= %s AND ast.month < %s", list(run.year_dates)) if in_year else ("1 = 1", [])
    return [
        Source(
            LIVE,
            "st.occupation_id",
            "pe.pid",
            f"live pe JOIN {table(SavedTransition)} st ON st.profile_id = pe.pid",
            live_when[0],
            where_params=live_when[1],
            unique=True,
        ),
        Source(
            ANON,
            "ast.occupation_id",
            "an.aid",
            f"anon an JOIN {table(AnonymousSavedTransition)} ast ON ast.profile_id = an.aid",
            anon_when[0],
            where_params=anon_when[1],
            unique=True,
        ),
    ]


def saved(filters) -> Figure:
    """The occupations most people saved as a possible next step in the year."""
    run = _run(filters)
    figure = run.figure(
        "bewaard",
        _("Meest bewaarde overstappen in %(year)s") % {"year": run.filters.year},
        _("Aantal mensen dat dit beroep heeft bewaard als mogelijke volgende stap."),
        [_("Mensen")],
        shares=True,
        note=_("Alleen beroepen die we zonder kleine groepen kunnen tonen."),
    )
    figure.rows = run.ranked(_saved_sources(run, in_year=True), _occupation_labels)
    return figure


def missing(filters) -> Figure:
    """Learning demand: the essential skills people miss for the work they saved (now)."""
    from wendbaar.privacy.models import AnonymousProfileSkill, AnonymousSavedTransition
    from wendbaar.profiles.models import ProfileSkill, SavedTransition
    from wendbaar.taxonomy.models import OccupationSkill, RelationType, Skill, Status

    run = _run(filters)
    figure = run.figure(
        "ontbrekend",
        _("Vaardigheden die mensen het vaakst missen"),
        _(
            "Aantal mensen dat deze essentiële vaardigheid nog niet heeft voor werk dat ze hebben bewaard: "
            "de vraag naar leren."
        ),
        [_("Mensen")],
        shares=True,
        note=_("Alleen vaardigheden die we zonder kleine groepen kunnen tonen."),
    )
    # Everyone who saved work that needs a skill, minus those of them who have it: two joins along
    # indexes, where "saved it and has it not" would be an anti-join over every rating.
    wanted = (
        "{people} JOIN {saved} sv ON sv.profile_id = {person} "
        f"JOIN {table(OccupationSkill)} os ON os.occupation_id = sv.occupation_id "
        f"JOIN {table(Skill)} s ON s.id = os.skill_id"
    )
    held = " JOIN {ratings} h ON h.profile_id = {person} AND h.skill_id = os.skill_id"
    essential = ("os.relation_type = %s AND s.status = %s", [RelationType.ESSENTIAL, Status.RELEASED])
    sources = []
    for kind, people, person, saved, ratings in (
        (LIVE, "live pe", "pe.pid", SavedTransition, ProfileSkill),
        (ANON, "anon an", "an.aid", AnonymousSavedTransition, AnonymousProfileSkill),
    ):
        joins = wanted.format(people=people, saved=table(saved), person=person)
        for subtract in (False, True):
            sources.append(
                Source(
                    kind,
                    "os.skill_id",
                    person,
                    joins + held.format(ratings=table(ratings), person=person) if subtract else joins,
                    essential[0],
                    where_params=essential[1],
                    subtract=subtract,
                )
            )
    figure.rows = run.ranked(sources, _concept_labels(Skill))
    return figure


def events(filters) -> Figure:
    """People with a place at a bijeenkomst in the year, per region of the bijeenkomst."""
    from wendbaar.events.models import REGIONS, Event, Registration, RegistrationStatus
    from wendbaar.privacy.models import AnonymousRegistration

    run = _run(filters)
    figure = run.figure(
        "bijeenkomsten",
        _("Deelname aan bijeenkomsten in %(year)s, per regio") % {"year": run.filters.year},
        _(
            "Aantal mensen met een plaats bij een bijeenkomst die in dat jaar begint, naar de regio van de "
            "bijeenkomst."
        ),
        [_("Mensen")],
        shares=True,
    )
    when = "r.status = %s AND e.starts_at >= %s AND e.starts_at < %s"
    sources = [
        Source(
            LIVE,
            "e.region",
            "pe.uid",
            f"live pe JOIN {table(Registration)} r ON r.user_id = pe.uid "
            f"JOIN {table(Event)} e ON e.id = r.event_id",
            when,
            where_params=[RegistrationStatus.CONFIRMED, *run.year_moments],
        ),
        # An erased person's registrations keep no person: each one counts as one participant.
        Source(
            ORPHAN,
            "e.region",
            "ar.id",
            f"{table(AnonymousRegistration)} ar JOIN {table(Event)} e ON e.id = ar.event_id",
            "ar.status = %s AND e.starts_at >= %s AND e.starts_at < %s",
            where_params=[RegistrationStatus.CONFIRMED, *run.year_moments],
        ),
    ]
    per_region = run.per_node(sql.cells(sources))
    for value, label in REGIONS:
        count = run.binary(per_region.get(value, {}))
        figure.rows.append(Row(value, str(label), (count,), percent(count, run.total)))
    return figure


BITS = 62  # skills summed as bits of one number: a signed 64-bit integer in both databases


def _holders(wanted: dict) -> list[tuple]:
    """Rows of ``sql.cells`` for the people who hold at least the needed number of a sector's top skills
    (``wanted``: sector → (skills, need)): a row per sector they qualify for.

    The database sums each person's top skills as bits of one number (a profile has a skill once) and
    counts people per such set, municipality and occupation group; which sectors a set qualifies for is
    worked out here, once per set. That reads only the ratings of the top skills, and only of people
    with enough of them, where counting per person and sector would sort a row for every such pair.
    A number holds ``BITS`` skills: sectors go in batches whose skills fit."""
    from wendbaar.privacy.models import AnonymousProfileSkill
    from wendbaar.profiles.models import ProfileSkill

    batches: list[list] = [[]]
    for sector, (top, _need) in wanted.items():
        if len({s for other in batches[-1] for s in wanted[other][0]} | set(top)) > BITS:
            batches.append([])
        batches[-1].append(sector)
    rows = []
    for sectors in batches:
        skills = sorted({s for sector in sectors for s in wanted[sector][0]})
        bits = {skill: 1 << i for i, skill in enumerate(skills)}
        case = " ".join(["WHEN %s THEN %s"] * len(skills))
        marks = ", ".join(["%s"] * len(skills))
        params = [*(v for pair in bits.items() for v in pair), *skills, min(wanted[s][1] for s in sectors)]

        sources = [
            Source(
                kind,
                "h.skills",
                who,
                f"{people} JOIN (SELECT s.profile_id AS who, SUM(CASE s.skill_id {case} END) AS skills "
                f"FROM {table(model)} s WHERE s.skill_id IN ({marks}) GROUP BY s.profile_id "
                f"HAVING COUNT(*) >= %s) h ON h.who = {who}",
                source_params=params,
                unique=True,
            )
            for kind, people, who, model in [
                (LIVE, "live pe", "pe.pid", ProfileSkill),
                (ANON, "anon an", "an.aid", AnonymousProfileSkill),
            ]
        ]
        masks = {sector: (sum(bits[s] for s in wanted[sector][0]), wanted[sector][1]) for sector in sectors}
        qualified: dict[int, list] = {}
        for skill_set, *cell in sql.cells(sources):
            skill_set = int(skill_set)  # PostgreSQL sums to a decimal
            if skill_set not in qualified:
                qualified[skill_set] = [
                    sector
                    for sector, (mask, need) in masks.items()
                    if sector is not None and (skill_set & mask).bit_count() >= need
                ]
            rows.extend((sector, *cell) for sector in qualified[skill_set])
    return rows


def opportunities(filters) -> Figure:
    """Demand and supply per sector: open kansen and the skills they ask, against the people in the
    group who have at least half of the sector's five most-asked skills."""
    from wendbaar.opportunities.models import Opportunity

    run = _run(filters)
    figure = run.figure(
        "kansen",
        _("Vraag en aanbod per sector"),
        _(
            "Vraag: open kansen in de sector en de vaardigheden die ze vragen. Aanbod: mensen in deze groep "
            "met minstens de helft van de vijf meest gevraagde vaardigheden van die sector."
        ),
        [_("Open kansen"), _("Gevraagde vaardigheden"), _("Mensen met die vaardigheden")],
        note=_("Kansen zijn van organisaties, niet van personen; die tellen we daarom gewoon."),
    )
    # Counted by the database: open kansen per sector, and per sector and skill (no ordering needed).
    open_ones = Opportunity.objects.open().order_by()
    per_sector = dict(open_ones.values_list("organisation__sector").annotate(n=models.Count("id")))
    asked = defaultdict(dict)
    pairs = open_ones.values_list("organisation__sector", "required_skills").annotate(n=models.Count("id"))
    for sector, skill, n in pairs:
        if skill is not None:
            asked[sector][skill] = n
    wanted = {}  # sector → (its top skills, how many of them one needs)
    for sector, counts in asked.items():
        top = sorted(counts, key=lambda s: (-counts[s], s))[:5]
        wanted[sector] = (top, math.ceil(len(top) / 2))
    supply = run.per_node(_holders(wanted)) if wanted else {}
    for sector, label in SECTORS.items():
        if not per_sector.get(sector) and sector not in supply:
            continue
        count = run.binary(supply.get(sector, {})) if sector in asked else Count(SMALL)
        figure.rows.append(Row(sector, label, (per_sector.get(sector, 0), len(asked.get(sector, {})), count)))
    if not figure.rows:
        figure.note = _("Er zijn nu geen open kansen.")
    return figure


def trends(filters) -> Figure:
    """Per month of the year: new people, and people who explored, saved work or took a place at a
    bijeenkomst. Each month is protected on its own; no total over the months is shown next to them
    (distinct people over months do not add up, and a total would let one subtract months)."""
    from wendbaar.events.models import Registration, RegistrationStatus
    from wendbaar.insight.models import Exploration, Explorer
    from wendbaar.privacy.models import AnonymousRegistration, AnonymousSavedTransition
    from wendbaar.profiles.models import SavedTransition

    run = _run(filters)
    months = run.filters.months()
    figure = run.figure(
        "trends",
        _("Per maand in %(year)s") % {"year": run.filters.year},
        _(
            "Aantal mensen per maand. Elke maand telt op zichzelf; wie in meer maanden actief was, telt in "
            "elke maand mee."
        ),
        [_("Nieuw op wendbaar"), _("Bekeken overstappen"), _("Bewaarden werk"), _("Plaats bij bijeenkomst")],
    )
    if not months:
        return figure
    year = run.filters.year
    bounds_dates = [(_month_start(year, m), _month_start(year, m + 1)) for m in months]
    bounds_moments = [(_moment(a), _moment(b)) for a, b in bounds_dates]

    def month_of(column, bounds) -> tuple[str, list]:
        cases = " ".join(f"WHEN {column} >= %s AND {column} < %s THEN {m}" for m in months)
        return f"CASE {cases} END", [v for pair in bounds for v in pair]

    first, last = bounds_dates[0][0], bounds_dates[-1][1]
    first_moment, last_moment = bounds_moments[0][0], bounds_moments[-1][1]

    joined_live, joined_live_params = month_of("pe.joined", bounds_moments)
    joined_anon, joined_anon_params = month_of("an.joined", bounds_dates)
    # Only who joined in the year: everyone else has no month here.
    joined = run.per_node(
        sql.cells(
            [
                Source(
                    LIVE,
                    joined_live,
                    "pe.pid",
                    "live pe",
                    "pe.joined >= %s AND pe.joined < %s",
                    item_params=joined_live_params,
                    where_params=[first_moment, last_moment],
                    unique=True,
                ),
                Source(
                    ANON,
                    joined_anon,
                    "an.aid",
                    "anon an",
                    "an.joined >= %s AND an.joined < %s",
                    item_params=joined_anon_params,
                    where_params=[first, last],
                    unique=True,
                ),
            ]
        )
    )
    explore_item, explore_params = month_of("ex.month", bounds_dates)
    explorers = run.per_node(
        sql.cells(
            [
                Source(
                    LIVE,
                    explore_item,
                    "pe.pid",
                    f"live pe JOIN {table(Explorer)} er ON er.user_id = pe.uid "
                    f"JOIN {table(Exploration)} ex ON ex.explorer_id = er.id",
                    "ex.month >= %s AND ex.month < %s",
                    item_params=explore_params,
                    where_params=[first, last],
                ),
                Source(
                    ORPHAN,
                    explore_item,
                    "er.id",
                    f"{table(Explorer)} er JOIN {table(Exploration)} ex ON ex.explorer_id = er.id",
                    "er.user_id IS NULL AND ex.month >= %s AND ex.month < %s",
                    item_params=explore_params,
                    where_params=[first, last],
                ),
            ]
        )
    )
    saved_live, saved_live_params = month_of("st.created_at", bounds_moments)
    saved_anon, saved_anon_params = month_of("ast.month", bounds_dates)
    savers = run.per_node(
        sql.cells(
            [
                Source(
                    LIVE,
                    saved_live,
                    "pe.pid",
                    f"live pe JOIN {table(SavedTransition)} st ON st.profile_id = pe.pid",
                    "st.created_at >= %s AND st.created_at < %s",
                    item_params=saved_live_params,
                    where_params=[first_moment, last_moment],
                ),
                Source(
                    ANON,
                    saved_anon,
                    "an.aid",
                    f"anon an JOIN {table(AnonymousSavedTransition)} ast ON ast.profile_id = an.aid",
                    "ast.month >= %s AND ast.month < %s",
                    item_params=saved_anon_params,
                    where_params=[first, last],
                ),
            ]
        )
    )
    reg_live, reg_live_params = month_of("r.queued_at", bounds_moments)
    reg_anon, reg_anon_params = month_of("ar.month", bounds_dates)
    registrants = run.per_node(
        sql.cells(
            [
                Source(
                    LIVE,
                    reg_live,
                    "pe.uid",
                    f"live pe JOIN {table(Registration)} r ON r.user_id = pe.uid",
                    "r.status = %s AND r.queued_at >= %s AND r.queued_at < %s",
                    item_params=reg_live_params,
                    where_params=[RegistrationStatus.CONFIRMED, first_moment, last_moment],
                ),
                Source(
                    ORPHAN,
                    reg_anon,
                    "ar.id",
                    f"{table(AnonymousRegistration)} ar",
                    "ar.status = %s AND ar.month >= %s AND ar.month < %s",
                    where_params=[RegistrationStatus.CONFIRMED, first, last],
                    item_params=reg_anon_params,
                ),
            ]
        )
    )
    # New people split the group by the month they joined (the rest joined in another year).
    new = run.buckets({str(m): joined.get(m, {}) for m in months}, [str(m) for m in months])
    for m in months:
        figure.rows.append(
            Row(
                f"{year}-{m:02d}",
                f"{MONTHS[m - 1]} {year}",
                (
                    new[str(m)],
                    run.binary(explorers.get(m, {})),
                    run.binary(savers.get(m, {})),
                    run.binary(registrants.get(m, {})),
                ),
            )
        )
    return figure


ALL_QUERIES = {
    "bevolking": population,
    "vaardigheden": skills,
    "soorten": collections,
    "digitaal": digital,
    "blootstelling": exposure,
    "verkend": explored,
    "bewaard": saved,
    "ontbrekend": missing,
    "bijeenkomsten": events,
    "kansen": opportunities,
    "trends": trends,
}


# --- Kept figures -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """The figures of one page, and when they were computed."""

    figures: list[Figure]
    computed_at: datetime


def kept_figures(names, filters) -> Kept:
    """The named figures for these filters, from the cache when they were computed less than
    ``INSIGHT_CACHE_SECONDS`` ago (default an hour), else computed now and kept.

    Computing a figure protects every group at once (see ``suppression``), which takes seconds at national
    scale; the counts hardly move within an hour, so pages, tabs and the CSV of the same choice share one
    computation. The page says when its figures were computed. ``INSIGHT_CACHE_SECONDS = 0`` turns it off.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    filters = Filters.of(filters)
    seconds = settings.INSIGHT_CACHE_SECONDS
    # Labels and titles are translated while a figure is computed: one entry per language.
    key = f"insight:{','.join(names)}:{filters.group}:{filters.year}:{translation.get_language()}"
    if seconds:
        kept = cache.get(key)
        if kept is not None:
            return kept
    with sharing():
        kept = Kept([ALL_QUERIES[name](filters) for name in names], timezone.now())
    if seconds:
        cache.set(key, kept, seconds)
    return kept

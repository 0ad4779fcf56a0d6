"""The SQL under the dashboards: a few aggregate queries per figure, never a loop over people.

Every query starts from two lists of people: ``live`` (medewerkers with a vaardighedenprofiel and an
active account, from ``Person``: their first municipality and occupation group) and ``anon`` (erased
accounts, as the privacy app keeps them: a province at most, and the occupation group). A figure's query
counts distinct people per item, per municipality (or province, for erased accounts) and per occupation
group; summing those cells gives every group in the forest, because each person sits in exactly one of
each. Plain SQL that SQLite and PostgreSQL both run; dates are compared with parameters, never with date
functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from wendbaar.accounts.models import OrganisationKind, Role
from wendbaar.taxonomy.models import Occupation

LIVE, ANON, ORPHAN = "live", "anon", "orphan"


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def people_sql() -> tuple[str, list]:
    from wendbaar.insight.models import Person
    from wendbaar.privacy.models import AnonymousProfile

    sql = f"""WITH live AS (
        SELECT p.profile_id AS pid, p.user_id AS uid, p.municipality_id AS gid, NULLIF(p.isco, '') AS isco,
               p.occupation_id AS occ, p.joined AS joined
        FROM {table(Person)} p
    ), anon AS (
        SELECT a.id AS aid, CASE WHEN a.organisation_kind = %s THEN a.province ELSE '' END AS aprov,
               SUBSTR(o.isco_code, 1, 1) AS isco, a.current_occupation_id AS occ, a.joined_month AS joined
        FROM {table(AnonymousProfile)} a LEFT JOIN {table(Occupation)} o ON o.id = a.current_occupation_id
        WHERE a.role = %s AND a.had_profile = %s
    )"""
    return sql, [OrganisationKind.GEMEENTE, Role.MEDEWERKER, True]


@dataclass(frozen=True)
class Source:
    """One way people reach a figure's items. ``kind`` says where they sit in the groups: ``live``
    (alias ``pe``: municipality and occupation group known), ``anon`` (alias ``an``: erased accounts) or
    ``orphan`` (rows that kept no person at all, such as an erased person's explorations)."""

    kind: str
    item: str
    person: str
    source: str
    where: str = "1 = 1"
    item_params: list = field(default_factory=list)
    source_params: list = field(default_factory=list)
    where_params: list = field(default_factory=list)
    cte: str = ""  # more common table expressions: ", name AS (…)"
    cte_params: list = field(default_factory=list)
    # One row per person and item already (a profile has a skill once): a plain count will do.
    unique: bool = False
    # For picking the leading items of Nederland: the same items counted without looking up who is in
    # the population (cheaper; the exact counts come afterwards). SQL returning (item, n).
    shortlist: str = ""
    # People to take off another source's count: a figure of people who want a skill and lack it is
    # everyone who wants it minus those of them who have it (two joins instead of an anti-join over
    # every rating). Each person is in one group, so the difference holds for every group.
    subtract: bool = False

    def units(self) -> tuple[str, str, str]:
        return {
            LIVE: ("pe.gid", "NULL", "pe.isco"),
            ANON: ("NULL", "an.aprov", "an.isco"),
            ORPHAN: ("NULL", "NULL", "NULL"),
        }[self.kind]


@dataclass(frozen=True)
class Scope:
    """The people of one group, as a condition per kind of source."""

    live: tuple[str, list] = ("1 = 1", [])
    anon: tuple[str, list] = ("1 = 1", [])
    orphan: tuple[str, list] = ("1 = 1", [])

    def condition(self, kind: str) -> tuple[str, list]:
        return {LIVE: self.live, ANON: self.anon, ORPHAN: self.orphan}[kind]


NOBODY = ("1 = 0", [])


def scope_for(node: str, municipalities_in: list[int]) -> Scope:
    """``node``: "nl", "p:<province>", "g:<id>" or "b:<digit>"."""
    kind, _sep, value = node.partition(":")
    if kind == "p":
        ids = municipalities_in
        live = (f"pe.gid IN ({', '.join(['%s'] * len(ids))})", list(ids)) if ids else NOBODY
        return Scope(live, ("an.aprov = %s", [value]), NOBODY)
    if kind == "g":
        return Scope(("pe.gid = %s", [int(value)]), NOBODY, NOBODY)
    if kind == "b":
        return Scope(("pe.isco = %s", [value]), ("an.isco = %s", [value]), NOBODY)
    return Scope()


def _statement(
    source: Source, select: str, condition: tuple[str, list], items: list | None
) -> tuple[str, str, list, list]:
    """One SELECT over a source, as (common table expressions, query, their parameters), parameters in
    the order their placeholders appear."""
    cte, cte_params = people_sql()
    where, where_params = condition
    item_filter, item_params = "", []
    if items is not None:
        item_filter = f" AND {source.item} IN ({', '.join(['%s'] * len(items))})"
        item_params = [*source.item_params, *items]
    query = f"SELECT {select} FROM {source.source} WHERE ({source.where}) AND ({where}){item_filter}"
    params = [
        *source.item_params,  # the select list starts with the item
        *source.source_params,
        *source.where_params,
        *where_params,
        *item_params,
    ]
    return f"{cte}{source.cte}", query, [*cte_params, *source.cte_params], params


def _counted(source: Source, units: list[str], condition, items, tail: str) -> tuple[str, list]:
    """Distinct people per item (and per unit: municipality, province, occupation group). Counted plainly
    when the source has one row per person and item; otherwise with COUNT(DISTINCT …), which PostgreSQL
    sorts. Not a DISTINCT subquery counted afterwards: PostgreSQL hashes that one, and when it guesses the
    number of rows far too low (joins of saved work, skills and ratings) the hash spills to disk in ever
    more batches: minutes instead of half a second."""
    positions = ", ".join(str(i + 1) for i in range(len(units) + 1))
    selected = ", ".join([f"{source.item} AS item", *(f"{u} AS u{i}" for i, u in enumerate(units))])
    counted = "COUNT(*)" if source.unique else f"COUNT(DISTINCT {source.person})"
    cte, query, cte_params, params = _statement(source, f"{selected}, {counted} AS n", condition, items)
    # GROUP BY positions: the item and the units are expressions (a CASE over months, a NULL column).
    return f"{cte} {query} GROUP BY {positions} {tail}", [*cte_params, *params]


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def leading(sources: list[Source], scope: Scope, limit: int, national: bool = False) -> list:
    """The ``limit`` items with the most people in the group, most first (ties by item)."""
    # A difference needs every item's count on both sides; otherwise each source's leading items will do.
    # Ties broken by item in the database too: the same data always gives the same candidates.
    whole = any(source.subtract for source in sources)
    tail = "" if whole else f"ORDER BY 2 DESC, 1 LIMIT {int(limit)}"
    totals: dict = {}
    for source in sources:
        condition = scope.condition(source.kind)
        if condition == NOBODY:
            continue
        if national and source.shortlist and not whole:
            rows = _run(f"{source.shortlist} {tail}", [])
        else:
            rows = _run(*_counted(source, [], condition, None, tail))
        for item, n in rows:
            if item is not None:
                totals[item] = totals.get(item, 0) + (-n if source.subtract else n)
    ranked = sorted(
        ((item, n) for item, n in totals.items() if n > 0), key=lambda pair: (-pair[1], str(pair[0]))
    )
    return [item for item, _n in ranked][:limit]


def cells(sources: list[Source], items: list | None = None) -> list[tuple]:
    """People per item, municipality (or the province of an erased account) and occupation group:
    rows ``(item, kind of source, municipality id, province, group digit, people)``; people a
    ``subtract`` source counts come with a minus sign."""
    if items is not None and not items:
        return []
    rows = []
    for source in sources:
        sign = -1 if source.subtract else 1
        sql, params = _counted(source, list(source.units()), ("1 = 1", []), items, "")
        rows.extend(
            (item, source.kind, gid, province, group, sign * n)
            for item, gid, province, group, n in _run(sql, params)
            if item is not None
        )
    return rows

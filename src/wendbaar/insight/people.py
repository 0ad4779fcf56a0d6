"""Keeping ``Person`` (the groups each person counts in) in step with profiles, accounts and memberships.

Every change that can move someone — a profile saved or removed, an account (de)activated or given
another role, a membership of a municipality added or removed, a municipality that changes province or
kind — refreshes the people concerned in one small query. Bulk changes that bypass signals (imports,
COPY, queryset.update) are caught up by ``rebuild``: nightly, and whenever the table is empty while
profiles exist. A stale row only puts someone in the wrong group for a while; what is published stays
consistent with itself, so the protection of small groups holds.
"""

from __future__ import annotations

from django.db import connection, transaction

from wendbaar.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from wendbaar.insight.models import Person
from wendbaar.profiles.models import Profile
from wendbaar.taxonomy.models import Occupation


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _select(condition: str = "1 = 1") -> str:
    # The first municipality: the earliest membership (lowest id) of an organisation of kind gemeente.
    return f"""
        SELECT p.id, p.user_id, m.organisation_id, COALESCE(SUBSTR(o.isco_code, 1, 1), ''),
               p.current_occupation_id, u.date_joined
        FROM {_t(Profile)} p
        JOIN {_t(User)} u ON u.id = p.user_id
        LEFT JOIN (
            SELECT m1.user_id AS uid, MIN(m1.id) AS mid
            FROM {_t(Membership)} m1 JOIN {_t(Organisation)} g1 ON g1.id = m1.organisation_id
            WHERE g1.kind = %s GROUP BY m1.user_id
        ) f ON f.uid = p.user_id
        LEFT JOIN {_t(Membership)} m ON m.id = f.mid
        LEFT JOIN {_t(Occupation)} o ON o.id = p.current_occupation_id
        WHERE u.is_active = %s AND u.role = %s AND ({condition})"""


COLUMNS = "profile_id, user_id, municipality_id, isco, occupation_id, joined"
PARAMS = [OrganisationKind.GEMEENTE, True, Role.MEDEWERKER]


def rebuild() -> int:
    """Everyone again, in one transaction; returns how many people the dashboards describe.

    Only what differs is written: rows of people who left the population go, new people come in and
    changed rows are updated. A nightly run then rewrites next to nothing, where replacing every row
    would leave the whole table behind as dead rows for every dashboard query to read past. Then fresh
    statistics: the dashboards' queries are planned on them, and with stale ones (or none, where nothing
    analyses the table by itself) PostgreSQL can pick a plan for a figure that runs for minutes."""
    person = _t(Person)
    current = f"SELECT * FROM ({_select()}) n"
    # Compared without NULL = NULL (unknown): a missing municipality or occupation is 0 here.
    changed = " OR ".join(
        f"COALESCE({person}.{column}, 0) <> COALESCE(excluded.{column}, 0)"
        for column in ("user_id", "municipality_id", "occupation_id")
    )
    changed += f" OR {person}.isco <> excluded.isco OR {person}.joined <> excluded.joined"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {person} WHERE profile_id NOT IN (SELECT n.id FROM ({_select()}) n)", PARAMS
        )
        # "WHERE 1 = 1": SQLite reads ON CONFLICT after a bare SELECT … FROM as part of a join.
        cursor.execute(
            f"INSERT INTO {person} ({COLUMNS}) {current} WHERE 1 = 1 ON CONFLICT (profile_id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS.split(", ")[1:])
            + f" WHERE {changed}",
            PARAMS,
        )
        cursor.execute(f"ANALYZE {person}")
    return Person.objects.count()


def refresh(user_ids) -> None:
    """The rows of these accounts again (gone when they are no longer in the population)."""
    ids = sorted({int(i) for i in user_ids if i is not None})
    if not ids:
        return
    marks = ", ".join(["%s"] * len(ids))
    with transaction.atomic():
        Person.objects.filter(user_id__in=ids).delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {_t(Person)} ({COLUMNS}) {_select(f'p.user_id IN ({marks})')}",
                [*PARAMS, *ids],
            )


def ensure() -> None:
    """Fill the table when it is empty but there are profiles (a new database, a bulk load)."""
    if not Person.objects.exists() and Profile.objects.exists():
        rebuild()


# --- Signals (connected in apps.py) -----------------------------------------------------------------
# After a save the rows are refreshed at once. After a delete they are only removed at once: the rest of
# a cascade is still going on (an account being erased), so they are filled in again after the commit.


def _removed(user_ids) -> None:
    ids = [i for i in user_ids if i is not None]
    Person.objects.filter(user_id__in=ids).delete()
    transaction.on_commit(lambda: refresh(ids))


def profile_saved(sender, instance, **kwargs):
    refresh([instance.user_id])


def profile_deleted(sender, instance, **kwargs):
    _removed([instance.user_id])


def user_saved(sender, instance, **kwargs):
    refresh([instance.pk])


def membership_saved(sender, instance, **kwargs):
    refresh([instance.user_id])


def membership_deleted(sender, instance, **kwargs):
    _removed([instance.user_id])


def organisation_saved(sender, instance, **kwargs):
    refresh(Membership.objects.filter(organisation=instance).values_list("user_id", flat=True))


def occupation_saved(sender, instance, **kwargs):
    refresh(Profile.objects.filter(current_occupation=instance).values_list("user_id", flat=True))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    for signal, model, handler in [
        (post_save, Profile, profile_saved),
        (post_delete, Profile, profile_deleted),
        (post_save, User, user_saved),
        (post_save, Membership, membership_saved),
        (post_delete, Membership, membership_deleted),
        (post_save, Organisation, organisation_saved),
        (post_save, Occupation, occupation_saved),
    ]:
        signal.connect(handler, sender=model, dispatch_uid=f"insight.people.{handler.__name__}")

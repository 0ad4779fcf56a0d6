"""Scale data: medewerkers with vaardighedenprofielen, organisations, kansen and bijeenkomsten.

Default: 200,000 people (each with a profile of rated skills; about a third zichtbaar voor organisaties, as
an open consent record), 20,000 opportunities (kansen) and 2,000 events with registrations, over the Dutch
starter set. People are spread over the starter set's occupations with a long tail (most work in a few
municipal functions) and rate mostly the skills of their own work, some of neighbouring work and a few
others. Rows go in with PostgreSQL's COPY in batches (bounded memory); every phase prints its time.

    .venv/bin/python bench/generate.py                # full scale; drops the database afterwards
    .venv/bin/python bench/generate.py --profiles 5000 --opportunities 500 --events 50 --keep
    .venv/bin/python bench/generate.py --db sqlite --profiles 2000    # small, on a temporary SQLite file

``--keep`` leaves the PostgreSQL database (``--database``, default wendbaar_bench_scale) for the other
scale benchmarks (``bench/nightly_matching.py --reuse``, ``bench/load.py --reuse``). Every generated person
signs in with the password ``wendbaar-bench``; e-mail addresses are ``mw<n>@bench.wendbaar.localhost``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import numpy as np

from _setup import ROOT, fresh_django

sys.path.insert(0, str(ROOT))

DATABASE = "wendbaar_bench_scale"
PASSWORD = "wendbaar-bench"
EMAIL = "mw{n}@bench.wendbaar.localhost"
BATCH = 5000

FIRST = (
    "Anna Bram Chantal Daan Eva Fatima Gerrit Hanneke Ingrid Jeroen Karin Lars Mohamed Naima Olga Pieter "
    "Ria Sanne Tom Ursula Vincent Wim Yvonne Zeynep Ahmed Bas Carla Dirk Els Fleur Hans Iris Joost Kees "
    "Linda Marco Nina Patrick Rob Saskia Thijs Wendy"
).split()
LAST = (
    "de Vries|Jansen|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|"
    "van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|Kok|Jacobs|Yilmaz|El Amrani|"
    "Haddou|Kaya|Postma|Kuipers|van Dijk|Willems|Hoekstra|Prins|Huisman"
).split("|")
PLACES = (
    "Zwolle Tilburg Groningen Utrecht Arnhem Leeuwarden Assen Lelystad Middelburg Maastricht Haarlem Delft "
    "Eindhoven Almere Deventer Enschede Zaanstad Breda Nijmegen Amersfoort Apeldoorn Emmen Venlo Hoorn"
).split()
KANS_WORDS = (
    "Kom werken als|Meeloopdag|Detachering|Stage|Project|Tijdelijk|Vaste baan|Tweede loopbaan|Overstap naar"
).split("|")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--database", default=DATABASE, help="PostgreSQL database name")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    parser.add_argument("--profiles", type=int, default=200_000)
    parser.add_argument("--opportunities", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--organisations", type=int, default=400)
    parser.add_argument("--visible", type=float, default=0.33, help="share zichtbaar voor organisaties")
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args()


@contextmanager
def phase(label: str, timings: dict):
    start, cpu = time.perf_counter(), time.process_time()
    yield
    timings[label] = time.perf_counter() - start
    print(f"  {label:<44} {timings[label]:7.1f} s  (cpu here {time.process_time() - cpu:6.1f} s)", flush=True)


class Copier:
    """Rows into one model's table, fast: COPY on PostgreSQL, executemany on SQLite.

    Rows are dicts by attribute name (``user_id``); other columns get the field's default, and
    auto_now(_add) fields the time of the run, so fields added later with a default need no change here."""

    def __init__(self, model, now, ids: bool = False):
        from django.db import connection

        self.connection = connection
        self.table = model._meta.db_table
        # ids=True: rows carry their own primary key (others point at it); else the database numbers them.
        self.fields = [f for f in model._meta.concrete_fields if ids or not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.defaults = {}
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = now
            elif f.has_default():
                self.defaults[f.attname] = f.get_default()
            else:
                self.defaults[f.attname] = None
        self.count = 0

    def _values(self, row: dict) -> tuple:
        return tuple(
            f.get_db_prep_save(
                row[f.attname] if f.attname in row else self.defaults[f.attname], self.connection
            )
            for f in self.fields
        )

    def write(self, rows: Iterable[dict]) -> int:
        columns = ", ".join(self.connection.ops.quote_name(c) for c in self.columns)
        written = 0
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(self._values(row))
                        written += 1
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                insert = f"INSERT INTO {self.table} ({columns}) VALUES ({marks})"  # noqa: S608 — model metadata
                batch = []
                for row in rows:
                    batch.append(self._values(row))
                    if len(batch) >= BATCH:
                        cursor.executemany(insert, batch)
                        written, batch = written + len(batch), []
                if batch:
                    cursor.executemany(insert, batch)
                    written += len(batch)
        self.count += written
        return written


def next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


def reset_sequences(models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def long_tail(rng: np.random.Generator, n: int, size: int, power: float = 1.1) -> np.ndarray:
    """Indices 0..n-1 drawn with weight 1/rank^power over a random order: a few are very common."""
    weights = 1.0 / np.arange(1, n + 1) ** power
    order = rng.permutation(n)
    return order[rng.choice(n, size=size, p=weights / weights.sum())]


def chunks(total: int, size: int = BATCH) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


class Taxonomy:
    """The starter set as the generator needs it: occupations by kind, their skills, neighbours."""

    def __init__(self):
        from wendbaar.taxonomy.models import Occupation, OccupationSkill, Skill

        rows = list(
            Occupation.objects.order_by("id").values_list("id", "is_municipal", "isco_code", "sector")
        )
        self.occupations = np.array([r[0] for r in rows])
        self.municipal = np.flatnonzero([r[1] for r in rows])
        self.other = np.flatnonzero([not r[1] for r in rows])
        self.sector = [r[3] or "" for r in rows]
        index = {r[0]: i for i, r in enumerate(rows)}
        self.essential = [[] for _ in rows]
        self.optional = [[] for _ in rows]
        for occupation_id, skill_id, kind in OccupationSkill.objects.values_list(
            "occupation_id", "skill_id", "relation_type"
        ):
            (self.essential if kind == "essential" else self.optional)[index[occupation_id]].append(skill_id)
        self.skills = np.array(list(Skill.objects.values_list("id", flat=True)))
        # Neighbours: occupations in the same ISCO minor group (3 digits), else the same sector.
        by_minor: dict[str, list[int]] = {}
        by_sector: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by_minor.setdefault((r[2] or "")[:3], []).append(i)
            by_sector.setdefault(r[3] or "", []).append(i)
        self.neighbours = [
            [j for j in (by_minor.get((r[2] or "")[:3]) or []) if j != i]
            or [j for j in by_sector.get(r[3] or "", []) if j != i]
            for i, r in enumerate(rows)
        ]


def generate(args) -> dict:
    """Fill the current (freshly migrated) database; returns the row counts."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from wendbaar.accounts.models import Membership, Organisation, OrganisationKind, Province, Role, User
    from wendbaar.events.models import Event, Registration
    from wendbaar.profiles.models import Profile, ProfileSkill, SavedTransition
    from wendbaar.taxonomy.starter_import import load_starter_set

    rng = np.random.default_rng(args.seed)
    pyrng = random.Random(args.seed)
    now = timezone.now()
    timings: dict[str, float] = {}
    counts: dict[str, int] = {}
    provinces = [p.value for p in Province]

    with phase("starter set", timings):
        load_starter_set()
        taxonomy = Taxonomy()

    with phase("organisations", timings), transaction.atomic():
        municipalities = max(1, int(args.organisations * 0.8))
        sectors = sorted({s for s in taxonomy.sector if s and s != "gemeente"}) or ["zorg"]
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Gemeente {PLACES[i % len(PLACES)]} {i + 1}"
                if i < municipalities
                else f"Organisatie {i + 1} ({sectors[i % len(sectors)]})",
                slug=f"bench-organisatie-{i + 1}",
                kind=OrganisationKind.GEMEENTE if i < municipalities else OrganisationKind.ANDERE_SECTOR,
                sector="gemeente" if i < municipalities else sectors[i % len(sectors)],
                province=provinces[i % len(provinces)],
                municipality=PLACES[i % len(PLACES)],
            )
            for i in range(args.organisations)
        )
        org_ids = np.array([o.id for o in organisations])
        org_province = [o.province for o in organisations]
        counts["organisations"] = len(organisations)

    password = make_password(PASSWORD)
    n = args.profiles
    first_user = next_id(User)
    first_profile = next_id(Profile)
    # Who works where: 75 % in a municipal function (a long tail over them), the rest in other sectors.
    in_municipal = rng.random(n) < 0.75
    occupation = np.where(
        in_municipal,
        taxonomy.municipal[long_tail(rng, len(taxonomy.municipal), n)],
        taxonomy.other[long_tail(rng, len(taxonomy.other), n)],
    )
    has_profile = rng.random(n) < 0.93  # some signed up and never filled in their profile
    visible = has_profile & (rng.random(n) < args.visible)
    employer = np.where(
        in_municipal,
        org_ids[rng.integers(0, municipalities, n)],
        org_ids[rng.integers(municipalities, max(municipalities + 1, len(org_ids)), n)]
        if len(org_ids) > municipalities
        else org_ids[rng.integers(0, len(org_ids), n)],
    )
    years = np.clip(rng.gamma(2.0, 6.0, n), 0, 45).astype(int)
    joined = [now - timedelta(days=730, seconds=-int(x)) for x in rng.integers(0, 729 * 86400, n)]
    education = ["vmbo", "mbo-2", "mbo-3", "mbo-4", "havo-vwo", "hbo", "wo", ""]
    education_p = [0.05, 0.08, 0.2, 0.3, 0.05, 0.22, 0.06, 0.04]
    levels = [1, 2, 3, 4]

    users = Copier(User, now, ids=True)
    memberships = Copier(Membership, now)
    profiles = Copier(Profile, now, ids=True)
    skills = Copier(ProfileSkill, now)
    saved = Copier(SavedTransition, now)
    consent = seeker = None
    try:
        from wendbaar.privacy.models import ConsentRecord, Purpose

        consent = Copier(ConsentRecord, now)
    except ImportError:
        print("  (no wendbaar.privacy: nobody is zichtbaar voor organisaties)")
    try:
        from wendbaar.opportunities.models import SeekerRegion

        seeker = Copier(SeekerRegion, now)
    except ImportError:
        pass

    def person_skills(i: int) -> dict[int, int]:
        o = occupation[i]
        chosen = {}
        for s in taxonomy.essential[o]:
            if pyrng.random() < 0.85:
                chosen[s] = pyrng.choices(levels, [0.1, 0.25, 0.45, 0.2])[0]
        for s in taxonomy.optional[o]:
            if pyrng.random() < 0.3:
                chosen[s] = pyrng.choices(levels, [0.2, 0.35, 0.35, 0.1])[0]
        neighbours = taxonomy.neighbours[o]
        if neighbours:  # earlier work, or work next to one's own
            other = neighbours[pyrng.randrange(len(neighbours))]
            pool = taxonomy.essential[other]
            for s in pyrng.sample(pool, min(len(pool), pyrng.randint(0, 5))):
                chosen.setdefault(s, pyrng.choices(levels, [0.2, 0.4, 0.3, 0.1])[0])
        for _ in range(pyrng.randint(0, 3)):
            s = int(taxonomy.skills[pyrng.randrange(len(taxonomy.skills))])
            chosen.setdefault(s, pyrng.choices(levels, [0.3, 0.4, 0.2, 0.1])[0])
        return chosen

    with phase(f"{n:,} people, profiles, skills, consent", timings):
        for start, stop in chunks(n):
            with transaction.atomic():
                users.write(
                    {
                        "id": first_user + i,
                        "password": password,
                        "email": EMAIL.format(n=i),
                        "name": f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}",
                        "role": Role.MEDEWERKER,
                        "is_active": True,
                        "is_staff": False,
                        "is_superuser": False,
                        "date_joined": joined[i],
                        "last_login": joined[i] + timedelta(days=int(rng.integers(0, 60))),
                    }
                    for i in range(start, stop)
                )
                memberships.write(
                    {"user_id": first_user + i, "organisation_id": int(employer[i]), "role": "medewerker"}
                    for i in range(start, stop)
                )
                rows = [i for i in range(start, stop) if has_profile[i]]
                profiles.write(
                    {
                        "id": first_profile + i,
                        "user_id": first_user + i,
                        "current_occupation_id": int(taxonomy.occupations[occupation[i]]),
                        "years_in_occupation": int(years[i]),
                        "education": pyrng.choices(education, education_p)[0],
                        "step": "klaar" if pyrng.random() < 0.8 else "vaardigheden",
                        "text_done": pyrng.random() < 0.4,
                    }
                    for i in rows
                )
                skills.write(
                    {
                        "profile_id": first_profile + i,
                        "skill_id": skill,
                        "level": level,
                        "source": "beroep" if pyrng.random() < 0.7 else pyrng.choice(["zelf", "tekst"]),
                        "created_at": joined[i],
                    }
                    for i in rows
                    for skill, level in person_skills(i).items()
                )
                saved.write(
                    {
                        "profile_id": first_profile + i,
                        "occupation_id": int(taxonomy.occupations[o]),
                    }
                    for i in rows
                    if pyrng.random() < 0.25
                    for o in {pyrng.choice(taxonomy.neighbours[occupation[i]] or [occupation[i]])}
                )
                visible_rows = [i for i in rows if visible[i]]
                if consent is not None:
                    consent.write(
                        {
                            "user_id": first_user + i,
                            "purpose": Purpose.VISIBLE_TO_ORGANISATIONS,
                            "audience": "",
                            "granted_at": joined[i] + timedelta(days=3),
                        }
                        for i in visible_rows
                    )
                if seeker is not None:
                    seeker.write(
                        {
                            "user_id": first_user + i,
                            "province": org_province[int(np.searchsorted(org_ids, employer[i]))],
                        }
                        for i in visible_rows
                    )
    counts.update(
        people=users.count,
        profiles=profiles.count,
        profile_skills=skills.count,
        saved_transitions=saved.count,
    )
    if consent is not None:
        counts["visible_to_organisations"] = consent.count

    if args.opportunities:
        with phase(f"{args.opportunities:,} opportunities", timings):
            counts.update(generate_opportunities(args, rng, pyrng, taxonomy, org_ids, org_province, now))

    with phase(f"{args.events:,} events with registrations", timings):
        counts.update(generate_events(args, rng, pyrng, taxonomy, first_user, n, now, Event, Registration))

    with phase("sequences, vacuum and statistics", timings):
        from django.apps import apps

        reset_sequences(apps.get_models())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # As autovacuum does after a bulk load: fresh statistics for the planner, and the
                # visibility map that lets index-only scans skip the table.
                cursor.execute("VACUUM ANALYZE")
    print(f"  {'total':<44} {sum(timings.values()):7.1f} s")
    return counts


def generate_opportunities(args, rng, pyrng, taxonomy, org_ids, org_province, now) -> dict:
    from django.db import transaction

    try:
        from wendbaar.opportunities.models import Opportunity
    except ImportError:
        print("  (no wendbaar.opportunities yet: no opportunities)")
        return {}
    opportunities = Copier(Opportunity, now, ids=True)
    required = Copier(Opportunity.required_skills.through, now)
    first = next_id(Opportunity)
    today = now.date()
    kinds = ["vacature", "meeloopdag", "project", "stage"]
    total = args.opportunities
    occupation = np.concatenate(
        [
            taxonomy.municipal[long_tail(rng, len(taxonomy.municipal), total // 2)],
            taxonomy.other[long_tail(rng, len(taxonomy.other), total - total // 2)],
        ]
    )
    rng.shuffle(occupation)
    organisation = org_ids[rng.integers(0, len(org_ids), total)]
    through = Opportunity.required_skills.through
    opp_field = next(f.attname for f in through._meta.concrete_fields if f.related_model is Opportunity)
    skill_field = next(
        f.attname
        for f in through._meta.concrete_fields
        if f.is_relation and f.related_model is not Opportunity
    )
    for start, stop in chunks(total):
        with transaction.atomic():
            rows = []
            for i in range(start, stop):
                status = pyrng.choices(["gepubliceerd", "concept", "gesloten"], [0.8, 0.1, 0.1])[0]
                opens = today - timedelta(days=pyrng.randint(0, 120))
                rows.append(
                    {
                        "id": first + i,
                        "organisation_id": int(organisation[i]),
                        "kind": pyrng.choices(kinds, [0.5, 0.25, 0.15, 0.1])[0],
                        "title": f"{pyrng.choice(KANS_WORDS)} kans {i + 1}",
                        "description": "Een kans om te laten zien wat je kunt, in een ander team.",
                        "occupation_id": int(taxonomy.occupations[occupation[i]])
                        if pyrng.random() < 0.8
                        else None,
                        "province": org_province[int(np.searchsorted(org_ids, organisation[i]))],
                        "municipality": pyrng.choice(PLACES),
                        "hours": pyrng.choice([16, 24, 32, 36]),
                        "closes_on": today + timedelta(days=pyrng.randint(-20, 90)),
                        "status": status,
                        "published_at": datetime.combine(opens, datetime.min.time(), tzinfo=UTC)
                        if status != "concept"
                        else None,
                    }
                )
            opportunities.write(rows)

            def skills_of(i):
                pool = taxonomy.essential[occupation[i]]
                picked = set(pyrng.sample(pool, min(len(pool), pyrng.randint(3, 8))))
                picked |= {int(s) for s in taxonomy.skills[rng.integers(0, len(taxonomy.skills), 1)]}
                return picked

            required.write(
                {opp_field: first + i, skill_field: s} for i in range(start, stop) for s in skills_of(i)
            )
    return {"opportunities": opportunities.count, "opportunity_skills": required.count}


def generate_events(args, rng, pyrng, taxonomy, first_user, people, now, Event, Registration) -> dict:
    from django.db import transaction
    from django.utils.text import slugify

    events = Copier(Event, now, ids=True)
    topics = Copier(Event.topics.through, now)
    registrations = Copier(Registration, now)
    first = next_id(Event)
    through = Event.topics.through
    event_field = next(f.attname for f in through._meta.concrete_fields if f.related_model is Event)
    skill_field = next(
        f.attname for f in through._meta.concrete_fields if f.is_relation and f.related_model is not Event
    )
    regions = [r[0] for r in Event._meta.get_field("region").choices]
    for start, stop in chunks(args.events, 500):
        with transaction.atomic():
            rows, places = [], []
            for i in range(start, stop):
                # Two years back to half a year ahead, at 10:00 or 14:00 Dutch time (UTC+1 for simplicity).
                day = now.date() - timedelta(days=730) + timedelta(days=pyrng.randint(0, 910))
                begins = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(
                    hours=pyrng.choice([9, 13])
                )
                region = pyrng.choice(regions)
                capacity = pyrng.choice([20, 30, 50, 80, 120, 200])
                title = f"{pyrng.choice(['Regionale bijeenkomst', 'Workshop', 'Webinar'])} {i + 1}"
                rows.append(
                    {
                        "id": first + i,
                        "title": title,
                        "slug": f"{slugify(title)}-{day.isoformat()}",
                        "description": "Collega's vertellen over hun overstap; daarna praten we verder.",
                        "kind": pyrng.choice(["regionaal", "workshop", "webinar"]),
                        "region": region,
                        "venue": "" if region == "online" else f"Stadskantoor, {pyrng.choice(PLACES)}",
                        "online_url": "https://bijeenkomst.example.nl/live" if region == "online" else "",
                        "starts_at": begins,
                        "ends_at": begins + timedelta(hours=3),
                        "capacity": capacity,
                        "audience": "Medewerkers publieksdiensten",
                        "registration_deadline": begins - timedelta(days=1),
                        "is_published": pyrng.random() < 0.97,
                    }
                )
                places.append((first + i, begins, capacity))
            events.write(rows)
            topics.write(
                {event_field: e, skill_field: int(s)}
                for e, _b, _c in places
                for s in set(taxonomy.skills[rng.integers(0, len(taxonomy.skills), pyrng.randint(1, 3))])
            )

            def people_at(event_id, begins, capacity):
                wanted = min(people, int(capacity * pyrng.uniform(0.5, 1.3)))
                past = begins < now
                for k, person in enumerate(rng.choice(people, size=wanted, replace=False)):
                    queued = begins - timedelta(days=pyrng.randint(2, 40), minutes=k)
                    status = "bevestigd" if k < capacity else "wachtlijst"
                    if pyrng.random() < 0.08:
                        status = "afgemeld"
                    yield {
                        "event_id": event_id,
                        "user_id": first_user + int(person),
                        "status": status,
                        "share_on_attendee_list": pyrng.random() < 0.4,
                        "queued_at": queued,
                        "confirmed_at": queued if status == "bevestigd" else None,
                        "cancelled_at": queued + timedelta(days=1) if status == "afgemeld" else None,
                        "attended": (pyrng.random() < 0.85) if past and status == "bevestigd" else None,
                        "created_at": queued,
                    }

            registrations.write(row for place in places for row in people_at(*place))
    return {"events": events.count, "event_topics": topics.count, "registrations": registrations.count}


def main():
    args = arguments()
    started = time.perf_counter()
    print(
        f"Generating on {args.db}: {args.profiles:,} profiles, {args.opportunities:,} opportunities, "
        f"{args.events:,} events (seed {args.seed})"
    )
    with fresh_django(args.db, name=args.database, keep=args.keep):
        counts = generate(args)
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
                size = cursor.fetchone()[0]
            print(f"  database size {size}")
    for name, count in counts.items():
        print(f"  {name:<28} {count:>12,}")
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"wall time {time.perf_counter() - started:.1f} s, peak memory {peak:.0f} MB")
    if args.keep and args.db == "postgres":
        print(f"kept database {args.database}")


if __name__ == "__main__":
    main()

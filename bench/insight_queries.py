"""Time every inzicht dashboard query against the database in DATABASE_URL (e.g. the one bench/generate.py
keeps), for a few groups: Nederland, the largest province, the largest municipality, an occupation group.

Each query is the whole figure as a page gets it: the aggregate SQL and the small-group protection over
all groups. First it rebuilds ``insight.Person`` (who counts in which group), as the nightly task does,
and prints how long that takes. Then per query and group: the wall time (median of ``--repeat`` runs,
after one warm-up), the number of SQL statements, and how many counts the figure shows and hides. Last,
per dashboard page: the time to compute its figures once, and to read them back from the cache as every
later visit, tab and CSV of the same choice within the hour does (``INSIGHT_CACHE_SECONDS``).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/wendbaar_bench_scale
    .venv/bin/python bench/insight_queries.py
    .venv/bin/python bench/insight_queries.py --explorations 50000   # first add Verkennen visits

``--explorations N`` adds (or tops up to) N people with a few explorations each, spread over the last year:
the generator does not make them, and without them the "verkend" figure has nothing to count.

When the database has no exposure indicator yet and the real indicator file lies next to the repository
(``../shared/indicators/automation_risk_nesta_mcc.csv``, or ``--indicator PATH``), it is imported first, as
``wendbaar indicators import`` does, so that "blootstelling" has occupations to place; without it that
figure only finds out that there is nothing to show.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--repeat", type=int, default=3)
parser.add_argument("--explorations", type=int, default=0, help="add explorations for this many people")
parser.add_argument("--only", default="", help="comma-separated query names (default: all)")
parser.add_argument(
    "--indicator",
    type=Path,
    default=ROOT.parent / "shared" / "indicators" / "automation_risk_nesta_mcc.csv",
    help="indicator CSV to import when the database has none (skipped when the file is absent)",
)
args = parser.parse_args()

if "DATABASE_URL" not in os.environ:
    sys.exit("Set DATABASE_URL to the database to time (e.g. the one bench/generate.py --keep leaves).")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wendbaar.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wendbaar.accounts.models import Membership, OrganisationKind  # noqa: E402
from wendbaar.insight.models import Exploration, Explorer  # noqa: E402
from wendbaar.insight.people import rebuild  # noqa: E402
from wendbaar.insight.queries import ALL_QUERIES, Filters  # noqa: E402
from wendbaar.insight.suppression import SHOWN  # noqa: E402
from wendbaar.insight.suppression import Count as Shown  # noqa: E402
from wendbaar.profiles.models import Profile  # noqa: E402
from wendbaar.taxonomy.models import Occupation  # noqa: E402


def add_explorations(people: int) -> None:
    have = Explorer.objects.filter(user__isnull=False).count()
    if have >= people:
        return
    rng = random.Random(2026)
    occupations = list(Occupation.objects.values_list("id", flat=True)[:3000])
    users = list(
        Profile.objects.exclude(user__explorer__isnull=False).values_list("user_id", flat=True)[
            : people - have
        ]
    )
    today = date.today()
    months = [
        date(today.year - (today.month - 1 - k < 0), (today.month - 1 - k) % 12 + 1, 1) for k in range(12)
    ]
    started = time.perf_counter()
    for i in range(0, len(users), 5000):
        explorers = Explorer.objects.bulk_create(Explorer(user_id=u) for u in users[i : i + 5000])
        Exploration.objects.bulk_create(
            (
                Exploration(explorer=e, occupation_id=rng.choice(occupations), month=rng.choice(months))
                for e in explorers
                for _ in range(rng.choice([1, 1, 2, 3]))
            ),
            ignore_conflicts=True,
        )
    print(f"added explorations for {len(users):,} people in {time.perf_counter() - started:.1f} s")


def add_indicator(path: Path) -> None:
    from wendbaar.taxonomy.indicators import import_indicator
    from wendbaar.taxonomy.models import Indicator

    if Indicator.objects.exists():
        return
    if not path.exists():
        print(f"no indicator imported ({path} not found): blootstelling has nothing to show")
        return
    report = import_indicator(
        path, key="concept_uri", column="risk", name="automatisering", label="automatisering", source="Nesta"
    )
    print(f"imported indicator {report.name!r} for {report.imported} occupations ({report.unknown} unknown)")


def groups() -> list[tuple[str, str]]:
    chosen = [("Nederland", "nl")]
    biggest = (
        Membership.objects.filter(organisation__kind=OrganisationKind.GEMEENTE)
        .values("organisation_id", "organisation__province")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if biggest:
        if biggest["organisation__province"]:
            chosen.append(("grootste provincie", f"p:{biggest['organisation__province']}"))
        chosen.append(("grootste gemeente", f"g:{biggest['organisation_id']}"))
    chosen.append(("beroepsgroep 4", "b:4"))
    return chosen


def main() -> None:
    if args.explorations:
        add_explorations(args.explorations)
    add_indicator(args.indicator)
    started = time.perf_counter()
    people = rebuild()
    print(
        f"who counts where (insight.Person, nightly and on change): {people:,} people rebuilt in "
        f"{time.perf_counter() - started:.2f} s"
    )
    print(
        f"database: {connection.vendor}, {Profile.objects.count():,} profiles, "
        f"{Explorer.objects.count():,} explorers"
    )
    names = [n for n in args.only.split(",") if n] or list(ALL_QUERIES)
    print(f"{'query':<15} {'group':<20} {'median s':>9} {'max s':>7} {'SQL':>4} {'shown':>6} {'hidden':>7}")
    worst = 0.0
    for name in names:
        query = ALL_QUERIES[name]
        for label, group in groups():
            filters = Filters(group)
            query(filters)  # warm-up: connection, code paths
            times = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    figure = query(filters)
                    times.append(time.perf_counter() - started)
            counts = [v for row in figure.rows for v in row.values if isinstance(v, Shown)]
            shown = sum(1 for v in counts if v.status == SHOWN)
            worst = max(worst, max(times))
            print(
                f"{name:<15} {label:<20} {statistics.median(times):>9.3f} {max(times):>7.3f} "
                f"{len(captured.captured_queries):>4} {shown:>6} {len(counts) - shown:>7}"
            )
    print(f"slowest single run: {worst:.3f} s")
    pages()


def pages() -> None:
    """What a dashboard page waits for: its figures computed once (the first visit within the hour), then
    kept in the cache (every later visit, tab and CSV of the same choice)."""
    from django.core.cache import cache
    from django.test import override_settings

    from wendbaar.insight.queries import kept_figures
    from wendbaar.insight.views import DASHBOARDS

    print(f"{'dashboard':<15} {'group':<20} {'computed s':>10} {'kept ms':>8}")
    with override_settings(INSIGHT_CACHE_SECONDS=3600):
        for slug, board in DASHBOARDS.items():
            for label, group in groups():
                cache.clear()
                started = time.perf_counter()
                kept_figures(board.figures, Filters(group))
                computed = time.perf_counter() - started
                started = time.perf_counter()
                kept_figures(board.figures, Filters(group))
                kept = (time.perf_counter() - started) * 1000
                print(f"{slug:<15} {label:<20} {computed:>10.3f} {kept:>8.2f}")


if __name__ == "__main__":
    main()

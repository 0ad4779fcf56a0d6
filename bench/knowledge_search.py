"""Kennisbank search: indexing speed and query latency over generated Dutch items. Target: p95 ≤ 50 ms.

Each query ranks up to 200 hits and highlights one results page (20), as the search page does.

python bench/knowledge_search.py --db sqlite --items 5000
python bench/knowledge_search.py --db postgres --items 5000   # database wendbaar_bench_knowledge
"""

import argparse
import os
import random
import statistics
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta

from _setup import POSTGRES

DATABASE = "wendbaar_bench_knowledge"  # its own, so it can run beside the other benchmarks

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--items", type=int, default=5000)
parser.add_argument("--page", type=int, default=20, help="hits highlighted, as on one results page")
args = parser.parse_args()

WORDS = (
    "gemeente gemeenten inwoner inwoners balie digitalisering digitale dienstverlening ambtenaar ambtenaren "
    "arbeidsovereenkomst cao loopbaan overstap vaardigheden zorg onderwijs wijk keukentafel participatie "
    "paspoort rijbewijs verhuizing aanvraag klantcontact telefoon werkplek verandering toekomst scholing "
    "leren gesprek adviseur team leidinggevende regels wet uitvoering burgerzaken vergunning belasting"
).split()
QUERIES = [
    "digitaliseringen",
    "gemeente",
    "inwoners keukentafel",
    "arbeidsovereenkomst cao",
    "loopbaan overstap zorg",
    "paspoort",
    "wnra",
    "burgerzaken vergunning belasting",
    "scholing",
    "adviseur gesprek",
]


@contextmanager
def fresh_database(db):
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WENDBAAR_VAR_DIR"] = tmp
        os.environ["DJANGO_SETTINGS_MODULE"] = "wendbaar.settings"
        if db == "postgres":
            import psycopg

            with psycopg.connect(POSTGRES, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
                conn.execute(f"CREATE DATABASE {DATABASE}")
            os.environ["DATABASE_URL"] = POSTGRES.rsplit("/", 1)[0] + f"/{DATABASE}"
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        try:
            yield
        finally:
            from django.db import connections

            connections.close_all()
            if db == "postgres":
                with psycopg.connect(POSTGRES, autocommit=True) as conn:
                    conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


with fresh_database(args.db):
    from django.utils import timezone

    from wendbaar.knowledge import search
    from wendbaar.knowledge.models import Essay, News

    rng = random.Random(7)
    start = time.perf_counter()
    now = timezone.now()
    for i in range(args.items):
        model = Essay if i % 2 else News
        extra = {"genre": "essay", "authors": "Auteur", "year": 2025} if model is Essay else {}
        model.objects.create(
            title=sentence(rng, 5),
            slug=f"item-{i}",
            summary=sentence(rng, 25),
            body=" ".join(sentence(rng, 15) for _ in range(20)),
            is_published=True,
            published_at=now - timedelta(hours=i),
            **extra,
        )
    seconds = time.perf_counter() - start
    per_item = seconds / args.items * 1000
    print(f"{args.db:<8} create+index {args.items} items {seconds:6.1f} s ({per_item:.1f} ms per item)")

    def one(query):
        hits = search.search(query, highlight=False)
        search.add_highlights(hits[: args.page], query)
        return len(hits)

    for query in QUERIES:  # warm up
        one(query)
    timings = []
    for _ in range(5):
        for query in QUERIES:
            start = time.perf_counter()
            one(query)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
    worst = timings[-1]
    print(
        f"{args.db:<8} search, {args.page} highlighted  "
        f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {worst:6.1f} ms"
    )

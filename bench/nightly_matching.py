"""Nightly matching at scale: every profile against every kans. Target: 200,000 × 20,000 in ≤ 10 minutes.

Two measurements on the same data:

1. The nightly task as it runs (``wendbaar.opportunities.matching.compute_matches``): the best matches of
   every open kans among the people zichtbaar voor organisaties, stored as OpportunityMatch rows.
2. The scale requirement itself: ALL profiles × ALL kansen (open or not, visible or not), best people per
   kans, without storing — with ``wendbaar.matching.bulk.top_people`` (what the task calls today) and
   with ``wendbaar.matching.topk.top_people`` (the same lists, vectorised for this scale; threads = cores).

Each step prints its wall time and the CPU time it used; peak memory at the end.

    .venv/bin/python bench/nightly_matching.py                            # small generated data
    .venv/bin/python bench/generate.py --keep && .venv/bin/python bench/nightly_matching.py --reuse
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from contextlib import contextmanager

import numpy as np

from _setup import ROOT, fresh_django

sys.path.insert(0, str(ROOT / "bench"))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--reuse", action="store_true", help="use the database kept by generate.py --keep")
parser.add_argument("--database", default="wendbaar_bench_scale")
parser.add_argument("--profiles", type=int, default=5000, help="without --reuse: how many to generate")
parser.add_argument("--opportunities", type=int, default=500, help="without --reuse: how many to generate")
parser.add_argument("--skip-task", action="store_true", help="only the all × all measurement")
parser.add_argument("--cores", default="bulk,topk", help="which top_people to time: bulk, topk or both")
parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="threads for topk")
args = parser.parse_args()

timings: dict[str, float] = {}


@contextmanager
def step(label: str):
    """Wall time, and this process's CPU time (all threads): on a busy machine the CPU time shows the work."""
    start, cpu = time.perf_counter(), time.process_time()
    yield
    timings[label] = time.perf_counter() - start
    print(f"  {label:<52} {timings[label]:8.1f} s  (cpu {time.process_time() - cpu:8.1f} s)", flush=True)


def all_people(loaded, lookups):
    """Every profile with its ratings, as the nightly task reads visible ones (same arrays, no filter)."""
    from wendbaar.matching import bulk
    from wendbaar.opportunities.matching import Lookups
    from wendbaar.profiles.models import Profile, ProfileSkill

    rows = np.array(
        list(
            Profile.objects.order_by("id").values_list("id", "current_occupation_id", "years_in_occupation")
        ),
        dtype=object,
    )
    ids = rows[:, 0].astype(np.int64)
    occupation_ids = np.array([o or -1 for o in rows[:, 1]], dtype=np.int64)
    years = np.array([y or 0 for y in rows[:, 2]], dtype=np.int64)
    ratings = ProfileSkill.objects.values_list("profile_id", "skill_id", "level")
    flat = np.fromiter(
        (value for row in ratings.iterator(chunk_size=50_000) for value in row), dtype=np.int64
    ).reshape(-1, 3)
    person = np.searchsorted(ids, flat[:, 0])
    skill = Lookups.find(lookups.skill, flat[:, 1])
    known = skill >= 0
    occupations = Lookups.find(lookups.occupation, occupation_ids)
    held = bulk.held_from_arrays(
        loaded.engine, person[known], skill[known], flat[known, 2], occupations, years
    )
    return ids, held, occupations


def main():
    database = args.database if args.reuse else "wendbaar_bench_matching"
    with fresh_django("postgres", name=database, keep=args.reuse, reuse=args.reuse):
        from django.conf import settings

        from wendbaar.explore.engine import get_engine
        from wendbaar.matching import bulk, topk
        from wendbaar.opportunities.matching import Lookups, build_index, compute_matches
        from wendbaar.opportunities.models import Opportunity, OpportunityMatch
        from wendbaar.profiles.models import Profile

        if not args.reuse:
            import generate

            generate.generate(
                argparse.Namespace(
                    profiles=args.profiles,
                    opportunities=args.opportunities,
                    events=0,
                    organisations=100,
                    visible=0.33,
                    seed=5,
                )
            )
        limit = settings.OPPORTUNITIES_MATCHES_PER_OPPORTUNITY
        print(
            f"{Profile.objects.count():,} profiles, {Opportunity.objects.count():,} kansen "
            f"({Opportunity.objects.open().count():,} open); best {limit} per kans, "
            f"minimum {settings.OPPORTUNITIES_MIN_MATCH} %"
        )
        with step("engine (taxonomy snapshot)"):
            loaded = get_engine()
            lookups = Lookups.of(loaded)

        if not args.skip_task:
            print("1. the nightly task: open kansen × people zichtbaar voor organisaties, stored")
            with step("compute_matches() — read, score, store"):
                outcome = compute_matches(tell=False)
            print(f"     {outcome}; {OpportunityMatch.objects.count():,} match rows")

        print("2. all profiles × all kansen, best per kans (not stored)")
        with step("read every profile's ratings → people × skill matrix"):
            ids, held, occupations = all_people(loaded, lookups)
        with step("read every kans → kans × skill demands"):
            index = build_index(loaded, list(Opportunity.objects.values_list("id", flat=True)), lookups)
        pairs = len(ids) * len(index.ids)
        min_score = settings.OPPORTUNITIES_MIN_MATCH / 100
        answers = {}
        for core in args.cores.split(","):
            label = f"{core}.top_people: {len(ids):,} × {len(index.ids):,}, best {limit}"
            if core == "topk":
                label += f", {args.threads} threads"
            with step(label):
                if core == "bulk":
                    best, scores = bulk.top_people(
                        loaded.engine, index.demands, held, occupations, limit, min_score
                    )
                else:
                    best, scores = topk.top_people(
                        loaded.engine,
                        index.demands,
                        held,
                        occupations,
                        limit,
                        min_score,
                        threads=args.threads,
                    )
            seconds = timings[label]
            filled = (best >= 0).sum(axis=1)
            print(
                f"     {pairs:,} pairs, {pairs / seconds / 1e6:.1f} million pairs/s; "
                f"kansen with a full list: {(filled == limit).mean():.0%}; "
                f"median best score {np.median(scores[:, 0]):.2f}"
            )
            answers[core] = scores
        if len(answers) == 2:
            difference = np.abs(answers["bulk"] - answers["topk"]).max()
            print(f"     largest score difference between the two: {difference:.1e}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()

"""Matching engine on the full ESCO release (nl+en) plus the starter set: build time, memory, in-process
latency of similar and recommend, and the CLI answering `similar` for every occupation in one batch.
Targets: p50 ≤ 2 ms and p99 ≤ 10 ms in process; memory ≤ 300 MB; CLI batch ≤ 15 s including start-up.

    python bench/matching_latency.py [--db sqlite|postgres]
"""

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _setup import arguments, fresh_django


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[int(len(samples) * 0.99)]


args = arguments(__doc__)
with fresh_django(args.db):
    from wendbaar.explore.engine import build_snapshot, get_engine
    from wendbaar.matching import Engine, Profile
    from wendbaar.taxonomy.esco import import_package
    from wendbaar.taxonomy.starter_import import load_starter_set

    load_starter_set()
    import_package(args.esco, ["nl", "en"])

    start = time.perf_counter()
    snapshot, *_ = build_snapshot()
    snapshot_seconds = time.perf_counter() - start
    before = rss_mb()
    start = time.perf_counter()
    engine = Engine(snapshot)
    build_seconds = time.perf_counter() - start
    grown = rss_mb() - before
    held = sum(a.nbytes for a in (engine.similarity, engine.context, engine.idf)) + sum(
        m.data.nbytes + m.indices.nbytes + m.indptr.nbytes
        for m in (
            engine.needs,
            engine.holds,
            engine.reach,
            engine.reach_by_skill,
            engine.credit,
            engine.essential,
        )
    )
    print(
        f"occupations {engine.n_occupations}, skills {engine.n_skills}, relations {len(snapshot.relations)}"
    )
    print(f"snapshot from database   {snapshot_seconds:6.2f} s")
    print(f"engine build             {build_seconds:6.2f} s")
    print(f"engine memory            {held / 2**20:6.0f} MB held in arrays, process grew {grown:.0f} MB")

    rng = random.Random(3)
    origins = rng.sample(range(engine.n_occupations), 500)
    timings = []
    for origin in origins:
        t = time.perf_counter()
        engine.similar(origin, limit=20)
        timings.append((time.perf_counter() - t) * 1000)
    p50, p99 = percentiles(timings)
    print(f"similar    (limit 20)    p50 {p50:5.2f} ms   p99 {p99:5.2f} ms   ({len(timings)} calls)")

    skill_sets = {}
    for o, s, _e in snapshot.relations:
        skill_sets.setdefault(o, []).append(s)
    timings = []
    for origin in origins:
        skills = rng.sample(skill_sets[origin], min(len(skill_sets[origin]), rng.randint(5, 40)))
        profile = Profile(
            {s: rng.randint(1, 4) for s in skills}, occupation=origin if origin % 2 else None, years=8
        )
        t = time.perf_counter()
        engine.recommend(profile, limit=20)
        timings.append((time.perf_counter() - t) * 1000)
    p50, p99 = percentiles(timings)
    print(f"recommend  (limit 20)    p50 {p50:5.2f} ms   p99 {p99:5.2f} ms   ({len(timings)} calls)")

    get_engine()  # same path the web app takes
    uris = [key for key in snapshot.occupation_keys if key.startswith("http")]
    script = Path(sys.executable).with_name("wendbaar")
    start = time.perf_counter()
    done = subprocess.run(
        [str(script), "occupations", "similar", "-", "--limit", "20", "--format", "jsonl"],
        input="\n".join(uris),
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=True,
        timeout=600,
    )
    seconds = time.perf_counter() - start
    print(
        f"CLI similar, all {len(uris)} ESCO occupations in one batch: {seconds:5.1f} s "
        f"({len(done.stdout.splitlines())} lines)"
    )

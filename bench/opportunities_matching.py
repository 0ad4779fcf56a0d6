"""Nightly kansen matching at scale on a synthetic ESCO-sized taxonomy: people × opportunities, top-N per
opportunity (wendbaar.matching.bulk.top_people). Prints build, load and match times and peak memory.

    .venv/bin/python bench/opportunities_matching.py --people 200000 --opportunities 20000
"""

import argparse
import os
import resource
import time

import numpy as np

from wendbaar.matching import Engine, Snapshot, bulk, topk


def taxonomy(occupations: int, skills: int, rng) -> Engine:
    relations = []
    for o in range(occupations):
        # ESCO-like: about 30 skills per occupation, a third essential, popular skills more likely.
        chosen = np.unique((rng.pareto(1.2, size=30) * skills / 40).astype(int) % skills)
        relations.extend((o, int(s), bool(rng.random() < 0.35)) for s in chosen)
    snapshot = Snapshot(
        occupation_keys=[f"o{o}" for o in range(occupations)],
        occupation_labels=[f"beroep {o}" for o in range(occupations)],
        occupation_isco=[str(1000 + rng.integers(0, 9000)) for _ in range(occupations)],
        skill_keys=[f"s{s}" for s in range(skills)],
        skill_labels=[f"vaardigheid {s}" for s in range(skills)],
        relations=relations,
        occupation_text=[f"werk {o % 97} taak {o % 89}" for o in range(occupations)],
        skill_broader=[(s, s - 1) for s in range(1, skills, 4)],
        skill_groups=[(s, s // 40) for s in range(skills)],
        skill_related=[(s, (s * 7) % skills) for s in range(0, skills, 2)],
    )
    return Engine(snapshot)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--opportunities", type=int, default=20_000)
    parser.add_argument("--occupations", type=int, default=3_000)
    parser.add_argument("--skills", type=int, default=13_900)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--chunk", type=int, default=2_000)
    parser.add_argument("--core", choices=["bulk", "topk"], default="topk", help="bulk: the reference core")
    args = parser.parse_args()
    rng = np.random.default_rng(1)

    started = time.perf_counter()
    engine = taxonomy(args.occupations, args.skills, rng)
    print(f"engine: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    occupation = rng.integers(0, args.occupations, size=args.opportunities)
    required = [engine._row(engine.essential, o)[0][:8].tolist() or [0] for o in occupation]
    with_occupation = [int(o) if i % 2 else None for i, o in enumerate(occupation)]
    demands = bulk.build_demands(engine, required, with_occupation)
    print(f"demands ({args.opportunities}): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    per_person = rng.integers(12, 40, size=args.people)
    person = np.repeat(np.arange(args.people), per_person)
    own = rng.integers(0, args.occupations, size=args.people)
    # Most of a person's skills come from their own occupation, a few from elsewhere.
    skill = np.empty(len(person), dtype=np.int64)
    for i in range(0, args.people, 10_000):
        block = slice(np.searchsorted(person, i), np.searchsorted(person, min(i + 10_000, args.people)))
        rows = person[block]
        listed = [engine._row(engine.holds, o)[0] for o in own[rows]]
        pick = [
            lst[rng.integers(len(lst))] if rng.random() < 0.7 else rng.integers(args.skills) for lst in listed
        ]
        skill[block] = pick
    level = rng.integers(1, 5, size=len(person))
    held = bulk.held_from_arrays(engine, person, skill, level, own, rng.integers(0, 25, size=args.people))
    print(f"people ({args.people}, {held.nnz} ratings): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    if args.core == "topk":  # what the nightly task calls
        best, scores = topk.top_people(
            engine, demands, held, own, args.limit, 0.2, threads=os.cpu_count() or 1
        )
    else:
        best, scores = bulk.top_people(engine, demands, held, own, args.limit, 0.2, chunk=args.chunk)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.core}: top {args.limit} per opportunity: {elapsed:.1f} s "
        f"({args.people * args.opportunities / elapsed / 1e6:.0f} M pairs/s), peak memory {peak:.0f} MB, "
        f"filled {(best >= 0).mean():.0%}"
    )


if __name__ == "__main__":
    main()

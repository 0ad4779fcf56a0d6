"""Evaluation harness for the matching engine on the full ESCO release (nl+en).

    python bench/matching_quality.py [--db sqlite] [--weights forward=0.5,text=0.1]

Ground truths, none of which the engine reads:
- ESCO's own occupation hierarchy: an occupation's parent, children and siblings are related;
- the O*NET crosswalk in the Nesta indicator file: ESCO occupations mapped to the same O*NET occupation
  are related (skipped when the file is absent);
- held-out skills: 70 % of an occupation's skills as a person's profile should find that occupation.
It also reports ISCO-unit consistency and a plain skill-overlap (Jaccard) baseline for comparison.
"""

import csv
import random
import time
from collections import defaultdict

import numpy as np

from _setup import ESCO_DIR, arguments, fresh_django

K = 20
args_parser_extra = None
args = arguments(__doc__)

with fresh_django(args.db):
    from wendbaar.explore.engine import build_snapshot
    from wendbaar.matching import Engine, Profile, Weights
    from wendbaar.taxonomy.esco import import_package
    from wendbaar.taxonomy.models import Occupation
    from wendbaar.taxonomy.starter_import import load_starter_set

    load_starter_set()
    import_package(args.esco, ["nl", "en"])
    snapshot, occupation_ids, _skills, lookup, _ = build_snapshot()
    n = len(snapshot.occupation_keys)

    # Ground truth 1: ESCO occupation hierarchy (parent, children, siblings).
    parent = dict(Occupation.objects.filter(broader__isnull=False).values_list("uri", "broader__uri"))
    children = defaultdict(set)
    for child, par in parent.items():
        children[par].add(child)
    hierarchy = {}
    for uri in lookup:
        if not uri.startswith("http"):
            continue
        related = set(children.get(uri, ()))
        if uri in parent:
            related |= {parent[uri]} | children[parent[uri]]
        related.discard(uri)
        if related:
            hierarchy[lookup[uri]] = {lookup[r] for r in related if r in lookup}

    # Ground truth 2: the O*NET crosswalk.
    onet = {}
    crosswalk = ESCO_DIR.parent.parent / "indicators" / "automation_risk_nesta_mcc.csv"
    if crosswalk.exists():
        groups = defaultdict(set)
        with crosswalk.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["concept_uri"] in lookup and row["onet_code"]:
                    groups[row["onet_code"]].add(lookup[row["concept_uri"]])
        for members in groups.values():
            for m in members:
                if len(members) > 1:
                    onet[m] = members - {m}

    isco_unit = defaultdict(set)
    for i, code in enumerate(snapshot.occupation_isco):
        isco_unit[code].add(i)
    same_unit = {
        i: isco_unit[c] - {i} for i, c in enumerate(snapshot.occupation_isco) if len(isco_unit[c]) > 1
    }

    def recall_at_k(rank_rows, truth):
        hits = [len(set(rank_rows(o)[:K]) & rel) / min(len(rel), K) for o, rel in truth.items()]
        return float(np.mean(hits)), len(hits)

    # Baseline: Jaccard overlap of skill sets.
    skill_sets = defaultdict(set)
    for o, s, _e in snapshot.relations:
        skill_sets[o].add(s)

    def jaccard_rank(o):
        mine = skill_sets[o]
        scores = np.array([len(mine & skill_sets[d]) / (len(mine | skill_sets[d]) or 1) for d in range(n)])
        scores[o] = -1
        return list(np.argsort(-scores, kind="stable"))

    for weight_set in (getattr(args, "weights", "") or "").split(";"):
        overrides = {}
        for item in filter(None, weight_set.split(",")):
            name, value = item.split("=")
            overrides[name] = float(value)
        start = time.perf_counter()
        engine = Engine(snapshot, Weights(**overrides))
        print(f"engine build {time.perf_counter() - start:.1f} s; weights {engine.weights}")

        def engine_rank(o, engine=engine):
            scores = engine.similarity[o].copy()
            scores[o] = -1
            return list(np.argsort(-scores, kind="stable"))

        rng = random.Random(7)
        sample = rng.sample(range(n), 400)
        print(f"{'ground truth':<34}{'engine':>10}{'jaccard':>10}   occupations")
        for name, truth in (
            ("ESCO hierarchy recall@20", hierarchy),
            ("O*NET crosswalk recall@20", onet),
            ("same ISCO unit recall@20", same_unit),
        ):
            if not truth:
                continue
            subset = {o: truth[o] for o in sample if o in truth} or truth
            ours, count = recall_at_k(engine_rank, subset)
            base, _ = recall_at_k(jaccard_rank, subset)
            print(f"{name:<34}{ours:>10.3f}{base:>10.3f}   {count}")

        top1 = top10 = 0
        for o in sample:
            skills = sorted(skill_sets[o])
            kept = rng.sample(skills, max(1, int(len(skills) * 0.7)))
            ranked = [m.occupation for m in engine.recommend(Profile({s: 3 for s in kept}), limit=10)]
            top1 += ranked[:1] == [o]
            top10 += o in ranked
        print(f"{'held-out skills: own occupation':<34}{'top1':>10}{'top10':>10}")
        print(f"{'':<34}{top1 / len(sample):>10.3f}{top10 / len(sample):>10.3f}   {len(sample)}")

    # Hand-checked municipal cases: read the lists; the tests pin the clearest expectations.
    from wendbaar.matching import Filters

    for code in ("baliemedewerker-burgerzaken", "klantcontactmedewerker-kcc", "medewerker-belastingen"):
        if code not in lookup:
            continue
        origin = lookup[code]
        print(f"\n{snapshot.occupation_labels[origin]}:")
        for label, filters in (("all", Filters()), ("other sectors", Filters(municipal=False))):
            top = engine.similar(origin, limit=8, filters=filters)
            print(f"  {label:<14} " + "; ".join(f"{m.label} {m.match}" for m in top))

"""Taxonomy search latency over the full ESCO release (nl+en) plus the starter set. Target: p95 ≤ 20 ms.

python bench/search.py --db sqlite
"""

import statistics
import time

from _setup import arguments, fresh_django

QUERIES = [
    "functionaris burgerzaken",
    "burgerz",
    "baliemedewerker",
    "klantcontact",
    "kcc",
    "vergunning",
    "belastingen",
    "handhaver",
    "boa",
    "wmo consulent",
    "schuldhulp",
    "zorg",
    "verpleegkundige",
    "pedagogisch medewerker",
    "leraar",
    "onderwijsassistent",
    "data-analist",
    "data analyst",
    "servicedesk",
    "magazijn",
    "chauffeur",
    "beveiliger",
    "boekhouder",
    "communiceren",
    "samenwerken",
    "excel",
    "privacy",
    "klantgericht",
    "empathie",
    "plannen",
    "communicate with customers",
    "analyse data",
    "funtionaris",
    "verpleegkundig",
    "adminstratie",
    "klantenservise",
    "programeren",
    "sql",
    "python",
    "conflict",
    "mediation",
    "welzijn",
    "jeugd",
    "participatie",
    "omgevingswet",
    "archief",
    "juridisch",
    "beleid",
    "project",
    "coach",
    "a",
    "de",
    "management",
    "sales",
    "logistiek planner",
    "kassa",
]

args = arguments(__doc__)
with fresh_django(args.db):
    from wendbaar.taxonomy.esco import import_package
    from wendbaar.taxonomy.search import get_index, search
    from wendbaar.taxonomy.starter_import import load_starter_set

    load_starter_set()
    import_package(args.esco, ["nl", "en"])
    start = time.perf_counter()
    index = get_index()
    print(
        f"index build   {time.perf_counter() - start:6.2f} s  ({len(index.entries)} labels, "
        f"{len(index.vocabulary)} words)"
    )
    timings = []
    for _round in range(5):
        for query in QUERIES:
            for kind in (None, "occupation", "skill"):
                start = time.perf_counter()
                search(query, kind=kind, limit=10)
                timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(f"searches      {len(timings)}")
    print(f"median        {statistics.median(timings):6.2f} ms")
    print(f"p95           {p95:6.2f} ms")
    print(f"max           {timings[-1]:6.2f} ms")

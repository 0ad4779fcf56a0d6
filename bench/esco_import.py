"""Full ESCO import (nl+en) on a fresh database, then a re-import. Target: ≤ 60 s SQLite, ≤ 90 s PostgreSQL.

python bench/esco_import.py --db sqlite
python bench/esco_import.py --db postgres
"""

import resource
import time

from _setup import arguments, fresh_django

args = arguments(__doc__)
with fresh_django(args.db):
    from wendbaar.taxonomy.esco import import_package
    from wendbaar.taxonomy.services import taxonomy_stats

    for run in ("first import", "re-import"):
        start = time.perf_counter()
        import_package(args.esco, ["nl", "en"])
        seconds = time.perf_counter() - start
        print(f"{args.db:<8} {run:<13} {seconds:6.1f} s   {taxonomy_stats()}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.db:<8} peak memory   {peak:6.0f} MB")

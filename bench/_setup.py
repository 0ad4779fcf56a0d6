"""Start Django on a fresh, throw-away database for a benchmark.

``--db sqlite`` uses a temporary SQLite file; ``--db postgres`` creates (and afterwards drops) the
database ``wendbaar_bench`` on the server of ``BENCH_POSTGRES_URL`` (default: local, user postgres).
A benchmark may name its own PostgreSQL database, keep it afterwards, or reuse one that is kept.
"""

import argparse
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESCO_DIR = ROOT.parent / "shared" / "esco" / "v1.2.0"
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--esco", type=Path, default=ESCO_DIR)
    parser.add_argument("--weights", default="", help="engine weight overrides, e.g. forward=0.5,text=0.1")
    args = parser.parse_args()
    if not (args.esco / "occupations_en.csv").exists():
        sys.exit(f"ESCO files not found at {args.esco}")
    return args


def postgres_url(name: str) -> str:
    return POSTGRES.rsplit("/", 1)[0] + "/" + name


@contextmanager
def fresh_django(db: str, *, name: str = "wendbaar_bench", keep: bool = False, reuse: bool = False):
    """``keep`` leaves the PostgreSQL database ``name`` in place afterwards; ``reuse`` starts on it."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WENDBAAR_VAR_DIR"] = tmp
        os.environ["DJANGO_SETTINGS_MODULE"] = "wendbaar.settings"
        if db == "postgres":
            import psycopg

            if not reuse:
                with psycopg.connect(POSTGRES, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                    conn.execute(f'CREATE DATABASE "{name}"')
            os.environ["DATABASE_URL"] = postgres_url(name)
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
            if db == "postgres" and not keep:
                import psycopg

                with psycopg.connect(POSTGRES, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

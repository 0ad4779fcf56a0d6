"""``wendbaar occupations similar URI [URI ...] --limit N --format jsonl`` (``-`` reads URIs from stdin).

One JSON line per known input, in input order, best result first and never the input itself. Unknown
URIs are named on stderr and the command exits with code 2 after answering the others.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from wendbaar.explore.engine import get_engine
from wendbaar.explore.inputs import build_filters
from wendbaar.explore.serialize import match_detail, match_summary


class Command(BaseCommand):
    help = "Beroepen die lijken op een of meer beroepen (overstappen)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        similar = actions.add_parser("similar", help="Geef per beroep de best passende andere beroepen.")
        similar.add_argument("uris", nargs="+", help="ESCO-URI's of codes; '-' leest ze van stdin")
        similar.add_argument("--limit", type=int, default=10)
        similar.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
        similar.add_argument("--detail", action="store_true", help="ook reden, dekking en blootstelling")
        similar.add_argument("--isco-major", default="", help="alleen deze ISCO-hoofdgroepen, bv. 2,3")
        similar.add_argument("--scope", default="", choices=["", "gemeente", "andere-sectoren"])
        similar.add_argument("--exclude-origin-unit", action="store_true")
        similar.add_argument("--min-match", type=int, default=0)

    def handle(self, *args, action, uris, limit, format, detail, **options):
        if not 1 <= limit <= 500:
            raise CommandError("--limit moet tussen 1 en 500 liggen.", returncode=2)
        try:
            filters = build_filters(
                options["isco_major"],
                "",
                options["scope"],
                options["exclude_origin_unit"],
                options["min_match"],
            )
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if uris == ["-"]:
            uris = [line.strip() for line in sys.stdin if line.strip()]
        loaded = get_engine()
        describe = match_detail if detail else match_summary
        unknown, answers = [], []
        for uri in uris:
            origin = loaded.occupation_lookup.get(uri)
            if origin is None:
                unknown.append(uri)
                continue
            results = [describe(loaded, m) for m in loaded.engine.similar(origin, limit, filters)]
            answers.append({"uri": uri, "results": results})
            if format == "jsonl":
                self.stdout.write(json.dumps(answers[-1], ensure_ascii=False))
        if format == "json":
            self.stdout.write(json.dumps(answers, ensure_ascii=False, indent=2))
        if unknown:
            raise CommandError(f"Onbekende beroepen: {', '.join(unknown)}", returncode=2)

"""``wendbaar recommend --skills URI,URI,... [--occupation URI] [--limit N] --format json``.

A skill may carry a level 1–4 as ``URI:2`` (default 3). Unknown URIs: a message on stderr, exit code 2.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from wendbaar.explore.engine import get_engine
from wendbaar.explore.inputs import UnknownConcepts, build_filters, build_profile
from wendbaar.explore.serialize import match_detail


class Command(BaseCommand):
    help = "Beroepen die passen bij een set vaardigheden (en eventueel je huidige beroep)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skills", required=True, help="ESCO-URI's of codes, met komma's; URI:niveau mag"
        )
        parser.add_argument("--occupation", default=None, help="huidig beroep (URI of code)")
        parser.add_argument("--years", type=float, default=None, help="jaren ervaring in het huidige beroep")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--isco-major", default="")
        parser.add_argument("--scope", default="", choices=["", "gemeente", "andere-sectoren"])
        parser.add_argument("--exclude-origin-unit", action="store_true")
        parser.add_argument("--min-match", type=int, default=0)

    def handle(self, *args, skills, occupation, years, limit, **options):
        if not 1 <= limit <= 500:
            raise CommandError("--limit moet tussen 1 en 500 liggen.", returncode=2)
        loaded = get_engine()
        try:
            profile = build_profile(loaded, skills, occupation, years)
            filters = build_filters(
                options["isco_major"],
                "",
                options["scope"],
                options["exclude_origin_unit"],
                options["min_match"],
            )
        except (UnknownConcepts, ValueError) as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if not profile.skills:
            raise CommandError("Geef minstens één vaardigheid op met --skills.", returncode=2)
        results = [match_detail(loaded, m) for m in loaded.engine.recommend(profile, limit, filters)]
        self.stdout.write(
            json.dumps(
                {
                    "skills": [loaded.engine.snapshot.skill_keys[s] for s in profile.skills],
                    "occupation": occupation,
                    "results": results,
                },
                ensure_ascii=False,
                indent=2,
            )
        )

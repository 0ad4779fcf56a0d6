"""``wendbaar taxonomy search|stats|starter``: look things up in the taxonomy and load the starter set."""

import json

from django.core.management.base import BaseCommand, CommandError

from wendbaar.taxonomy.search import KINDS, search
from wendbaar.taxonomy.services import taxonomy_stats
from wendbaar.taxonomy.starter import StarterSetError
from wendbaar.taxonomy.starter_import import load_starter_set


class Command(BaseCommand):
    help = "Zoeken in en tellen van beroepen en vaardigheden; de Nederlandse startset laden."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        find = actions.add_parser("search", help="Zoek beroepen en vaardigheden op naam of synoniem.")
        find.add_argument("query")
        find.add_argument("--type", choices=sorted(KINDS), dest="kind")
        find.add_argument("--limit", type=int, default=10)
        find.add_argument("--language", default="nl")
        find.add_argument("--format", choices=["json", "text"], default="text")
        stats = actions.add_parser("stats", help="Tel actuele beroepen, vaardigheden en relaties.")
        stats.add_argument("--format", choices=["json", "text"], default="text")
        actions.add_parser("starter", help="Laad of werk de Nederlandse startset bij.")

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_search(self, query, kind, limit, language, format, **options):
        if limit < 1 or limit > 100:
            raise CommandError("--limit moet tussen 1 en 100 liggen.")
        hits = search(query, kind=kind, limit=limit, language=language)
        if format == "json":
            self.stdout.write(json.dumps([hit.as_dict() for hit in hits], ensure_ascii=False, indent=2))
            return
        for hit in hits:
            via = f"  (via '{hit.matched_label}')" if hit.matched_label != hit.label else ""
            self.stdout.write(f"{hit.kind:<10} {hit.label}{via}")

    def handle_stats(self, format, **options):
        stats = taxonomy_stats()
        if format == "json":
            self.stdout.write(json.dumps(stats))
        else:
            for key, value in stats.items():
                self.stdout.write(f"{key}: {value}")

    def handle_starter(self, **options):
        try:
            counts = load_starter_set()
        except StarterSetError as exc:
            raise CommandError(f"De startset klopt niet, er is niets gewijzigd: {exc}") from exc
        summary = ", ".join(f"{key}: {value}" for key, value in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Startset geladen: {summary}"))

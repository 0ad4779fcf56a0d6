"""``wendbaar knowledge reindex``: rebuild the kennisbank's search index (after a bulk load, a restore,
or when skill and occupation labels changed in the taxonomy)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from wendbaar.knowledge import search


class Command(BaseCommand):
    help = "Kennisbank: bouw de zoekindex opnieuw op."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("reindex", help="Bouw de zoekindex opnieuw op.")

    def handle(self, *args, action, **options):
        with transaction.atomic():
            count = search.reindex_all()
        self.stdout.write(
            self.style.SUCCESS(f"Zoekindex van de kennisbank opnieuw opgebouwd: {count} items.")
        )

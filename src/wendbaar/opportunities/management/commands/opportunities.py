"""``wendbaar opportunities compute-matches``: the nightly matching of open kansen and visible people.

Without ``--now`` it queues the task for a worker (``wendbaar db_worker``); with ``--now`` it runs here and
prints what it did.
"""

from django.core.management.base import BaseCommand

from wendbaar.opportunities import matching, tasks


class Command(BaseCommand):
    help = "Kansen: de matches van open kansen opnieuw berekenen."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        compute = actions.add_parser(
            "compute-matches", help="Bereken per open kans de beste matches onder zichtbare mensen."
        )
        compute.add_argument("--now", action="store_true", help="Nu uitvoeren in plaats van klaarzetten.")

    def handle(self, *args, action, **options):
        if action == "compute-matches":
            if options["now"]:
                counts = matching.compute_matches()
                self.stdout.write(
                    f"Matches berekend: {counts['opportunities']} kansen, {counts['people']} zichtbare "
                    f"mensen, {counts['stored']} matches opgeslagen, {counts['removed']} oude verwijderd."
                )
            else:
                tasks.compute_matches.enqueue()
                self.stdout.write("Het berekenen van de matches is klaargezet.")

"""``wendbaar communities send-digests``: the daily e-mail overview for the beroepsgroepen.

Run it once a day from cron or a scheduler. It also sends what a "direct" mail could not deliver.
Running it again sends nothing twice.
"""

from django.core.management.base import BaseCommand, CommandError

from wendbaar.communities import notifications


class Command(BaseCommand):
    help = "Beroepsgroepen: e-mailoverzichten versturen."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser(
            "send-digests",
            help="Stuur iedereen die dat wil één e-mail met wat er nieuw is in zijn of haar beroepsgroepen.",
        )

    def handle(self, *args, action, **options):
        if action == "send-digests":
            counts = notifications.send_digests()
            self.stdout.write(
                f"E-mailoverzichten: {counts['mails']} verstuurd, met samen {counts['notifications']} "
                f"meldingen; {counts['failed']} mislukt (die gaan de volgende keer opnieuw)."
            )
            if counts["failed"]:
                raise CommandError("Niet alle e-mails konden worden verstuurd; zie het log.")

"""``wendbaar send-digests``: the e-mail overviews of notifications, daily and weekly as each person chose.

Run it once a day, at the hour people should get their overview. It also mails what a direct mail could not
deliver. Running it again, or on two machines at once, sends nothing twice.
"""

from django.core.management.base import BaseCommand, CommandError

from wendbaar.notifications import services, tasks


class Command(BaseCommand):
    help = "Meldingen: stuur iedereen die dat wil een e-mailoverzicht (dagelijks of wekelijks)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Zet één taak per persoon klaar voor de worker, in plaats van nu te versturen.",
        )

    def handle(self, *args, queue=False, **options):
        if queue:
            people = services.users_with_mail_pending()
            for user_id in people:
                tasks.send_digest.enqueue(user_id)
            self.stdout.write(f"E-mailoverzichten: {len(people)} klaargezet voor de worker.")
            return
        counts = services.send_digests()
        self.stdout.write(
            f"E-mailoverzichten: {counts['mails']} verstuurd, met samen {counts['notifications']} "
            f"meldingen; {counts['failed']} mislukt (die gaan de volgende keer opnieuw)."
        )
        if counts["failed"]:
            raise CommandError("Niet alle e-mails konden worden verstuurd; zie het log.")

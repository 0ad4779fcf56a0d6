"""``wendbaar events send-reminders``: queue the reminders for what starts within the next day.

Run it from cron or a scheduler at least once an hour; a worker (``wendbaar db_worker``) sends what it
queues. Running it again sends nothing twice.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from wendbaar.events import services


class Command(BaseCommand):
    help = "Bijeenkomsten en gesprekken: herinneringen klaarzetten."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        reminders = actions.add_parser(
            "send-reminders",
            help="Zet herinneringen klaar voor bijeenkomsten en gesprekken die binnen een dag beginnen.",
        )
        reminders.add_argument(
            "--hours",
            type=int,
            default=int(services.REMINDER_LEAD.total_seconds() // 3600),
            help="Herinner aan wat binnen zoveel uur begint (standaard: %(default)s).",
        )

    def handle(self, *args, action, **options):
        if action == "send-reminders":
            counts = services.enqueue_due_reminders(lead=timedelta(hours=options["hours"]))
            self.stdout.write(
                f"Herinneringen klaargezet: {counts['events']} voor bijeenkomsten, "
                f"{counts['conversations']} voor gesprekken."
            )

"""``wendbaar nightly``: queue the nightly background work; a worker runs it.

Run it once a night from cron or a systemd timer (docs/deployment.md), next to a running worker
(``wendbaar db_worker``, or ``wendbaar rqworker`` with TASKS_BACKEND=rq). ``--list`` shows what it queues.
"""

from django.core.management.base import BaseCommand

from wendbaar.core.tasks import enqueue_nightly, nightly_tasks


class Command(BaseCommand):
    help = "Zet het nachtelijke werk klaar voor de worker (matching, overzichten, de matching-engine)."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Toon alleen wat klaargezet zou worden.")

    def handle(self, *args, **options):
        if options["list"]:
            for entry, _task in nightly_tasks():
                self.stdout.write(f"{entry.task}  ({entry.why})")
            return
        for entry, result in enqueue_nightly():
            self.stdout.write(f"Klaargezet: {entry.task} ({result.id})")

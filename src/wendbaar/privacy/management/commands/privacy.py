"""``wendbaar privacy``: the privacy officer's tools.

- ``apply-retention``: warn and erase inactive accounts (run daily, e.g. from cron; see README).
- ``export EMAIL``: everything about one person as JSON on stdout (for a request that comes by post).
- ``erase EMAIL``: erase one person's account as if they did it themselves (asks for confirmation).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wendbaar.privacy import erasure, exporters, retention
from wendbaar.privacy.models import ErasureReason


class Command(BaseCommand):
    help = "Privacy: bewaartermijn toepassen, gegevens van iemand exporteren of een account verwijderen."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser(
            "apply-retention",
            help="Waarschuw wie lang niet heeft ingelogd en verwijder wie na de waarschuwing niet terugkwam.",
        )
        export = actions.add_parser("export", help="Alle gegevens van één persoon als JSON.")
        export.add_argument("email")
        erase = actions.add_parser("erase", help="Verwijder het account van één persoon.")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", help="Niet om bevestiging vragen.")

    def handle(self, *args, action, **options):
        if action == "apply-retention":
            outcome = retention.apply_retention()
            self.stdout.write(
                f"Gewaarschuwd: {outcome.warned}. Verwijderd: {outcome.erased}. "
                f"Niet automatisch te verwijderen: {len(outcome.held_back)}."
            )
            for pk in outcome.held_back:
                self.stdout.write(f"  account {pk}: {'; '.join(erasure.blockers(self._user_by_pk(pk)))}")
            return
        user = get_user_model().objects.filter(email__iexact=options["email"].strip()).first()
        if user is None:
            raise CommandError(f"Geen account met e-mailadres {options['email']}.")
        if action == "export":
            self.stdout.write(exporters.export_json(user))
            return
        if not options["yes"]:
            answer = input(f"Account van {user.email} definitief verwijderen? Typ ja: ")
            if answer.strip().lower() != "ja":
                raise CommandError("Niets verwijderd.")
        try:
            erasure.erase(user, reason=ErasureReason.OFFICER)
        except erasure.ErasureRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write("Account verwijderd; de anonieme tellingen zijn bewaard.")

    def _user_by_pk(self, pk):
        return get_user_model().objects.get(pk=pk)

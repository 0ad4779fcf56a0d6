"""``wendbaar indicators import FILE --key concept_uri --column risk --name automatisering``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wendbaar.taxonomy.indicators import IndicatorError, import_indicator


class Command(BaseCommand):
    help = "Importeer een cijfer per beroep (bijvoorbeeld automatiseringsrisico) uit een CSV-bestand."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("import", help="Importeer of vervang een indicator.")
        run.add_argument("file", type=Path)
        run.add_argument("--key", required=True, help="kolom met de ESCO-URI of code van het beroep")
        run.add_argument("--column", required=True, help="kolom met het getal")
        run.add_argument("--name", required=True, help="korte naam, bijvoorbeeld automatisering")
        run.add_argument("--label", default="", help="omschrijving, bijvoorbeeld 'automatisering'")
        run.add_argument("--source", default="", help="bron die bij elk resultaat genoemd wordt")
        run.add_argument(
            "--not-exposure",
            dest="exposure",
            action="store_false",
            help="het cijfer zegt niets over kwetsbaarheid (geen 'veiliger' in resultaten)",
        )

    def handle(self, *args, action, file, key, column, name, label, source, exposure, **options):
        try:
            report = import_indicator(
                file, key=key, column=column, name=name, label=label, source=source, exposure=exposure
            )
        except IndicatorError as exc:
            raise CommandError(f"Import gestopt, er is niets gewijzigd. {exc}") from exc
        skipped = f"; {report.unknown} regels over onbekende beroepen overgeslagen" if report.unknown else ""
        self.stdout.write(
            self.style.SUCCESS(f"Indicator '{report.name}': {report.imported} beroepen{skipped}.")
        )

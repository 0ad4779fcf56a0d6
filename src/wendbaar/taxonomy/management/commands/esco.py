"""``wendbaar esco import PATH [--languages nl,en]``: import the official ESCO CSV package."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wendbaar.taxonomy.esco import PackageError, import_package


class Command(BaseCommand):
    help = "Importeer het officiële ESCO-CSV-pakket (map of zip)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("import", help="Importeer of werk bij vanuit een ESCO-pakket.")
        run.add_argument("path", type=Path, help="map met ESCO-CSV-bestanden, of het zip-bestand")
        run.add_argument(
            "--languages", default="", help="talen, bijvoorbeeld nl,en (standaard: alle aanwezige)"
        )

    def handle(self, *args, action, path, languages, **options):
        chosen = [lang.strip() for lang in languages.split(",") if lang.strip()] or None
        # Twelve steps: seven to read and check the package, five to write it.
        bar = tqdm(
            total=12,
            unit="stap",
            disable=not self.stderr.isatty(),
            file=self.stderr._out,
            bar_format="{desc:<32}{bar}| {n_fmt}/{total_fmt} [{elapsed}]",
        )

        started = []

        def progress(label):
            """Called as each step starts: the step before it is done."""
            if started:
                bar.update(1)
            started.append(label)
            bar.set_description(label)

        try:
            report = import_package(path, chosen, progress=progress)
            bar.update(1)
        except PackageError as exc:
            raise CommandError(f"Import gestopt, er is niets gewijzigd. {exc}") from exc
        finally:
            bar.close()
        counts = ", ".join(f"{key}: {value}" for key, value in report.counts.items())
        self.stdout.write(self.style.SUCCESS(f"ESCO geïmporteerd ({', '.join(report.languages)}): {counts}"))

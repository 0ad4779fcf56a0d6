"""The ``wendbaar`` command: Django's management commands and wendbaar's own, with the settings preset."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wendbaar.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["wendbaar", *sys.argv[1:]])


if __name__ == "__main__":
    main()

"""Demo content: consent records for the sharing the other apps' demo content switched on directly."""

from wendbaar.privacy.sharing import record_existing_flags


def load(stdout) -> None:
    opened = record_existing_flags()
    stdout.write(f"Privacy: {opened} toestemmingen vastgelegd voor wat de demo al deelde.")

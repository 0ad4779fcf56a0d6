"""Part of ``wendbaar demo``: tells how the demo accounts of advisers and staff pass two-step verification."""

from django.core.management.color import color_style

from wendbaar.accounts.models import SECOND_FACTOR_ROLES, User


def load(stdout) -> None:
    people = User.objects.filter(role__in=SECOND_FACTOR_ROLES, email__endswith="@wendbaar.localhost")
    emails = ", ".join(people.order_by("email").values_list("email", flat=True))
    stdout.write(
        color_style().WARNING(
            f"Tweestapsverificatie is verplicht voor {emails}: bij de eerste keer inloggen stel je een "
            "authenticator-app in (QR-code of sleutel). Zonder telefoon: "
            "`wendbaar twofactor code E-MAILADRES` toont de code van dat moment (alleen met DEBUG=true)."
        )
    )

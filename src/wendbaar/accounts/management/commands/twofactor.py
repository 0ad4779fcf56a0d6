"""``wendbaar twofactor``: help someone with two-step verification.

``reset EMAIL`` removes the app and recovery codes of someone who lost their phone: at the next sign-in they
set up a new app (their role still requires it). ``code EMAIL`` prints the code the app would show now; it is
meant for the demo accounts on a local site and refuses to run without DEBUG.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from wendbaar.accounts import twofactor
from wendbaar.accounts.models import User


class Command(BaseCommand):
    help = "Tweestapsverificatie: zet iemands app terug, of toon een code (alleen met DEBUG=true)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        reset = sub.add_parser(
            "reset", help="Verwijder de app en herstelcodes van iemand die zijn telefoon kwijt is."
        )
        reset.add_argument("email")
        code = sub.add_parser("code", help="Toon de code van dit moment (alleen voor een lokale demo).")
        code.add_argument("email")

    def handle(self, *args, action, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"Er is geen account met e-mailadres {email}.")
        if action == "reset":
            twofactor.turn_off(user)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Tweestapsverificatie van {user.email} is teruggezet. Bij de volgende keer inloggen "
                    "stelt deze persoon een nieuwe app in."
                )
            )
            return
        if not settings.DEBUG:
            raise CommandError("Codes tonen kan alleen op een lokale demo-site (DEBUG=true).")
        # The confirmed app, or the one being set up right now.
        device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-id").first()
        if device is None:
            raise CommandError(
                f"{user.email} heeft nog geen app. Log eerst in: dan opent de pagina om de app in te stellen."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        seconds = device.step - int(totp.time - device.t0) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}  (nog {seconds} seconden geldig)")

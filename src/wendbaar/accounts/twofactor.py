"""Two-step verification: an authenticator app (TOTP) and single-use recovery codes, on django-otp.

Who must use it: see ``User.must_use_second_factor``. Anyone else may turn it on. After the password,
``SecondFactorMiddleware`` holds such a person on the verification page (or, without an app yet, on the
set-up page) until a code is checked; only then is the session marked verified
(``request.user.is_verified()``).
"""

from __future__ import annotations

import re
from base64 import b32encode

import django_otp
import segno
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_DEVICE_NAME = "herstelcodes"
APP_DEVICE_NAME = "authenticator-app"
# Set at sign-in: this person turned two-step verification on although their role does not require it.
SESSION_HAS_DEVICE = "wendbaar_second_factor"


def has_confirmed_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_second_factor(user, session=None) -> bool:
    """True when this signed-in person has to pass the second step before doing anything else."""
    if not user.is_authenticated:
        return False
    if user.must_use_second_factor:
        return True
    if session is not None:
        return bool(session.get(SESSION_HAS_DEVICE))
    return has_confirmed_app(user)


@receiver(user_logged_in)
def remember_whether_a_second_step_follows(sender, request, user, **kwargs):
    # One query at sign-in instead of one on every request.
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_HAS_DEVICE] = has_confirmed_app(user)


def pending_app(user) -> TOTPDevice:
    """The app being set up: kept unconfirmed until its first code checks out, so reloading the page shows
    the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=APP_DEVICE_NAME)


def manual_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps expect it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The set-up link as an inline SVG QR code, made on the server: the secret never leaves the site."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="qr-code", lineclass=None, omitsize=True
    )
    label = format_html(' role="img" aria-label="{}"', _("QR-code om wendbaar aan je app toe te voegen"))
    return mark_safe(svg.replace("<svg", "<svg" + label, 1))  # noqa: S308 — segno's own markup, escaped label


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def format_recovery_code(token: str) -> str:
    return f"{token[:4]}-{token[4:]}" if len(token) == 8 else token


@transaction.atomic
def confirm_app(user, device: TOTPDevice) -> list[str]:
    """The pending app checked out: it replaces any older app, and a fresh set of recovery codes is made."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten new single-use codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    tokens = [StaticToken.random_token() for _ in range(settings.OTP_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=token) for token in tokens])
    return [format_recovery_code(token) for token in tokens]


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, code: str):
    """The device that accepts ``code`` (an app code or a recovery code), or None. Each code works once:
    django-otp refuses an app code of the same or an earlier time step, and deletes a used recovery code."""
    code = normalise_code(code)
    if re.fullmatch(r"\d{6}", code):
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    elif re.fullmatch(r"[a-z2-7]{8}", code):
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    else:
        return None
    for device in devices:
        if verified := django_otp.verify_token(user, device.persistent_id, code):
            return verified
    return None


def turn_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def mark_verified(request, device) -> None:
    """The second step passed: a new session key (no fixation across the two steps) and the device in it."""
    request.session.cycle_key()
    django_otp.login(request, device)
    request.session[SESSION_HAS_DEVICE] = True

"""Test helpers for two-step verification: a confirmed authenticator app and the code it would show now."""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wendbaar.accounts import twofactor


def app_for(user) -> TOTPDevice:
    """The person's confirmed authenticator app, made when they have none yet (as after set-up)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=True, name=twofactor.APP_DEVICE_NAME)


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows. A code is accepted once: after a sign-in in the same 30 seconds this gives the
    next step's code, which the server still accepts (one step of tolerance)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    counter = max(totp.t(), device.last_t + 1) + steps_ahead
    return f"{hotp(device.bin_key, counter, digits=device.digits):0{device.digits}d}"


def mark_session_verified(client, user) -> None:
    """What passing the second step leaves in a test client's session."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app_for(user).persistent_id
    session[twofactor.SESSION_HAS_DEVICE] = True
    session.save()

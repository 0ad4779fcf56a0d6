"""Throttling and lockout: too many wrong passwords lock that account from that address for a while, with a
message that is the same whether or not the account exists. Password-reset mails are limited the same way."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wendbaar.accounts.models import SignInThrottle, User

pytestmark = pytest.mark.django_db
PASSWORD = "lente-in-zwolle-2026"
LOCKED = "Er is te vaak geprobeerd in te loggen met dit e-mailadres. Probeer het over 15 minuten opnieuw."


@pytest.fixture
def samir():
    return User.objects.create_user("samir@example.nl", PASSWORD, name="Samir El Amrani")


def sign_in(client, email, password, ip="192.0.2.10", **headers):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip, **headers
    )


def is_signed_in(client):
    return client.get(reverse("accounts:account")).status_code == 200


def fail(client, email, times, ip="192.0.2.10"):
    return [sign_in(client, email, "helemaal-fout-2026", ip) for _ in range(times)]


def test_fifth_wrong_password_locks_and_even_the_right_one_is_refused(client, samir):
    *first, fifth = fail(client, samir.email, 5)
    assert all(r.status_code == 200 and "klopt niet" in r.content.decode() for r in first)
    assert fifth.status_code == 429 and LOCKED in fifth.content.decode()

    right = sign_in(client, samir.email, PASSWORD)
    assert right.status_code == 429 and LOCKED in right.content.decode()
    assert not is_signed_in(client)


def test_the_lock_does_not_tell_whether_the_account_exists(client, samir):
    known = fail(client, samir.email, 5)[-1]
    unknown = fail(client, "niemand@example.nl", 5)[-1]
    assert known.status_code == unknown.status_code == 429
    assert known.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_the_lock_ends_after_the_lockout_period(client, samir):
    fail(client, samir.email, 5)
    earlier = timezone.now() - timedelta(minutes=16)
    SignInThrottle.objects.update(locked_until=earlier, window_started_at=earlier - timedelta(minutes=1))
    assert sign_in(client, samir.email, PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_the_lock_is_per_account_and_address(client, samir):
    fail(client, samir.email, 5, ip="192.0.2.10")
    assert sign_in(client, samir.email, PASSWORD, ip="198.51.100.7").status_code == 302


def test_a_good_sign_in_starts_the_count_again(client, samir):
    fail(client, samir.email, 4)
    assert sign_in(client, samir.email, PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    assert all(r.status_code == 200 for r in fail(client, samir.email, 4))


def test_limits_come_from_the_settings(client, samir, settings):
    settings.LOGIN_MAX_ATTEMPTS = 2
    settings.LOGIN_LOCKOUT_MINUTES = 40
    second = fail(client, samir.email, 2)[-1]
    assert second.status_code == 429
    assert "over 40 minuten" in second.content.decode()


def test_one_address_trying_many_accounts_is_locked(client, samir, settings):
    settings.LOGIN_MAX_ATTEMPTS_PER_IP = 6
    for number in range(3):
        fail(client, f"gok{number}@example.nl", 2)
    assert sign_in(client, samir.email, PASSWORD).status_code == 429
    assert sign_in(client, samir.email, PASSWORD, ip="198.51.100.7").status_code == 302


def test_counts_are_shared_between_sessions(samir):
    # Each attempt from a fresh client, as when a load balancer spreads them over several app servers.
    responses = [fail(Client(), samir.email, 1)[0] for _ in range(5)]
    assert responses[-1].status_code == 429


def test_forwarded_address_is_used_only_behind_our_proxy(client, samir, settings):
    spoofed = {"HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    for n in range(5):
        sign_in(client, samir.email, "helemaal-fout-2026", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    # Without a trusted proxy the header is ignored: all five came from the same REMOTE_ADDR.
    assert sign_in(client, samir.email, PASSWORD, **spoofed).status_code == 429

    settings.LOGIN_TRUST_X_FORWARDED_FOR = True
    SignInThrottle.objects.all().delete()
    for _ in range(5):
        sign_in(client, samir.email, "helemaal-fout-2026", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.2")
    # Behind the proxy the last entry is the visitor as our proxy saw them.
    assert sign_in(client, samir.email, PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.3").status_code == 302


def test_password_reset_mails_are_limited(client, samir):
    url = reverse("accounts:password_reset")
    for _ in range(3):
        assert client.post(url, {"email": samir.email}, REMOTE_ADDR="192.0.2.10").status_code == 302
    fourth = client.post(url, {"email": samir.email}, REMOTE_ADDR="192.0.2.10")
    assert fourth.status_code == 429
    assert "al vaak een nieuwe link aangevraagd" in fourth.content.decode()
    assert len(mail.outbox) == 3

    for _ in range(3):
        client.post(url, {"email": "niemand@example.nl"}, REMOTE_ADDR="192.0.2.10")
    unknown = client.post(url, {"email": "niemand@example.nl"}, REMOTE_ADDR="192.0.2.10")
    assert unknown.status_code == 429
    assert unknown.context["form"].errors == fourth.context["form"].errors
    assert len(mail.outbox) == 3


def test_the_admin_has_no_sign_in_form_of_its_own(client):
    response = client.get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_throttle_table_keeps_no_addresses(client, samir):
    fail(client, samir.email, 2)
    stored = " ".join(f"{row.key} {row.scope}" for row in SignInThrottle.objects.all())
    assert "samir" not in stored and "192.0.2.10" not in stored

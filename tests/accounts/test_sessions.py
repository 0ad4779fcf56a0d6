"""Sessions: a new session key at sign-in, a limited lifetime, cookies the browser keeps to itself, and a
password change or reset that signs out every other session."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from wendbaar.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "lente-in-zwolle-2026"
NEW_PASSWORD = "herfst-in-tilburg-2026"


@pytest.fixture
def samir():
    return User.objects.create_user("samir@example.nl", PASSWORD, name="Samir El Amrani")


def sign_in(client, user, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": user.email, "password": password})


def is_signed_in(client):
    return client.get(reverse("accounts:account")).status_code == 200


def test_signing_in_gives_a_new_session_key(client, samir):
    client.get(reverse("accounts:login"))
    session = client.session
    session["gezien"] = True  # a session from before signing in, e.g. planted by someone else
    session.save()
    before = session.session_key
    sign_in(client, samir)
    assert client.session.session_key != before
    assert is_signed_in(client)


def test_session_cookie_is_secure_httponly_lax_and_ends(client, samir, settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = sign_in(client, samir)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert 0 < int(cookie["max-age"]) <= 8 * 60 * 60


def test_a_password_change_signs_out_every_other_session(client, samir):
    laptop, phone = client, Client()
    sign_in(laptop, samir)
    sign_in(phone, samir)
    laptop.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)


def test_a_password_reset_signs_out_every_session(client, samir):
    elsewhere = Client()
    sign_in(elsewhere, samir)
    client.post(reverse("accounts:password_reset"), {"email": samir.email})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert not is_signed_in(elsewhere)
    assert sign_in(client, samir).status_code != 302
    assert sign_in(client, samir, NEW_PASSWORD).status_code == 302


def test_signing_out_ends_the_session_on_the_server(client, samir, settings):
    sign_in(client, samir)
    key = client.session.session_key
    copy = Client()
    copy.cookies[settings.SESSION_COOKIE_NAME] = key
    assert is_signed_in(copy)
    client.post(reverse("accounts:logout"))
    assert not is_signed_in(copy)  # a copied cookie is worthless after signing out

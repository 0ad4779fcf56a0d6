"""Password rules: at least 12 characters, not common, not only digits, not like your name or address —
each refused with a plain Dutch message, and nothing is saved."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from wendbaar.accounts.models import User

pytestmark = pytest.mark.django_db


def signup(client, password):
    return client.post(
        reverse("accounts:signup"),
        {
            "name": "Petra de Vries",
            "email": "petra.devries@example.nl",
            "role": "medewerker",
            "password1": password,
            "password2": password,
        },
    )


@pytest.mark.parametrize(
    "password, message",
    [
        ("kort-2026!", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
        ("11-tekens-x", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
        ("1qaz2wsx3edc", "Dit wachtwoord wordt heel vaak gebruikt"),
        ("804719326581", "Dit wachtwoord bestaat alleen uit cijfers."),
        ("petra.devries", "Dit wachtwoord lijkt te veel op je naam of e-mailadres."),
    ],
)
def test_weak_password_is_refused_in_dutch(client, password, message):
    response = signup(client, password)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["password1"])
    assert message in errors
    assert not User.objects.exists()


def test_a_good_password_of_twelve_characters_is_accepted(client):
    response = signup(client, "zomer-in-Ede")
    assert response.status_code == 302
    assert User.objects.get().check_password("zomer-in-Ede")


def test_the_rules_are_explained_before_typing(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert "Minstens 12 tekens" in page


def test_the_same_rules_apply_when_changing_a_password(client):
    user = User.objects.create_user("samir@example.nl", "lente-in-zwolle-2026", name="Samir El Amrani")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "lente-in-zwolle-2026",
            "new_password1": "123456789012",
            "new_password2": "123456789012",
        },
    )
    assert "alleen uit cijfers" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("lente-in-zwolle-2026")


def test_minimum_length_follows_the_setting(settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "wendbaar.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 16}}
    ]
    with pytest.raises(ValidationError, match="minstens 16 tekens"):
        validate_password("vijftien-tekens")

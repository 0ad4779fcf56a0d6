"""Sign up, sign in and out, password reset, roles and organisation memberships."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind, Role, User

pytestmark = pytest.mark.django_db
PASSWORD = "lente-in-zwolle-2026"


def signup(client, **overrides):
    data = {
        "name": "Petra de Vries",
        "email": "Petra@Example.nl",
        "role": "medewerker",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(reverse("accounts:signup"), data)


def test_signup_creates_a_medewerker_and_signs_in(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.email, user.name, user.role) == ("petra@example.nl", "Petra de Vries", Role.MEDEWERKER)
    assert client.get(reverse("accounts:account")).status_code == 200


def test_signup_as_organisation_member(client):
    signup(client, role="organisatie")
    assert User.objects.get().role == Role.ORGANISATIE


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"password2": "iets-anders-2026"}, "password2", "niet gelijk"),
        ({"password1": "kort", "password2": "kort"}, "password1", "te kort"),
        ({"email": "geen-adres"}, "email", "geldig e-mailadres"),
        ({"role": "beheerder"}, "role", "geen beschikbare keuze"),
        ({"name": ""}, "name", "verplicht"),
    ],
)
def test_bad_signup_is_refused_with_a_message(client, overrides, field, message):
    response = signup(client, **overrides)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field]).lower()
    assert not User.objects.exists()
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'role="alert"' in html


def test_duplicate_email_is_refused(client):
    User.objects.create_user("petra@example.nl", PASSWORD, name="Petra")
    response = signup(client)
    assert "al een account" in response.content.decode()
    assert User.objects.count() == 1


def test_login_and_logout(client):
    User.objects.create_user("samir@example.nl", PASSWORD, name="Samir")
    bad = client.post(reverse("accounts:login"), {"username": "samir@example.nl", "password": "fout"})
    assert "klopt niet" in bad.content.decode()
    good = client.post(reverse("accounts:login"), {"username": "samir@example.nl", "password": PASSWORD})
    assert good.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:account")).status_code == 302


def test_password_reset_by_email(client):
    User.objects.create_user("annelies@example.nl", PASSWORD, name="Annelies")
    client.post(reverse("accounts:password_reset"), {"email": "annelies@example.nl"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new_password = "herfst-in-tilburg-2026"
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert client.login(email="annelies@example.nl", password=new_password)


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "onbekend@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_organisations_have_members_with_a_role():
    city = Organisation.objects.create(
        name="Gemeente Zwolle", slug="gemeente-zwolle", kind=OrganisationKind.GEMEENTE, sector="gemeente"
    )
    care = Organisation.objects.create(
        name="Zorggroep De Linde",
        slug="zorggroep-de-linde",
        kind=OrganisationKind.ANDERE_SECTOR,
        sector="zorg",
    )
    recruiter = User.objects.create_user("joost@example.nl", PASSWORD, name="Joost", role=Role.ORGANISATIE)
    Membership.objects.create(user=recruiter, organisation=care, role=MembershipRole.RECRUITER)
    assert city.is_municipality and not care.is_municipality
    assert list(recruiter.organisations.all()) == [care]
    assert care.memberships.get().role == MembershipRole.RECRUITER


def test_every_design_role_exists():
    assert set(Role.values) == {"medewerker", "loopbaanadviseur", "organisatie", "programmateam", "beheerder"}
    admin = User.objects.create_superuser("beheer@example.nl", PASSWORD, name="Erik")
    assert admin.role == Role.BEHEERDER and admin.is_programme_staff

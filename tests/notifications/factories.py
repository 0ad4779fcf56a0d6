"""Test data for notifications: people, and notifications of the kinds the apps register."""

import factory

from wendbaar.accounts.models import Role, User
from wendbaar.notifications.services import notify

PASSWORD = "lente-in-zwolle-2026"
EVENT = "events.bijeenkomst"  # group "bijeenkomsten", e-mail right away by default
CONVERSATION = "events.gesprek"  # group "gesprekken", e-mail right away by default


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"melding{n}@example.nl")
    name = factory.Sequence(lambda n: f"Persoon {n}")
    role = Role.MEDEWERKER
    password = factory.django.Password(PASSWORD)


def event_news(user, text="Er is een plek vrijgekomen bij ‘Wendbaar in Zwolle’.", **options):
    options.setdefault("url", "/bijeenkomsten/wendbaar-in-zwolle/")
    return notify(user, EVENT, text=text, **options)

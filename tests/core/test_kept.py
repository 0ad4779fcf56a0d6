"""Per-person answers in the shared cache: kept, forgotten on a change of the person's rows, and never kept
without a shared cache."""

import pytest

from wendbaar.accounts.models import Membership, Organisation, OrganisationKind, User
from wendbaar.core.kept import PerPerson

pytestmark = pytest.mark.django_db


def test_an_answer_is_kept_until_one_of_the_persons_rows_changes():
    answer = PerPerson("test:memberships", seconds=60)
    answer.forget_on_change(Membership)
    petra = User.objects.create_user("petra@example.nl", "een-lang-wachtwoord", name="Petra")
    other = User.objects.create_user("jan@example.nl", "een-lang-wachtwoord", name="Jan")
    answer.keep(petra.pk, 0)
    answer.keep(other.pk, 0)
    assert answer.get(petra.pk) == 0

    municipality = Organisation.objects.create(
        name="Gemeente Ede", slug="ede", kind=OrganisationKind.GEMEENTE
    )
    membership = Membership.objects.create(user=petra, organisation=municipality)
    assert answer.get(petra.pk) is None and answer.get(other.pk) == 0
    answer.keep(petra.pk, 1)
    membership.delete()
    assert answer.get(petra.pk) is None


def test_without_a_shared_cache_nothing_is_kept(settings):
    settings.SHARED_CACHE = False
    answer = PerPerson("test:alone", seconds=60)
    answer.keep(1, 5)
    assert answer.get(1) is None

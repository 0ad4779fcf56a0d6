"""Who counts in which group (``insight.Person``) follows profiles, accounts and memberships."""

import pytest

from tests.insight import factories as f
from wendbaar.accounts.models import Membership, MembershipRole, Role
from wendbaar.insight import people
from wendbaar.insight.models import Person

pytestmark = pytest.mark.django_db


def row(profile):
    return Person.objects.filter(profile=profile).values_list("municipality", "isco").first()


def test_a_medewerker_counts_for_the_first_municipality_and_their_jobs_group():
    zwolle, kampen = f.municipality("Zwolle"), f.municipality("Kampen")
    profile = f.person(zwolle, job=f.occupation("kcc", "4222"))
    Membership.objects.create(user=profile.user, organisation=kampen, role=MembershipRole.MEDEWERKER)
    assert row(profile) == (zwolle.pk, "4")


def test_changes_move_people_between_groups_at_once():
    zwolle = f.municipality("Zwolle")
    profile = f.person(None)
    assert row(profile) == (None, "")
    membership = Membership.objects.create(user=profile.user, organisation=zwolle)
    assert row(profile) == (zwolle.pk, "")
    profile.current_occupation = f.occupation("verzorgende", "5322")
    profile.save()
    assert row(profile) == (zwolle.pk, "5")
    membership.delete()
    assert row(profile) is None  # filled in again once the change is committed
    people.refresh([profile.user_id])
    assert row(profile) == (None, "5")


def test_only_active_medewerkers_count():
    profile = f.person(None)
    profile.user.role = Role.LOOPBAANADVISEUR
    profile.user.save()
    assert row(profile) is None
    profile.user.role = Role.MEDEWERKER
    profile.user.is_active = False
    profile.user.save()
    assert row(profile) is None


def test_a_rebuild_gives_what_the_signals_gave():
    zwolle = f.municipality("Zwolle")
    profiles = [
        f.person(zwolle if i % 2 else None, job=f.occupation(f"beroep-{i}", f"{i % 9 + 1}222"))
        for i in range(6)
    ]
    before = sorted(Person.objects.values_list("profile", "user", "municipality", "isco", "occupation"))
    assert people.rebuild() == len(profiles)
    assert (
        sorted(Person.objects.values_list("profile", "user", "municipality", "isco", "occupation")) == before
    )


def test_a_rebuild_catches_up_with_bulk_changes_that_bypass_the_signals():
    from wendbaar.accounts.models import User
    from wendbaar.profiles.models import Profile

    zwolle, kampen = f.municipality("Zwolle"), f.municipality("Kampen")
    nurse = f.occupation("verpleegkundige", "2221")
    stays, leaves, moves, retrains = (f.person(zwolle, job=f.occupation(f"beroep-{i}")) for i in range(4))
    User.objects.filter(pk=leaves.user_id).update(is_active=False)
    Membership.objects.filter(user_id=moves.user_id).update(organisation=kampen)
    Profile.objects.filter(pk=retrains.pk).update(current_occupation=nurse)
    newcomer = f.person(zwolle)
    Person.objects.filter(pk=newcomer.pk).delete()

    assert people.rebuild() == 4
    assert row(stays) == (zwolle.pk, "4")
    assert row(leaves) is None
    assert row(moves) == (kampen.pk, "4")
    assert row(retrains) == (zwolle.pk, "2")
    assert Person.objects.get(profile=retrains).occupation == nurse
    assert row(newcomer) == (zwolle.pk, "")


def test_an_empty_table_is_filled_before_the_first_figure():
    from wendbaar.insight.queries import ALL_QUERIES, Filters

    for _ in range(12):
        f.person(None)
    Person.objects.all().delete()
    assert ALL_QUERIES["bevolking"](Filters("nl")).population.shown == 10
    assert Person.objects.count() == 12

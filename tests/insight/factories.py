"""Small worlds of people for the inzicht tests: municipalities, skills, occupations, and people in them."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind, Role, User
from wendbaar.events.models import Event, EventKind, Registration, RegistrationStatus
from wendbaar.insight.models import Exploration, Explorer
from wendbaar.profiles.models import Profile, ProfileSkill, SavedTransition
from wendbaar.taxonomy.models import Collection, Occupation, OccupationSkill, Skill, SkillCollection, Source

PASSWORD = "lente-in-zwolle-2026"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_numbers = itertools.count(1)


def municipality(name: str, province: str = "overijssel") -> Organisation:
    return Organisation.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        kind=OrganisationKind.GEMEENTE,
        sector="gemeente",
        province=province,
    )


def skill(code: str, *, digital: bool = False) -> Skill:
    found = Skill.objects.create(code=code, name=code.replace("-", " "), source=Source.LOCAL)
    if digital:
        collection, _ = Collection.objects.get_or_create(
            code="digital", defaults={"name_nl": "Digitale vaardigheden", "name_en": "Digital skills"}
        )
        SkillCollection.objects.create(skill=found, collection=collection, source=Source.LOCAL)
    return found


def occupation(code: str, isco: str = "4222", essential: list[Skill] = ()) -> Occupation:
    found = Occupation.objects.create(
        code=code, name=code.replace("-", " "), source=Source.LOCAL, isco_code=isco
    )
    for required in essential:
        OccupationSkill.objects.create(
            occupation=found, skill=required, relation_type="essential", source="local"
        )
    return found


def user(*, role: str = Role.MEDEWERKER, name: str | None = None, email: str | None = None) -> User:
    n = next(_numbers)
    return User.objects.create_user(
        email or f"persoon{n}@example.nl", PASSWORD, name=name or f"Persoon {n}", role=role
    )


def person(
    where: Organisation | None = None,
    *,
    skills: list[Skill] = (),
    job: Occupation | None = None,
    saved: list[Occupation] = (),
    explored: list[Occupation] = (),
    joined: datetime | None = None,
    role: str = Role.MEDEWERKER,
) -> Profile:
    """A medewerker with a vaardighedenprofiel, a member of ``where`` (a municipality) when given."""
    someone = user(role=role)
    if joined is not None:
        User.objects.filter(pk=someone.pk).update(date_joined=joined)
    if where is not None:
        Membership.objects.create(user=someone, organisation=where, role=MembershipRole.MEDEWERKER)
    profile = Profile.objects.create(user=someone, current_occupation=job)
    ProfileSkill.objects.bulk_create(ProfileSkill(profile=profile, skill=s) for s in skills)
    for target in saved:
        SavedTransition.objects.create(profile=profile, occupation=target)
    if explored:
        explorer = Explorer.objects.create(user=someone)
        month = timezone.localdate().replace(day=1)
        Exploration.objects.bulk_create(
            Exploration(explorer=explorer, occupation=o, month=month) for o in explored
        )
    return profile


def hr(where: Organisation) -> User:
    """Someone from the municipality's HR: organisatiebeheerder of that municipality."""
    someone = user(role=Role.ORGANISATIE)
    Membership.objects.create(user=someone, organisation=where, role=MembershipRole.BEHEERDER)
    return someone


def event(region: str = "overijssel", *, days: int = 10) -> Event:
    starts = timezone.now() + timedelta(days=days)
    return Event.objects.create(
        title=f"Bijeenkomst {next(_numbers)}",
        description="Collega's vertellen over hun overstap.",
        kind=EventKind.REGIONAL,
        region=region,
        venue="Stadskantoor",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        registration_deadline=starts - timedelta(days=1),
        capacity=500,
        audience="Medewerkers publieksdiensten",
    )


def register(profile: Profile, at: Event) -> Registration:
    return Registration.objects.create(
        event=at,
        user=profile.user,
        status=RegistrationStatus.CONFIRMED,
        queued_at=timezone.now(),
        confirmed_at=timezone.now(),
    )

"""The people and things the authorization matrix asks about: one signed-in person per role, plus
strangers whose objects are "someone else's".

Roles: a medewerker, a loopbaanadviseur (with an adviser record), a member of an organisation (its
organisatiebeheerder), someone of the programmateam, and a beheerder (staff and superuser, as the demo sets
them up). Roles that must use two-step verification are signed in as verified.

Each object factory takes the world and an owner: the role's own user for "own", or ``None`` for
"someone else's" (a stranger's object, or — for things that are not anyone's — the variant that must stay
hidden, such as a draft). Factories run inside the case's savepoint, so whatever they make is gone after.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone

from tests.accounts.second_factor import mark_session_verified
from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind, Role, User

ANONYMOUS = "anonymous"
MEDEWERKER = "medewerker"
ADVISEUR = "loopbaanadviseur"
ORGANISATIE = "organisatie"
PROGRAMMATEAM = "programmateam"
BEHEERDER = "beheerder"
ROLES = (ANONYMOUS, MEDEWERKER, ADVISEUR, ORGANISATIE, PROGRAMMATEAM, BEHEERDER)

_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}"


def _user(email, name, role, **fields) -> User:
    return User.objects.create_user(email, None, name=name, role=role, **fields)  # signed in by force_login


def _organisation(name, kind=OrganisationKind.GEMEENTE, sector="gemeente") -> Organisation:
    return Organisation.objects.create(
        name=name, slug=name.lower().replace(" ", "-"), kind=kind, sector=sector, province="overijssel"
    )


class World:
    """Built before any case runs, so it survives each case's rollback: once for the whole matrix (see
    ``test_matrix.world``), or per test."""

    def __init__(self):
        from wendbaar.events.models import Adviser

        self.organisation = _organisation("Gemeente Matrixstad")
        self.other_organisation = _organisation("Zorggroep Elders", OrganisationKind.ANDERE_SECTOR, "zorg")
        self.users: dict[str, User] = {
            MEDEWERKER: _user("medewerker@matrix.example", "Mila Medewerker", Role.MEDEWERKER),
            ADVISEUR: _user("adviseur@matrix.example", "Arno Adviseur", Role.LOOPBAANADVISEUR),
            ORGANISATIE: _user("organisatie@matrix.example", "Olga Organisatie", Role.ORGANISATIE),
            PROGRAMMATEAM: _user("programma@matrix.example", "Pim Programma", Role.PROGRAMMATEAM),
            BEHEERDER: _user(
                "beheerder@matrix.example", "Bea Beheerder", Role.BEHEERDER, is_staff=True, is_superuser=True
            ),
        }
        Membership.objects.create(
            user=self.users[ORGANISATIE], organisation=self.organisation, role=MembershipRole.BEHEERDER
        )
        # Everyone works somewhere; the medewerker works at the municipality.
        Membership.objects.create(user=self.users[MEDEWERKER], organisation=self.organisation)
        self.stranger = _user("vreemde@matrix.example", "Sanne Vreemd", Role.MEDEWERKER)
        self.stranger_adviser = _user("ander-adviseur@matrix.example", "Ad Ander", Role.LOOPBAANADVISEUR)
        self.stranger_staff = _user("recruiter@elders.example", "Rik Recruiter", Role.ORGANISATIE)
        Membership.objects.create(
            user=self.stranger_staff, organisation=self.other_organisation, role=MembershipRole.BEHEERDER
        )
        for user in (self.users[ADVISEUR], self.stranger_adviser):
            Adviser.objects.create(
                user=user,
                slot_minutes=45,
                location="Loopbaanpunt, Zwolle",
                video_url="https://video.example/a",
            )
        self._ready: set[str] = set()
        self._sessions: dict[str, str] = {}
        self._sign_in_everyone()

    def user(self, role: str) -> User | None:
        return self.users.get(role)

    def _sign_in_everyone(self) -> None:
        """One session per role (verified where the role must use two-step verification), made with the
        world and outside the cases, so no case's rollback takes it away."""
        for role, user in self.users.items():
            client = Client()
            client.force_login(user)
            if user.must_use_second_factor:
                mark_session_verified(client, user)
            self._sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value

    def client_for(self, role: str) -> Client:
        client = Client()
        if role in self._sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = self._sessions[role]
        return client

    def tear_down(self) -> None:
        """Remove what the world made, for a world kept outside the tests' transactions."""
        from django.contrib.sessions.models import Session

        from wendbaar.taxonomy.models import Occupation, Skill, TaxonomyChange

        with transaction.atomic():
            Session.objects.filter(session_key__in=self._sessions.values()).delete()
            people = [*self.users.values(), self.stranger, self.stranger_adviser, self.stranger_staff]
            User.objects.filter(pk__in=[p.pk for p in people]).delete()
            Organisation.objects.filter(pk__in=[self.organisation.pk, self.other_organisation.pk]).delete()
            if "taxonomy" in self._ready:
                Occupation.objects.filter(pk__in=[o.pk for o in self.occupations.values()]).delete()
                Skill.objects.filter(pk__in=[s.pk for s in self.skills.values()]).delete()
                TaxonomyChange.objects.filter(summary__what="matrix").delete()

    def ensure(self, *needs: str) -> None:
        """Shared things some endpoints need (made once per test, outside the cases' savepoints)."""
        for need in needs:
            if need not in self._ready:
                getattr(self, f"_make_{need}")()
                self._ready.add(need)

    def _make_taxonomy(self):
        """Two occupations and four skills: enough for the engine, search and pages."""
        from wendbaar.taxonomy.models import (
            Occupation,
            OccupationSkill,
            OccupationTranslation,
            RelationType,
            Skill,
            SkillTranslation,
            Source,
            TaxonomyChange,
        )

        skills = {}
        for code, label in [
            ("klantgericht-werken", "klantgericht werken"),
            ("wetgeving-toepassen", "wetgeving toepassen"),
            ("actief-luisteren", "actief luisteren"),
            ("zorg-verlenen", "zorg verlenen"),
        ]:
            skill = Skill.objects.create(
                code=code, name=label, source=Source.STARTER, skill_type="skill/competence"
            )
            SkillTranslation.objects.create(
                concept=skill, language="nl", source=Source.STARTER, preferred_label=label
            )
            skills[code] = skill
        self.occupations = {}
        for code, label, municipal, needs in [
            (
                "baliemedewerker-burgerzaken",
                "baliemedewerker burgerzaken",
                True,
                ["klantgericht-werken", "wetgeving-toepassen", "actief-luisteren"],
            ),
            (
                "helpende-zorg",
                "helpende zorg",
                False,
                ["klantgericht-werken", "actief-luisteren", "zorg-verlenen"],
            ),
        ]:
            occupation = Occupation.objects.create(
                code=code,
                name=label,
                source=Source.STARTER,
                is_municipal=municipal,
                isco_code="4222" if municipal else "5322",
                sector="gemeente" if municipal else "zorg",
            )
            OccupationTranslation.objects.create(
                concept=occupation, language="nl", source=Source.STARTER, preferred_label=label
            )
            for skill_code in needs:
                OccupationSkill.objects.create(
                    occupation=occupation,
                    skill=skills[skill_code],
                    relation_type=RelationType.ESSENTIAL,
                    source=Source.STARTER,
                )
            self.occupations[code] = occupation
        self.skills = skills
        TaxonomyChange.objects.create(kind="edit", summary={"what": "matrix"})

    # --- helpers factories share ----------------------------------------------------------------------

    def owner_or_stranger(self, owner) -> User:
        return owner if owner is not None else self.stranger


def soon(days=3, hours=10):
    start = timezone.now().replace(microsecond=0, second=0, minute=0) + timedelta(days=days, hours=hours)
    return start, start + timedelta(minutes=45)

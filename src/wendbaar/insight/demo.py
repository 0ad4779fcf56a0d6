"""Demo people for the inzicht dashboards, and an HR account for one municipality.

The dashboards never show a group of fewer than 10 people, so the handful of demo accounts alone would
leave every figure empty. This adds 80 made-up medewerkers (they cannot sign in) spread over the demo
municipalities, with a current municipal job, its skills and a few more, work they saved or looked at,
and places at the demo bijeenkomsten — the same every time it runs (a fixed random seed).
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, Role, User
from wendbaar.events.models import Event, Registration, RegistrationStatus
from wendbaar.insight.models import Exploration, Explorer
from wendbaar.profiles.models import Level, Profile, ProfileSkill, SavedTransition, SkillSource, Step
from wendbaar.taxonomy.models import Occupation, OccupationSkill, RelationType, Skill

PEOPLE = {"gemeente-zwolle": 35, "gemeente-tilburg": 30, "gemeente-leeuwarden": 15}
HR_EMAIL = "hr@wendbaar.localhost"
# Publieksdiensten: the starter set's keys (an occupation merged into ESCO is found through its URI).
JOBS = (
    "baliemedewerker-burgerzaken",
    "medewerker-burgerzaken-backoffice",
    "klantcontactmedewerker-kcc",
    "medewerker-publiekszaken",
    "frontofficemedewerker",
    "medewerker-vergunningen",
    "medewerker-belastingen",
    "medewerker-parkeervergunningen",
)
DESTINATION_SECTORS = ("zorg", "werk-en-inkomen", "ict", "onderwijs", "welzijn", "kinderopvang")
# How long ago people joined, in days: most of them in a few busy months, as after a campaign.
JOINED = (12, 20, 28, 40, 45, 50, 75, 80, 85, 140, 200, 260, 330)


def _email(n: int) -> str:
    return f"demo-medewerker-{n:02d}@wendbaar.localhost"


def _jobs() -> list[Occupation]:
    found = {o.code: o for o in Occupation.objects.current().filter(code__in=JOBS)}
    missing = [key for key in JOBS if key not in found]
    if missing:
        from wendbaar.taxonomy.starter import read_starter_set

        starter = read_starter_set().occupations
        uris = {starter[key].uri: key for key in missing if key in starter and starter[key].uri}
        found |= {uris[o.uri]: o for o in Occupation.objects.current().filter(uri__in=uris)}
    return [found[key] for key in JOBS if key in found]


def load(stdout) -> None:
    from wendbaar.core.management.commands.demo import DEMO_PASSWORD

    municipalities = {o.slug: o for o in Organisation.objects.filter(slug__in=PEOPLE)}
    jobs = _jobs()
    destinations = list(
        Occupation.objects.current()
        .filter(is_municipal=False, sector__in=DESTINATION_SECTORS)
        .order_by("code")[:12]
    )
    if not municipalities or not jobs:
        stdout.write("Inzicht: geen demo-mensen toegevoegd (laad eerst de startset en de demo-organisaties).")
        return

    hr, created = User.objects.get_or_create(
        email=HR_EMAIL, defaults={"name": "Hanneke Smit (HR Zwolle)", "role": Role.ORGANISATIE}
    )
    if created:
        hr.set_password(DEMO_PASSWORD)
        hr.save()
    if "gemeente-zwolle" in municipalities:
        Membership.objects.get_or_create(
            user=hr,
            organisation=municipalities["gemeente-zwolle"],
            defaults={"role": MembershipRole.BEHEERDER},
        )

    rng = random.Random(2026)
    essential = {
        job.id: list(
            dict.fromkeys(
                OccupationSkill.objects.filter(occupation=job, relation_type=RelationType.ESSENTIAL)
                .order_by("skill_id")
                .values_list("skill_id", flat=True)
            )
        )
        for job in jobs
    }
    digital = list(
        Skill.objects.current()
        .filter(collections__code__in=["digital", "digcomp"])
        .order_by("code")
        .values_list("id", flat=True)
        .distinct()[:40]
    )
    events = list(Event.objects.published().order_by("starts_at", "id"))
    now = timezone.now()
    added = 0
    n = 0
    for slug, count in PEOPLE.items():
        municipality = municipalities.get(slug)
        for _i in range(count):
            n += 1
            # Draw everything for this person first, so a second run makes the same choices.
            job = rng.choice(jobs)
            extra = rng.sample(digital, k=min(len(digital), rng.choice([0, 1, 2, 4, 6])))
            joined = now - timedelta(days=rng.choice(JOINED) + rng.randint(0, 4))
            saved = rng.sample(destinations, k=min(len(destinations), rng.choice([0, 1, 1, 2])))
            looked = rng.sample(
                destinations + jobs, k=min(len(destinations) + len(jobs), rng.choice([0, 1, 2, 3]))
            )
            at = rng.sample(events[:3], k=min(len(events[:3]), rng.choice([0, 1, 1, 2])))
            person, created = User.objects.get_or_create(
                email=_email(n), defaults={"name": f"Demo-medewerker {n}", "role": Role.MEDEWERKER}
            )
            if not created:
                continue
            person.set_unusable_password()
            person.date_joined = joined
            person.save()
            if municipality is not None:
                Membership.objects.create(
                    user=person, organisation=municipality, role=MembershipRole.MEDEWERKER
                )
            profile = Profile.objects.create(
                user=person, current_occupation=job, years_in_occupation=rng.randint(1, 30), step=Step.KLAAR
            )
            skills = list(dict.fromkeys([*essential[job.id], *extra]))
            ProfileSkill.objects.bulk_create(
                ProfileSkill(
                    profile=profile,
                    skill_id=skill,
                    level=rng.choice([Level.GEVORDERD, Level.ERVAREN, Level.ERVAREN, Level.EXPERT]),
                    source=SkillSource.BEROEP if skill in essential[job.id] else SkillSource.ZELF,
                )
                for skill in skills
            )
            for target in saved:
                kept = SavedTransition.objects.create(profile=profile, occupation=target)
                SavedTransition.objects.filter(pk=kept.pk).update(
                    created_at=min(now, joined + timedelta(days=9))
                )
            if looked:
                explorer = Explorer.objects.create(user=person)
                Exploration.objects.bulk_create(
                    Exploration(
                        explorer=explorer,
                        occupation=target,
                        month=timezone.localdate(min(now, joined + timedelta(days=3 * i))).replace(day=1),
                    )
                    for i, target in enumerate(looked)
                )
            for event in at:
                taken = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
                if taken < event.capacity:
                    Registration.objects.create(
                        event=event,
                        user=person,
                        status=RegistrationStatus.CONFIRMED,
                        queued_at=now,
                        confirmed_at=now,
                    )
            added += 1
    stdout.write(
        f"Inzicht: {added} demo-medewerkers toegevoegd (kunnen niet inloggen); HR van Gemeente Zwolle: "
        f"{HR_EMAIL} (wachtwoord {DEMO_PASSWORD})."
    )

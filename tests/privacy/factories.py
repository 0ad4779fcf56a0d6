"""A person with data in every app, and the people around them, for export and erasure tests.

Content goes through each app's services where those are the way people make it (profile, events,
communities, orders), so the tests see what the site really stores — including the places where someone's
name ends up in other people's rows (an adviser's notification, a post that mentions them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.events.factories import EventFactory, make_adviser
from tests.knowledge.factories import publication
from wendbaar.access.log import record_access
from wendbaar.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from wendbaar.communities import services as communities
from wendbaar.communities.models import Access, MemberRole
from wendbaar.communities.models import Membership as GroupMembership
from wendbaar.events import services as events
from wendbaar.events import slots
from wendbaar.knowledge.orders import place_order
from wendbaar.privacy import consent
from wendbaar.privacy.models import Purpose
from wendbaar.profiles import services as profiles
from wendbaar.profiles.models import WorkExperience
from wendbaar.taxonomy.models import Occupation, Skill

PASSWORD = "lente-in-zwolle-2026"
NAME = "Jolanda Wiersma-Kloosterboer"
EMAIL = "jolanda.wiersma@zwolle.example"
CV = (
    "Ik werk al twintig jaar aan de balie van burgerzaken. Ik behandel aanvragen voor paspoorten en "
    "rijbewijzen en controleer officiële documenten op echtheid. Ik verwerk verhuizingen in de BRP. "
    "Inwoners die boos zijn help ik rustig verder. Daarnaast werk ik veel met Excel."
)


@dataclass
class World:
    person: User
    adviser: User
    others: list[User]
    # Text the person wrote or that is about them only: none of it may survive an erasure.
    texts: list[str] = field(default_factory=list)


def user(name, email, role=Role.MEDEWERKER) -> User:
    return User.objects.create_user(email, PASSWORD, name=name, role=role)


def municipality(name="Gemeente Zwolle", province="overijssel") -> Organisation:
    return Organisation.objects.get_or_create(
        slug=name.lower().replace(" ", "-"),
        defaults={
            "name": name,
            "kind": OrganisationKind.GEMEENTE,
            "sector": "gemeente",
            "province": province,
        },
    )[0]


def first_free_slot(adviser):
    return slots.free_slots(adviser, now=timezone.now() + timedelta(days=2))[0]


def build_world(name=NAME, email=EMAIL) -> World:
    """``name`` with a profile, a gesprek, a bijeenkomst, a beroepsgroep, an order, a kans and more."""
    person = user(name, email)
    world = World(person=person, adviser=None, others=[])
    Membership.objects.create(user=person, organisation=municipality())

    # Vaardighedenprofiel: job, skills, experience, suggestions from a pasted text, saved work.
    profile = profiles.profile_for(person)
    profiles.choose_occupation(profile, Occupation.objects.get(code="baliemedewerker-burgerzaken"), 20)
    WorkExperience.objects.create(profile=profile, title="Coördinator Wiersma-balieproject", years=3)
    world.texts.append("Coördinator Wiersma-balieproject")
    found = profiles.suggest_from_text(profile, CV)
    assert found, "the starter set finds skills in the CV"
    world.texts += [s.evidence for s in found]
    profile.saved.create(occupation=Occupation.objects.exclude(pk=profile.current_occupation_id).first())

    # Bijeenkomst with the name on the attendee list; a gesprek with notes, the profile shared.
    event = EventFactory(title="Wendbaar in Overijssel")
    events.register(event.pk, person, share_on_attendee_list=True)
    adviser = make_adviser("Annelies Bakker")
    world.adviser = adviser.user
    world.others.append(adviser.user)
    question = "Kan ik met mijn rugklachten nog van de balie naar de zorg?"
    conversation = events.book(
        person,
        adviser.user_id,
        first_free_slot(adviser).starts_at,
        mode="video",
        question=question,
        share_profile=True,
    )
    world.texts.append(question)
    events.add_note(conversation, person, "Ik wil eigenlijk minder uren werken vanaf de zomer.")
    events.add_note(conversation, adviser.user, "Jolanda twijfelt tussen zorg en het KCC; bespreek scholing.")
    events.add_action(conversation, adviser.user, "Meeloopdag thuiszorg Deventer aanvragen")
    world.texts += [
        "Ik wil eigenlijk minder uren werken vanaf de zomer.",
        "twijfelt tussen zorg en het KCC",
        "Meeloopdag thuiszorg Deventer aanvragen",
    ]
    events.renew_calendar_feed(person)
    record_access(adviser.user, person, what="vaardighedenprofiel", why="voorbereiding gesprek")

    # Beroepsgroep: a question with an attachment, a mention by someone else, a report.
    moderator = user("Mirjam Smit", "mirjam@example.nl")
    colleague = user("Kees Bosman", "kees@example.nl")
    world.others += [moderator, colleague]
    group = communities.create_group(
        moderator, name="Burgerzaken", slug="burgerzaken", access=Access.CLOSED, summary="Groep burgerzaken"
    )
    membership = communities.join(
        group, person, "Ik werk bij burgerzaken in Zwolle en zoek sparringpartners."
    )
    world.texts.append("zoek sparringpartners")
    communities.decide(group, moderator, membership.pk, True)
    GroupMembership.objects.update_or_create(
        group=group, user=colleague, defaults={"status": "actief", "role": MemberRole.MEMBER}
    )
    body = "Hoe gaan jullie om met een inwoner die steeds terugkomt voor hetzelfde paspoort? Groet, Jolanda"
    thread = communities.start_thread(
        group,
        person,
        title="Terugkerende aanvragen",
        body=body,
        files=[
            SimpleUploadedFile("checklist-jolanda.txt", b"Checklist van Jolanda", content_type="text/plain")
        ],
        check_limits=False,
    )
    world.texts.append("die steeds terugkomt voor hetzelfde paspoort")
    answer = communities.reply(
        thread, colleague, body=f"Goede vraag, @{name}! Wij plannen een vast moment.", check_limits=False
    )
    communities.report(answer, person, "anders", "Dit antwoord noemt mijn naam, dat wil ik liever niet.")
    world.texts.append("noemt mijn naam, dat wil ik liever niet")

    # Kennisbank: a printed copy to the home address.
    book = publication(title="Digitaal dichtbij")
    address = {
        "name": name,
        "email": email,
        "organisation_name": "",
        "street": "Wiersmastraat",
        "house_number": "7",
        "house_number_addition": "",
        "postcode": "8011 AB",
        "city": "Zwolle",
    }
    place_order(publication=book, user=person, address=address, idempotency_key=uuid.uuid4())
    world.texts.append("Wiersmastraat")

    if apps.is_installed("wendbaar.opportunities"):
        world.texts += _opportunities(person, world)
    return world


def _opportunities(person, world) -> list[str]:
    """Kansen: visible to organisations, a saved kans, an accepted request with messages both ways."""
    from wendbaar.opportunities import models as kansen

    organisation = Organisation.objects.create(
        name="Zorggroep De Linde",
        slug="zorggroep-de-linde",
        kind=OrganisationKind.ANDERE_SECTOR,
        sector="zorg",
    )
    recruiter = user("Joost Visser", "joost@linde.example", role=Role.ORGANISATIE)
    Membership.objects.create(user=recruiter, organisation=organisation, role="recruiter")
    world.others.append(recruiter)
    opportunity = kansen.Opportunity.objects.create(
        organisation=organisation,
        kind="meeloopdag",
        title="Meeloopdag thuiszorg",
        description="Loop een dag mee met een wijkteam.",
        province="gelderland",
        closes_on=timezone.localdate() + timedelta(days=30),
        status="gepubliceerd",
        created_by=recruiter,
    )
    opportunity.required_skills.set(Skill.objects.all()[:3])
    consent.grant(person, Purpose.VISIBLE_TO_ORGANISATIONS)
    kansen.SeekerRegion.objects.create(user=person, province="overijssel")
    kansen.SavedOpportunity.objects.create(user=person, opportunity=opportunity)
    kansen.OpportunityMatch.objects.create(
        opportunity=opportunity, profile=person.profile, score=0.8, computed_at=timezone.now()
    )
    note = "Ik ben Jolanda en wil graag een dag meelopen in de wijk."
    request = kansen.ContactRequest.objects.create(
        opportunity=opportunity,
        person=person,
        direction="interesse",
        sent_by=person,
        note=note,
        status="geaccepteerd",
        decided_at=timezone.now(),
        decided_by=recruiter,
    )
    thread = kansen.Thread.objects.create(request=request)
    kansen.Message.objects.create(
        thread=thread, author=person, text="Past dinsdag 14 mei? Mijn nummer is 06-12345678."
    )
    kansen.Message.objects.create(
        thread=thread, author=recruiter, text=f"Dag {person.name}, dinsdag past prima."
    )
    return [note, "Mijn nummer is 06-12345678"]

"""The authorization matrix: who may open every address of wendbaar, as one table.

Every URL pattern of the site must be declared here (``test_matrix.py`` walks the URLconf and fails, naming
each one that is not). The admin sites are the exception: they are checked as a whole (staff only, with
two-step verification) by ``test_admin_sites_are_for_staff_only``.

How to declare an endpoint
--------------------------
Add an ``Endpoint`` to ``ENDPOINTS`` with the URL name (``"app:name"``; for a pattern without a name, its
route as the walk prints it):

    Endpoint("events:conversation", conversation, get=Expect(own=SIGNED_IN, other=NOBODY))

- ``build(world, owner) -> dict``: the URL's keyword arguments. ``owner`` is the role's own user ("own") or
  None ("someone else's": a stranger's object, or the variant that must stay hidden, such as a draft). Leave
  it out for URLs without an object (fixed arguments go in ``kwargs``); then there is one case per role.
- ``get`` / ``post`` (and ``put``, ``patch``, ``delete`` for the API): who is allowed, per method.
  ``Expect(own=…, other=…)`` with sets of roles, or a plain set when own and other are the same. Declare
  only the methods the view answers; POST is sent as a form with ``data(world, owner)`` (default: nothing),
  PUT/PATCH/DELETE as JSON, all without CSRF checks.
- ``needs``: shared things to make first (``"taxonomy"``). ``why``: required when nobody is allowed.

"Allowed" means the request got past the permission checks: any answer other than 401/403/404 or a redirect
to the login or two-step verification page (a form with errors, 400 or 409, is allowed: the person may try).
Server errors and 405 always fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from tests.access.world import (
    ADVISEUR,
    ANONYMOUS,
    BEHEERDER,
    ORGANISATIE,
    PROGRAMMATEAM,
    ROLES,
    soon,
    unique,
)
from wendbaar.accounts.models import Role

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = frozenset({PROGRAMMATEAM, BEHEERDER})
NOBODY = frozenset()


@dataclass(frozen=True)
class Expect:
    own: frozenset
    other: frozenset


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Endpoint:
    name: str
    build: Callable | None = None
    get: Expect | frozenset | None = None
    post: Expect | frozenset | None = None
    put: Expect | frozenset | None = None
    patch: Expect | frozenset | None = None
    delete: Expect | frozenset | None = None
    data: Callable | None = None
    kwargs: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    why: str = ""

    def expectations(self):
        for method in METHODS:
            expect = getattr(self, method.lower())
            if expect is None:
                continue
            if not isinstance(expect, Expect):
                expect = Expect(frozenset(expect), frozenset(expect))
            yield method, expect


# --- Factories: (world, owner) -> URL keyword arguments ---------------------------------------------------


def organisation(world, owner):
    return {"slug": (world.organisation if owner is not None else world.other_organisation).slug}


def occupation(world, owner):
    return {"code": "helpende-zorg"}


def skill(world, owner):
    return {"code": "klantgericht-werken"}


# Events


def event(world, owner):
    """Own: a published event the owner registered for. Other: a stranger's draft."""
    from wendbaar.events.models import Event, Registration, RegistrationStatus

    start, _end = soon(days=10)
    published = owner is not None
    item = Event.objects.create(
        title=unique("Regiobijeenkomst"),
        description="Over overstappen.",
        kind="regionaal",
        region="overijssel",
        venue="Stadskantoor",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        registration_deadline=start - timedelta(days=1),
        capacity=30,
        audience="Iedereen",
        organiser=world.users[PROGRAMMATEAM],
        is_published=published,
    )
    registrant = owner or world.stranger
    Registration.objects.create(
        event=item,
        user=registrant,
        status=RegistrationStatus.CONFIRMED,
        queued_at=timezone.now(),
        confirmed_at=timezone.now(),
        share_on_attendee_list=True,
    )
    return {"slug": item.slug}


def feed(world, owner):
    from wendbaar.events import services

    return {"token": services.renew_calendar_feed(world.owner_or_stranger(owner)).token}


def _conversation(world, owner):
    from wendbaar.events.models import Conversation
    from wendbaar.privacy import consent

    start, end = soon()
    if owner is not None and owner.role == Role.LOOPBAANADVISEUR:
        adviser, person = owner, world.stranger
    else:
        adviser, person = world.stranger_adviser, world.owner_or_stranger(owner)
    item = Conversation.objects.create(
        adviser=adviser,
        person=person,
        starts_at=start,
        ends_at=end,
        mode="locatie",
        location="Loopbaanpunt",
        share_profile=True,
    )
    consent.grant(
        person, consent.Purpose.PROFILE_WITH_ADVISER, audience=consent.conversation_audience(item.pk)
    )
    return item


def conversation(world, owner):
    """Own: a conversation the owner takes part in (as adviser when they are one). Other: strangers'."""
    return {"pk": _conversation(world, owner).pk}


def follow_up(world, owner):
    from wendbaar.events.models import FollowUpAction

    return {
        "pk": FollowUpAction.objects.create(
            conversation=_conversation(world, owner), description="Cv sturen"
        ).pk
    }


def _availability_adviser(world, owner):
    from wendbaar.events.models import Adviser

    user = owner if owner is not None else world.stranger_adviser
    return Adviser.objects.get_or_create(user=user)[0]


def weekly(world, owner):
    from wendbaar.events.models import WeeklyAvailability

    adviser = _availability_adviser(world, owner)
    return {
        "pk": WeeklyAvailability.objects.create(
            adviser=adviser, weekday=1, starts_at="09:00", ends_at="12:00"
        ).pk
    }


def day_off(world, owner):
    from wendbaar.events.models import AvailabilityException

    adviser = _availability_adviser(world, owner)
    day = timezone.localdate() + timedelta(days=40)
    return {"pk": AvailabilityException.objects.create(adviser=adviser, first_day=day, last_day=day).pk}


def adviser(world, owner):
    from wendbaar.events.models import Adviser

    return {"pk": Adviser.objects.get(user=world.stranger_adviser).pk}


def bookable_slot(world, owner):
    from wendbaar.events import slots
    from wendbaar.events.models import Adviser, WeeklyAvailability

    item = Adviser.objects.get(user=world.stranger_adviser)
    for day in range(7):
        WeeklyAvailability.objects.create(adviser=item, weekday=day, starts_at="09:00", ends_at="17:00")
    return {"pk": item.pk, "key": slots.free_slots(item)[0].key}


# Profiles and learning


def suggestion(world, owner):
    from wendbaar.profiles import services as profiles
    from wendbaar.profiles.models import Suggestion

    profile = profiles.profile_for(world.owner_or_stranger(owner))
    item = Suggestion.objects.create(
        profile=profile, skill=world.skills["zorg-verlenen"], evidence="zorg", score=1
    )
    return {"suggestion_id": item.pk}


def course(world, owner):
    """Own: an active course. Other: one taken off the list."""
    from wendbaar.learning.models import Course

    item = Course.objects.create(
        title="Werken met data",
        slug=unique("cursus"),
        provider="Leerhuis",
        description="Leer werken met data.",
        format="online",
        hours=8,
        active=owner is not None,
    )
    return {"slug": item.slug}


# Beroepsgroepen


def _group(world, owner):
    """A closed group. Own: the owner moderates it. Other: strangers' group the owner is not in."""
    from wendbaar.communities import services
    from wendbaar.communities.models import Access, Membership, MembershipStatus

    moderator = world.owner_or_stranger(owner)
    name = unique("Groep")
    group = services.create_group(
        moderator, name=name, slug=name.lower(), access=Access.CLOSED, summary="Een groep"
    )
    member = world.stranger if owner is not None else world.stranger_adviser
    Membership.objects.create(group=group, user=member, status=MembershipStatus.ACTIVE)
    return group


def group(world, owner):
    return {"slug": _group(world, owner).slug}


def _thread(world, owner):
    from wendbaar.communities import services

    group = _group(world, owner)
    return services.start_thread(
        group, world.owner_or_stranger(owner), title="Hoe doen jullie dat?", body="Vraag", check_limits=False
    )


def thread(world, owner):
    item = _thread(world, owner)
    return {"slug": item.group.slug, "pk": item.pk}


def _post(world, owner):
    return _thread(world, owner).posts.get(is_opening=True)


def post(world, owner):
    """Own: the owner's post in a group they moderate. Other: a stranger's post in a closed group."""
    return {"pk": _post(world, owner).pk}


def attachment(world, owner):
    from django.core.files.base import ContentFile

    from wendbaar.communities.models import Attachment

    item = Attachment(post=_post(world, owner), name="lijst.txt", content_type="text/plain", size=5)
    item.file.save("lijst.txt", ContentFile(b"lijst"), save=True)
    return {"pk": item.pk}


def member(world, owner):
    group = _group(world, owner)
    member = world.stranger if owner is not None else world.stranger_adviser
    return {"slug": group.slug, "user_id": member.pk}


def join_request(world, owner):
    from wendbaar.communities.models import Membership, MembershipStatus

    group = _group(world, owner)
    request = Membership.objects.create(
        group=group, user=world.stranger_staff, status=MembershipStatus.PENDING
    )
    return {"slug": group.slug, "pk": request.pk}


def pin(world, owner):
    from django.contrib.contenttypes.models import ContentType

    from wendbaar.communities.models import Pin
    from wendbaar.learning.models import Course

    group = _group(world, owner)
    item = Course.objects.create(
        title="Gastvrij", slug=unique("gastvrij"), provider="X", description="-", format="online", hours=1
    )
    found = Pin.objects.create(
        group=group, content_type=ContentType.objects.get_for_model(Course), object_id=item.pk
    )
    return {"slug": group.slug, "pk": found.pk}


# Kennisbank


def _item(maker, owner, **fields):
    from tests.knowledge import factories

    if owner is None:
        fields.update(is_published=False)
    return getattr(factories, maker)(**fields)


def publication(world, owner):
    """Own: a published item. Other: a draft (editors only)."""
    return {"slug": _item("publication", owner).slug}


def essay(world, owner):
    from django.core.files.base import ContentFile

    from tests.knowledge.factories import PDF

    item = _item("essay", owner)
    item.pdf.save(f"{item.slug}.pdf", ContentFile(PDF), save=True)
    return {"slug": item.slug}


def news(world, owner):
    return {"slug": _item("news", owner).slug}


def series(world, owner):
    return {"slug": _item("series", owner).slug}


def episode(world, owner):
    from tests.knowledge import factories

    parent = factories.series()
    fields = {} if owner is not None else {"is_published": False}
    return {"slug": factories.episode(parent, 1, **fields).slug}


def _order(world, owner):
    from tests.knowledge import factories
    from wendbaar.knowledge.models import PrintOrder

    person = world.owner_or_stranger(owner)
    return PrintOrder.objects.create(
        idempotency_key=PrintOrder._meta.get_field("reference").default(),
        publication=factories.publication(),
        user=person,
        name=person.name,
        email=person.email,
        street="Grote Markt",
        house_number=1,
        postcode="8011 LW",
        city="Zwolle",
        eligibility="gemeente",
        total_cents=0,
        book_net_cents=0,
        shipping_net_cents=0,
        vat_cents=0,
        vat_rate=9,
    )


def order(world, owner):
    """Own: the owner's order. Other: a stranger's (name and address)."""
    return {"reference": _order(world, owner).reference}


def order_token(world, owner):
    return {"token": _order(world, owner).email_confirmation_token}


def knowledge_media(world, owner):
    return {"path": "publicaties/boek.pdf"}


# Meldingen, privacy, API keys


def notification(world, owner):
    """Own: one of the owner's notifications. Other: a stranger's."""
    from wendbaar.events.models import NotificationTopic
    from wendbaar.notifications import services

    found = services.notify(
        world.owner_or_stranger(owner), NotificationTopic.EVENT, text="Er is een plek vrij."
    )
    return {"pk": found.pk}


def consent_record(world, owner):
    from wendbaar.privacy import consent

    record = consent.grant(world.owner_or_stranger(owner), consent.Purpose.VISIBLE_TO_ORGANISATIONS)
    return {"pk": record.pk}


def api_token(world, owner, key="pk"):
    from wendbaar.api import tokens

    token, _secret = tokens.create_token(world.owner_or_stranger(owner), "Koppeling")
    return {key: token.pk}


def api_token_id(world, owner):
    return api_token(world, owner, key="id")


def api_event(world, owner):
    return event(world, owner)


def api_knowledge(world, owner):
    return publication(world, owner)


def profile_skill(world, owner):
    """Own: a skill in the owner's profile. Other: one only someone else has (so not the requester's)."""
    from wendbaar.profiles import services as profiles

    profiles.add_skill(profiles.profile_for(world.owner_or_stranger(owner)), world.skills["zorg-verlenen"])
    return {"code": "zorg-verlenen"}


def transition(world, owner):
    return {"code": "baliemedewerker-burgerzaken", "to": "helpende-zorg"}


# Kansen


def _opportunity(world, owner, *, open_=True):
    """Own: an open kans of the organisation the organisatie role works for. Other: a draft of an
    organisation none of the roles belongs to."""
    from wendbaar.opportunities.models import Opportunity, OpportunityStatus

    mine = owner is not None
    return Opportunity.objects.create(
        organisation=world.organisation if mine else world.other_organisation,
        kind="meeloopdag",
        title="Meeloopdag wijkteam",
        description="Loop een dag mee.",
        province="overijssel",
        closes_on=timezone.localdate() + timedelta(days=30),
        status=OpportunityStatus.GEPUBLICEERD if mine else OpportunityStatus.CONCEPT,
        published_at=timezone.now() if mine else None,
    )


def opportunity(world, owner):
    return {"pk": _opportunity(world, owner).pk}


def workspace(world, owner):
    return organisation(world, owner)


def managed_opportunity(world, owner):
    item = _opportunity(world, owner)
    return {"slug": item.organisation.slug, "pk": item.pk}


def opportunity_match(world, owner):
    from wendbaar.opportunities.models import OpportunityMatch
    from wendbaar.privacy import consent
    from wendbaar.profiles import services as profiles

    item = _opportunity(world, owner)
    consent.grant(world.stranger, consent.Purpose.VISIBLE_TO_ORGANISATIONS)
    found = OpportunityMatch.objects.create(
        opportunity=item, profile=profiles.profile_for(world.stranger), score=0.8, computed_at=timezone.now()
    )
    return {"slug": item.organisation.slug, "pk": item.pk, "match_pk": found.pk}


def _contact_request(world, owner):
    """Own: for the organisatie role a request about its organisation's kans; for others a request to them.
    Other: between strangers."""
    from wendbaar.opportunities.models import ContactRequest, Direction

    if owner is not None and owner.role == Role.ORGANISATIE:
        item, person, sender = _opportunity(world, owner), world.stranger, world.stranger
    elif owner is not None:
        item, person, sender = _opportunity(world, owner), owner, world.users[ORGANISATIE]
    else:
        item, person, sender = _opportunity(world, None), world.stranger, world.stranger_staff
    direction = Direction.INTEREST if sender == person else Direction.INVITATION
    return ContactRequest.objects.create(opportunity=item, person=person, direction=direction, sent_by=sender)


def contact_request(world, owner):
    return {"pk": _contact_request(world, owner).pk}


def contact_thread(world, owner):
    from wendbaar.opportunities.models import RequestStatus, Thread

    request = _contact_request(world, owner)
    request.status = RequestStatus.ACCEPTED
    request.save()
    return {"pk": Thread.objects.create(request=request).pk}


def organisation_member(world, owner):
    from wendbaar.accounts.models import Membership

    organisation = world.organisation if owner is not None else world.other_organisation
    member = world.stranger if owner is not None else world.stranger_adviser
    found = Membership.objects.create(user=member, organisation=organisation, role="recruiter")
    return {"slug": organisation.slug, "pk": found.pk}


# --- The table --------------------------------------------------------------------------------------------

NOT_ADVISER = SIGNED_IN - {ADVISEUR}

ENDPOINTS: list[Endpoint] = [
    # Site-wide
    Endpoint("core:home", get=EVERYONE),
    Endpoint("set_language", post=EVERYONE, data=lambda world, owner: {"language": "en", "next": "/"}),
    Endpoint("javascript-catalog", get=EVERYONE),
    Endpoint("access:log", get=SIGNED_IN),
    # Accounts
    Endpoint("accounts:signup", get=EVERYONE, post=EVERYONE),
    Endpoint("accounts:login", get=EVERYONE, post=EVERYONE),
    Endpoint("accounts:logout", post=EVERYONE),
    Endpoint("accounts:account", get=SIGNED_IN),
    Endpoint("accounts:password_change", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("accounts:password_reset", get=EVERYONE, post=EVERYONE),
    Endpoint("accounts:password_reset_done", get=EVERYONE),
    Endpoint(
        "accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "ongeldig-123"}, get=EVERYONE
    ),
    Endpoint("accounts:password_reset_complete", get=EVERYONE),
    Endpoint("accounts:organisation", organisation, get=EVERYONE),
    # Taxonomy and Verkennen
    Endpoint("taxonomy:occupations", get=EVERYONE, needs=("taxonomy",)),
    Endpoint("taxonomy:occupation", occupation, get=EVERYONE, needs=("taxonomy",)),
    Endpoint("taxonomy:skills", get=EVERYONE, needs=("taxonomy",)),
    Endpoint("taxonomy:skill", skill, get=EVERYONE, needs=("taxonomy",)),
    Endpoint("taxonomy:search", get=EVERYONE, query={"q": "balie"}, needs=("taxonomy",)),
    Endpoint("explore:verkennen", get=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("explore:overstap", occupation, get=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("explore:bewaar", occupation, post=SIGNED_IN, needs=("taxonomy",)),
    Endpoint(
        "explore:bewaar_uit_lijst",
        post=SIGNED_IN,
        data=lambda world, owner: {"bewaar": "helpende-zorg"},
        needs=("taxonomy",),
    ),
    Endpoint(
        "explore:vergelijk",
        get=SIGNED_IN,
        query={"a": "helpende-zorg", "b": "baliemedewerker-burgerzaken"},
        needs=("taxonomy",),
    ),
    Endpoint("explore:similar", get=EVERYONE, query={"occupation": "helpende-zorg"}, needs=("taxonomy",)),
    Endpoint("explore:recommend", get=EVERYONE, query={"skills": "klantgericht-werken"}, needs=("taxonomy",)),
    Endpoint(
        "explore:what_if",
        get=EVERYONE,
        query={"skills": "klantgericht-werken", "extra": "zorg-verlenen"},
        needs=("taxonomy",),
    ),
    # Bijeenkomsten
    Endpoint("events:list", get=EVERYONE),
    Endpoint("events:mine", get=SIGNED_IN),
    Endpoint("events:calendar_link", post=SIGNED_IN),
    Endpoint("events:feed", feed, get=EVERYONE, why="the secret address is the key"),
    Endpoint("events:organiser_list", get=STAFF),
    Endpoint("events:create", get=STAFF, post=STAFF),
    Endpoint("events:organiser_event", event, get=STAFF, post=STAFF),
    Endpoint("events:edit", event, get=STAFF, post=STAFF),
    Endpoint("events:attendees_csv", event, get=STAFF),
    Endpoint("events:event", event, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("events:register", event, post=Expect(own=SIGNED_IN, other=STAFF)),
    Endpoint("events:cancel", event, post=Expect(own=SIGNED_IN, other=STAFF)),
    Endpoint("events:ics", event, get=Expect(own=EVERYONE, other=STAFF)),
    # Gesprekken
    Endpoint("events:conversations", get=EVERYONE),
    Endpoint("events:my_conversations", get=SIGNED_IN),
    Endpoint("events:availability", get={ADVISEUR}, post={ADVISEUR}),
    Endpoint("events:delete_weekly", weekly, post=Expect(own={ADVISEUR}, other=NOBODY)),
    Endpoint("events:delete_exception", day_off, post=Expect(own={ADVISEUR}, other=NOBODY)),
    Endpoint("events:adviser", adviser, get=EVERYONE),
    Endpoint("events:book", bookable_slot, get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("events:action_done", follow_up, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("events:conversation", conversation, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("events:add_note", conversation, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("events:add_action", conversation, post=Expect(own={ADVISEUR}, other=NOBODY)),
    Endpoint("events:shared_profile", conversation, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("events:share_profile", conversation, post=Expect(own=NOT_ADVISER, other=NOBODY)),
    Endpoint("events:reschedule", conversation, get=Expect(own=NOT_ADVISER, other=NOBODY)),
    Endpoint(
        "events:cancel_conversation",
        conversation,
        get=Expect(own=SIGNED_IN, other=NOBODY),
        post=Expect(own=SIGNED_IN, other=NOBODY),
    ),
    Endpoint("events:complete", conversation, post=Expect(own={ADVISEUR}, other=NOBODY)),
    # Mijn wendbaar (always one's own profile: there is no address of someone else's)
    Endpoint("profiles:dashboard", get=SIGNED_IN),
    Endpoint("profiles:werk", get=SIGNED_IN, post=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("profiles:vaardigheden", get=SIGNED_IN, post=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("profiles:ervaring", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("profiles:tekst", get=SIGNED_IN, post=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("profiles:beslis", suggestion, post=Expect(own=SIGNED_IN, other=NOBODY), needs=("taxonomy",)),
    Endpoint("profiles:klaar", post=SIGNED_IN),
    Endpoint("profiles:inzicht", get=SIGNED_IN, needs=("taxonomy",)),
    # Leren
    Endpoint("learning:courses", get=EVERYONE),
    Endpoint("learning:course", course, get=Expect(own=EVERYONE, other=NOBODY)),
    # Beroepsgroepen
    Endpoint("communities:index", get=EVERYONE),
    Endpoint("communities:create", get=STAFF, post=STAFF),
    Endpoint("communities:search", get=SIGNED_IN, query={"q": "vraag"}),
    Endpoint("communities:attachment", attachment, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:post", post, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:post_edit", post, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:post_history", post, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:accept", post, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:report", post, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:hide", post, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:restore", post, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:dismiss", post, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:group", group, get=EVERYONE),
    Endpoint("communities:join", group, get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("communities:leave", group, post=SIGNED_IN),
    Endpoint("communities:members", group, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:remove_member", member, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:set_role", member, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:requests", group, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:decide", join_request, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:edit", group, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:moderation", group, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:pins", group, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:unpin", pin, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:thread_create", group, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:thread", thread, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:follow", thread, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:lock", thread, post=Expect(own=SIGNED_IN, other=NOBODY)),
    # Kennisbank
    Endpoint("knowledge:index", get=EVERYONE),
    Endpoint("knowledge:publication", publication, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("knowledge:publication_download", publication, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("knowledge:order_create", publication, get=Expect(own=EVERYONE, other=NOBODY)),
    Endpoint("knowledge:order", order, get=Expect(own=SIGNED_IN, other={BEHEERDER})),
    Endpoint("knowledge:order_confirm", order_token, get=EVERYONE, why="the token from the mail is the key"),
    Endpoint("knowledge:essay", essay, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("knowledge:essay_download", essay, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("knowledge:series", series, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("knowledge:series_feed", series, get=Expect(own=EVERYONE, other=NOBODY)),
    Endpoint("knowledge:episode", episode, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint("knowledge:news", news, get=Expect(own=EVERYONE, other=STAFF)),
    Endpoint(
        "knowledge_media",
        knowledge_media,
        get=NOBODY,
        why="uploads are served by the web server; Django serves them only with DEBUG on",
    ),
    # Two-step verification and sign-in at a municipality (the roles that must use it are verified)
    Endpoint("accounts:two_factor", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("accounts:two_factor_setup", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("accounts:two_factor_verify", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("accounts:recovery_codes", get=SIGNED_IN),
    Endpoint("accounts:recovery_codes_new", post=SIGNED_IN),
    Endpoint("accounts:two_factor_off", post=SIGNED_IN),
    Endpoint("accounts:oidc_start", get=NOBODY, why="only when a municipality's identity provider is set up"),
    Endpoint(
        "accounts:oidc_callback", get=NOBODY, why="only when a municipality's identity provider is set up"
    ),
    Endpoint("apikeys:list", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("apikeys:revoke", api_token, post=Expect(own=SIGNED_IN, other=NOBODY)),
    # Meldingen
    Endpoint("notifications:list", get=SIGNED_IN),
    Endpoint("notifications:read_all", post=SIGNED_IN),
    Endpoint("notifications:settings", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("notifications:open", notification, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("notifications:read", notification, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("communities:notifications", get=EVERYONE, why="moved: a redirect to /meldingen/"),
    Endpoint("communities:preferences", get=EVERYONE, why="moved: a redirect to /meldingen/instellingen/"),
    # Privacy
    Endpoint("privacy:statement", get=EVERYONE),
    Endpoint("privacy:erased", get=EVERYONE),
    Endpoint("privacy:overview", get=SIGNED_IN),
    # Someone else's consent is not touched: the person is told there is nothing of theirs to withdraw.
    Endpoint("privacy:withdraw", consent_record, post=SIGNED_IN),
    Endpoint("privacy:export", get=SIGNED_IN),
    Endpoint("privacy:export_json", get=SIGNED_IN),
    Endpoint("privacy:erase", get=SIGNED_IN, post=SIGNED_IN),
    # Kansen: the organisation's workspace is for its organisatiebeheerders and recruiters only
    Endpoint("opportunities:index", get=SIGNED_IN),
    Endpoint("opportunities:detail", opportunity, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("opportunities:save", opportunity, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("opportunities:interest", opportunity, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("opportunities:saved", get=SIGNED_IN),
    Endpoint("opportunities:visibility", get=SIGNED_IN, post=SIGNED_IN),
    Endpoint("opportunities:requests", get=SIGNED_IN),
    Endpoint("opportunities:answer", contact_request, post=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("opportunities:thread", contact_thread, get=Expect(own=SIGNED_IN, other=NOBODY)),
    Endpoint("opportunities:organisations", get=SIGNED_IN),
    Endpoint("opportunities:workspace", workspace, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:create", workspace, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:manage", managed_opportunity, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:edit", managed_opportunity, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:status", managed_opportunity, post=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:matches", managed_opportunity, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:match", opportunity_match, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:org_requests", workspace, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:sector", workspace, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint("opportunities:members", workspace, get=Expect(own={ORGANISATIE}, other=NOBODY)),
    Endpoint(
        "opportunities:remove_member", organisation_member, post=Expect(own={ORGANISATIE}, other=NOBODY)
    ),
    Endpoint("opportunities:organisation", organisation, get=EVERYONE),
    # Inzicht: anonymous aggregates for the programme team, and for HR of a municipality (its beheerders)
    Endpoint("insight:index", get=STAFF | {ORGANISATIE}),
    Endpoint("insight:dashboard", kwargs={"slug": "vaardigheden"}, get=STAFF | {ORGANISATIE}),
    Endpoint("insight:csv", kwargs={"slug": "vaardigheden"}, get=STAFF | {ORGANISATIE}),
    # The REST API (session sign-in here; keys are tested by the API's own tests)
    Endpoint("api:schema", get=EVERYONE),
    Endpoint("api:docs", get=EVERYONE),
    Endpoint("api:occupation-list", get=EVERYONE, needs=("taxonomy",)),
    Endpoint("api:occupation-detail", occupation, get=EVERYONE, needs=("taxonomy",)),
    Endpoint("api:occupation-transitions", occupation, get=EVERYONE, needs=("taxonomy",)),
    Endpoint("api:occupation-transition", transition, get=EVERYONE, needs=("taxonomy",)),
    Endpoint("api:skill-list", get=EVERYONE, needs=("taxonomy",)),
    Endpoint("api:skill-detail", skill, get=EVERYONE, needs=("taxonomy",)),
    Endpoint("api:search", get=EVERYONE, query={"q": "balie"}, needs=("taxonomy",)),
    Endpoint("api:me", get=SIGNED_IN),
    Endpoint("api:my-profile", get=SIGNED_IN, patch=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("api:my-skills", put=SIGNED_IN, needs=("taxonomy",)),
    Endpoint(
        "api:my-skill",
        profile_skill,
        put=SIGNED_IN,
        delete=Expect(own=SIGNED_IN, other=NOBODY),
        needs=("taxonomy",),
    ),
    Endpoint("api:my-recommendations", get=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("api:my-what-if", get=SIGNED_IN, query={"extra": "zorg-verlenen"}, needs=("taxonomy",)),
    Endpoint("api:my-transition", occupation, get=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("api:my-tokens", get=SIGNED_IN),
    Endpoint(
        "api:my-token",
        api_token_id,
        get=Expect(own=SIGNED_IN, other=NOBODY),
        delete=Expect(own=SIGNED_IN, other=NOBODY),
    ),
    Endpoint("api:opportunity-list", get=SIGNED_IN),
    Endpoint(
        "api:opportunity-detail",
        lambda world, owner: {"id": _opportunity(world, owner).pk},
        get=Expect(own=SIGNED_IN, other=NOBODY),
    ),
    Endpoint("api:my-opportunities", get=SIGNED_IN, needs=("taxonomy",)),
    Endpoint("api:event-list", get=EVERYONE),
    Endpoint("api:event-detail", api_event, get=Expect(own=EVERYONE, other=NOBODY)),
    Endpoint("api:knowledge-list", get=EVERYONE),
    Endpoint("api:knowledge-detail", api_knowledge, get=Expect(own=EVERYONE, other=NOBODY)),
    Endpoint("api:not-found", kwargs={"path": "v2/iets"}, get=NOBODY, why="unknown API addresses"),
]

"""What kansen do, as small functions the views (and the API) call. A refusal raises ``Refused`` with a
Dutch message for the person, and changes nothing.

Contact requests are where privacy and abuse meet, so every rule is checked here, inside one transaction
with a row lock on what is contended:
- an organisation asks only people who are zichtbaar voor organisaties at that moment, only about its own
  open kans, at most OPPORTUNITIES_DAILY_REQUEST_LIMIT times per 24 hours (its row is locked while
  counting, so two recruiters clicking together cannot pass the limit), one open request per person and
  kans, and not again within OPPORTUNITIES_DECLINE_COOLDOWN_DAYS after the person said no;
- accepting locks the request row, so accepting twice at the same moment opens one conversation.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wendbaar.accounts.models import Membership, Organisation, User
from wendbaar.opportunities import notify
from wendbaar.opportunities.models import (
    MESSAGE_MAX,
    REQUEST_NOTE_MAX,
    ContactRequest,
    Direction,
    Message,
    Opportunity,
    OpportunityMatch,
    OpportunityStatus,
    RequestStatus,
    SavedOpportunity,
    SeekerRegion,
    Thread,
)
from wendbaar.opportunities.rules import STAFF_ROLES, is_staff
from wendbaar.privacy import consent
from wendbaar.privacy.consent import Purpose


class Refused(Exception):
    """The rules do not allow this. ``str(error)`` is a message for the person, in Dutch."""


VISIBLE = Purpose.VISIBLE_TO_ORGANISATIONS


def staff_of(organisation) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, memberships__organisation=organisation, memberships__role__in=STAFF_ROLES
        ).distinct()
    )


def visible_user_ids():
    """Everyone zichtbaar voor organisaties right now (a subquery)."""
    return consent.granted_user_ids(VISIBLE)


# --- visibility -----------------------------------------------------------------------------------------


def is_visible(user) -> bool:
    return consent.is_granted(user, VISIBLE)


def region_of(user) -> str:
    region = SeekerRegion.objects.filter(user=user).values_list("province", flat=True).first()
    return region or ""


@transaction.atomic
def set_visibility(user, visible: bool, province: str = "") -> None:
    if visible:
        consent.grant(user, VISIBLE)
        SeekerRegion.objects.update_or_create(user=user, defaults={"province": province})
        transaction.on_commit(lambda: _enqueue_person(user.pk))
    else:
        # The consent record is the truth: every organisation-side query asks for it, so this hides the
        # person everywhere with the next request. Stored matches go too: nothing is kept that is not used.
        consent.revoke(user, VISIBLE)
        OpportunityMatch.objects.filter(profile__user=user).delete()


def _enqueue_person(user_id: int) -> None:
    from wendbaar.opportunities.tasks import match_person

    match_person.enqueue(user_id)


# --- status -------------------------------------------------------------------------------------------


def check_publishable(opportunity: Opportunity) -> None:
    if not opportunity.required_skills.exists():
        raise Refused(_("Kies minstens één gevraagde vaardigheid voordat je de kans publiceert."))
    if opportunity.closes_on < timezone.localdate():
        raise Refused(_("De sluitingsdatum ligt in het verleden. Kies een datum vanaf vandaag."))


@transaction.atomic
def move(opportunity: Opportunity, status: str, user) -> Opportunity:
    """concept → gepubliceerd → gesloten, nothing else."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if not opportunity.can_move_to(status):
        raise Refused(
            _("Een kans met status ‘%(from)s’ kan niet naar ‘%(to)s’.")
            % {"from": opportunity.get_status_display(), "to": OpportunityStatus(status).label}
        )
    now = timezone.now()
    if status == OpportunityStatus.GEPUBLICEERD:
        check_publishable(opportunity)
        opportunity.published_at = now
        recompute_later(opportunity.pk)
    elif status == OpportunityStatus.GESLOTEN:
        opportunity.closed_at = now
        opportunity.matches.all().delete()
    opportunity.status = status
    opportunity.save()
    return opportunity


def recompute_later(opportunity_id: int) -> None:
    """Queue the matches of one (just published or changed) kans, once the change has committed."""
    from wendbaar.opportunities.tasks import refresh_opportunity_matches

    transaction.on_commit(lambda: refresh_opportunity_matches.enqueue(opportunity_id))


# --- saving ---------------------------------------------------------------------------------------------


def toggle_saved(user, opportunity: Opportunity, save: bool) -> None:
    if save:
        SavedOpportunity.objects.get_or_create(user=user, opportunity=opportunity)
    else:
        SavedOpportunity.objects.filter(user=user, opportunity=opportunity).delete()


# --- matches an organisation may see --------------------------------------------------------------------


def visible_matches(opportunity: Opportunity):
    """The stored matches of a kans among people who are zichtbaar voor organisaties *now*, never the
    organisation's own staff; best first. Empty for a kans that is not open."""
    if not opportunity.is_open:
        return OpportunityMatch.objects.none()
    staff = Membership.objects.filter(organisation_id=opportunity.organisation_id).values("user_id")
    return (
        OpportunityMatch.objects.filter(
            opportunity=opportunity,
            profile__user__in=visible_user_ids(),
            profile__user__is_active=True,
            score__gte=settings.OPPORTUNITIES_MIN_MATCH / 100,
        )
        .exclude(profile__user__in=staff)
        .select_related("profile")
        .order_by("-score", "id")
    )


# --- contact requests -----------------------------------------------------------------------------------


def _cooldown_until(organisation_id: int, person) -> timezone.datetime | None:
    """Until when the organisation may not ask this person again (after the person declined)."""
    days = settings.OPPORTUNITIES_DECLINE_COOLDOWN_DAYS
    last = (
        ContactRequest.objects.filter(
            opportunity__organisation_id=organisation_id,
            person=person,
            direction=Direction.INVITATION,
            status=RequestStatus.DECLINED,
            decided_at__gt=timezone.now() - timedelta(days=days),
        )
        .order_by("-decided_at")
        .values_list("decided_at", flat=True)
        .first()
    )
    return last + timedelta(days=days) if last else None


def requests_left_today(organisation: Organisation) -> int:
    sent = ContactRequest.objects.filter(
        opportunity__organisation=organisation,
        direction=Direction.INVITATION,
        created_at__gt=timezone.now() - timedelta(hours=24),
    ).count()
    return max(0, settings.OPPORTUNITIES_DAILY_REQUEST_LIMIT - sent)


def _check_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > REQUEST_NOTE_MAX:
        raise Refused(
            _("Je bericht is te lang: %(length)s tekens. Het mag hoogstens %(max)s tekens zijn.")
            % {"length": len(note), "max": REQUEST_NOTE_MAX}
        )
    return note


def send_invitation(match_id: int, sender, note: str = "") -> ContactRequest:
    """An organisation asks an anonymous match for contact about its kans."""
    note = _check_note(note)
    with transaction.atomic():
        match = (
            OpportunityMatch.objects.select_related("opportunity", "profile__user")
            .filter(pk=match_id)
            .first()
        )
        if match is None:
            raise Refused(_("Deze match bestaat niet meer. Bekijk de lijst opnieuw."))
        opportunity = match.opportunity
        if not sender.has_perm("opportunities.send_contactrequest", opportunity):
            raise Refused(_("Je kunt voor deze kans geen contactverzoek sturen."))
        person = match.profile.user
        if not visible_matches(opportunity).filter(pk=match.pk).exists():
            raise Refused(_("Deze persoon is niet meer zichtbaar voor organisaties."))
        # One organisation at a time counts its requests: the lock makes the daily limit exact.
        organisation = Organisation.objects.select_for_update().get(pk=opportunity.organisation_id)
        if requests_left_today(organisation) <= 0:
            raise Refused(
                _(
                    "Je organisatie heeft de afgelopen 24 uur al %(limit)s contactverzoeken gestuurd. "
                    "Dat is het maximum; probeer het later opnieuw."
                )
                % {"limit": settings.OPPORTUNITIES_DAILY_REQUEST_LIMIT}
            )
        if ContactRequest.objects.filter(
            opportunity=opportunity, person=person, status=RequestStatus.OPEN
        ).exists():
            raise Refused(_("Er staat al een verzoek open voor deze persoon en deze kans."))
        if ContactRequest.objects.filter(
            opportunity=opportunity, person=person, status=RequestStatus.ACCEPTED
        ).exists():
            raise Refused(_("Jullie hebben al contact over deze kans."))
        until = _cooldown_until(organisation.pk, person)
        if until:
            raise Refused(
                _(
                    "Deze persoon heeft eerder een verzoek van je organisatie afgewezen. Je kunt pas vanaf "
                    "%(date)s opnieuw contact vragen."
                )
                % {"date": formats.date_format(timezone.localtime(until), "j F Y")}
            )
        try:
            with transaction.atomic():
                request = ContactRequest.objects.create(
                    opportunity=opportunity,
                    person=person,
                    direction=Direction.INVITATION,
                    sent_by=sender,
                    note=note,
                    score=match.score,
                )
        except IntegrityError:
            raise Refused(_("Er staat al een verzoek open voor deze persoon en deze kans.")) from None
        notify.send(
            person,
            kind=notify.REQUEST_RECEIVED,
            subject=_("%(organisation)s wil contact met je") % {"organisation": organisation.name},
            text=_(
                "%(organisation)s zag je vaardigheden (zonder je naam) en wil graag contact met je over "
                "‘%(title)s’. Jij beslist: pas als je ja zegt, zien ze je naam."
            )
            % {"organisation": organisation.name, "title": opportunity.title},
            url=reverse("opportunities:requests"),
        )
    return request


def express_interest(opportunity: Opportunity, person, note: str = "") -> ContactRequest:
    """A person tells the organisation they are interested, and so shows their name."""
    note = _check_note(note)
    with transaction.atomic():
        opportunity = Opportunity.objects.select_related("organisation").get(pk=opportunity.pk)
        if not person.has_perm("opportunities.express_interest", opportunity):
            if is_staff(person, opportunity.organisation_id):
                raise Refused(_("Dit is een kans van je eigen organisatie."))
            raise Refused(_("Op deze kans kun je niet meer reageren."))
        existing = ContactRequest.objects.filter(opportunity=opportunity, person=person).exclude(
            status=RequestStatus.WITHDRAWN
        )
        if existing.filter(status=RequestStatus.OPEN, direction=Direction.INVITATION).exists():
            raise Refused(_("Deze organisatie vroeg jou al om contact. Zeg ja bij je contactverzoeken."))
        if existing.filter(status=RequestStatus.OPEN).exists():
            raise Refused(_("Je hebt al laten weten dat je interesse hebt."))
        if existing.filter(status=RequestStatus.ACCEPTED).exists():
            raise Refused(_("Jullie hebben al contact over deze kans."))
        declined = existing.filter(
            status=RequestStatus.DECLINED,
            direction=Direction.INTEREST,
            decided_at__gt=timezone.now() - timedelta(days=settings.OPPORTUNITIES_DECLINE_COOLDOWN_DAYS),
        )
        if declined.exists():
            raise Refused(_("De organisatie heeft eerder nee gezegd op je interesse voor deze kans."))
        try:
            with transaction.atomic():
                request = ContactRequest.objects.create(
                    opportunity=opportunity,
                    person=person,
                    direction=Direction.INTEREST,
                    sent_by=person,
                    note=note,
                )
        except IntegrityError:
            raise Refused(_("Je hebt al laten weten dat je interesse hebt.")) from None
        notify.send_to_staff(
            opportunity.organisation,
            kind=notify.INTEREST_RECEIVED,
            subject=_("Iemand heeft interesse in ‘%(title)s’") % {"title": opportunity.title},
            text=_("Iemand heeft interesse in ‘%(title)s’. Bekijk het verzoek en geef antwoord.")
            % {"title": opportunity.title},
            url=reverse("opportunities:org_requests", args=[opportunity.organisation.slug]),
        )
    return request


def accept(request_id: int, user) -> Thread:
    """Say yes to a request; opens the conversation. Accepting again returns the same conversation."""
    with transaction.atomic():
        request = (
            ContactRequest.objects.select_for_update()
            .select_related("opportunity__organisation", "person")
            .filter(pk=request_id)
            .first()
        )
        if request is None:
            raise Refused(_("Dit verzoek bestaat niet meer."))
        if request.status == RequestStatus.ACCEPTED and _answering_side(user, request):
            return Thread.objects.get(request=request)
        if not user.has_perm("opportunities.answer_contactrequest", request):
            raise Refused(_("Op dit verzoek kun je niet (meer) antwoorden."))
        if request.direction == Direction.INVITATION and not is_visible(request.person):
            raise Refused(_("Dit verzoek is vervallen, omdat je niet meer zichtbaar bent voor organisaties."))
        request.status = RequestStatus.ACCEPTED
        request.decided_at = timezone.now()
        request.decided_by = user
        request.save(update_fields=["status", "decided_at", "decided_by"])
        thread, _created = Thread.objects.get_or_create(request=request)
        _tell_answer(request, accepted=True)
    return thread


def _answering_side(user, request) -> bool:
    if request.direction == Direction.INVITATION:
        return request.person_id == user.pk
    return is_staff(user, request.opportunity.organisation_id)


def decline(request_id: int, user) -> ContactRequest:
    with transaction.atomic():
        request = (
            ContactRequest.objects.select_for_update()
            .select_related("opportunity__organisation", "person")
            .filter(pk=request_id)
            .first()
        )
        if request is None or not user.has_perm("opportunities.answer_contactrequest", request):
            raise Refused(_("Op dit verzoek kun je niet (meer) antwoorden."))
        request.status = RequestStatus.DECLINED
        request.decided_at = timezone.now()
        request.decided_by = user
        request.save(update_fields=["status", "decided_at", "decided_by"])
        _tell_answer(request, accepted=False)
    return request


def withdraw(request_id: int, user) -> ContactRequest:
    with transaction.atomic():
        request = ContactRequest.objects.select_for_update().filter(pk=request_id).first()
        if request is None or not user.has_perm("opportunities.withdraw_contactrequest", request):
            raise Refused(_("Dit verzoek kun je niet (meer) intrekken."))
        request.status = RequestStatus.WITHDRAWN
        request.decided_at = timezone.now()
        request.decided_by = user
        request.save(update_fields=["status", "decided_at", "decided_by"])
    return request


def _tell_answer(request: ContactRequest, accepted: bool) -> None:
    opportunity, organisation = request.opportunity, request.opportunity.organisation
    if request.direction == Direction.INVITATION:
        text = (
            _("Je verzoek over ‘%(title)s’ is geaccepteerd. Je ziet nu de naam en kunt een bericht sturen.")
            if accepted
            else _("Je verzoek over ‘%(title)s’ is afgewezen. Vraag deze persoon voorlopig niet opnieuw.")
        ) % {"title": opportunity.title}
        notify.send_to_staff(
            organisation,
            kind=notify.REQUEST_ANSWERED,
            subject=_("Antwoord op je contactverzoek"),
            text=text,
            url=reverse("opportunities:org_requests", args=[organisation.slug]),
        )
    else:
        text = (
            _("%(organisation)s wil graag met je in gesprek over ‘%(title)s’. Stuur een bericht!")
            if accepted
            else _("%(organisation)s heeft nu geen plek voor je bij ‘%(title)s’. Bedankt voor je interesse.")
        ) % {"organisation": organisation.name, "title": opportunity.title}
        notify.send(
            request.person,
            kind=notify.REQUEST_ANSWERED,
            subject=_("Antwoord van %(organisation)s") % {"organisation": organisation.name},
            text=text,
            url=reverse("opportunities:requests"),
        )


# --- conversation ---------------------------------------------------------------------------------------


def post_message(thread: Thread, author, text: str) -> Message:
    text = (text or "").strip()
    if not text:
        raise Refused(_("Schrijf eerst een bericht."))
    if len(text) > MESSAGE_MAX:
        raise Refused(
            _("Je bericht is te lang: %(length)s tekens. Het mag hoogstens %(max)s tekens zijn.")
            % {"length": len(text), "max": MESSAGE_MAX}
        )
    if not author.has_perm("opportunities.add_message", thread):
        raise Refused(_("In dit gesprek kun je geen bericht plaatsen."))
    with transaction.atomic():
        message = Message.objects.create(thread=thread, author=author, text=text)
        request = thread.request
        organisation = request.opportunity.organisation
        subject = _("Nieuw bericht over ‘%(title)s’") % {"title": request.opportunity.title}
        body = _("Er is een nieuw bericht in je gesprek over ‘%(title)s’.") % {
            "title": request.opportunity.title
        }
        url = reverse("opportunities:thread", args=[thread.pk])
        if author.pk == request.person_id:
            notify.send_to_staff(organisation, kind=notify.NEW_MESSAGE, subject=subject, text=body, url=url)
        else:
            notify.send(request.person, kind=notify.NEW_MESSAGE, subject=subject, text=body, url=url)
            notify.send_to_staff(
                organisation, kind=notify.NEW_MESSAGE, subject=subject, text=body, url=url, exclude=author
            )
    return message


# --- lists ---------------------------------------------------------------------------------------------


def requests_for_person(user):
    """A person's requests: invitations only while they are visible (or once accepted), their own interest
    always. Withdrawn ones are left out."""
    visible = is_visible(user)
    queryset = ContactRequest.objects.filter(person=user).exclude(status=RequestStatus.WITHDRAWN)
    if not visible:
        queryset = queryset.filter(Q(direction=Direction.INTEREST) | Q(status=RequestStatus.ACCEPTED))
    return queryset.select_related("opportunity__organisation", "thread").order_by("-created_at")


def requests_for_organisation(organisation):
    """Requests of one organisation an organisation member may see (same rule as the object permission)."""
    return (
        ContactRequest.objects.filter(opportunity__organisation=organisation)
        .filter(
            Q(direction=Direction.INTEREST)
            | Q(status=RequestStatus.ACCEPTED)
            | Q(person__in=visible_user_ids())
        )
        .exclude(status=RequestStatus.WITHDRAWN)
        .select_related("opportunity", "person", "thread")
        .order_by("-created_at")
    )


def identity_visible(request: ContactRequest) -> bool:
    """May the organisation see who this is? After acceptance, or when the person asked themselves."""
    return request.direction == Direction.INTEREST or request.status == RequestStatus.ACCEPTED


# --- members --------------------------------------------------------------------------------------------


def invite_member(organisation: Organisation, email: str, role: str, by) -> Membership:
    if role not in STAFF_ROLES:
        raise Refused(_("Kies als rol organisatiebeheerder of recruiter."))
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None:
        raise Refused(
            _("Er is geen account met dit e-mailadres. Vraag de persoon eerst een account te maken.")
        )
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if not created:
        if membership.role == role:
            raise Refused(_("%(name)s is al lid met deze rol.") % {"name": user.name})
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(organisation: Organisation, membership_id: int, by) -> Membership:
    membership = Membership.objects.filter(pk=membership_id, organisation=organisation).first()
    if membership is None:
        raise Refused(_("Dit lid bestaat niet (meer)."))
    admins = Membership.objects.select_for_update().filter(organisation=organisation, role="beheerder")
    if membership.role == "beheerder" and admins.count() <= 1:
        raise Refused(_("Een organisatie houdt minstens één beheerder. Maak eerst iemand anders beheerder."))
    membership.delete()
    return membership

"""Gesprekken: advisers and their free slots, booking, moving and cancelling, the conversation page,
and the adviser's availability."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.access.log import platform_language, record_access
from wendbaar.access.models import AccessKind
from wendbaar.access.views import require
from wendbaar.accounts.models import Role
from wendbaar.events import services, slots
from wendbaar.events.forms import (
    AdviserForm,
    AvailabilityExceptionForm,
    BookingForm,
    FollowUpForm,
    NoteForm,
    WeeklyAvailabilityForm,
)
from wendbaar.events.models import (
    Adviser,
    AvailabilityException,
    Conversation,
    ConversationStatus,
    FollowUpAction,
    NotificationTopic,
    WeeklyAvailability,
)
from wendbaar.events.notifications import show_notifications
from wendbaar.events.views import adviser_required
from wendbaar.profiles.models import Profile


def _active_advisers():
    return (
        Adviser.objects.filter(is_active=True, user__is_active=True, user__role=Role.LOOPBAANADVISEUR)
        .exclude(location="", video_url="")
        .select_related("user")
        .prefetch_related("weekly_availability")
    )


@require_GET
def conversation_home(request):
    advisers = []
    for adviser in _active_advisers():
        free = slots.free_slots(adviser)
        advisers.append((adviser, free[0] if free else None, len(free)))
    return render(request, "events/conversation_home.html", {"advisers": advisers})


@require_GET
def adviser_detail(request, pk):
    adviser = get_object_or_404(Adviser.objects.select_related("user"), pk=pk)
    free = slots.free_slots(adviser) if adviser.accepts_bookings else []
    return render(
        request,
        "events/adviser_detail.html",
        {"adviser": adviser, "days": slots.group_by_day(free)},
    )


def _requested_slot(adviser, key, *, ignore=None):
    """The slot named in the address, or a refusal that says why it cannot be chosen."""
    starts_at = slots.parse_slot_key(key)
    if starts_at is None:
        raise Http404
    now = timezone.now()
    if starts_at <= now:
        raise services.Refused(_("Dit tijdstip is al voorbij. Kies een ander moment."))
    if not adviser.accepts_bookings:
        raise services.Refused(
            _("Deze loopbaanadviseur neemt nu geen nieuwe gesprekken aan. Kies een andere adviseur.")
        )
    slot = slots.free_slot_at(adviser, starts_at, now=now, ignore=ignore)
    if slot is None:
        raise services.Refused(_("Dit tijdstip is niet (meer) vrij. Kies een ander moment."))
    return slot


@login_required
@require_http_methods(["GET", "POST"])
def book(request, pk, key):
    adviser = get_object_or_404(Adviser.objects.select_related("user"), pk=pk)
    form = BookingForm(request.POST or None, adviser=adviser)
    refusal = slot = None
    if not request.user.has_perm("events.book_adviser", adviser):
        refusal = _("Alleen medewerkers kunnen een gesprek met een loopbaanadviseur boeken.")
    else:
        try:
            slot = _requested_slot(adviser, key)
        except services.Refused as refused:
            refusal = str(refused)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            conversation = services.book(
                request.user,
                adviser.user_id,
                slot.starts_at,
                mode=form.cleaned_data["mode"],
                question=form.cleaned_data["question"],
                share_profile=form.cleaned_data["share_profile"],
            )
        except services.Refused as refused:
            refusal = str(refused)
        else:
            messages.success(request, _("Je gesprek is geboekt. Je krijgt een bevestiging per e-mail."))
            return redirect(conversation)
    return render(
        request,
        "events/book.html",
        {"adviser": adviser, "slot": slot, "form": form, "refusal": refusal},
        status=409 if request.method == "POST" and refusal else 200,
    )


def _conversation_for(request, pk, permission="events.view_conversation") -> Conversation:
    """A conversation the signed-in user may see (its adviser or its person) and may do ``permission`` on;
    anyone else gets a 404, so nobody learns which conversations exist."""
    conversation = get_object_or_404(Conversation.objects.select_related("adviser", "person"), pk=pk)
    require(request, "events.view_conversation", conversation, hide=True)
    require(request, permission, conversation, hide=True)
    return conversation


@login_required
@require_GET
def my_conversations(request):
    user = request.user
    now = timezone.now()
    mine = Conversation.objects.filter(person=user).select_related("adviser").order_by("starts_at")
    actions = (
        FollowUpAction.objects.filter(conversation__person=user)
        .select_related("conversation__adviser")
        .order_by("done_at", "due_date", "id")
    )
    advised = Conversation.objects.none()
    if user.role == Role.LOOPBAANADVISEUR:
        advised = (
            Conversation.objects.filter(adviser=user, status=ConversationStatus.BOOKED, ends_at__gt=now)
            .select_related("person")
            .order_by("starts_at")
        )
    notifications, unread = show_notifications(user, NotificationTopic.CONVERSATION)
    return render(
        request,
        "events/my_conversations.html",
        {
            "upcoming": [c for c in mine if c.status == ConversationStatus.BOOKED and c.ends_at > now],
            "past": [c for c in mine if c.status != ConversationStatus.BOOKED or c.ends_at <= now][-10:],
            "open_actions": [a for a in actions if not a.is_done],
            "done_actions": [a for a in actions if a.is_done][:10],
            "advised": advised,
            "notifications": notifications,
            "unread": unread,
            "limit": services.open_conversations(user, now).count() >= settings.CONVERSATION_OPEN_LIMIT,
        },
    )


@login_required
@require_GET
def conversation_detail(request, pk):
    conversation = _conversation_for(request, pk)
    now = timezone.now()
    is_adviser = request.user.pk == conversation.adviser_id
    return render(
        request,
        "events/conversation_detail.html",
        {
            "conversation": conversation,
            "is_adviser": is_adviser,
            "notes": conversation.notes.select_related("author"),
            "actions": conversation.actions.all(),
            "note_form": NoteForm(),
            "action_form": FollowUpForm(),
            "can_change": conversation.is_booked and now <= conversation.starts_at - services.notice_period(),
            "notice_hours": settings.CONVERSATION_NOTICE_HOURS,
            "started": conversation.starts_at <= now,
            "profile_visible": is_adviser and _shared_profile(request.user, conversation) is not None,
        },
    )


def _shared_profile(user, conversation):
    """The person's vaardighedenprofiel when ``user`` may see it (see profiles.rules), else None."""
    profile = Profile.objects.filter(user_id=conversation.person_id).first() or Profile(
        user=conversation.person
    )
    return profile if user.has_perm("profiles.view_profile", profile) else None


@login_required
@require_GET
def shared_profile(request, pk):
    """The adviser reads the profile the person shares for this conversation; the person sees it logged."""
    conversation = _conversation_for(request, pk)
    profile = _shared_profile(request.user, conversation)
    if profile is None:
        raise PermissionDenied
    with platform_language():
        record_access(
            request.user,
            conversation.person,
            what=_("vaardighedenprofiel"),
            why=_("gesprek op %(when)s") % {"when": services.when(conversation.starts_at)},
        )
    skills = (
        profile.skills.select_related("skill").prefetch_related("skill__translations").order_by("-level")
        if profile.pk
        else []
    )
    return render(
        request,
        "events/shared_profile.html",
        {
            "conversation": conversation,
            "profile": profile,
            "skills": skills,
            "experience": profile.experience.all() if profile.pk else [],
        },
    )


def _log_change(request, conversation, what):
    """What the adviser writes about the person is logged for the person (their own writing is not)."""
    with platform_language():
        record_access(
            request.user,
            conversation.person,
            what=what,
            why=_("gesprek op %(when)s") % {"when": services.when(conversation.starts_at)},
            kind=AccessKind.CHANGE,
        )


@login_required
@require_POST
def add_note(request, pk):
    conversation = _conversation_for(request, pk, "events.note_conversation")
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(conversation, request.user, form.cleaned_data["text"])
        _log_change(request, conversation, gettext_lazy("notitie bij het gesprek"))
        messages.success(request, _("Je notitie is opgeslagen."))
    else:
        messages.error(request, _("Schrijf eerst een notitie (hoogstens 5000 tekens)."))
    return redirect(f"{conversation.get_absolute_url()}#notities")


@login_required
@require_POST
def add_action(request, pk):
    conversation = _conversation_for(request, pk, "events.followup_conversation")
    form = FollowUpForm(request.POST)
    if form.is_valid():
        services.add_action(
            conversation, request.user, form.cleaned_data["description"], form.cleaned_data["due_date"]
        )
        _log_change(request, conversation, gettext_lazy("afspraak na het gesprek"))
        messages.success(request, _("De afspraak is vastgelegd."))
    else:
        messages.error(
            request, _("Beschrijf de afspraak (hoogstens 300 tekens) en kies eventueel een geldige datum.")
        )
    return redirect(f"{conversation.get_absolute_url()}#afspraken")


@login_required
@require_POST
def action_done(request, pk):
    action = get_object_or_404(FollowUpAction.objects.select_related("conversation"), pk=pk)
    require(request, "events.change_followupaction", action, hide=True)
    done = request.POST.get("klaar") == "ja"
    services.set_action_done(action, request.user, done)
    _log_change(request, action.conversation, gettext_lazy("afspraak na het gesprek (afgevinkt of heropend)"))
    messages.success(request, _("Afspraak afgevinkt.") if done else _("Afspraak staat weer open."))
    target = request.POST.get("terug")
    if target == "mijn":
        return redirect("events:my_conversations")
    return redirect(f"{action.conversation.get_absolute_url()}#afspraken")


@login_required
@require_POST
def share_profile(request, pk):
    conversation = _conversation_for(request, pk, "events.share_conversation")
    share = request.POST.get("delen") == "ja"
    services.set_profile_sharing(conversation, request.user, share)
    messages.success(
        request,
        _("Je adviseur mag je vaardighedenprofiel nu zien voor dit gesprek.")
        if share
        else _("Je adviseur kan je vaardighedenprofiel niet meer zien."),
    )
    return redirect(conversation)


@login_required
@require_http_methods(["GET", "POST"])
def reschedule(request, pk):
    conversation = _conversation_for(request, pk, "events.reschedule_conversation")
    adviser = get_object_or_404(Adviser.objects.select_related("user"), user_id=conversation.adviser_id)
    key = request.POST.get("tijd") or request.GET.get("tijd")
    refusal = slot = None
    now = timezone.now()
    if not conversation.is_booked or now > conversation.starts_at - services.notice_period():
        refusal = _(
            "Verzetten kan tot %(hours)s uur voor het gesprek. Dat is nu voorbij. Neem contact op met je "
            "adviseur als je echt niet kunt."
        ) % {"hours": settings.CONVERSATION_NOTICE_HOURS}
    elif key:
        try:
            slot = _requested_slot(adviser, key, ignore=conversation)
        except services.Refused as refused:
            refusal = str(refused)
    if request.method == "POST" and slot is not None and refusal is None:
        try:
            services.reschedule(conversation.pk, request.user, slot.starts_at)
        except services.Refused as refused:
            refusal = str(refused)
        else:
            messages.success(request, _("Je gesprek is verzet. Je adviseur krijgt bericht."))
            return redirect(conversation)
    free = []
    if refusal is None and slot is None:
        free = [
            s for s in slots.free_slots(adviser, ignore=conversation) if s.starts_at != conversation.starts_at
        ]
    return render(
        request,
        "events/reschedule.html",
        {"conversation": conversation, "slot": slot, "days": slots.group_by_day(free), "refusal": refusal},
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel_conversation(request, pk):
    conversation = _conversation_for(request, pk, "events.cancel_conversation")
    refusal = None
    if request.method == "POST":
        try:
            services.cancel_conversation(conversation.pk, request.user)
        except services.Refused as refused:
            refusal = str(refused)
        else:
            messages.success(request, _("Het gesprek is geannuleerd. De ander krijgt bericht."))
            return redirect("events:my_conversations")
    return render(
        request, "events/cancel_conversation.html", {"conversation": conversation, "refusal": refusal}
    )


@login_required
@require_POST
def complete_conversation(request, pk):
    conversation = _conversation_for(request, pk, "events.complete_conversation")
    try:
        services.complete_conversation(conversation, request.user)
    except Conversation.DoesNotExist:
        raise Http404 from None
    except services.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Het gesprek staat op afgerond."))
    return redirect(conversation)


# --- The adviser's availability -----------------------------------------------------------------------


@adviser_required
@require_http_methods(["GET", "POST"])
def availability(request):
    adviser, _created = Adviser.objects.get_or_create(user=request.user)
    which = request.POST.get("formulier") if request.method == "POST" else None
    settings_form = AdviserForm(request.POST if which == "instellingen" else None, instance=adviser)
    weekly_form = WeeklyAvailabilityForm(
        request.POST if which == "vast" else None, adviser=adviser, prefix="vast"
    )
    exception_form = AvailabilityExceptionForm(
        request.POST if which == "vrij" else None, adviser=adviser, prefix="vrij"
    )
    bound = {"instellingen": settings_form, "vast": weekly_form, "vrij": exception_form}.get(which)
    if bound is not None and bound.is_valid():
        bound.save()
        messages.success(request, _("Opgeslagen."))
        return redirect("events:availability")
    upcoming_free = slots.free_slots(adviser, days=14) if adviser.accepts_bookings else []
    return render(
        request,
        "events/availability.html",
        {
            "adviser": adviser,
            "settings_form": settings_form,
            "weekly_form": weekly_form,
            "exception_form": exception_form,
            "weekly": adviser.weekly_availability.all(),
            "exceptions": adviser.exceptions.filter(last_day__gte=timezone.localdate()),
            "free_count": len(upcoming_free),
        },
    )


@adviser_required
@require_POST
def delete_weekly(request, pk):
    item = get_object_or_404(WeeklyAvailability.objects.select_related("adviser"), pk=pk)
    require(request, "events.delete_weeklyavailability", item, hide=True)
    item.delete()
    messages.success(
        request, _("Die vaste tijd is verwijderd. Gesprekken die al gepland zijn blijven staan.")
    )
    return redirect("events:availability")


@adviser_required
@require_POST
def delete_exception(request, pk):
    item = get_object_or_404(AvailabilityException.objects.select_related("adviser"), pk=pk)
    require(request, "events.delete_availabilityexception", item, hide=True)
    item.delete()
    messages.success(request, _("De uitzondering is verwijderd."))
    return redirect("events:availability")

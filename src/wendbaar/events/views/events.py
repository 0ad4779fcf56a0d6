"""Bijeenkomsten: list, detail, register and cancel, calendar files, and the organisers' pages."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.access.log import platform_language, record_access_many
from wendbaar.access.views import require
from wendbaar.events import ical, services
from wendbaar.events.forms import EventFilterForm, EventForm, RegistrationForm
from wendbaar.events.models import (
    CalendarFeed,
    Event,
    NotificationTopic,
    Registration,
    RegistrationStatus,
)
from wendbaar.events.notifications import show_notifications
from wendbaar.events.views import organiser_required

PAGE_SIZE = 20


def _with_counts(queryset):
    return queryset.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
        waitlist_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
    )


def _visible_event(request, slug) -> Event:
    event = get_object_or_404(Event, slug=slug)
    require(request, "events.view_event", event, hide=True)  # a draft does not exist for others
    return event


@require_GET
def event_list(request):
    now = timezone.now()
    upcoming = Event.objects.published().upcoming(now)
    form = EventFilterForm(request.GET or None, events=list(upcoming))
    events = form.filter(upcoming) if form.is_bound else upcoming
    events = _with_counts(events.prefetch_related("topics__translations")).order_by("starts_at", "id")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("pagina"))
    mine = {}
    if request.user.is_authenticated:
        mine = dict(
            Registration.objects.filter(user=request.user, event__in=[e.pk for e in page.object_list])
            .exclude(status=RegistrationStatus.CANCELLED)
            .values_list("event_id", "status")
        )
    for event in page.object_list:
        event.places_left = max(event.capacity - event.confirmed_count, 0)
        event.my_status = mine.get(event.pk)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "events/event_list.html",
        {"page": page, "form": form, "query": query.urlencode(), "filtered": form.is_bound},
    )


@require_GET
def event_detail(request, slug):
    event = _visible_event(request, slug)
    now = timezone.now()
    registration = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.filter(event=event, user=request.user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).count()
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "topics": event.topics.prefetch_related("translations"),
            "registration": registration,
            "places_left": max(event.capacity - confirmed, 0),
            "waiting": waiting,
            "registration_open": event.registration_is_open(now),
            "started": event.has_started(now),
            "form": RegistrationForm(),
        },
    )


@login_required
@require_POST
def register(request, slug):
    event = _visible_event(request, slug)
    form = RegistrationForm(request.POST)
    form.is_valid()  # a single optional checkbox: always valid
    try:
        registration = services.register(
            event.pk,
            request.user,
            share_on_attendee_list=form.cleaned_data.get("share_on_attendee_list", False),
        )
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("Je bent aangemeld. Je krijgt een bevestiging per e-mail."))
        else:
            messages.info(
                request,
                _(
                    "De bijeenkomst is vol. Je staat op de wachtlijst, op plaats %(position)s. Komt er een "
                    "plek vrij, dan krijg je die vanzelf en laten we het je weten."
                )
                % {"position": registration.waitlist_position},
            )
    return redirect(event)


@login_required
@require_POST
def cancel(request, slug):
    event = _visible_event(request, slug)
    was_waiting = Registration.objects.filter(
        event=event, user=request.user, status=RegistrationStatus.WAITLISTED
    ).exists()
    try:
        services.cancel_registration(event.pk, request.user)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Je staat niet meer op de wachtlijst.")
            if was_waiting
            else _("Je bent afgemeld. Je plek gaat naar een ander."),
        )
    return redirect(event)


def _calendar_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug):
    event = _visible_event(request, slug)
    return _calendar_response(
        ical.event_calendar(event, request.build_absolute_uri("/")), f"{event.slug}.ics"
    )


@require_GET
def feed(request, token):
    """The personal calendar feed. The secret address is the key, so no login (calendar apps have none)."""
    calendar_feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not calendar_feed.user.is_active:
        raise Http404
    response = HttpResponse(
        ical.personal_calendar(calendar_feed.user, request.build_absolute_uri("/")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_GET
def my_events(request):
    now = timezone.now()
    registrations = (
        Registration.objects.filter(user=request.user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )
    upcoming = [r for r in registrations if r.event.ends_at > now]
    past = [r for r in registrations if r.event.ends_at <= now][-10:]
    notifications, unread = show_notifications(request.user, NotificationTopic.EVENT)
    calendar_feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "events/my_events.html",
        {
            "upcoming": upcoming,
            "past": past,
            "notifications": notifications,
            "unread": unread,
            "feed_url": request.build_absolute_uri(calendar_feed.get_absolute_url()) if calendar_feed else "",
        },
    )


@login_required
@require_POST
def calendar_link(request):
    if request.POST.get("actie") == "intrekken":
        services.revoke_calendar_feed(request.user)
        messages.success(request, _("Je agenda-link werkt niet meer."))
    else:
        services.renew_calendar_feed(request.user)
        messages.success(request, _("Je hebt een nieuwe agenda-link. Een oude link werkt niet meer."))
    return redirect("events:mine")


# --- Organisers ---------------------------------------------------------------------------------------


@organiser_required
@require_GET
def organiser_list(request):
    now = timezone.now()
    events = _with_counts(Event.objects.all())
    return render(
        request,
        "events/organiser_list.html",
        {
            "upcoming": events.filter(ends_at__gt=now).order_by("starts_at"),
            "past": events.filter(ends_at__lte=now).order_by("-starts_at")[:20],
        },
    )


@organiser_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug=None):
    event = get_object_or_404(Event, slug=slug) if slug else Event()
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.save_event(form, request.user)
        except services.Refused as refusal:
            form.add_error("capacity", str(refusal))
        else:
            messages.success(request, _("De bijeenkomst is opgeslagen."))
            return redirect("events:organiser_event", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": event if event.pk else None})


@organiser_required
@require_http_methods(["GET", "POST"])
def organiser_event(request, slug):
    event = get_object_or_404(Event, slug=slug)
    if request.method == "POST":
        present = {int(pk) for pk in request.POST.getlist("aanwezig") if pk.isdigit()}
        came = services.set_attendance(event, present)
        messages.success(request, _("Aanwezigheid opgeslagen: %(count)s aanwezig.") % {"count": came})
        return redirect("events:organiser_event", slug=event.slug)
    registrations = event.registrations.select_related("user").prefetch_related(
        "user__memberships__organisation"
    )
    by_status = {status: [] for status in RegistrationStatus.values}
    for registration in registrations.order_by("queued_at", "id"):
        by_status[registration.status].append(registration)
    confirmed = by_status[RegistrationStatus.CONFIRMED]
    with platform_language():
        record_access_many(
            request.user,
            [r.user for shown in by_status.values() for r in shown],
            what=_("aanmelding voor ‘%(title)s’") % {"title": event.title},
            why=_("aanmeldingen en aanwezigheid bijhouden als organisator"),
        )
    return render(
        request,
        "events/organiser_event.html",
        {
            "event": event,
            "confirmed": confirmed,
            "waitlisted": by_status[RegistrationStatus.WAITLISTED],
            "cancelled": by_status[RegistrationStatus.CANCELLED],
            "not_sharing": sum(1 for r in confirmed if not r.share_on_attendee_list),
        },
    )


def _safe_cell(value: str) -> str:
    # A cell that starts like a formula would run as one in a spreadsheet.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@organiser_required
@require_GET
def attendees_csv(request, slug):
    """The attendee list: only people who agreed to be on it, and only their name and organisation."""
    event = get_object_or_404(Event, slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="deelnemers-{event.slug}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response)
    writer.writerow([_("Naam"), _("Organisatie")])
    registrations = (
        event.registrations.filter(status=RegistrationStatus.CONFIRMED, share_on_attendee_list=True)
        .select_related("user")
        .prefetch_related("user__memberships__organisation")
        .order_by("user__name")
    )
    for registration in registrations:
        organisations = ", ".join(m.organisation.name for m in registration.user.memberships.all())
        writer.writerow([_safe_cell(registration.user.name), _safe_cell(organisations)])
    with platform_language():
        record_access_many(
            request.user,
            [r.user for r in registrations],
            what=_("naam en organisatie op de deelnemerslijst van ‘%(title)s’") % {"title": event.title},
            why=_("deelnemerslijst gedownload als organisator"),
        )
    return response

"""Everything wendbaar holds about one person, part by part: the "download al mijn gegevens" export.

Each part (``Section``) belongs to one app and is a function from a user to plain data: dicts, lists,
strings, numbers, booleans, dates and datetimes. ``export`` puts the parts of the installed apps together;
``export_json`` turns that into the downloadable file (format below); the readable page shows the same
data (``render.py``).

Every part says which links to the user it answers for (``covers``: "app_label.Model.field"). A test walks
every model of every wendbaar app and fails when a foreign key to the user is not covered by a part, so a
new model cannot stay out of the export unnoticed. Where a part covers a link without listing the rows
(e.g. someone else's notification that this person caused), the part's docstring says why.

The file (``versie`` 1): ``{"formaat": "wendbaar-gegevens", "versie": 1, "gemaakt_op": "<ISO 8601>",
"persoon": "<e-mail>", "onderdelen": {"<key>": <part>, ...}}``. Keys are stable, lower case Dutch; dates
and times are ISO 8601 in Dutch local time with their offset; choices are their stored values. New fields
may be added within a version; renaming or removing one raises the version.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FORMAT = "wendbaar-gegevens"
VERSION = 1


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    app: str  # the app config name ("wendbaar.events"); the part is left out when it is not installed
    build: Callable[[object], object]
    covers: tuple[str, ...]


SECTIONS: list[Section] = []


def section(key: str, title, *, app: str, covers: tuple[str, ...] = ()):
    def register(build):
        if any(s.key == key for s in SECTIONS):
            raise ValueError(f"Export section {key!r} is declared twice.")
        SECTIONS.append(Section(key, title, app, build, covers))
        return build

    return register


def installed_sections() -> list[Section]:
    return [s for s in SECTIONS if apps.is_installed(s.app)]


def covered_links() -> set[str]:
    return {link for s in installed_sections() for link in s.covers}


def export(user) -> dict:
    return {
        "formaat": FORMAT,
        "versie": VERSION,
        "gemaakt_op": timezone.localtime(),
        "persoon": user.email,
        "onderdelen": {s.key: s.build(user) for s in installed_sections()},
    }


def titles() -> dict[str, str]:
    return {s.key: s.title for s in installed_sections()}


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime):
            return timezone.localtime(o).isoformat() if timezone.is_aware(o) else o.isoformat()
        if isinstance(o, date):
            return o.isoformat()
        if isinstance(o, (Decimal, UUID, Promise)):
            return str(o)
        return super().default(o)


def export_json(user) -> str:
    return json.dumps(export(user), cls=_Encoder, ensure_ascii=False, indent=2)


def _model(label: str):
    """A model by "app_label.Model", or None while that app (or model) is not there."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _concept(concept) -> dict | None:
    if concept is None:
        return None
    return {"naam": concept.name, "code": concept.code, "esco_uri": concept.uri or ""}


# --- Account ----------------------------------------------------------------------------------------


@section(
    "account",
    _("Je account"),
    app="wendbaar.accounts",
    covers=("accounts.Membership.user", "accounts.ExternalIdentity.user"),
)
def account(user):
    data = {
        "naam": user.name,
        "e_mailadres": user.email,
        "rol": user.role,
        "actief": user.is_active,
        "aangemaakt_op": user.date_joined,
        "laatst_ingelogd": user.last_login,
        "organisaties": [
            {
                "organisatie": m.organisation.name,
                "soort": m.organisation.kind,
                "rol_in_organisatie": m.role,
                "sinds": m.created_at,
            }
            for m in user.memberships.select_related("organisation").order_by("created_at", "id")
        ],
    }
    identity = _model("accounts.ExternalIdentity")
    if identity is not None:
        data["gekoppelde_accounts"] = [
            {
                "identiteitsprovider": i.issuer,
                "kenmerk": i.subject,
                "gekoppeld_op": i.created_at,
                "laatst_gebruikt": i.last_used_at,
            }
            for i in identity.objects.filter(user=user).order_by("created_at", "id")
        ]
    return data


# --- Vaardighedenprofiel ------------------------------------------------------------------------------


@section("profiel", _("Je vaardighedenprofiel"), app="wendbaar.profiles", covers=("profiles.Profile.user",))
def profile(user):
    from wendbaar.profiles.models import Profile

    found = Profile.objects.select_related("current_occupation").filter(user=user).first()
    if found is None:
        return None
    return {
        "huidige_functie": _concept(found.current_occupation),
        "jaren_in_functie": found.years_in_occupation,
        "hoogste_opleiding": found.education,
        "stap": found.step,
        "laatst_gewijzigd": found.updated_at,
        "vaardigheden": [
            {
                "vaardigheid": _concept(r.skill),
                "niveau": r.level,
                "bron": r.source,
                "toegevoegd_op": r.created_at,
            }
            for r in found.skills.select_related("skill").order_by("skill__name", "id")
        ],
        "ervaring": [
            {"functie": e.title, "organisatie": e.organisation, "jaren": e.years}
            for e in found.experience.order_by("id")
        ],
        "gevonden_in_je_tekst": [
            {"vaardigheid": _concept(s.skill), "gevonden_in": s.evidence, "status": s.status}
            for s in found.suggestions.select_related("skill").order_by("id")
        ],
        "bewaard_werk": [
            {"beroep": _concept(s.occupation), "bewaard_op": s.created_at}
            for s in found.saved.select_related("occupation").order_by("created_at", "id")
        ],
    }


# --- Bijeenkomsten en gesprekken ------------------------------------------------------------------------


@section(
    "bijeenkomsten_en_gesprekken",
    _("Bijeenkomsten en gesprekken"),
    app="wendbaar.events",
    covers=(
        "events.Registration.user",
        "events.CalendarFeed.user",
        "events.Adviser.user",
        "events.Conversation.person",
        "events.Conversation.adviser",
        "events.Conversation.cancelled_by",
        "events.ConversationNote.author",
        "events.Event.organiser",
    ),
)
def events(user):
    """Gesprekken as medewerker come with every note in them (notes about the person are their personal
    data, whoever wrote them). For a loopbaanadviseur, the gesprekken they held are listed without the
    medewerker's name or notes: those are the medewerker's data. Who cancelled is part of each gesprek."""
    from wendbaar.events.models import (
        Adviser,
        CalendarFeed,
        Conversation,
        ConversationNote,
        Event,
        Registration,
    )

    conversations = (
        Conversation.objects.filter(person=user)
        .select_related("adviser", "cancelled_by")
        .prefetch_related("notes__author", "actions")
        .order_by("starts_at", "id")
    )
    data = {
        "aanmeldingen": [
            {
                "bijeenkomst": r.event.title,
                "begint_op": r.event.starts_at,
                "status": r.status,
                "naam_op_deelnemerslijst": r.share_on_attendee_list,
                "aangemeld_op": r.queued_at,
                "plaats_sinds": r.confirmed_at,
                "afgemeld_op": r.cancelled_at,
                "aanwezig": r.attended,
            }
            for r in Registration.objects.filter(user=user).select_related("event").order_by("queued_at")
        ],
        "gesprekken": [
            {
                "loopbaanadviseur": c.adviser.name,
                "begint_op": c.starts_at,
                "eindigt_op": c.ends_at,
                "status": c.status,
                "hoe": c.mode,
                "waar": c.where(),
                "je_vraag": c.question,
                "profiel_gedeeld": c.share_profile,
                "geannuleerd_op": c.cancelled_at,
                "geannuleerd_door": (
                    None
                    if c.cancelled_by_id is None
                    else "jij"
                    if c.cancelled_by_id == user.pk
                    else "adviseur"
                ),
                "notities": [
                    {
                        "door": "jij" if n.author_id == user.pk else n.author.name,
                        "tekst": n.text,
                        "geschreven_op": n.created_at,
                    }
                    for n in c.notes.all()
                ],
                "afspraken": [
                    {"afspraak": a.description, "klaar_op": a.due_date, "afgerond_op": a.done_at}
                    for a in c.actions.all()
                ],
            }
            for c in conversations
        ],
        "agenda_link": None,
        "georganiseerde_bijeenkomsten": [
            {"titel": e.title, "begint_op": e.starts_at}
            for e in Event.objects.filter(organiser=user).order_by("starts_at", "id")
        ],
    }
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        data["agenda_link"] = {"adres": feed.get_absolute_url(), "gemaakt_op": feed.created_at}
    adviser = Adviser.objects.filter(user=user).first()
    if adviser is not None:
        data["als_loopbaanadviseur"] = {
            "neemt_nieuwe_gesprekken_aan": adviser.is_active,
            "minuten_per_gesprek": adviser.slot_minutes,
            "adres": adviser.location,
            "videolink": adviser.video_url,
            "over_mij": adviser.introduction,
            "vaste_beschikbaarheid": [
                {
                    "dag": w.weekday,
                    "van": w.starts_at.isoformat("minutes"),
                    "tot": w.ends_at.isoformat("minutes"),
                }
                for w in adviser.weekly_availability.all()
            ],
            "dagen_zonder_gesprekken": [
                {"van": x.first_day, "tot_en_met": x.last_day, "reden": x.reason}
                for x in adviser.exceptions.all()
            ],
        }
    held = Conversation.objects.filter(adviser=user).order_by("starts_at", "id")
    if held.exists():
        data["gevoerde_gesprekken"] = [
            {"begint_op": c.starts_at, "status": c.status, "hoe": c.mode} for c in held
        ]
        data["notities_geschreven_in_gesprekken_van_anderen"] = [
            {"geschreven_op": n.created_at}
            for n in ConversationNote.objects.filter(author=user, conversation__adviser=user).order_by(
                "created_at"
            )
        ]
    return data


# --- Beroepsgroepen -----------------------------------------------------------------------------------


@section(
    "beroepsgroepen",
    _("Beroepsgroepen"),
    app="wendbaar.communities",
    covers=(
        "communities.Membership.user",
        "communities.Membership.decided_by",
        "communities.Thread.author",
        "communities.Post.author",
        "communities.Post.hidden_by",
        "communities.Follow.user",
        "communities.Mention.user",
        "communities.Report.reporter",
        "communities.Report.resolved_by",
        "communities.ModerationAction.actor",
        "communities.ModerationAction.member",
        "communities.Pin.pinned_by",
        "communities.Group.created_by",
    ),
)
def communities(user):
    """What a moderator did (admitting members, hiding posts, handling reports, pinning) is listed from the
    group's moderation log, which records each of those acts."""
    from wendbaar.communities.models import (
        Follow,
        Group,
        Membership,
        Mention,
        ModerationAction,
        Post,
        Report,
        Thread,
    )

    posts = (
        Post.objects.filter(author=user)
        .select_related("thread__group")
        .prefetch_related("revisions", "attachments")
        .order_by("created_at", "id")
    )
    return {
        "lidmaatschappen": [
            {
                "groep": m.group.name,
                "rol": m.role,
                "status": m.status,
                "motivatie": m.motivation,
                "aangevraagd_op": m.created_at,
                "lid_sinds": m.joined_at,
            }
            for m in Membership.objects.filter(user=user).select_related("group").order_by("created_at")
        ],
        "gestarte_onderwerpen": [
            {"groep": t.group.name, "titel": t.title, "soort": t.kind, "gestart_op": t.created_at}
            for t in Thread.objects.filter(author=user).select_related("group").order_by("created_at", "id")
        ],
        "berichten": [
            {
                "groep": p.thread.group.name,
                "onderwerp": p.thread.title,
                "tekst": p.body,
                "geplaatst_op": p.created_at,
                "bewerkt_op": p.edited_at,
                "verborgen": p.is_hidden,
                "eerdere_versies": [
                    {"tekst": r.body, "geschreven_op": r.written_at} for r in p.revisions.all()
                ],
                "bijlagen": [
                    {"bestandsnaam": a.name, "soort": a.content_type, "bytes": a.size}
                    for a in p.attachments.all()
                ],
            }
            for p in posts
        ],
        "gevolgde_onderwerpen": [
            {"groep": f.thread.group.name, "onderwerp": f.thread.title, "sinds": f.created_at}
            for f in Follow.objects.filter(user=user).select_related("thread__group").order_by("created_at")
        ],
        "genoemd_in": [
            {"groep": m.post.thread.group.name, "onderwerp": m.post.thread.title, "op": m.post.created_at}
            for m in Mention.objects.filter(user=user).select_related("post__thread__group").order_by("id")
        ],
        "gemelde_berichten": [
            {"reden": r.reason, "toelichting": r.explanation, "gemeld_op": r.created_at}
            for r in Report.objects.filter(reporter=user).order_by("created_at")
        ],
        "moderatie_door_jou": [
            {"groep": a.group.name, "wat": a.kind, "toelichting": a.note, "op": a.created_at}
            for a in ModerationAction.objects.filter(actor=user)
            .select_related("group")
            .order_by("created_at")
        ],
        "moderatie_over_jou": [
            {"groep": a.group.name, "wat": a.kind, "toelichting": a.note, "op": a.created_at}
            for a in ModerationAction.objects.filter(member=user)
            .select_related("group")
            .order_by("created_at")
        ],
        "aangemaakte_groepen": [
            {"groep": g.name, "aangemaakt_op": g.created_at}
            for g in Group.objects.filter(created_by=user).order_by("created_at")
        ],
    }


# --- Kennisbank -------------------------------------------------------------------------------------


@section(
    "kennisbank",
    _("Kennisbank"),
    app="wendbaar.knowledge",
    covers=("knowledge.PrintOrder.user", "knowledge.PrintOrderEvent.by"),
)
def knowledge(user):
    """Orders placed with the person's account, and orders placed with their e-mail address without
    signing in. For beheerders: what they did to orders (status changes), without the customer's data."""
    from wendbaar.knowledge.models import PrintOrder, PrintOrderEvent

    orders = (
        PrintOrder.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("publication")
        .prefetch_related("events")
        .order_by("created_at")
    )
    return {
        "bestellingen": [
            {
                "kenmerk": o.short_reference,
                "publicatie": o.publication.title,
                "naam": o.name,
                "e_mailadres": o.email,
                "organisatie": o.organisation_name,
                "adres": " ".join(o.address_lines),
                "prijsregel": o.eligibility,
                "totaal_in_cent": o.total_cents,
                "status": o.status,
                "besteld_op": o.created_at,
                "betaald_op": o.paid_at,
                "e_mailadres_bevestigd_op": o.email_confirmed_at,
                "verloop": [{"wat": e.description, "op": e.at} for e in o.events.all()],
            }
            for o in orders
        ],
        "bestellingen_behandeld": [
            {"bestelling": e.order.short_reference, "wat": e.description, "op": e.at}
            for e in PrintOrderEvent.objects.filter(by=user).select_related("order").order_by("at")
        ],
    }


# --- Kansen -------------------------------------------------------------------------------------------


@section(
    "kansen",
    _("Kansen en contactverzoeken"),
    app="wendbaar.opportunities",
    covers=(
        "opportunities.Opportunity.created_by",
        "opportunities.SavedOpportunity.user",
        "opportunities.SeekerRegion.user",
        "opportunities.ContactRequest.person",
        "opportunities.ContactRequest.sent_by",
        "opportunities.ContactRequest.decided_by",
        "opportunities.Message.author",
    ),
)
def opportunities(user):
    """Requests about the person come with every message in them. For organisation staff: the kansen they
    made and the requests they sent or answered, without the other person's name or messages."""
    saved = _model("opportunities.SavedOpportunity")
    region = _model("opportunities.SeekerRegion")
    request_model = _model("opportunities.ContactRequest")
    match = _model("opportunities.OpportunityMatch")
    opportunity = _model("opportunities.Opportunity")
    message = _model("opportunities.Message")
    data = {}
    if saved is not None:
        data["bewaarde_kansen"] = [
            {
                "kans": s.opportunity.title,
                "organisatie": s.opportunity.organisation.name,
                "bewaard_op": s.created_at,
            }
            for s in saved.objects.filter(user=user).select_related("opportunity__organisation")
        ]
    if region is not None:
        found = region.objects.filter(user=user).first()
        data["provincie_voor_organisaties"] = found.province if found else None
    if match is not None:
        data["matches"] = [
            {"kans": m.opportunity.title, "match": round(m.score, 3), "berekend_op": m.computed_at}
            for m in match.objects.filter(profile__user=user).select_related("opportunity")
        ]
    if request_model is not None:
        requests = (
            request_model.objects.filter(person=user)
            .select_related("opportunity__organisation")
            .order_by("created_at", "id")
        )
        data["contactverzoeken"] = [
            {
                "kans": r.opportunity.title,
                "organisatie": r.opportunity.organisation.name,
                "richting": r.direction,
                "status": r.status,
                "bericht": r.note,
                "verstuurd_op": r.created_at,
                "besloten_op": r.decided_at,
                "berichten": _thread_messages(r, user),
            }
            for r in requests
        ]
        on_behalf = (
            request_model.objects.filter(Q(sent_by=user) | Q(decided_by=user))
            .exclude(person=user)
            .select_related("opportunity")
            .order_by("created_at", "id")
        )
        data["verzoeken_namens_je_organisatie"] = [
            {
                "kans": r.opportunity.title,
                "verstuurd_door_jou": r.sent_by_id == user.pk,
                "beantwoord_door_jou": r.decided_by_id == user.pk,
                "op": r.created_at,
            }
            for r in on_behalf
        ]
    if message is not None:
        data["berichten_namens_je_organisatie"] = [
            {"geschreven_op": m.created_at}
            for m in message.objects.filter(author=user)
            .exclude(thread__request__person=user)
            .order_by("created_at", "id")
        ]
    if opportunity is not None:
        data["kansen_aangemaakt"] = [
            {
                "kans": o.title,
                "organisatie": o.organisation.name,
                "status": o.status,
                "aangemaakt_op": o.created_at,
            }
            for o in opportunity.objects.filter(created_by=user).select_related("organisation")
        ]
    return data


def _thread_messages(request, user) -> list[dict]:
    thread = getattr(request, "thread", None)  # a missing one-to-one raises an AttributeError subclass
    if thread is None:
        return []
    return [
        {"van": "jij" if m.author_id == user.pk else "organisatie", "tekst": m.text, "op": m.created_at}
        for m in thread.messages.order_by("created_at", "id")
    ]


# --- Meldingen ---------------------------------------------------------------------------------------


@section(
    "meldingen",
    _("Meldingen en e-mailvoorkeuren"),
    app="wendbaar.notifications",
    covers=(
        "notifications.Notification.user",
        "notifications.Notification.actor",
        "notifications.EmailPreference.user",
    ),
)
def notifications(user):
    """The person's own notifications as they read them, and their e-mail choices (the notifications app
    says what that is). Notifications other people received because of something this person did
    (``actor``) belong to those people and are not listed."""
    from wendbaar.notifications import services

    return services.export(user)


# --- API -------------------------------------------------------------------------------------------


@section("api_sleutels", _("API-sleutels"), app="wendbaar.api", covers=("api.ApiToken.user",))
def api_keys(user):
    """Which keys exist and what they may do; never the key or its digest (a download must not become a
    way to use them)."""
    token = _model("api.ApiToken")
    if token is None:
        return []
    return [
        {
            "naam": t.name,
            "begint_met": t.prefix,
            "rechten": t.scope,
            "gemaakt_op": t.created_at,
            "verloopt_op": t.expires_at,
            "laatst_gebruikt": t.last_used_at,
            "ingetrokken_op": t.revoked_at,
        }
        for t in token.objects.filter(user=user).order_by("created_at", "id")
    ]


# --- Privacy and the access log -------------------------------------------------------------------------


@section(
    "toestemmingen",
    _("Wat je deelt en deelde"),
    app="wendbaar.privacy",
    covers=("privacy.ConsentRecord.user", "privacy.RetentionNotice.user"),
)
def consents(user):
    from wendbaar.privacy.models import ConsentRecord, RetentionNotice
    from wendbaar.privacy.sharing import describe

    notice = RetentionNotice.objects.filter(user=user).first()
    return {
        "toestemmingen": [
            {
                "waarvoor": record.purpose,
                "met_wie": record.audience,
                "omschrijving": f"{shown.what} — {shown.with_whom}",
                "gegeven_op": record.granted_at,
                "ingetrokken_op": record.revoked_at,
            }
            for record in ConsentRecord.objects.filter(user=user).order_by("granted_at", "id")
            for shown in [describe(record)]
        ],
        "waarschuwing_bewaartermijn": (
            {"gewaarschuwd_op": notice.warned_at, "verwijderen_na": notice.erase_after} if notice else None
        ),
    }


@section(
    "inzage",
    _("Wie je gegevens bekeek"),
    app="wendbaar.access",
    covers=("access.AccessLogEntry.subject", "access.AccessLogEntry.actor"),
)
def access_log(user):
    """What others looked at of this person, and (for staff) what this person looked at of others — without
    the other person's name, which is theirs."""
    from wendbaar.access.models import AccessLogEntry

    return {
        "over_jou": [
            {
                "wanneer": e.at,
                "door": e.actor_description,
                "soort": e.kind,
                "welke_gegevens": e.what,
                "waarom": e.why,
            }
            for e in AccessLogEntry.objects.filter(subject=user).order_by("at", "id")
        ],
        "door_jou": [
            {"wanneer": e.at, "soort": e.kind, "welke_gegevens": e.what, "waarom": e.why}
            for e in AccessLogEntry.objects.filter(actor=user).exclude(subject=user).order_by("at", "id")
        ],
    }

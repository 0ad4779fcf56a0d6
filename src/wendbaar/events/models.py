"""Gatherings (bijeenkomsten) with registration and a waitlist, and one-to-one conversations (gesprekken)
with career advisers, booked in slots that advisers publish as weekly availability.

Times are stored as aware datetimes (UTC in the database) and shown in Europe/Amsterdam. The rules that
change state — capacity, waitlist, deadlines, booking limits, notice periods — live in ``services.py``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wendbaar.accounts.models import Province, Role

ONLINE = "online"
REGIONS = [*Province.choices, (ONLINE, _("Online"))]


class EventKind(models.TextChoices):
    REGIONAL = "regionaal", _("Regionale bijeenkomst")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        """Events that have not ended yet."""
        return self.filter(ends_at__gt=now or timezone.now())


class Event(models.Model):
    """A gathering somewhere in the country, or online, that people register for."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=240, unique=True, editable=False)
    description = models.TextField(_("beschrijving"))
    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    region = models.CharField(_("regio"), max_length=20, choices=REGIONS)
    venue = models.CharField(
        _("adres"), max_length=300, blank=True, help_text=_("Naam van de plek, straat en plaats.")
    )
    online_url = models.URLField(
        _("link voor online deelname"), blank=True, help_text=_("Bijvoorbeeld de link naar het webinar.")
    )
    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"))
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), validators=[MinValueValidator(1)])
    audience = models.CharField(
        _("voor wie"), max_length=300, help_text=_("Bijvoorbeeld: medewerkers burgerzaken en KCC.")
    )
    registration_deadline = models.DateTimeField(_("aanmelden kan tot"))
    topics = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="events", verbose_name=_("onderwerpen")
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        verbose_name=_("organisator"),
    )
    is_published = models.BooleanField(
        _("zichtbaar voor iedereen"), default=True, help_text=_("Zonder vinkje is het een concept.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["is_published", "starts_at"], name="event_published_start")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_deadline__lte=F("starts_at")), name="event_deadline_before_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_has_places"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event", args=[self.slug])

    def clean(self):
        errors = {}
        if self.region == ONLINE and not self.online_url:
            errors["online_url"] = _("Een online bijeenkomst heeft een link nodig.")
        if self.region and self.region != ONLINE and not self.venue:
            errors["venue"] = _("Vul het adres in, of kies regio ‘Online’.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Het einde moet na het begin liggen.")
        if self.starts_at and self.registration_deadline and self.registration_deadline > self.starts_at:
            errors["registration_deadline"] = _("Aanmelden moet uiterlijk bij het begin sluiten.")
        if errors:
            raise ValidationError(errors)

    def _unique_slug(self) -> str:
        # The date keeps slugs readable and never equal to a fixed path such as "mijn" or "organiseren".
        day = timezone.localtime(self.starts_at).date().isoformat()
        base = f"{slugify(self.title)[:200].strip('-') or 'bijeenkomst'}-{day}"
        slug, n = base, 2
        while Event.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_online(self) -> bool:
        return self.region == ONLINE

    def registration_is_open(self, now=None) -> bool:
        return (now or timezone.now()) <= self.registration_deadline

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "bevestigd", _("Aangemeld")
    WAITLISTED = "wachtlijst", _("Op de wachtlijst")
    CANCELLED = "afgemeld", _("Afgemeld")


class Registration(models.Model):
    """Someone's place at an event, or on its waitlist. One row per person and event, reused on return."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    share_on_attendee_list = models.BooleanField(
        _("mijn naam en organisatie mogen op de deelnemerslijst"), default=False
    )
    # Waitlist order: who asked first goes first. Reset when someone registers again after cancelling.
    queued_at = models.DateTimeField(_("aangemeld op"))
    confirmed_at = models.DateTimeField(_("plaats sinds"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["queued_at", "id"]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="registration_queue")]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")]

    def __str__(self):
        return f"{self.user} — {self.event} ({self.get_status_display()})"

    @property
    def waitlist_position(self) -> int | None:
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        ahead = Registration.objects.filter(
            event_id=self.event_id, status=RegistrationStatus.WAITLISTED
        ).filter(Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, id__lt=self.id))
        return ahead.count() + 1


class NotificationTopic(models.TextChoices):
    """Kinds of notification (wendbaar.notifications), declared in notification_kinds.py."""

    EVENT = "events.bijeenkomst", _("Bijeenkomst")
    CONVERSATION = "events.gesprek", _("Gesprek")


class CalendarFeed(models.Model):
    """A secret address from which a calendar app reads someone's events and conversations."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda-link")
        verbose_name_plural = _("agenda-links")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("events:feed", args=[self.token])


class Adviser(models.Model):
    """A loopbaanadviseur's settings for conversations: whether they take bookings, slot length, where."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="adviser",
        limit_choices_to={"role": Role.LOOPBAANADVISEUR},
        verbose_name=_("loopbaanadviseur"),
    )
    is_active = models.BooleanField(_("ik neem nieuwe gesprekken aan"), default=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("lengte van een gesprek (minuten)"),
        default=45,
        validators=[MinValueValidator(15), MaxValueValidator(180)],
    )
    location = models.CharField(
        _("adres voor gesprekken op locatie"),
        max_length=300,
        blank=True,
        help_text=_("Leeg laten als je alleen videogesprekken voert."),
    )
    video_url = models.URLField(
        _("link voor videogesprekken"),
        blank=True,
        help_text=_("Leeg laten als je alleen gesprekken op locatie voert."),
    )
    introduction = models.TextField(_("over mij"), blank=True)

    class Meta:
        verbose_name = _("loopbaanadviseur")
        verbose_name_plural = _("loopbaanadviseurs")
        ordering = ["user__name"]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("events:adviser", args=[self.pk])

    @property
    def accepts_bookings(self) -> bool:
        user = self.user
        return (
            self.is_active
            and user.is_active
            and user.role == Role.LOOPBAANADVISEUR
            and bool(self.location or self.video_url)
        )

    def modes(self) -> list[str]:
        return [
            mode
            for mode, offered in (
                (ConversationMode.LOCATION, self.location),
                (ConversationMode.VIDEO, self.video_url),
            )
            if offered
        ]


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class WeeklyAvailability(models.Model):
    """A recurring block of time each week, in Dutch local time, cut into slots of the adviser's length."""

    adviser = models.ForeignKey(Adviser, on_delete=models.CASCADE, related_name="weekly_availability")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    starts_at = models.TimeField(_("van"))
    ends_at = models.TimeField(_("tot"))

    class Meta:
        verbose_name = _("vaste beschikbaarheid")
        verbose_name_plural = _("vaste beschikbaarheid")
        ordering = ["weekday", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="availability_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class AvailabilityException(models.Model):
    """Whole days without conversations: holidays, days off, training."""

    adviser = models.ForeignKey(Adviser, on_delete=models.CASCADE, related_name="exceptions")
    first_day = models.DateField(_("eerste dag"))
    last_day = models.DateField(_("laatste dag"))
    reason = models.CharField(_("reden"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: vakantie."))

    class Meta:
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="exception_last_after_first"
            )
        ]

    def __str__(self):
        return f"{self.first_day}–{self.last_day} {self.reason}".strip()


class ConversationStatus(models.TextChoices):
    BOOKED = "geboekt", _("Gepland")
    CANCELLED = "geannuleerd", _("Geannuleerd")
    COMPLETED = "afgerond", _("Afgerond")


class ConversationMode(models.TextChoices):
    LOCATION = "locatie", _("Op locatie")
    VIDEO = "video", _("Via video")


class Conversation(models.Model):
    """A one-to-one between a person and a loopbaanadviseur, in one of the adviser's slots."""

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="advised_conversations",
        verbose_name=_("loopbaanadviseur"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conversations",
        verbose_name=_("medewerker"),
    )
    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"))
    status = models.CharField(
        _("status"), max_length=12, choices=ConversationStatus.choices, default=ConversationStatus.BOOKED
    )
    mode = models.CharField(_("hoe"), max_length=10, choices=ConversationMode.choices)
    location = models.CharField(_("adres"), max_length=300, blank=True)
    video_url = models.URLField(_("videolink"), blank=True)
    question = models.TextField(_("waar wil je het over hebben?"), blank=True)
    # Consent per conversation: the adviser may see the person's profile only while this is on.
    share_profile = models.BooleanField(_("mijn adviseur mag mijn vaardighedenprofiel zien"), default=False)
    reschedule_count = models.PositiveSmallIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["person", "status", "ends_at"], name="conversation_person_open")]
        constraints = [
            # The last line of defence against a double booking; the service also locks the adviser.
            models.UniqueConstraint(
                fields=["adviser", "starts_at"],
                condition=~Q(status="geannuleerd"),
                name="one_conversation_per_adviser_slot",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="conversation_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.person} met {self.adviser}, {timezone.localtime(self.starts_at):%d-%m-%Y %H:%M}"

    def get_absolute_url(self):
        return reverse("events:conversation", args=[self.pk])

    @property
    def is_booked(self) -> bool:
        return self.status == ConversationStatus.BOOKED

    def where(self) -> str:
        return self.video_url if self.mode == ConversationMode.VIDEO else self.location


class ConversationNote(models.Model):
    """A private note in a conversation: only its adviser and its person can read it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("notitie"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:80]


class FollowUpAction(models.Model):
    """Something the person and the adviser agreed on; it shows on the person's "Mijn gesprekken"."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("afspraak"), max_length=300)
    due_date = models.DateField(_("klaar op"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vervolgafspraak")
        verbose_name_plural = _("vervolgafspraken")
        ordering = ["done_at", "due_date", "id"]

    def __str__(self):
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

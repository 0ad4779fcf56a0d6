"""Kansen: what organisations offer (vacancies, meeloopdagen, projects, internships), the people who match,
contact requests in both directions, and the conversation that opens once a person says yes.

Privacy rules that the models make easy to keep:
- An organisation sees a person only while that person is "zichtbaar voor organisaties" (an open consent
  record, asked for at the moment of every query) — and then anonymously: skills, match and province.
- A name is shown only after the person accepted a request, or sent one themselves ("Ik heb interesse").
- Closed opportunities, and published ones past their closing date, never take part in matching.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.accounts.models import Organisation, Province
from wendbaar.taxonomy.models import Occupation, Skill

TITLE_MAX = 150
DESCRIPTION_MAX = 5000
MESSAGE_MAX = 2000
REQUEST_NOTE_MAX = 1000


class OpportunityKind(models.TextChoices):
    VACATURE = "vacature", _("Vacature")
    MEELOOPDAG = "meeloopdag", _("Meeloopdag")
    PROJECT = "project", _("Project of detachering")
    STAGE = "stage", _("Stage")


class OpportunityStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
    GESLOTEN = "gesloten", _("Gesloten")


# The only moves a status can make; a closed opportunity is never opened again (make a new one).
TRANSITIONS = {
    OpportunityStatus.CONCEPT: {OpportunityStatus.GEPUBLICEERD},
    OpportunityStatus.GEPUBLICEERD: {OpportunityStatus.GESLOTEN},
    OpportunityStatus.GESLOTEN: set(),
}


class OpportunityQuerySet(models.QuerySet):
    def open(self):
        """Published and not past the closing date — read at query time, so an opportunity drops out of
        matching and search the day after it closes, without a job having to run."""
        return self.filter(status=OpportunityStatus.GEPUBLICEERD, closes_on__gte=timezone.localdate())


class Opportunity(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="opportunities", verbose_name=_("organisatie")
    )
    kind = models.CharField(_("soort kans"), max_length=20, choices=OpportunityKind.choices)
    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    description = models.TextField(_("beschrijving"), max_length=DESCRIPTION_MAX)
    required_skills = models.ManyToManyField(
        Skill, related_name="opportunities", verbose_name=_("gevraagde vaardigheden")
    )
    occupation = models.ForeignKey(
        Occupation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        verbose_name=_("beroep"),
    )
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    municipality = models.CharField(_("plaats"), max_length=100, blank=True)
    hours = models.PositiveSmallIntegerField(_("uren"), null=True, blank=True)
    starts_on = models.DateField(_("begindatum"), null=True, blank=True)
    ends_on = models.DateField(_("einddatum"), null=True, blank=True)
    closes_on = models.DateField(_("reageren kan tot en met"))
    status = models.CharField(
        _("status"), max_length=20, choices=OpportunityStatus.choices, default=OpportunityStatus.CONCEPT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("kans")
        verbose_name_plural = _("kansen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "closes_on"], name="opportunity_open")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("opportunities:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == OpportunityStatus.GEPUBLICEERD and self.closes_on >= timezone.localdate()

    @property
    def shown_status(self) -> str:
        """What people see: a published opportunity past its closing date reads as closed."""
        if self.status == OpportunityStatus.GEPUBLICEERD and not self.is_open:
            return OpportunityStatus.GESLOTEN.label
        return self.get_status_display()

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS[OpportunityStatus(self.status)]


class SavedOpportunity(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="saved_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde kans")
        verbose_name_plural = _("bewaarde kansen")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "opportunity"], name="save_opportunity_once")]

    def __str__(self):
        return str(self.opportunity)


class SeekerRegion(models.Model):
    """The province a visible person wants organisations to see (the only place-related thing they see)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices, blank=True)

    def __str__(self):
        return self.get_province_display() or "—"


class OpportunityMatch(models.Model):
    """A person among the best matches of an opportunity, as the nightly run found them.

    Stored for every profile with skills; read only through ``visible_matches``, which keeps the people who
    are zichtbaar voor organisaties at the moment of reading."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="matches")
    profile = models.ForeignKey("profiles.Profile", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "profile"], name="one_match_per_profile")
        ]
        indexes = [models.Index(fields=["opportunity", "-score"], name="match_by_score")]

    def __str__(self):
        return f"{self.opportunity} ← profiel #{self.profile_id} ({self.score:.2f})"

    @property
    def percent(self) -> int:
        return round(100 * self.score)


class Direction(models.TextChoices):
    INVITATION = "uitnodiging", _("Uitnodiging van de organisatie")
    INTEREST = "interesse", _("Interesse van de medewerker")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Wacht op antwoord")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    DECLINED = "afgewezen", _("Afgewezen")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


class ContactRequest(models.Model):
    """A request to get in touch about one opportunity.

    ``INVITATION``: the organisation asks an anonymous match; the person accepts or declines, and only an
    accepted request shows their name. ``INTEREST``: the person asks ("Ik heb interesse") and so shows
    their name; the organisation accepts or declines. Accepting opens one ``Thread``."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="requests")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunity_requests"
    )
    direction = models.CharField(max_length=20, choices=Direction.choices)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("bericht"), max_length=REQUEST_NOTE_MAX, blank=True)
    score = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open request per person and opportunity, whoever sent it (also under concurrent clicks).
            models.UniqueConstraint(
                fields=["opportunity", "person"], condition=Q(status="open"), name="one_open_request"
            )
        ]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.opportunity} ({self.get_status_display()})"

    @property
    def organisation(self) -> Organisation:
        return self.opportunity.organisation

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN


class Thread(models.Model):
    """The conversation between a person and an organisation after an accepted request; exactly one per
    request (the one-to-one key holds that even when two people accept at the same moment)."""

    request = models.OneToOneField(ContactRequest, on_delete=models.CASCADE, related_name="thread")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek over een kans")
        verbose_name_plural = _("gesprekken over kansen")

    def __str__(self):
        return f"Gesprek over {self.request.opportunity}"

    def get_absolute_url(self):
        return reverse("opportunities:thread", args=[self.pk])


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("bericht"), max_length=MESSAGE_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]

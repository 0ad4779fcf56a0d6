"""Consent records: what a person shares with whom, since when, and when they took it back."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """What a person can choose to share. Each choice is off until the person turns it on."""

    VISIBLE_TO_ORGANISATIONS = "zichtbaar-voor-organisaties", _("Zichtbaar voor organisaties")
    PROFILE_WITH_ADVISER = "profiel-met-adviseur", _("Profiel delen met je loopbaanadviseur")
    ATTENDEE_LIST = "deelnemerslijst", _("Naam op de deelnemerslijst van een bijeenkomst")


class ConsentRecord(models.Model):
    """One period in which a person gave consent. Revoking closes it; granting again opens a new one,
    so the history of what was shared when stays readable for the person."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("waarvoor"), max_length=40, choices=Purpose.choices)
    # With whom, when narrower than the purpose says, e.g. "gesprek:12"; empty: everyone the purpose names.
    audience = models.CharField(_("met wie"), max_length=100, blank=True)
    granted_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-granted_at", "-id"]
        constraints = [
            # At most one open consent per person, purpose and audience (also under concurrent requests).
            models.UniqueConstraint(
                fields=["user", "purpose", "audience"],
                condition=Q(revoked_at__isnull=True),
                name="one_open_consent",
            )
        ]
        indexes = [models.Index(fields=["purpose", "revoked_at"], name="consent_purpose_open")]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.audience or '—'})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


# ---------------------------------------------------------------------------------------------------
# What stays of an erased account: the person's share in the programme team's counts, without the person.
#
# Nothing below links to a user, holds text someone wrote, or keeps a moment more precise than a month
# (always the first day of that month). Each kind of activity is its own table without a link to the
# others, so rows cannot be put back together into one person's story.


class ErasureReason(models.TextChoices):
    SELF = "zelf", _("Door de persoon zelf")
    RETENTION = "bewaartermijn", _("Na de bewaartermijn (lang niet ingelogd)")
    OFFICER = "functionaris", _("Op verzoek, door de beheerder")


class AnonymousProfile(models.Model):
    """One erased account: its role and, when it had one, the shape of its vaardighedenprofiel."""

    role = models.CharField(_("rol"), max_length=20)
    joined_month = models.DateField(_("maand van aanmelden"))
    erased_month = models.DateField(_("maand van verwijderen"))
    reason = models.CharField(_("reden"), max_length=20, choices=ErasureReason.choices)
    # From the person's first organisation (a municipality first); empty without one.
    province = models.CharField(_("provincie"), max_length=20, blank=True)
    organisation_kind = models.CharField(_("soort organisatie"), max_length=20, blank=True)
    sector = models.CharField(_("sector"), max_length=40, blank=True)
    had_profile = models.BooleanField(_("had een vaardighedenprofiel"), default=False)
    current_occupation = models.ForeignKey(
        "taxonomy.Occupation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    years_in_occupation = models.PositiveSmallIntegerField(null=True, blank=True)
    education = models.CharField(max_length=10, blank=True)
    step = models.CharField(max_length=20, blank=True)
    text_done = models.BooleanField(default=False)
    profile_month = models.DateField(_("maand van laatste wijziging profiel"), null=True, blank=True)

    class Meta:
        verbose_name = _("anoniem profiel")
        verbose_name_plural = _("anonieme profielen")
        indexes = [models.Index(fields=["had_profile", "current_occupation"], name="anonymous_profile_occ")]

    def __str__(self):
        return f"anoniem profiel #{self.pk}"


class AnonymousProfileSkill(models.Model):
    profile = models.ForeignKey(AnonymousProfile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("taxonomy.Skill", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=10)

    def __str__(self):
        return f"{self.skill_id} ({self.level})"


class AnonymousSavedTransition(models.Model):
    profile = models.ForeignKey(AnonymousProfile, on_delete=models.CASCADE, related_name="saved")
    occupation = models.ForeignKey("taxonomy.Occupation", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()

    def __str__(self):
        return f"{self.occupation_id} ({self.month:%Y-%m})"


class AnonymousRegistration(models.Model):
    """An erased person's registration for a bijeenkomst: it still counts for that event."""

    event = models.ForeignKey("events.Event", null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=12)
    attended = models.BooleanField(null=True)
    month = models.DateField()

    def __str__(self):
        return f"{self.event_id} {self.status} ({self.month:%Y-%m})"


class AnonymousConversation(models.Model):
    """An erased person's gesprek with a loopbaanadviseur: only that it happened, how and in which month."""

    status = models.CharField(max_length=12)
    mode = models.CharField(max_length=10)
    month = models.DateField()

    def __str__(self):
        return f"{self.status} ({self.month:%Y-%m})"


class AnonymousGroupMembership(models.Model):
    """An erased person's place in a beroepsgroep."""

    group = models.ForeignKey("communities.Group", null=True, on_delete=models.SET_NULL, related_name="+")
    role = models.CharField(max_length=10)
    status = models.CharField(max_length=12)
    joined_month = models.DateField(null=True)

    def __str__(self):
        return f"{self.group_id} {self.status}"


class AnonymousContactRequest(models.Model):
    """An erased person's contact request about a kans (in either direction)."""

    # The kans's id, not a foreign key: the count stays meaningful after the kans itself is deleted.
    opportunity_id = models.PositiveBigIntegerField(null=True)
    direction = models.CharField(max_length=20)
    status = models.CharField(max_length=20)
    month = models.DateField()

    def __str__(self):
        return f"{self.opportunity_id} {self.direction} {self.status}"


class RetentionNotice(models.Model):
    """We warned someone that their account will be erased because they have not signed in for a long time.
    Signing in again after the warning keeps the account (and a later warning starts afresh)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="retention_notice"
    )
    warned_at = models.DateTimeField(_("gewaarschuwd op"))
    erase_after = models.DateTimeField(_("verwijderen na"))

    class Meta:
        verbose_name = _("waarschuwing bewaartermijn")
        verbose_name_plural = _("waarschuwingen bewaartermijn")

    def __str__(self):
        return f"{self.warned_at:%Y-%m-%d}"

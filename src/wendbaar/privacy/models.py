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

"""The access log: every time someone reads or changes another person's personal data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessKind(models.TextChoices):
    READ = "bekeken", _("bekeken")
    CHANGE = "gewijzigd", _("gewijzigd")


class AccessLogEntry(models.Model):
    """Who looked at (or changed) whose data, what and why. The person it is about can read it."""

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_log", verbose_name=_("over")
    )
    # Kept when the actor's account goes: the person still sees that someone with this role looked.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("door"),
    )
    actor_description = models.CharField(_("door (omschrijving)"), max_length=200)
    kind = models.CharField(_("soort"), max_length=10, choices=AccessKind.choices, default=AccessKind.READ)
    what = models.CharField(_("welke gegevens"), max_length=200)
    why = models.CharField(_("waarom"), max_length=300)
    at = models.DateTimeField(_("wanneer"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelog")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject", "-at"], name="access_log_subject_at")]

    def __str__(self):
        return f"{self.actor_description} {self.get_kind_display()} {self.what} ({self.at:%Y-%m-%d %H:%M})"

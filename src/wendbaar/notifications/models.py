"""One notification model for every app, and each person's e-mail choice per group of notifications.

The kinds and groups are declared by the apps themselves (see ``registry.py``); the database only keeps
their keys, so a new kind needs no migration.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.notifications import registry
from wendbaar.notifications.registry import Email, Rendered


class EmailState(models.TextChoices):
    NONE = "geen", _("Geen e-mail")
    DIRECT = "direct", _("Gaat direct per e-mail")
    DIGEST = "overzicht", _("Wacht op het e-mailoverzicht")
    SENT = "verstuurd", _("Per e-mail verstuurd")


# Waiting for a mail: sent right after the change commits, or by the next overview run.
MAIL_PENDING = (EmailState.DIRECT, EmailState.DIGEST)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something new for one person. Either its text is stored (``text``, ``url``), or its kind renders it
    at show time from ``target`` in the reader's language (see ``registry.py``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=60)
    text = models.TextField(_("bericht"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A default rather than auto_now_add, so that moved notifications keep their own time.
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        _("e-mail"), max_length=10, choices=EmailState.choices, default=EmailState.NONE
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    # How it went out: "direct", or in a "dagelijks" or "wekelijks" overview (spaces the overviews).
    emailed_in = models.CharField(max_length=10, choices=Email.choices, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_latest"),
            models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="notification_unread"),
            models.Index(
                fields=["user", "created_at"],
                condition=Q(email_state__in=["direct", "overzicht"]),
                name="notification_mail_pending",
            ),
            models.Index(fields=["target_type", "target_id"], name="notification_target"),
        ]

    def __str__(self):
        return self.message[:80]

    @cached_property
    def rendered(self) -> Rendered:
        kind = registry.find_kind(self.kind)
        if kind is not None and kind.render is not None:
            shown = kind.render(self)
            if shown is not None:
                return shown
            return Rendered(str(kind.label))
        return Rendered(self.text, self.url)

    @property
    def message(self) -> str:
        return self.rendered.text

    @property
    def link(self) -> str:
        return self.rendered.url

    @property
    def place(self) -> str:
        return self.rendered.place

    @property
    def group(self) -> str:
        kind = registry.find_kind(self.kind)
        return kind.group if kind else ""

    @property
    def group_label(self) -> str:
        kind = registry.find_kind(self.kind)
        return str(registry.get_group(kind.group).label) if kind else ""

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class EmailPreference(models.Model):
    """Someone's e-mail choice for one group of notifications. Without a row, the group's default holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    group = models.CharField(max_length=40)
    email = models.CharField(_("e-mail"), max_length=10, choices=Email.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mailvoorkeur")
        verbose_name_plural = _("e-mailvoorkeuren")
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="one_email_choice_per_group")]

    def __str__(self):
        return f"{self.user}: {self.group} {self.get_email_display()}"

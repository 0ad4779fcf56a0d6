"""Beroepsgroepen: communities of practice per profession, with discussions, moderation and notifications.

Who may see or do what is decided in ``access.py`` from the database on every request; nothing here caches
a permission. The rules that change state (joining, posting limits, moderation) live in ``services.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wendbaar.communities.storage import attachment_storage
from wendbaar.taxonomy.models import Occupation, Skill


class Access(models.TextChoices):
    OPEN = "open", _("Open: iedereen kan meteen lid worden")
    CLOSED = "besloten", _("Besloten: een moderator laat nieuwe leden toe")


class Focus(models.TextChoices):
    PROFESSION = "beroep", _("Beroepsgroep")
    TRANSITION = "overstap", _("Overstapgroep")


class Group(models.Model):
    """A community of practice: people in one profession, or on the way to another."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("korte naam in het webadres"), max_length=120, unique=True)
    focus = models.CharField(_("soort groep"), max_length=10, choices=Focus.choices, default=Focus.PROFESSION)
    summary = models.CharField(
        _("korte omschrijving"), max_length=300, help_text=_("Eén of twee zinnen voor het overzicht.")
    )
    description = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_("Voor wie is de groep, en waar gaat het over? Een witregel begint een nieuwe alinea."),
    )
    access = models.CharField(_("toegang"), max_length=10, choices=Access.choices, default=Access.OPEN)
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="community_groups", verbose_name=_("vaardigheden")
    )
    occupations = models.ManyToManyField(
        Occupation, blank=True, related_name="community_groups", verbose_name=_("beroepen")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Notifications that point here go when this goes (wendbaar.notifications).
    notifications = GenericRelation(
        "notifications.Notification", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("beroepsgroep")
        verbose_name_plural = _("beroepsgroepen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:group", args=[self.slug])

    @property
    def is_closed(self) -> bool:
        return self.access == Access.CLOSED


class MemberRole(models.TextChoices):
    MEMBER = "lid", _("Lid")
    MODERATOR = "moderator", _("Moderator")


class MembershipStatus(models.TextChoices):
    ACTIVE = "actief", _("Lid")
    PENDING = "aangevraagd", _("Wil lid worden")
    DECLINED = "afgewezen", _("Niet toegelaten")
    REMOVED = "verwijderd", _("Uit de groep gehaald")


class Membership(models.Model):
    """One person's place in one group. Leaving deletes the row; a removal is kept, so that the person
    cannot simply join an open group again but has to ask a moderator."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_memberships"
    )
    role = models.CharField(_("rol"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    status = models.CharField(_("status"), max_length=12, choices=MembershipStatus.choices)
    motivation = models.TextField(_("waarom wil je lid worden?"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    joined_at = models.DateTimeField(_("lid sinds"), null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lidmaatschap van een beroepsgroep")
        verbose_name_plural = _("lidmaatschappen van beroepsgroepen")
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="one_community_membership")]
        indexes = [models.Index(fields=["user", "status"], name="community_member_user_status")]

    def __str__(self):
        return f"{self.user} — {self.group} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_moderator(self) -> bool:
        return self.is_active and self.role == MemberRole.MODERATOR


class ThreadKind(models.TextChoices):
    QUESTION = "vraag", _("Vraag")
    DISCUSSION = "discussie", _("Discussie")


class Thread(models.Model):
    """A topic in a group: a question or a discussion. Its text is the opening post."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="community_threads"
    )
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(
        _("soort"), max_length=10, choices=ThreadKind.choices, default=ThreadKind.QUESTION
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    is_locked = models.BooleanField(_("gesloten"), default=False)
    # Follows the opening post: hiding that hides the whole topic from everyone but moderators.
    is_hidden = models.BooleanField(_("verborgen"), default=False)
    accepted_answer = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Notifications that point here go when this goes (wendbaar.notifications).
    notifications = GenericRelation(
        "notifications.Notification", content_type_field="target_type", object_id_field="target_id"
    )

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["-last_activity_at", "-id"]
        indexes = [
            models.Index(fields=["group", "is_hidden", "last_activity_at"], name="community_thread_list")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("communities:thread", args=[self.group.slug, self.pk])

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION


class PostQuerySet(models.QuerySet):
    def reported(self):
        """Posts with at least one report that no moderator has handled yet."""
        return self.filter(
            models.Exists(Report.objects.filter(post=models.OuterRef("pk"), resolved_at__isnull=True))
        )


class Post(models.Model):
    """The opening text of a topic, or a reply. The Markdown source is kept; the HTML is rendered and
    sanitised once, on save, and only that HTML is ever shown."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="community_posts"
    )
    is_opening = models.BooleanField(default=False, editable=False)
    body = models.TextField(_("tekst"))
    body_html = models.TextField(editable=False)
    # Plain text of the rendered body, for search and short previews.
    body_text = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(_("verborgen"), default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(_("reden"), max_length=300, blank=True)
    # Notifications that point here go when this goes (wendbaar.notifications).
    notifications = GenericRelation(
        "notifications.Notification", content_type_field="target_type", object_id_field="target_id"
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["author", "created_at"], name="community_post_author_time")]
        constraints = [
            models.UniqueConstraint(
                fields=["thread"], condition=Q(is_opening=True), name="one_opening_post_per_thread"
            )
        ]

    def __str__(self):
        return f"{self.thread} — {self.author}"

    def save(self, *args, **kwargs):
        from wendbaar.communities.formatting import render

        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.body_html, self.body_text = render(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "body_html", "body_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # Finds the right page of a long topic.
        return reverse("communities:post", args=[self.pk])


class PostRevision(models.Model):
    """An earlier version of a post, kept when its author edits it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    body_html = models.TextField()
    # When this version was written (the post's creation or an earlier edit).
    written_at = models.DateTimeField()
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("eerdere versie")
        verbose_name_plural = _("eerdere versies")
        ordering = ["-replaced_at", "-id"]

    def __str__(self):
        return f"{self.post} ({self.written_at:%Y-%m-%d %H:%M})"


class Attachment(models.Model):
    """A file with a post. Stored outside MEDIA_ROOT and served only through a view that checks access."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="%Y/%m/", storage=attachment_storage, max_length=200)
    name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:attachment", args=[self.pk])

    @property
    def is_image(self) -> bool:
        return self.content_type in {"image/png", "image/jpeg"}


class Follow(models.Model):
    """Someone follows a topic and hears about new replies."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="one_follow_per_thread")]

    def __str__(self):
        return f"{self.user} volgt {self.thread}"


class Mention(models.Model):
    """Someone was named in a post; kept so that an edit only tells the newly named."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="one_mention_per_post")]

    def __str__(self):
        return f"@{self.user} in {self.post}"


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Reclame of spam")
    HURTFUL = "kwetsend", _("Kwetsend, bedreigend of discriminerend")
    PRIVACY = "privacy", _("Er staan persoonsgegevens van iemand in")
    OTHER = "anders", _("Iets anders")


class Report(models.Model):
    """A reader tells the moderators that a post breaks the rules."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("wat is er mis?"), max_length=10, choices=ReportReason.choices)
    explanation = models.TextField(_("toelichting"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("gemeld bericht")
        verbose_name_plural = _("gemelde berichten")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_person")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class ModerationKind(models.TextChoices):
    HIDE = "verborgen", _("Bericht verborgen")
    RESTORE = "hersteld", _("Bericht weer zichtbaar")
    LOCK = "gesloten", _("Onderwerp gesloten")
    UNLOCK = "heropend", _("Onderwerp heropend")
    REMOVE_MEMBER = "verwijderd", _("Lid uit de groep gehaald")
    APPROVE = "toegelaten", _("Lid toegelaten")
    DECLINE = "afgewezen", _("Verzoek afgewezen")
    PROMOTE = "moderator", _("Moderator gemaakt")
    DEMOTE = "geen-moderator", _("Geen moderator meer")
    DISMISS_REPORT = "melding-af", _("Melding afgehandeld zonder actie")
    PIN = "vastgezet", _("Vastgezet op de groepspagina")
    UNPIN = "losgemaakt", _("Losgemaakt van de groepspagina")
    EDIT_GROUP = "groep", _("Groep aangepast")


class ModerationAction(models.Model):
    """The moderation log of a group: who did what, to whom, when and why."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="moderation_log")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=ModerationKind.choices)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderatie")
        verbose_name_plural = _("moderatielog")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.group})"


class Pin(models.Model):
    """Something from elsewhere on wendbaar — a kennisbank item, a bijeenkomst, a course — pinned to a group
    by a moderator. Generic, so the group works whether or not those apps are installed."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="pins")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    note = models.CharField(_("waarom is dit interessant?"), max_length=300, blank=True)
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vastgezet item")
        verbose_name_plural = _("vastgezette items")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "content_type", "object_id"], name="one_pin_per_object")
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} in {self.group}"


class NotificationKind(models.TextChoices):
    """Kinds of notification (wendbaar.notifications), declared in notification_kinds.py. A notification
    points at the post it is about, or at the group; its text is made when it is shown."""

    REPLY = "communities.reactie", _("Nieuwe reactie")
    ANSWER = "communities.antwoord", _("Antwoord op je vraag")
    MENTION = "communities.genoemd", _("Je bent genoemd")
    ACCEPTED = "communities.gekozen", _("Je antwoord is gekozen")
    JOIN_REQUEST = "communities.aanvraag", _("Iemand wil lid worden")
    JOINED = "communities.toegelaten", _("Je bent toegelaten")
    REPORT = "communities.melding", _("Bericht gemeld")

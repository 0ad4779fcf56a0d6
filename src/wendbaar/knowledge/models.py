"""The kennisbank: publications, essays, podcast series with episodes, news — and print orders.

Every piece of content is an ``Item`` (multi-table inheritance), so search, tags and "lees meer" blocks
work across all kinds at once, while each kind keeps its own fields and admin form. Tags link an item
to taxonomy skills and occupations.
"""

from __future__ import annotations

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorExact
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wendbaar.knowledge.uploads import UploadValidator, mime_type
from wendbaar.taxonomy.models import Occupation, Skill


class Kind(models.TextChoices):
    PUBLICATIE = "publicatie", _("Publicatie")
    ESSAY = "essay", _("Essay of onderzoek")
    PODCAST = "podcast", _("Podcastserie")
    AFLEVERING = "aflevering", _("Podcastaflevering")
    NIEUWS = "nieuws", _("Nieuws")


# URL name per kind; every item is found by its (globally unique) slug.
URL_NAMES = {
    Kind.PUBLICATIE: "knowledge:publication",
    Kind.ESSAY: "knowledge:essay",
    Kind.PODCAST: "knowledge:series",
    Kind.AFLEVERING: "knowledge:episode",
    Kind.NIEUWS: "knowledge:news",
}


class SearchDocumentField(models.Field):
    """A tsvector on PostgreSQL; elsewhere an unused text column, so the same migrations run on SQLite.
    (Not SearchVectorField, which insists on django.contrib.postgres being installed.)"""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


# ``search_vector=SearchQuery(…)`` means ``search_vector @@ query``, as on a SearchVectorField.
SearchDocumentField.register_lookup(SearchVectorExact)


class ItemQuerySet(models.QuerySet):
    def published(self):
        """Published and due; an episode also needs its series to be published."""
        now = timezone.now()
        live = self.filter(is_published=True, published_at__lte=now)
        if self.model is Item:
            return live.filter(
                Q(episode__isnull=True)
                | Q(episode__series__is_published=True, episode__series__published_at__lte=now)
            )
        if self.model._meta.model_name == "episode":
            return live.filter(series__is_published=True, series__published_at__lte=now)
        return live

    def visible_to(self, user):
        """Editors also see drafts, so they can check a page before it goes live."""
        if getattr(user, "is_authenticated", False) and (user.is_programme_staff or user.is_superuser):
            return self
        return self.published()


class Item(models.Model):
    """What every kind of content shares: title, summary, text, tags and publication."""

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("korte naam in het webadres"),
        max_length=200,
        unique=True,
        help_text=_("Kleine letters, cijfers en streepjes. Verander dit liever niet na publicatie."),
    )
    summary = models.TextField(
        _("samenvatting"), max_length=800, help_text=_("Twee of drie zinnen, voor overzichten en zoeken.")
    )
    body = models.TextField(
        _("tekst"), blank=True, help_text=_("Gewone tekst. Een witregel begint een nieuwe alinea.")
    )
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="knowledge_items", verbose_name=_("vaardigheden")
    )
    occupations = models.ManyToManyField(
        Occupation, blank=True, related_name="knowledge_items", verbose_name=_("beroepen")
    )
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    published_at = models.DateTimeField(
        _("publicatiedatum"), default=timezone.now, help_text=_("Pas vanaf dit moment zichtbaar.")
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by the search service: labels of the tags and kind-specific text (authors, guests, transcript),
    # and on PostgreSQL the weighted tsvector of it all (GIN-indexed; on SQLite an FTS5 table does this).
    search_tags = models.TextField(blank=True, editable=False)
    search_extra = models.TextField(blank=True, editable=False)
    search_vector = SearchDocumentField(null=True, editable=False)

    objects = ItemQuerySet.as_manager()

    KIND = ""

    class Meta:
        verbose_name = _("kennisbankitem")
        verbose_name_plural = _("kennisbankitems")
        ordering = ["-published_at", "title"]
        indexes = [models.Index(fields=["kind", "is_published", "published_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.KIND:
            self.kind = self.KIND
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(URL_NAMES[self.kind], args=[self.slug])

    @property
    def is_live(self) -> bool:
        return self.is_published and self.published_at <= timezone.now()

    @property
    def specific(self) -> Item:
        """The item as its own kind (Publication, Episode, …)."""
        if type(self) is not Item:
            return self
        return getattr(self, KIND_MODELS[self.kind]._meta.model_name)

    def search_extra_text(self) -> str:
        """Kind-specific text that search should find; subclasses add theirs."""
        return ""


def _euro(value: str) -> models.DecimalField:
    return models.DecimalField(
        max_digits=7, decimal_places=2, default=Decimal(value), validators=[MinValueValidator(Decimal("0"))]
    )


class Publication(Item):
    """A book or report: PDF download, cover, and printed copies to order."""

    authors = models.CharField(_("auteurs"), max_length=300)
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    pdf = models.FileField(
        _("pdf-bestand"),
        upload_to="kennisbank/publicaties/",
        validators=[UploadValidator("pdf")],
        help_text=_("Een pdf-bestand."),
    )
    pages = models.PositiveSmallIntegerField(_("aantal pagina's"), null=True, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    cover = models.FileField(
        _("omslag"),
        upload_to="kennisbank/omslagen/",
        blank=True,
        validators=[UploadValidator("image")],
        help_text=_("Een JPEG- of PNG-afbeelding."),
    )
    cover_alt = models.CharField(
        _("beschrijving van de omslag"),
        max_length=300,
        blank=True,
        help_text=_("Wat er op de omslag staat, voor wie de afbeelding niet ziet."),
    )
    can_order_print = models.BooleanField(_("gedrukt exemplaar te bestellen"), default=True)
    print_price = models.DecimalField(
        _("prijs gedrukt exemplaar"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("25.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("In euro's, inclusief verzendkosten en btw. Gratis voor medewerkers van gemeenten."),
    )
    shipping = models.DecimalField(
        _("waarvan verzendkosten"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("4.95"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("In euro's, inclusief btw; een deel van de prijs hierboven."),
    )
    vat_rate = models.DecimalField(
        _("btw-tarief (%)"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("9.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("Voor boeken 9 %. Verzendkosten volgen het tarief van het boek."),
    )
    download_count = models.PositiveIntegerField(_("aantal downloads"), default=0, editable=False)

    KIND = Kind.PUBLICATIE

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(shipping__lte=models.F("print_price")), name="knowledge_shipping_within_price"
            ),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0, vat_rate__lte=100), name="knowledge_vat_rate_percentage"
            ),
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.shipping is not None and self.print_price is not None and self.shipping > self.print_price:
            raise ValidationError(
                {"shipping": _("De verzendkosten zijn een deel van de prijs en kunnen dus niet hoger zijn.")}
            )

    def search_extra_text(self) -> str:
        return " ".join(filter(None, [self.authors, str(self.year or ""), self.isbn]))


class EssayGenre(models.TextChoices):
    ESSAY = "essay", _("Essay")
    ONDERZOEK = "onderzoek", _("Onderzoek")


class Essay(Item):
    """A research essay or research report, read on the page, optionally with a PDF."""

    genre = models.CharField(_("soort tekst"), max_length=20, choices=EssayGenre.choices)
    authors = models.CharField(_("auteurs"), max_length=300)
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    pdf = models.FileField(
        _("pdf-bestand"),
        upload_to="kennisbank/essays/",
        blank=True,
        validators=[UploadValidator("pdf")],
        help_text=_("Niet verplicht: de tekst staat ook op de pagina."),
    )

    KIND = Kind.ESSAY

    class Meta:
        verbose_name = _("essay of onderzoek")
        verbose_name_plural = _("essays en onderzoeken")

    def search_extra_text(self) -> str:
        return f"{self.authors} {self.year or ''}"


class PodcastSeries(Item):
    """A podcast series; its episodes form an RSS feed with iTunes tags."""

    host = models.CharField(_("presentatie"), max_length=200)
    cover = models.FileField(
        _("omslag"),
        upload_to="kennisbank/podcasts/",
        blank=True,
        validators=[UploadValidator("image")],
        help_text=_("Vierkant, JPEG of PNG. Podcastapps tonen deze afbeelding."),
    )
    cover_alt = models.CharField(_("beschrijving van de omslag"), max_length=300, blank=True)
    owner_name = models.CharField(_("naam eigenaar feed"), max_length=200)
    owner_email = models.EmailField(
        _("e-mailadres eigenaar feed"), help_text=_("Staat in de feed; podcastdiensten mailen hierheen.")
    )
    itunes_category = models.CharField(_("categorie (Apple Podcasts)"), max_length=100, default="Government")
    explicit = models.BooleanField(_("expliciete inhoud"), default=False)

    KIND = Kind.PODCAST

    class Meta:
        verbose_name = _("podcastserie")
        verbose_name_plural = _("podcastseries")

    def search_extra_text(self) -> str:
        return self.host


class Episode(Item):
    """One episode of a series: audio file, duration, show notes (the text) and transcript."""

    series = models.ForeignKey(
        PodcastSeries, on_delete=models.PROTECT, related_name="episodes", verbose_name=_("serie")
    )
    number = models.PositiveSmallIntegerField(_("afleveringnummer"), validators=[MinValueValidator(1)])
    audio = models.FileField(
        _("geluidsbestand"),
        upload_to="kennisbank/podcasts/",
        validators=[UploadValidator("audio")],
        help_text=_("MP3 of M4A."),
    )
    audio_type = models.CharField(max_length=40, editable=False, blank=True)
    audio_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    duration = models.DurationField(_("duur"), help_text=_("Uren, minuten en seconden, zoals 0:32:10."))
    guests = models.CharField(_("gasten"), max_length=300, blank=True)
    transcript = models.TextField(_("uitgeschreven tekst"), blank=True)

    KIND = Kind.AFLEVERING

    class Meta:
        verbose_name = _("podcastaflevering")
        verbose_name_plural = _("podcastafleveringen")
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="knowledge_one_episode_per_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="knowledge_episode_number_positive"),
        ]

    def save(self, *args, **kwargs):
        # The feed needs the enclosure's size and type; read them from the file itself.
        if self.audio:
            self.audio_bytes = self.audio.size
            self.audio_type = mime_type(self.audio)
        super().save(*args, **kwargs)

    def search_extra_text(self) -> str:
        return " ".join(filter(None, [self.series.title, self.guests, self.transcript]))

    @property
    def itunes_duration(self) -> str:
        seconds = int(self.duration.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class News(Item):
    """A news item from the programme."""

    KIND = Kind.NIEUWS

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")


KIND_MODELS = {
    Kind.PUBLICATIE: Publication,
    Kind.ESSAY: Essay,
    Kind.PODCAST: PodcastSeries,
    Kind.AFLEVERING: Episode,
    Kind.NIEUWS: News,
}


# ---------------------------------------------------------------------------------------------------
# Print orders


class OrderStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    VERZONDEN = "verzonden", _("Verzonden")
    GELEVERD = "geleverd", _("Geleverd")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Eligibility(models.TextChoices):
    MEMBERSHIP = "gemeente-lidmaatschap", _("Gratis: lid van een gemeente")
    EMAIL_DOMAIN = "gemeente-e-mail", _("Gratis: werkmailadres van een gemeente")
    PAID = "betaald", _("Betaald exemplaar")


def _token() -> str:
    return secrets.token_urlsafe(24)


class PrintOrder(models.Model):
    """An order for one printed copy of a publication, with the price as it was quoted."""

    reference = models.UUIDField(_("kenmerk"), default=uuid.uuid4, unique=True, editable=False)
    # The order form carries this key; a second submit of the same form finds the first order.
    idempotency_key = models.UUIDField(unique=True, editable=False)
    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="print_orders", verbose_name=_("publicatie")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="print_orders",
        verbose_name=_("account"),
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    street = models.CharField(_("straat"), max_length=200)
    house_number = models.PositiveIntegerField(_("huisnummer"))
    house_number_addition = models.CharField(_("toevoeging"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("plaats"), max_length=100)

    eligibility = models.CharField(_("prijsregel"), max_length=30, choices=Eligibility.choices)
    total_cents = models.PositiveIntegerField(_("totaal (cent)"))
    book_net_cents = models.PositiveIntegerField(_("boek excl. btw (cent)"))
    shipping_net_cents = models.PositiveIntegerField(_("verzendkosten excl. btw (cent)"))
    vat_cents = models.PositiveIntegerField(_("btw (cent)"))
    vat_rate = models.DecimalField(_("btw-tarief (%)"), max_digits=4, decimal_places=2)

    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices, default=OrderStatus.NIEUW
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), default=timezone.now)
    paid_at = models.DateTimeField(_("betaald op"), null=True, blank=True)
    email_confirmation_token = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    email_confirmed_at = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("besteld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bestelling gedrukt exemplaar")
        verbose_name_plural = _("bestellingen gedrukte exemplaren")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    total_cents=models.F("book_net_cents")
                    + models.F("shipping_net_cents")
                    + models.F("vat_cents")
                ),
                name="knowledge_order_lines_add_up",
            ),
            models.CheckConstraint(
                condition=Q(status__in=OrderStatus.values), name="knowledge_order_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.short_reference} — {self.publication} — {self.name}"

    def get_absolute_url(self):
        return reverse("knowledge:order", args=[self.reference])

    @property
    def short_reference(self) -> str:
        return str(self.reference).split("-")[0].upper()

    @property
    def is_free(self) -> bool:
        return self.total_cents == 0

    @property
    def needs_email_confirmation(self) -> bool:
        return self.eligibility == Eligibility.EMAIL_DOMAIN and self.email_confirmed_at is None

    @property
    def address_lines(self) -> list[str]:
        number = (
            f"{self.house_number}{('-' + self.house_number_addition) if self.house_number_addition else ''}"
        )
        return [f"{self.street} {number}", f"{self.postcode}  {self.city}"]


class PrintOrderEvent(models.Model):
    """What happened to an order and who did it: placed, status changed, marked paid, e-mail confirmed."""

    order = models.ForeignKey(PrintOrder, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("door")
    )
    description = models.CharField(_("wat"), max_length=200)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["at", "id"]

    def __str__(self):
        return self.description

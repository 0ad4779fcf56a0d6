"""Users with one platform role, and organisations (municipalities and other sectors) with members."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wendbaar.taxonomy.starter import SECTORS


class Role(models.TextChoices):
    """What someone does on the platform. Organisation members act through their membership."""

    MEDEWERKER = "medewerker", _("Medewerker")
    LOOPBAANADVISEUR = "loopbaanadviseur", _("Loopbaanadviseur")
    ORGANISATIE = "organisatie", _("Organisatie-lid")
    PROGRAMMATEAM = "programmateam", _("Programmateam")
    BEHEERDER = "beheerder", _("Beheerder")


SECOND_FACTOR_ROLES = frozenset({Role.LOOPBAANADVISEUR, Role.PROGRAMMATEAM, Role.BEHEERDER})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.BEHEERDER)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person who signs in with an e-mail address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    name = models.CharField(_("naam"), max_length=150)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEDEWERKER)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]
    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def is_programme_staff(self) -> bool:
        return self.role in {Role.PROGRAMMATEAM, Role.BEHEERDER}

    def has_perm(self, perm, obj=None):
        # Where the platform has a rule (wendbaar.access.rules), it decides, for superusers too: a superuser
        # may use the admin, but does not read other people's conversations.
        from wendbaar.access.rules import decisive

        answer = decisive(self, perm, obj)
        return super().has_perm(perm, obj) if answer is None else answer

    @property
    def must_use_second_factor(self) -> bool:
        """Advisers, programme staff and everyone with admin access see other people's data: they sign in
        with a second factor, always."""
        return self.role in SECOND_FACTOR_ROLES or self.is_staff or self.is_superuser


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    ANDERE_SECTOR = "andere-sector", _("Organisatie uit een andere sector")


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRIESLAND = "friesland", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class Organisation(models.Model):
    """A municipality, or an organisation from another sector that offers work and looks for people."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    sector = models.CharField(_("sector"), max_length=40, choices=list(SECTORS.items()))
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices, blank=True)
    municipality = models.CharField(_("plaats of gemeente"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    members = models.ManyToManyField(User, through="Membership", related_name="organisations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("accounts:organisation", args=[self.slug])

    @property
    def is_municipality(self) -> bool:
        return self.kind == OrganisationKind.GEMEENTE


class MembershipRole(models.TextChoices):
    BEHEERDER = "beheerder", _("Organisatiebeheerder")
    RECRUITER = "recruiter", _("Recruiter")
    MEDEWERKER = "medewerker", _("Medewerker")


class Membership(models.Model):
    """Someone works for, or acts on behalf of, an organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("rol in de organisatie"),
        max_length=20,
        choices=MembershipRole.choices,
        default=MembershipRole.MEDEWERKER,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class SignInThrottle(models.Model):
    """Failed attempts for one key (a hash of what was tried and from where) within a window.

    Kept in the database so that every app server sees the same count. The key is a hash, so the table
    does not tell which e-mail addresses were tried.
    """

    key = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=20)
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("geblokkeerde inlogpoging")
        verbose_name_plural = _("geblokkeerde inlogpogingen")
        indexes = [models.Index(fields=["window_started_at"], name="throttle_window_idx")]

    def __str__(self):
        return f"{self.scope} {self.key[:12]}… ({self.failures})"


class ExternalIdentity(models.Model):
    """A sign-in at a municipal identity provider (OpenID Connect), linked to one wendbaar account."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="external_identities")
    issuer = models.CharField(_("identiteitsprovider"), max_length=255)
    subject = models.CharField(_("kenmerk bij de provider"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gekoppeld gemeente-account")
        verbose_name_plural = _("gekoppelde gemeente-accounts")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="one_account_per_external_identity")
        ]

    def __str__(self):
        return f"{self.user} — {self.issuer}"

"""What the dashboards need that no other app records: which occupations people look at in Verkennen.

One row per person, occupation and month (not every page view), so the table stays small and a month is
all that is kept of the moment. ``Explorer`` stands between the person and their rows: when an account is
erased the link is cleared (SET_NULL) and the rows stay behind, tied to nobody, so the programme's counts
do not change — the same promise the privacy app keeps for profiles, saved work and registrations.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wendbaar.taxonomy.models import Occupation


class Explorer(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="explorer",
        verbose_name=_("persoon"),
    )

    class Meta:
        verbose_name = _("verkenner")
        verbose_name_plural = _("verkenners")

    def __str__(self):
        return f"verkenner #{self.pk}"


class Exploration(models.Model):
    """Someone opened an occupation in Verkennen in this month (at least once)."""

    explorer = models.ForeignKey(Explorer, on_delete=models.CASCADE, related_name="explorations")
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("maand"))  # always the first day of the month

    class Meta:
        verbose_name = _("verkenning")
        verbose_name_plural = _("verkenningen")
        constraints = [
            models.UniqueConstraint(fields=["explorer", "occupation", "month"], name="explore_once_a_month")
        ]
        indexes = [models.Index(fields=["month", "occupation"], name="exploration_month")]

    def __str__(self):
        return f"{self.occupation_id} ({self.month:%Y-%m})"


class Person(models.Model):
    """One row per person the dashboards describe (an active medewerker with a vaardighedenprofiel): the
    groups they count in, looked up once instead of on every query — their first municipality (earliest
    membership of a municipality), the first digit of their current job's ISCO code, that job, and when
    they joined. Kept current by ``people.py`` (signals on profiles, accounts and memberships; rebuilt
    nightly and whenever it is found empty) and derived from those tables only: it holds nothing new."""

    profile = models.OneToOneField(
        "profiles.Profile", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    isco = models.CharField(max_length=1, blank=True)
    occupation = models.ForeignKey(
        Occupation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    joined = models.DateTimeField()

    class Meta:
        verbose_name = _("persoon in inzicht")
        verbose_name_plural = _("personen in inzicht")
        indexes = [models.Index(fields=["municipality", "isco"], name="insight_person_group")]

    def __str__(self):
        return f"persoon #{self.pk}"

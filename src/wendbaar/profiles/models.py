"""A person's vaardighedenprofiel: their skills with a self-rated level, work experience and education.

Only the owner sees it. Other people (advisers, organisations) get access through explicit sharing, which
later features add; nothing here is exposed in the admin.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wendbaar.taxonomy.models import Occupation, Skill


class Level(models.IntegerChoices):
    BEGINNER = 1, _("Beginner")
    GEVORDERD = 2, _("Gevorderd")
    ERVAREN = 3, _("Ervaren")
    EXPERT = 4, _("Expert")


LEVEL_EXPLANATIONS = {
    Level.BEGINNER: _("Je weet wat het is en doet het met hulp van anderen."),
    Level.GEVORDERD: _("Je doet het zelf in gewone situaties."),
    Level.ERVAREN: _("Je doet het zelf, ook als het lastig wordt."),
    Level.EXPERT: _("Je legt het anderen uit en weet hoe het beter kan."),
}


class Education(models.TextChoices):
    GEEN = "geen", _("Geen diploma")
    VMBO = "vmbo", _("Vmbo of mavo")
    MBO_2 = "mbo-2", _("Mbo niveau 1 of 2")
    MBO_3 = "mbo-3", _("Mbo niveau 3")
    MBO_4 = "mbo-4", _("Mbo niveau 4")
    HAVO_VWO = "havo-vwo", _("Havo of vwo")
    HBO = "hbo", _("Hbo (bachelor)")
    WO = "wo", _("Universiteit (wo)")


class Step(models.TextChoices):
    WERK = "werk", _("Je huidige werk")
    VAARDIGHEDEN = "vaardigheden", _("Je vaardigheden")
    ERVARING = "ervaring", _("Ervaring en opleiding")
    TEKST = "tekst", _("Tekst of cv")
    KLAAR = "klaar", _("Klaar")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    current_occupation = models.ForeignKey(
        Occupation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("huidige functie"),
    )
    years_in_occupation = models.PositiveSmallIntegerField(_("jaren in deze functie"), null=True, blank=True)
    education = models.CharField(_("hoogste opleiding"), max_length=10, choices=Education.choices, blank=True)
    step = models.CharField(max_length=20, choices=Step.choices, default=Step.WERK)
    text_done = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vaardighedenprofiel")
        verbose_name_plural = _("vaardighedenprofielen")

    def __str__(self):
        return f"profiel #{self.pk}"


class SkillSource(models.TextChoices):
    BEROEP = "beroep", _("uit je functie")
    TEKST = "tekst", _("uit je tekst")
    ZELF = "zelf", _("zelf toegevoegd")


class ProfileSkill(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(_("niveau"), choices=Level.choices, default=Level.ERVAREN)
    source = models.CharField(max_length=10, choices=SkillSource.choices, default=SkillSource.ZELF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "skill"], name="one_rating_per_skill")]
        ordering = ["skill__name"]

    def __str__(self):
        return f"{self.skill} ({self.level})"


class WorkExperience(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="experience")
    title = models.CharField(_("functie"), max_length=200)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    years = models.PositiveSmallIntegerField(_("aantal jaren"))

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.title


class Suggestion(models.Model):
    """A skill found in the person's own text, waiting for them to accept or reject it."""

    class Status(models.TextChoices):
        OPEN = "open", _("nog niet beoordeeld")
        ACCEPTED = "accepted", _("toegevoegd")
        REJECTED = "rejected", _("afgewezen")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="suggestions")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    evidence = models.CharField(_("gevonden in"), max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    score = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "skill"], name="one_suggestion_per_skill")]
        ordering = ["-score", "id"]

    def __str__(self):
        return f"{self.skill} ({self.status})"


class SavedTransition(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="saved")
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "occupation"], name="save_once")]
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.occupation)

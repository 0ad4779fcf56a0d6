"""Courses and trainings, linked to the skills they teach."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wendbaar.taxonomy.models import Skill


class Format(models.TextChoices):
    ONLINE = "online", _("online, in je eigen tempo")
    KLASSIKAAL = "klassikaal", _("in een groep, op locatie")
    MIX = "mix", _("deels online, deels in een groep")


class Course(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    provider = models.CharField(_("aanbieder"), max_length=200)
    description = models.TextField(_("beschrijving"))
    format = models.CharField(_("vorm"), max_length=12, choices=Format.choices)
    hours = models.PositiveSmallIntegerField(_("studie-uren"))
    price_euros = models.PositiveIntegerField(_("prijs in euro's"), default=0)
    url = models.URLField(_("website"), blank=True)
    skills = models.ManyToManyField(Skill, related_name="courses", verbose_name=_("vaardigheden"))
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("cursus")
        verbose_name_plural = _("cursussen")
        ordering = ["title"]

    def __str__(self):
        return self.title

"""Occupations, skills and the structures around them, in several languages and from several sources.

A concept (occupation, skill, skill group, ISCO group) exists once. Its labels live in per-language
translations, one set per source: ESCO's own labels and the Dutch starter set's curated labels can sit
side by side, and a re-import replaces only its own. Concepts that a newer ESCO release drops are marked
obsolete, never deleted, so profiles that point at them keep working.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wendbaar.taxonomy.starter import SECTORS


class Source(models.TextChoices):
    ESCO = "esco", "ESCO"
    STARTER = "starter", _("Nederlandse startset")
    LOCAL = "local", _("Eigen beheer")


class Status(models.TextChoices):
    RELEASED = "released", _("Actueel")
    OBSOLETE = "obsolete", _("Vervallen")


class RelationType(models.TextChoices):
    ESSENTIAL = "essential", _("essentieel")
    OPTIONAL = "optional", _("optioneel")


class SkillType(models.TextChoices):
    KNOWLEDGE = "knowledge", _("kennis")
    SKILL = "skill/competence", _("vaardigheid")


class ReuseLevel(models.TextChoices):
    TRANSVERSAL = "transversal", _("breed inzetbaar")
    CROSS_SECTOR = "cross-sector", _("sectoroverstijgend")
    SECTOR_SPECIFIC = "sector-specific", _("sectorspecifiek")
    OCCUPATION_SPECIFIC = "occupation-specific", _("beroepsspecifiek")


# Curated labels speak to municipal staff; ESCO's labels stay searchable as synonyms.
SOURCE_PREFERENCE = (Source.LOCAL, Source.STARTER, Source.ESCO)


@dataclass(frozen=True)
class Label:
    """A label and the language it is in, so templates can mark a fallback with ``lang``."""

    text: str
    language: str

    def __str__(self):
        return self.text


def language_preference(language: str | None = None) -> list[str]:
    """The requested language first, then Dutch, then English."""
    order = [language or get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE, "en"]
    return list(dict.fromkeys(code.split("-")[0] for code in order))


class ConceptQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status=Status.RELEASED)


class Concept(models.Model):
    """What occupations, skills and groups share: identity, provenance, status and a display name."""

    uri = models.CharField(_("ESCO-URI"), max_length=255, unique=True, null=True, blank=True)
    code = models.CharField(_("code"), max_length=100, unique=True)
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RELEASED)
    # True once an ESCO import delivered this concept; only such concepts can become obsolete by import.
    in_esco = models.BooleanField(default=False, editable=False)
    # Label in the site's default language (or the fallback), kept in step with the translations for
    # sorting and admin lists. ``label()`` resolves other languages.
    name = models.CharField(_("naam"), max_length=500, db_index=True)
    name_language = models.CharField(max_length=8, default="nl", editable=False)

    objects = ConceptQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_obsolete(self) -> bool:
        return self.status == Status.OBSOLETE

    def _translations(self):
        # Uses a prefetch when the view made one.
        return list(self.translations.all())

    def translation(self, language: str | None = None):
        """The best translation for ``language``, falling back to Dutch and then English."""
        by_key = {(t.language, t.source): t for t in self._translations()}
        for lang in language_preference(language):
            for source in SOURCE_PREFERENCE:
                if (lang, source) in by_key:
                    return by_key[(lang, source)]
        return None

    def label(self, language: str | None = None) -> Label:
        found = self.translation(language)
        if found is None:
            return Label(self.name, self.name_language)
        return Label(found.preferred_label, found.language)

    def description(self, language: str | None = None) -> Label:
        by_key = {(t.language, t.source): t for t in self._translations()}
        for lang in language_preference(language):
            for source in SOURCE_PREFERENCE:
                found = by_key.get((lang, source))
                if found and found.description:
                    return Label(found.description, lang)
        return Label("", language or settings.LANGUAGE_CODE)

    def synonyms(self, language: str | None = None) -> list[Label]:
        """Every other label in the preferred languages, without repeats, for display."""
        shown = {self.label(language).text.casefold()}
        result = []
        for lang in language_preference(language):
            for t in sorted(self._translations(), key=lambda t: SOURCE_PREFERENCE.index(t.source)):
                if t.language != lang:
                    continue
                for text in [t.preferred_label, *t.alt_labels]:
                    if text.casefold() not in shown:
                        shown.add(text.casefold())
                        result.append(Label(text, lang))
        return result


class Translation(models.Model):
    """Labels and description of one concept in one language, as one source gave them."""

    language = models.CharField(_("taal"), max_length=8)
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices)
    preferred_label = models.CharField(_("voorkeursnaam"), max_length=500)
    alt_labels = models.JSONField(_("synoniemen"), default=list, blank=True)
    hidden_labels = models.JSONField(_("verborgen zoektermen"), default=list, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.preferred_label} ({self.language}, {self.source})"


class IscoGroup(Concept):
    """A group of the International Standard Classification of Occupations (ISCO-08), 1 to 4 digits."""

    isco_code = models.CharField(_("ISCO-code"), max_length=4, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    class Meta(Concept.Meta):
        verbose_name = _("ISCO-groep")
        verbose_name_plural = _("ISCO-groepen")


class IscoGroupTranslation(Translation):
    concept = models.ForeignKey(IscoGroup, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "source"], name="uniq_iscogroup_translation"
            )
        ]


class SkillGroup(Concept):
    """A node in the ESCO skills hierarchy (e.g. "communicatie, samenwerking en creativiteit")."""

    group_code = models.CharField(_("groepscode"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    class Meta(Concept.Meta):
        verbose_name = _("vaardighedengroep")
        verbose_name_plural = _("vaardighedengroepen")


class SkillGroupTranslation(Translation):
    concept = models.ForeignKey(SkillGroup, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "source"], name="uniq_skillgroup_translation"
            )
        ]


class Collection(models.Model):
    """A cross-cutting ESCO collection of skills: transversal, digital, green, language, research, DigComp."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name_nl = models.CharField(_("naam (Nederlands)"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100)

    class Meta:
        verbose_name = _("collectie")
        verbose_name_plural = _("collecties")
        ordering = ["name_nl"]

    def __str__(self):
        return self.name_nl

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl


class Skill(Concept):
    """A skill, competence or area of knowledge."""

    skill_type = models.CharField(_("soort"), max_length=20, choices=SkillType.choices, blank=True)
    reuse_level = models.CharField(_("inzetbaarheid"), max_length=20, choices=ReuseLevel.choices, blank=True)
    groups = models.ManyToManyField(SkillGroup, blank=True, related_name="skills", verbose_name=_("groepen"))
    broader = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="narrower", verbose_name=_("bredere vaardigheden")
    )
    collections = models.ManyToManyField(
        Collection, through="SkillCollection", blank=True, related_name="skills", verbose_name=_("collecties")
    )

    class Meta(Concept.Meta):
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")

    def get_absolute_url(self):
        return reverse("taxonomy:skill", args=[self.code])


class SkillTranslation(Translation):
    concept = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["concept", "language", "source"], name="uniq_skill_translation")
        ]


class SkillCollection(models.Model):
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE)
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE)
    source = models.CharField(max_length=10, choices=Source.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["skill", "collection", "source"], name="uniq_skill_collection")
        ]

    def __str__(self):
        return f"{self.skill} ∈ {self.collection}"


class Occupation(Concept):
    """An ESCO occupation or a curated (municipal) function."""

    isco_code = models.CharField(_("ISCO-code"), max_length=4, blank=True, db_index=True)
    isco_group = models.ForeignKey(
        IscoGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="occupations"
    )
    broader = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
        verbose_name=_("breder beroep"),
    )
    esco_code = models.CharField(_("ESCO-code"), max_length=40, blank=True)
    is_municipal = models.BooleanField(_("gemeentelijke functie"), default=False)
    sector = models.CharField(_("sector"), max_length=40, choices=list(SECTORS.items()), blank=True)
    skills = models.ManyToManyField(Skill, through="OccupationSkill", related_name="occupations")

    class Meta(Concept.Meta):
        verbose_name = _("beroep")
        verbose_name_plural = _("beroepen")

    def get_absolute_url(self):
        return reverse("taxonomy:occupation", args=[self.code])


class OccupationTranslation(Translation):
    concept = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="translations")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "source"], name="uniq_occupation_translation"
            )
        ]


class OccupationSkill(models.Model):
    """An occupation needs a skill, essentially or optionally, according to one source."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_relations")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="occupation_relations")
    relation_type = models.CharField(_("soort relatie"), max_length=10, choices=RelationType.choices)
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices)

    class Meta:
        verbose_name = _("beroep–vaardigheid")
        verbose_name_plural = _("beroep–vaardigheden")
        constraints = [
            # ESCO lists a handful of pairs as both essential and optional; both are kept.
            models.UniqueConstraint(
                fields=["occupation", "skill", "relation_type", "source"], name="uniq_occupation_skill"
            )
        ]

    def __str__(self):
        return f"{self.occupation} → {self.skill} ({self.relation_type})"


class SkillRelation(models.Model):
    """ESCO's skill–skill relation: one skill is essential or optional for another."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="related_from")
    relation_type = models.CharField(max_length=10, choices=RelationType.choices)
    source = models.CharField(max_length=10, choices=Source.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["skill", "related", "source"], name="uniq_skill_relation")
        ]

    def __str__(self):
        return f"{self.skill} → {self.related} ({self.relation_type})"


class Indicator(models.Model):
    """A per-occupation figure from outside ESCO, e.g. how exposed an occupation is to automation."""

    name = models.SlugField(_("naam"), max_length=50, unique=True)
    label = models.CharField(_("omschrijving"), max_length=200)
    source = models.CharField(_("bron"), max_length=300)
    # Exposure indicators (higher = more exposed) let results say whether a move is "veiliger".
    exposure = models.BooleanField(_("blootstelling (hoger is kwetsbaarder)"), default=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self):
        return self.label


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="indicator_values")
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "occupation"], name="one_value_per_occupation")
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.occupation} = {self.value}"


class TaxonomyChange(models.Model):
    """A log of imports and edits. The newest entry's token is the taxonomy version caches are keyed on.

    A random token rather than the id: ids can be handed out again after a rollback (SQLite does)."""

    kind = models.CharField(_("soort"), max_length=20)
    token = models.UUIDField(default=uuid.uuid4, editable=False)
    summary = models.JSONField(_("samenvatting"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("taxonomiewijziging")
        verbose_name_plural = _("taxonomiewijzigingen")
        ordering = ["-id"]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @classmethod
    def current_version(cls) -> str:
        return str(cls.objects.order_by("-id").values_list("token", flat=True).first() or "")

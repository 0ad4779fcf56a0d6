"""Beheer of the taxonomy. Every change through the admin moves the taxonomy version on."""

from django.contrib import admin

from wendbaar.taxonomy import models


class VersionedAdmin(admin.ModelAdmin):
    def _changed(self, obj, what):
        models.TaxonomyChange.objects.create(
            kind="edit", summary={"model": obj._meta.model_name, "id": obj.pk, "what": what}
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._changed(obj, "change" if change else "add")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._changed(form.instance, "related")

    def delete_model(self, request, obj):
        self._changed(obj, "delete")
        super().delete_model(request, obj)


class OccupationTranslationInline(admin.TabularInline):
    model = models.OccupationTranslation
    extra = 0


class SkillTranslationInline(admin.TabularInline):
    model = models.SkillTranslation
    extra = 0


class OccupationSkillInline(admin.TabularInline):
    model = models.OccupationSkill
    extra = 0
    autocomplete_fields = ["skill"]


@admin.register(models.Occupation)
class OccupationAdmin(VersionedAdmin):
    list_display = ["name", "code", "isco_code", "is_municipal", "sector", "source", "status"]
    list_filter = ["status", "source", "is_municipal", "sector"]
    search_fields = ["name", "code", "uri", "translations__preferred_label"]
    raw_id_fields = ["isco_group", "broader"]
    inlines = [OccupationTranslationInline, OccupationSkillInline]


@admin.register(models.Skill)
class SkillAdmin(VersionedAdmin):
    list_display = ["name", "code", "skill_type", "reuse_level", "source", "status"]
    list_filter = ["status", "source", "skill_type", "reuse_level", "collections"]
    search_fields = ["name", "code", "uri", "translations__preferred_label"]
    filter_horizontal = []
    raw_id_fields = ["groups", "broader"]
    inlines = [SkillTranslationInline]


@admin.register(models.SkillGroup)
class SkillGroupAdmin(VersionedAdmin):
    list_display = ["name", "group_code", "status"]
    search_fields = ["name", "group_code"]
    raw_id_fields = ["parent"]


@admin.register(models.IscoGroup)
class IscoGroupAdmin(VersionedAdmin):
    list_display = ["isco_code", "name", "status"]
    search_fields = ["name", "isco_code"]
    raw_id_fields = ["parent"]


@admin.register(models.Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_nl", "name_en"]


@admin.register(models.TaxonomyChange)
class TaxonomyChangeAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "created_at"]
    readonly_fields = ["kind", "summary", "created_at"]

    def has_add_permission(self, request):
        return False

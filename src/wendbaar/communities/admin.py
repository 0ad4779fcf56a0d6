"""Admin for groups and the moderation log. Posts are deliberately absent: closed groups are read by their
members only, and moderation happens on the site, where it is logged."""

from django.contrib import admin
from django.utils.translation import gettext as _

from wendbaar.access.admin import PersonalDataAdmin
from wendbaar.communities.models import Group, Membership, ModerationAction


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "role", "status", "joined_at"]
    readonly_fields = ["joined_at"]
    raw_id_fields = ["user"]


@admin.register(Group)
class GroupAdmin(PersonalDataAdmin, admin.ModelAdmin):
    def access_subjects(self, group):
        # The page lists the group's members (the inline below).
        return [m.user for m in group.memberships.select_related("user")]

    def _access_what(self, group):
        return _("lidmaatschap van %(group)s") % {"group": group.name}

    list_display = ["name", "focus", "access", "created_at"]
    list_filter = ["focus", "access"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["skills", "occupations", "created_by"]
    inlines = [MembershipInline]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "group", "actor", "kind", "member", "note"]
    list_filter = ["kind", "group"]
    readonly_fields = [f.name for f in ModerationAction._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

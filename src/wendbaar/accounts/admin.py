from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wendbaar.access.admin import PersonalDataAdmin
from wendbaar.accounts.models import ExternalIdentity, Membership, Organisation, SignInThrottle, User


def sign_in_through_the_site(request, extra_context=None):
    """The admin has no sign-in form of its own: the site's page applies throttling and the second step."""
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("accounts:login"))


_has_permission = admin.site.has_permission


def has_verified_permission(request):
    # SecondFactorMiddleware already holds unverified staff back; this keeps the admin closed without it too.
    verified = getattr(request.user, "is_verified", None)
    return _has_permission(request) and verified is not None and verified()


admin.site.login = sign_in_through_the_site
admin.site.has_permission = has_verified_permission


class ExternalIdentityInline(admin.TabularInline):
    model = ExternalIdentity
    extra = 0
    readonly_fields = ["issuer", "subject", "created_at", "last_used_at"]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(PersonalDataAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        (_("Rol en rechten"), {"fields": ["role", "is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Datums"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "role", "password1", "password2"]})
    ]
    inlines = [ExternalIdentityInline]


@admin.register(SignInThrottle)
class SignInThrottleAdmin(admin.ModelAdmin):
    """Locks after too many failed attempts; deleting one lifts it at once."""

    list_display = ["scope", "failures", "window_started_at", "locked_until"]
    list_filter = ["scope"]
    readonly_fields = ["key", "scope", "failures", "window_started_at", "locked_until"]

    def has_add_permission(self, request):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "province"]
    list_filter = ["kind", "sector", "province"]
    search_fields = ["name", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

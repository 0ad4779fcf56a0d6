"""The admin asks the same rules as the site, and logs every look at a person's data.

``PersonalDataAdmin`` is a mixin for every ModelAdmin that shows personal data:

- permissions about one object go to the rules, ``"<app>.<action>_<model>"`` with the object (where an app
  has such a rule; otherwise Django's model permissions answer, as before);
- opening an object's page is logged as "bekeken" in the access log of each person it is about, and saving
  it as "gewijzigd" — so a person sees on /mijn/inzage/ that a beheerder looked.

Say who an object is about with ``access_subjects(obj)`` (default: the object itself when it is a user,
otherwise its ``user``) and what it is with ``access_what`` (default: the model's name).
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext as _

from wendbaar.access.log import platform_language, record_access_many
from wendbaar.access.models import AccessKind, AccessLogEntry
from wendbaar.access.rules import has_rule


class PersonalDataAdmin:
    access_what = ""

    def access_subjects(self, obj) -> list:
        if obj._meta.label == "accounts.User":
            return [obj]
        person = getattr(obj, "user", None)
        return [person] if person is not None else []

    def _access_what(self, obj) -> str:
        return self.access_what or f"{obj._meta.verbose_name}: {obj}"

    def _rule(self, action: str) -> str | None:
        permission = f"{self.opts.app_label}.{action}_{self.opts.model_name}"
        return permission if has_rule(permission) else None

    def has_view_permission(self, request, obj=None):
        permission = self._rule("view") if obj is not None else None
        if permission is None:
            return super().has_view_permission(request, obj)
        return request.user.has_perm(permission, obj) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        permission = self._rule("change") if obj is not None else None
        if permission is None:
            return super().has_change_permission(request, obj)
        return request.user.has_perm(permission, obj)

    def has_delete_permission(self, request, obj=None):
        permission = self._rule("delete") if obj is not None else None
        if permission is None:
            return super().has_delete_permission(request, obj)
        return request.user.has_perm(permission, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                self._log(request, obj, AccessKind.READ)
        return response

    def log_change(self, request, obj, message):
        self._log(request, obj, AccessKind.CHANGE)
        return super().log_change(request, obj, message)

    def _log(self, request, obj, kind):
        with platform_language():
            record_access_many(
                request.user,
                self.access_subjects(obj),
                what=self._access_what(obj),
                why=_("beheer van wendbaar (beheeromgeving)"),
                kind=kind,
            )


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read only: nobody edits or removes what was logged (entries go when the person's account goes)."""

    list_display = ["at", "actor_description", "kind", "what", "why", "subject"]
    list_filter = ["kind"]
    search_fields = ["actor_description", "what", "why", "subject__email", "subject__name"]
    raw_id_fields = ["subject", "actor"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

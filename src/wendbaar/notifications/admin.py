from django.contrib import admin

from wendbaar.notifications.models import EmailPreference, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "created_at", "read_at", "email_state"]
    list_filter = ["kind", "email_state"]
    search_fields = ["user__email", "user__name", "text"]
    raw_id_fields = ["user", "actor"]
    readonly_fields = ["created_at", "emailed_at", "emailed_in"]
    date_hierarchy = "created_at"


@admin.register(EmailPreference)
class EmailPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "group", "email", "updated_at"]
    list_filter = ["group", "email"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]

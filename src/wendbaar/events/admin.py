"""Admin for events and advisers. Conversations, their notes and follow-up actions are deliberately absent:
only the adviser and the person may read them."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from wendbaar.access.admin import PersonalDataAdmin
from wendbaar.events import services
from wendbaar.events.models import (
    Adviser,
    AvailabilityException,
    Event,
    Registration,
    RegistrationStatus,
    WeeklyAvailability,
)


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "status", "queued_at", "share_on_attendee_list", "attended"]
    readonly_fields = ["user", "status", "queued_at", "share_on_attendee_list"]
    can_delete = False
    ordering = ["status", "queued_at"]

    def has_add_permission(self, request, obj=None):
        return False  # registrations go through the rules (capacity, waitlist) on the site


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "kind",
            "region",
            "venue",
            "online_url",
            "starts_at",
            "ends_at",
            "registration_deadline",
            "capacity",
            "audience",
            "topics",
            "organiser",
            "is_published",
        ]

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            confirmed = self.instance.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            if capacity is not None and capacity < confirmed:
                raise forms.ValidationError(
                    _("Er zijn al %(count)s personen aangemeld. Kies minstens zoveel plaatsen.")
                    % {"count": confirmed}
                )
        return capacity


@admin.register(Event)
class EventAdmin(PersonalDataAdmin, admin.ModelAdmin):
    def access_subjects(self, event):
        # The page lists everyone registered (the inline below).
        return [r.user for r in event.registrations.select_related("user")]

    def _access_what(self, event):
        return _("aanmelding voor ‘%(title)s’") % {"title": event.title}

    form = EventAdminForm
    list_display = ["title", "starts_at", "kind", "region", "capacity", "is_published"]
    list_filter = ["kind", "region", "is_published"]
    search_fields = ["title", "description", "venue"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["topics"]
    raw_id_fields = ["organiser"]
    inlines = [RegistrationInline]

    def save_model(self, request, obj, form, change):
        if not obj.organiser_id:
            obj.organiser = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # More places set here go to the people waiting, as on the organisers' own pages.
        promoted = services.fill_from_waitlist(form.instance.pk)
        if promoted:
            self.message_user(
                request,
                _("%(count)s personen van de wachtlijst hebben een plek.") % {"count": len(promoted)},
                messages.INFO,
            )


class WeeklyAvailabilityInline(admin.TabularInline):
    model = WeeklyAvailability
    extra = 0


class AvailabilityExceptionInline(admin.TabularInline):
    model = AvailabilityException
    extra = 0


@admin.register(Adviser)
class AdviserAdmin(PersonalDataAdmin, admin.ModelAdmin):
    access_what = _("gegevens als loopbaanadviseur (beschikbaarheid)")
    list_display = ["user", "is_active", "slot_minutes"]
    list_filter = ["is_active"]
    search_fields = ["user__name", "user__email"]
    raw_id_fields = ["user"]
    inlines = [WeeklyAvailabilityInline, AvailabilityExceptionInline]

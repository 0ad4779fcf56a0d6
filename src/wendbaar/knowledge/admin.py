"""Beheer of the kennisbank.

Content is edited by programmateam and beheerders; print orders (with addresses) are handled by
beheerders only. Both work in the kennisbank's own admin site at /kennisbank/beheer/, which admits
people by their platform role (programmateam has no Django staff flag); the same admins are also
registered in the main admin at /beheer/ for staff.
"""

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wendbaar.access.admin import PersonalDataAdmin
from wendbaar.knowledge import models, orders, pricing
from wendbaar.taxonomy.models import Occupation, Skill


def is_editor(user) -> bool:
    return user.has_perm("knowledge.edit_item")  # knowledge/rules.py


def is_order_manager(user) -> bool:
    return user.has_perm("knowledge.manage_printorder")


class KnowledgeAdminSite(admin.AdminSite):
    site_header = _("Kennisbank beheren")
    site_title = _("Kennisbank")
    index_title = _("Publicaties, essays, podcasts, nieuws en bestellingen")
    site_url = "/kennisbank/"

    def has_permission(self, request):
        return is_editor(request.user)

    def login(self, request, extra_context=None):
        # Everyone signs in on the site's own page; the admin only checks the role.
        if self.has_permission(request):
            return redirect(reverse("knowledge_admin:index", current_app=self.name))
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next", request.get_full_path()), reverse("accounts:login"))


site = KnowledgeAdminSite(name="knowledge_admin")


class EditorAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_add_permission(self, request):
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_editor(request.user)


class TagLookupAdmin(admin.ModelAdmin):
    """Only there so tag fields can autocomplete skills and occupations; not shown, not editable."""

    search_fields = ["name", "code", "translations__preferred_label"]

    def get_queryset(self, request):
        return super().get_queryset(request).current()

    def has_module_permission(self, request):
        return False

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


COMMON = (None, {"fields": ["title", "slug", "summary", "body"]})
TAGS = (
    _("Onderwerpen"),
    {
        "fields": ["skills", "occupations"],
        "description": _(
            "Koppel vaardigheden en beroepen; dan verschijnt dit item bij ‘Lees meer’ op die pagina's."
        ),
    },
)
PUBLISH = (_("Publiceren"), {"fields": ["is_published", "published_at"]})


class ItemAdmin(EditorAdmin):
    list_display = ["title", "is_published", "published_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["skills", "occupations"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publiceren"), permissions=["change"])
    def publish(self, request, queryset):
        for item in queryset:  # save() one by one: the search index follows every save
            item.is_published = True
            item.save(update_fields=["is_published", "updated_at"])

    @admin.action(description=_("Niet meer publiceren"), permissions=["change"])
    def unpublish(self, request, queryset):
        for item in queryset:
            item.is_published = False
            item.save(update_fields=["is_published", "updated_at"])


class PublicationAdmin(ItemAdmin):
    list_display = ["title", "authors", "year", "is_published", "download_count", "published_at"]
    fieldsets = [
        COMMON,
        (_("Publicatie"), {"fields": ["authors", "year", "pages", "isbn", "pdf", "cover", "cover_alt"]}),
        (
            _("Gedrukt exemplaar"),
            {
                "fields": ["can_order_print", "print_price", "shipping", "vat_rate"],
                "description": _(
                    "Medewerkers van gemeenten bestellen gratis. Anderen betalen de prijs, inclusief "
                    "verzendkosten en btw."
                ),
            },
        ),
        TAGS,
        PUBLISH,
    ]


class EssayAdmin(ItemAdmin):
    list_display = ["title", "genre", "authors", "year", "is_published", "published_at"]
    list_filter = ["genre", "is_published"]
    fieldsets = [
        COMMON,
        (_("Essay of onderzoek"), {"fields": ["genre", "authors", "year", "pdf"]}),
        TAGS,
        PUBLISH,
    ]


class EpisodeInline(admin.TabularInline):
    model = models.Episode
    fk_name = "series"
    fields = ["number", "title", "duration", "is_published"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PodcastSeriesAdmin(ItemAdmin):
    fieldsets = [
        COMMON,
        (
            _("Podcast"),
            {
                "fields": [
                    "host",
                    "cover",
                    "cover_alt",
                    "owner_name",
                    "owner_email",
                    "itunes_category",
                    "explicit",
                ]
            },
        ),
        TAGS,
        PUBLISH,
    ]
    inlines = [EpisodeInline]


class EpisodeAdmin(ItemAdmin):
    list_display = ["title", "series", "number", "duration", "is_published", "published_at"]
    list_filter = ["series", "is_published"]
    list_select_related = ["series"]
    fieldsets = [
        (None, {"fields": ["series", "number", "title", "slug", "summary"]}),
        (_("Aflevering"), {"fields": ["audio", "duration", "guests", "body", "transcript"]}),
        TAGS,
        PUBLISH,
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.base_fields["body"].label = _("Shownotes")
        form.base_fields["body"].help_text = _(
            "Waar het over gaat, met namen en bronnen. Een witregel begint een nieuwe alinea."
        )
        return form


class NewsAdmin(ItemAdmin):
    fieldsets = [COMMON, TAGS, PUBLISH]


class PrintOrderEventInline(admin.TabularInline):
    model = models.PrintOrderEvent
    fields = ["at", "description", "by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PrintOrderAdmin(PersonalDataAdmin, admin.ModelAdmin):
    access_what = _("bestelling van een gedrukt boek (naam en adres)")
    list_display = [
        "short_reference",
        "created_at",
        "publication",
        "name",
        "postcode",
        "eligibility",
        "price",
        "status",
        "paid",
        "email_ok",
    ]
    list_filter = ["status", "eligibility", "publication"]
    search_fields = ["name", "email", "postcode", "city", "reference"]
    list_select_related = ["publication"]
    date_hierarchy = "created_at"
    inlines = [PrintOrderEventInline]
    actions = ["mark_sent", "mark_delivered", "mark_cancelled", "mark_paid"]
    fieldsets = [
        (None, {"fields": ["short_reference", "publication", "status", "status_changed_at", "created_at"]}),
        (
            _("Verzenden naar"),
            {
                "fields": [
                    "name",
                    "organisation_name",
                    "street",
                    "house_number",
                    "house_number_addition",
                    "postcode",
                    "city",
                    "email",
                    "user",
                ]
            },
        ),
        (
            _("Prijs"),
            {"fields": ["eligibility", "price_breakdown", "paid_at", "email_confirmed_at"]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Nothing is typed in: status and payment change only through the actions, which check the workflow.
        return [f for fieldset in self.fieldsets for f in fieldset[1]["fields"]]

    @admin.display(description=_("kenmerk"))
    def short_reference(self, order):
        return order.short_reference

    @admin.display(description=_("prijs"))
    def price(self, order):
        return pricing.euro(order.total_cents)

    @admin.display(description=_("prijsopbouw"))
    def price_breakdown(self, order):
        return "; ".join(f"{label}: {amount}" for label, amount in orders.price_lines(order))

    @admin.display(description=_("betaald"), boolean=True)
    def paid(self, order):
        return None if order.is_free else order.paid_at is not None

    @admin.display(description=_("e-mail bevestigd"), boolean=True)
    def email_ok(self, order):
        return (
            None
            if order.eligibility != models.Eligibility.EMAIL_DOMAIN
            else order.email_confirmed_at is not None
        )

    def has_module_permission(self, request):
        return is_order_manager(request.user)

    def has_view_permission(self, request, obj=None):
        return is_order_manager(request.user)

    def has_change_permission(self, request, obj=None):
        return is_order_manager(request.user)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _apply(self, request, queryset, change, done_message):
        done, failed = 0, []
        for order in queryset:
            try:
                change(order, by=request.user)
                done += 1
            except orders.OrderError as error:
                failed.append(str(error))
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for error in failed:
            self.message_user(request, error, messages.ERROR)

    def _to(self, request, queryset, status):
        label = models.OrderStatus(status).label
        self._apply(
            request,
            queryset,
            lambda order, by: orders.change_status(order, status, by=by),
            lambda n: (
                ngettext(
                    "%(n)d bestelling is nu ‘%(status)s’.", "%(n)d bestellingen zijn nu ‘%(status)s’.", n
                )
                % {"n": n, "status": label}
            ),
        )

    @admin.action(description=_("Markeer als verzonden"), permissions=["change"])
    def mark_sent(self, request, queryset):
        self._to(request, queryset, models.OrderStatus.VERZONDEN)

    @admin.action(description=_("Markeer als geleverd"), permissions=["change"])
    def mark_delivered(self, request, queryset):
        self._to(request, queryset, models.OrderStatus.GELEVERD)

    @admin.action(description=_("Annuleer"), permissions=["change"])
    def mark_cancelled(self, request, queryset):
        self._to(request, queryset, models.OrderStatus.GEANNULEERD)

    @admin.action(description=_("Markeer als betaald"), permissions=["change"])
    def mark_paid(self, request, queryset):
        self._apply(
            request,
            queryset,
            orders.mark_paid,
            lambda n: (
                ngettext("%(n)d bestelling is betaald.", "%(n)d bestellingen zijn betaald.", n) % {"n": n}
            ),
        )


REGISTRY = [
    (models.Publication, PublicationAdmin),
    (models.Essay, EssayAdmin),
    (models.PodcastSeries, PodcastSeriesAdmin),
    (models.Episode, EpisodeAdmin),
    (models.News, NewsAdmin),
    (models.PrintOrder, PrintOrderAdmin),
]
for model, model_admin in REGISTRY:
    site.register(model, model_admin)
    admin.site.register(model, model_admin)
site.register(Skill, TagLookupAdmin)
site.register(Occupation, TagLookupAdmin)

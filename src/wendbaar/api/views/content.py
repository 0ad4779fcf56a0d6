"""Public content: bijeenkomsten (published events) and the kennisbank (published items, with search)."""

from datetime import datetime, time, timedelta

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from wendbaar.api import serializers as s
from wendbaar.api.views.base import ApiView, query_text
from wendbaar.events.models import REGIONS, Event, EventKind, RegistrationStatus
from wendbaar.knowledge import search as knowledge_search
from wendbaar.knowledge.models import Item, Kind
from wendbaar.taxonomy.models import Occupation, Skill

EARLIEST, LATEST = 2000, 2100


def _in_range(value):
    if not EARLIEST <= value.year <= LATEST:
        raise serializers.ValidationError(
            _("Kies een datum tussen %(a)d en %(b)d.") % {"a": EARLIEST, "b": LATEST}
        )
    return value


class EventFilters(serializers.Serializer):
    when = serializers.ChoiceField(
        choices=["upcoming", "past", "all"],
        default="upcoming",
        help_text="`upcoming` (default): not ended yet, soonest first; `past`: ended, latest first; `all`.",
    )
    region = serializers.ChoiceField(choices=[code for code, _label in REGIONS], required=False)
    kind = serializers.ChoiceField(choices=EventKind.choices, required=False)
    topic = serializers.CharField(
        required=False, max_length=255, help_text="Only events about this skill (code)."
    )
    starts_from = serializers.DateField(
        required=False, validators=[_in_range], help_text="Only events starting on or after this day."
    )
    starts_until = serializers.DateField(
        required=False, validators=[_in_range], help_text="Only events starting on or before this day."
    )


def _events():
    return (
        Event.objects.published()
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED), distinct=True
            ),
            waitlist_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED), distinct=True
            ),
        )
        .prefetch_related(Prefetch("topics", queryset=Skill.objects.prefetch_related("translations")))
    )


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


@extend_schema(tags=["events"])
class EventList(ApiView):
    is_list = True
    serializer_class = s.EventSerializer

    @extend_schema(
        operation_id="listEvents",
        summary="Bijeenkomsten",
        description="Published gatherings, workshops and webinars, with places left. Times are ISO 8601 "
        "in Dutch time, with their UTC offset. Registering happens on the site (`web_url`).",
        parameters=[EventFilters],
    )
    def get(self, request):
        filters = EventFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        params = filters.validated_data
        events, now = _events(), timezone.now()
        if params["when"] == "upcoming":
            events = events.filter(ends_at__gt=now).order_by("starts_at", "id")
        elif params["when"] == "past":
            events = events.filter(ends_at__lte=now).order_by("-starts_at", "-id")
        else:
            events = events.order_by("starts_at", "id")
        if params.get("region"):
            events = events.filter(region=params["region"])
        if params.get("kind"):
            events = events.filter(kind=params["kind"])
        if params.get("topic"):
            events = events.filter(topics__code=params["topic"])
        if params.get("starts_from"):
            events = events.filter(starts_at__gte=_day_start(params["starts_from"]))
        if params.get("starts_until"):
            events = events.filter(starts_at__lt=_day_start(params["starts_until"]) + timedelta(days=1))
        page = self.paginate_queryset(events)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["events"])
class EventDetail(ApiView):
    serializer_class = s.EventDetailSerializer

    @extend_schema(
        operation_id="getEvent",
        summary="One bijeenkomst",
        description="A published event. The link for online participation is only given on the site, to "
        "people with a place.",
        parameters=[
            OpenApiParameter(
                "slug",
                str,
                OpenApiParameter.PATH,
                description="The event's short name, as in its `web_url`.",
                examples=[OpenApiExample("Example", value="regiodag-overijssel-2026-03-12")],
            )
        ],
    )
    def get(self, request, slug):
        return Response(self.get_serializer(get_object_or_404(_events(), slug=slug)).data)


class KnowledgeFilters(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Search words (Dutch full-text search: every word, in any inflection); best first. "
        f"Without `q`: newest first. Searches return at most {knowledge_search.MAX_RESULTS} results.",
    )
    kind = serializers.ChoiceField(choices=Kind.choices, required=False)
    skill = serializers.CharField(
        required=False, max_length=255, help_text="Only items tagged with this skill."
    )
    occupation = serializers.CharField(
        required=False, max_length=255, help_text="Only items tagged with this occupation."
    )


@extend_schema(tags=["knowledge"])
class KnowledgeList(ApiView):
    is_list = True
    serializer_class = s.KnowledgeItemSerializer

    @extend_schema(
        operation_id="listKnowledge",
        summary="Kennisbank: list or search",
        description="Published publications, essays and research, podcast series and episodes, and news.",
        parameters=[
            KnowledgeFilters,
            query_text("q", "digitalisering", KnowledgeFilters().fields["q"].help_text),
        ],
    )
    def get(self, request):
        filters = KnowledgeFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        params = filters.validated_data
        narrowing = {k: params.get(k, "") for k in ("kind", "skill", "occupation")}
        query = knowledge_search.clean_query(params.get("q", ""))
        if query:
            hits = knowledge_search.search(query, highlight=False, **narrowing)
            items = [hit.item for hit in hits]
        else:
            items = knowledge_search.filtered(Item.objects.published(), **narrowing).order_by(
                "-published_at", "title", "id"
            )
        page = self.paginate_queryset(items)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["knowledge"])
class KnowledgeDetail(ApiView):
    serializer_class = s.KnowledgeItemDetailSerializer

    @extend_schema(
        operation_id="getKnowledgeItem",
        summary="One kennisbank item",
        description="The common fields of every item, plus one filled part for its kind "
        "(`publication`, `essay`, `podcast` or `episode`; news has none).",
        parameters=[
            OpenApiParameter(
                "slug",
                str,
                OpenApiParameter.PATH,
                description="The item's short name.",
                examples=[OpenApiExample("A publication", value="digitaal-dichtbij")],
            )
        ],
    )
    def get(self, request, slug):
        item = get_object_or_404(
            Item.objects.published().prefetch_related(
                Prefetch("skills", queryset=Skill.objects.prefetch_related("translations")),
                Prefetch("occupations", queryset=Occupation.objects.prefetch_related("translations")),
            ),
            slug=slug,
        )
        return Response(self.get_serializer(item).data)

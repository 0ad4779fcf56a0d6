"""Kansen (wendbaar.opportunities): open opportunities with filters, one in detail, and the open ones
ranked for the person behind the key — the same ranking and explanation as /kansen/.

As on the site, kansen are for signed-in people: the API asks for a key, and whether someone may see one
kans is answered by the rule ``opportunities.view_opportunity``.
"""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from wendbaar.accounts.models import Province
from wendbaar.api import serializers as s
from wendbaar.api.permissions import Authenticated, ObjectRules, TokenScope
from wendbaar.api.transitions import ProfileIncomplete, WithGain
from wendbaar.api.views.base import ApiView, query_text
from wendbaar.opportunities import matching
from wendbaar.opportunities.models import Opportunity, OpportunityKind
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter import SECTORS

PERSONAL = [Authenticated, TokenScope, ObjectRules]


class OpportunityFilters(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Words in the title, text or skills."
    )
    kind = serializers.ChoiceField(choices=OpportunityKind.choices, required=False)
    sector = serializers.ChoiceField(
        choices=list(SECTORS), required=False, help_text="The organisation's sector."
    )
    province = serializers.ChoiceField(choices=Province.choices, required=False)
    skill = serializers.CharField(
        required=False, max_length=255, help_text="Only kansen asking for this skill."
    )
    organisation = serializers.CharField(required=False, max_length=200, help_text="An organisation's slug.")


def _open_opportunities(request):
    filters = OpportunityFilters(data=request.query_params)
    filters.is_valid(raise_exception=True)
    params = filters.validated_data
    opportunities = Opportunity.objects.open()
    if query := params.get("q", "").strip():
        opportunities = opportunities.filter(
            Q(title__icontains=query)
            | Q(description__icontains=query)
            | Q(required_skills__name__icontains=query)
        )
    if params.get("kind"):
        opportunities = opportunities.filter(kind=params["kind"])
    if params.get("sector"):
        opportunities = opportunities.filter(organisation__sector=params["sector"])
    if params.get("province"):
        opportunities = opportunities.filter(province=params["province"])
    if params.get("skill"):
        opportunities = opportunities.filter(required_skills__code=params["skill"])
    if params.get("organisation"):
        opportunities = opportunities.filter(organisation__slug=params["organisation"])
    return opportunities.distinct()


def _with_details(queryset):
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("required_skills", queryset=Skill.objects.prefetch_related("translations")),
        Prefetch("occupation", queryset=Occupation.objects.prefetch_related("translations")),
    )


def _skills(view, indices) -> list:
    """Skill objects for engine skill indices, position for position (None where one is gone)."""
    found = {skill.id: skill for skill in view.skills(indices)}
    return [found.get(view.index.loaded.skill_ids[i]) for i in indices]


OPPORTUNITY_PARAMETERS = [OpportunityFilters, query_text("q", "data", "Words in the title, text or skills.")]


@extend_schema(tags=["opportunities"])
class OpportunityList(ApiView):
    serializer_class = s.OpportunitySerializer
    permission_classes = PERSONAL
    is_list = True

    @extend_schema(
        operation_id="listOpportunities",
        summary="Open kansen",
        description="Published vacancies, meeloopdagen, projects and internships whose closing date has not "
        "passed, soonest closing first.",
        parameters=OPPORTUNITY_PARAMETERS,
    )
    def get(self, request):
        opportunities = _with_details(_open_opportunities(request)).order_by("closes_on", "id")
        page = self.paginate_queryset(opportunities)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["opportunities"])
class OpportunityDetail(ApiView):
    serializer_class = s.OpportunityDetailSerializer
    permission_classes = PERSONAL
    object_rules = {"GET": "opportunities.view_opportunity"}

    @extend_schema(
        operation_id="getOpportunity",
        summary="One kans",
        description="Also after it closed. Drafts only for the organisation's own staff; "
        "other people get 404.",
        parameters=[
            OpenApiParameter(
                "id",
                {"type": "integer", "minimum": 1, "maximum": 10**18 - 1},
                OpenApiParameter.PATH,
                description="The kans's id.",
            )
        ],
    )
    def get(self, request, id):
        opportunity = get_object_or_404(_with_details(Opportunity.objects.all()), pk=id)
        self.check_object_permissions(request, opportunity)
        return Response(self.get_serializer(opportunity).data)


@extend_schema(tags=["opportunities"])
class MyOpportunities(ApiView):
    serializer_class = s.OpportunityFitSerializer
    permission_classes = PERSONAL
    is_list = True
    extra_error_statuses = {"GET": [409]}
    extra_error_descriptions = {409: ("The profile has no skills yet, so nothing can be ranked.", None)}

    @extend_schema(
        operation_id="listMyOpportunities",
        summary="Open kansen ranked for me",
        description="The open kansen (with the same filters as the list), best match first, each with "
        "its match, a reason, and the required skills the person has and lacks.",
        parameters=OPPORTUNITY_PARAMETERS,
    )
    def get(self, request):
        ids = list(_open_opportunities(request).order_by("closes_on", "id").values_list("id", flat=True))
        view = matching.for_person(request.user)
        if view is None:
            raise ProfileIncomplete()
        ids.sort(key=lambda pk: -(view.score(pk) or 0.0))  # stable: equal scores keep the closing order
        page = self.paginate_queryset(ids)
        found = _with_details(Opportunity.objects.all()).in_bulk(page)
        results = []
        for pk in page:
            fit = view.fit(pk)
            if fit is None or pk not in found:
                continue  # closed between the two queries
            results.append(
                {
                    "opportunity": found[pk],
                    "match": fit.match,
                    "score": round(float(fit.score), 4),
                    "reason": fit.reason,
                    "required_held": fit.required_held,
                    "required_total": fit.required_total,
                    "shared_skills": [skill for skill in _skills(view, fit.shared) if skill],
                    "missing_skills": [
                        WithGain(skill, gain)
                        for skill, gain in zip(_skills(view, fit.missing), fit.gains, strict=True)
                        if skill
                    ],
                }
            )
        return self.get_paginated_response(self.get_serializer(results, many=True).data)

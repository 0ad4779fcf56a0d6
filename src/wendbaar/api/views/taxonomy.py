"""Occupations and skills: lists with search and filters, one concept in detail, and the label search."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from wendbaar.api import serializers as s
from wendbaar.api.views.base import ApiView, query_text
from wendbaar.taxonomy.models import (
    Occupation,
    OccupationSkill,
    RelationType,
    Skill,
    SkillGroup,
    Status,
)
from wendbaar.taxonomy.search import search
from wendbaar.taxonomy.starter import SECTORS

SEARCH_LIMIT = 200
QUERY_HELP = (
    "Search words: accent- and case-insensitive, prefix and typo tolerant, Dutch and English labels and "
    f"synonyms. Results come best first (at most {SEARCH_LIMIT}); without `q`, alphabetically."
)


class OccupationFilters(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text=QUERY_HELP)
    scope = serializers.ChoiceField(
        choices=["gemeente", "andere-sectoren"],
        required=False,
        help_text="`gemeente`: municipal functions only; `andere-sectoren`: other sectors only.",
    )
    sector = serializers.ChoiceField(choices=list(SECTORS), required=False)
    skill = serializers.CharField(
        required=False, max_length=255, help_text="Only occupations that need this skill (code)."
    )
    uri = serializers.CharField(
        required=False, max_length=255, help_text="Only the occupation with this ESCO URI."
    )


class SkillFilters(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text=QUERY_HELP)
    occupation = serializers.CharField(
        required=False, max_length=255, help_text="Only skills this occupation needs (code)."
    )
    collection = serializers.CharField(
        required=False,
        max_length=40,
        help_text="Only skills in this ESCO collection: "
        "transversal, digital, green, language, research, digcomp.",
    )
    uri = serializers.CharField(
        required=False, max_length=255, help_text="Only the skill with this ESCO URI."
    )


class SearchFilters(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="What to look for, e.g. `burgerzaken`.")
    type = serializers.ChoiceField(
        choices=["occupation", "skill"], required=False, help_text="Only this kind."
    )


def _filters(serializer_class, request):
    filters = serializer_class(data=request.query_params)
    filters.is_valid(raise_exception=True)
    return filters.validated_data


def _ranked(kind: str, query: str, queryset) -> list:
    ids = [hit.concept_id for hit in search(query, kind=kind, limit=SEARCH_LIMIT, language=get_language())]
    found = queryset.filter(id__in=ids).in_bulk()
    return [found[i] for i in ids if i in found]


CODE = OpenApiParameter(
    "code",
    str,
    OpenApiParameter.PATH,
    description="The concept's code (ESCO UUID or starter-set key).",
    examples=[OpenApiExample("baliemedewerker burgerzaken", value="baliemedewerker-burgerzaken")],
)


@extend_schema(tags=["taxonomy"])
class OccupationList(ApiView):
    is_list = True
    serializer_class = s.OccupationSerializer

    @extend_schema(
        operation_id="listOccupations",
        summary="List or search occupations",
        description="Current (not obsolete) occupations and municipal functions. " + QUERY_HELP,
        parameters=[OccupationFilters, query_text("q", "burgerzaken", QUERY_HELP)],
    )
    def get(self, request):
        params = _filters(OccupationFilters, request)
        occupations = Occupation.objects.current().prefetch_related("translations")
        if params.get("scope"):
            occupations = occupations.filter(is_municipal=params["scope"] == "gemeente")
        if params.get("sector"):
            occupations = occupations.filter(sector=params["sector"])
        if params.get("skill"):
            occupations = occupations.filter(skill_relations__skill__code=params["skill"]).distinct()
        if params.get("uri"):
            occupations = occupations.filter(uri=params["uri"])
        query = params.get("q", "").strip()
        results = _ranked("occupation", query, occupations) if query else occupations.order_by("name", "id")
        page = self.paginate_queryset(results)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["taxonomy"])
class OccupationDetail(ApiView):
    serializer_class = s.OccupationDetailSerializer

    @extend_schema(
        operation_id="getOccupation",
        summary="One occupation with its skills",
        description="Also answers for obsolete occupations (`status: obsolete`), which profiles may still "
        "point at. Skills are listed once, as essential when a source calls them essential.",
        parameters=[CODE],
    )
    def get(self, request, code):
        occupation = get_object_or_404(
            Occupation.objects.select_related("isco_group", "broader").prefetch_related(
                "translations", "isco_group__translations", "broader__translations"
            ),
            code=code,
        )
        relations = (
            OccupationSkill.objects.filter(occupation=occupation, skill__status=Status.RELEASED)
            .select_related("skill")
            .prefetch_related("skill__translations")
            .order_by("skill__name", "skill_id")
        )
        essential, optional, seen = [], [], set()
        for relation in sorted(relations, key=lambda r: r.relation_type != RelationType.ESSENTIAL):
            if relation.skill_id not in seen:
                seen.add(relation.skill_id)
                target = essential if relation.relation_type == RelationType.ESSENTIAL else optional
                target.append(relation.skill)
        occupation.essential_skills, occupation.optional_skills = essential, optional
        return Response(self.get_serializer(occupation).data)


@extend_schema(tags=["taxonomy"])
class SkillList(ApiView):
    is_list = True
    serializer_class = s.SkillSerializer

    @extend_schema(
        operation_id="listSkills",
        summary="List or search skills",
        description="Current (not obsolete) skills and knowledge. " + QUERY_HELP,
        parameters=[SkillFilters, query_text("q", "klantgericht", QUERY_HELP)],
    )
    def get(self, request):
        params = _filters(SkillFilters, request)
        skills = Skill.objects.current().prefetch_related("translations")
        if params.get("occupation"):
            skills = skills.filter(occupation_relations__occupation__code=params["occupation"]).distinct()
        if params.get("collection"):
            skills = skills.filter(collections__code=params["collection"]).distinct()
        if params.get("uri"):
            skills = skills.filter(uri=params["uri"])
        query = params.get("q", "").strip()
        results = _ranked("skill", query, skills) if query else skills.order_by("name", "id")
        page = self.paginate_queryset(results)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["taxonomy"])
class SkillDetail(ApiView):
    serializer_class = s.SkillDetailSerializer

    @extend_schema(
        operation_id="getSkill",
        summary="One skill",
        description="With its groups, collections, broader skills and how many current occupations need "
        "it; `occupations_url` lists those occupations.",
        parameters=[
            OpenApiParameter(
                "code",
                str,
                OpenApiParameter.PATH,
                description="The skill's code (ESCO UUID or starter-set key).",
                examples=[OpenApiExample("BRP bijhouden", value="brp-bijhouden")],
            )
        ],
    )
    def get(self, request, code):
        skill = get_object_or_404(
            Skill.objects.prefetch_related(
                "translations",
                "collections",
                Prefetch("groups", queryset=SkillGroup.objects.prefetch_related("translations")),
                Prefetch("broader", queryset=Skill.objects.prefetch_related("translations")),
            ),
            code=code,
        )
        counts = OccupationSkill.objects.filter(skill=skill, occupation__status=Status.RELEASED).aggregate(
            essential=Count("occupation", filter=Q(relation_type=RelationType.ESSENTIAL), distinct=True),
            any=Count("occupation", distinct=True),
        )
        skill.essential_for_count = counts["essential"]
        # An occupation that lists the skill as both counts as essential only.
        skill.optional_for_count = counts["any"] - counts["essential"]
        return Response(self.get_serializer(skill).data)


@extend_schema(tags=["search"])
class Search(ApiView):
    is_list = True
    serializer_class = s.SearchHitSerializer

    @extend_schema(
        operation_id="searchTaxonomy",
        summary="Search occupations and skills by label",
        description="The same search as the site's autocomplete: every word must match a word of a label "
        f"or synonym (exactly, as a prefix, or with a typo or two). At most {SEARCH_LIMIT} results, "
        "best first.",
        parameters=[
            SearchFilters,
            query_text("q", "balie", "What to look for, e.g. `burgerzaken`.", required=True),
        ],
    )
    def get(self, request):
        params = _filters(SearchFilters, request)
        hits = search(params["q"], kind=params.get("type"), limit=SEARCH_LIMIT, language=get_language())
        page = self.paginate_queryset(hits)
        names = {
            "occupation": ("api:occupation-detail", "taxonomy:occupation"),
            "skill": ("api:skill-detail", "taxonomy:skill"),
        }
        results = [
            {
                **hit.as_dict(),
                "language": hit.language,
                "matched_language": hit.matched_language,
                "api_url": request.build_absolute_uri(reverse(names[hit.kind][0], args=[hit.code])),
                "web_url": request.build_absolute_uri(reverse(names[hit.kind][1], args=[hit.code])),
            }
            for hit in page
        ]
        return self.get_paginated_response(self.get_serializer(results, many=True).data)

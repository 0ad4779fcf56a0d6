"""Transitions: from one occupation to others (public), and for the person behind the key: ranked
recommendations, what-if, and one destination explained with a learning route."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from wendbaar.api import serializers as s
from wendbaar.api.permissions import Authenticated, ObjectRules, TokenScope
from wendbaar.api.transitions import (
    MAX_RESULTS,
    ProfileIncomplete,
    by_keys,
    engine_index,
    explained,
    occupation_by_code,
)
from wendbaar.api.transitions import between as transition_between
from wendbaar.api.views.base import ApiView
from wendbaar.explore.engine import get_engine
from wendbaar.explore.inputs import UnknownConcepts, build_filters, parse_skills
from wendbaar.learning.services import learning_route
from wendbaar.profiles import services as profiles
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter import SECTORS


class TransitionFilters(serializers.Serializer):
    isco_major = serializers.ListField(
        child=serializers.ChoiceField(choices=[str(i) for i in range(10)]),
        required=False,
        help_text="Only these ISCO-08 major groups (first digit), e.g. `isco_major=2&isco_major=4`.",
    )
    sector = serializers.ListField(
        child=serializers.ChoiceField(choices=list(SECTORS)), required=False, help_text="Only these sectors."
    )
    scope = serializers.ChoiceField(
        choices=["gemeente", "andere-sectoren"],
        required=False,
        help_text="`gemeente`: municipal functions only; `andere-sectoren`: other sectors only.",
    )
    exclude_origin_unit = serializers.BooleanField(
        required=False, help_text="Leave out occupations in the same ISCO unit group as the current one."
    )
    min_match = serializers.IntegerField(
        required=False, min_value=0, max_value=100, help_text="Only results with at least this match (%)."
    )

    def engine_filters(self):
        data = self.validated_data
        return build_filters(
            isco_major=",".join(data.get("isco_major", [])),
            sectors=",".join(data.get("sector", [])),
            scope=data.get("scope", ""),
            exclude_origin_unit=data.get("exclude_origin_unit", False),
            min_match=data.get("min_match", 0),
        )


class WhatIfParameters(TransitionFilters):
    extra = serializers.ListField(
        child=serializers.CharField(max_length=260),
        min_length=1,
        max_length=20,
        help_text="Skills you would learn, by code or ESCO URI, optionally with a level: "
        "`extra=digitale-vaardigheden&extra=data-analyseren:2` (level 3 when left out).",
    )


def _valid(serializer_class, request):
    params = serializer_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params


def _person(request, loaded):
    person = profiles.engine_profile(profiles.profile_for(request.user), loaded)
    if not person.skills:
        raise ProfileIncomplete()
    return person


CODE = OpenApiParameter(
    "code",
    str,
    OpenApiParameter.PATH,
    description="Code of the occupation (ESCO UUID or starter-set key).",
    examples=[OpenApiExample("baliemedewerker burgerzaken", value="baliemedewerker-burgerzaken")],
)
PERSONAL = [Authenticated, TokenScope, ObjectRules]
PROFILE_INCOMPLETE = {
    409: (
        "The profile has no skills yet (fill them in on the site or with PUT /api/v1/me/profile/skills/).",
        None,
    )
}


@extend_schema(tags=["transitions"])
class OccupationTransitions(ApiView):
    is_list = True
    serializer_class = s.TransitionSerializer

    @extend_schema(
        operation_id="listOccupationTransitions",
        summary="Transitions from one occupation",
        description="Occupations that people in this occupation can move to, best first, each with a "
        f"match, a one-sentence reason, shared skills and missing essential skills (at most {MAX_RESULTS}).",
        parameters=[CODE, TransitionFilters],
    )
    def get(self, request, code):
        loaded = get_engine()
        origin = engine_index(loaded, occupation_by_code(code))
        filters = _valid(TransitionFilters, request).engine_filters()
        matches = loaded.engine.similar(origin, MAX_RESULTS, filters)
        page = self.paginate_queryset(matches)
        return self.get_paginated_response(self.get_serializer(explained(loaded, page), many=True).data)


@extend_schema(tags=["transitions"])
class OccupationTransition(ApiView):
    serializer_class = s.TransitionSerializer

    @extend_schema(
        operation_id="getOccupationTransition",
        summary="One transition between two occupations, explained",
        description="How well someone in occupation `code` fits occupation `to`: the same score and "
        "explanation as in the list of transitions.",
        parameters=[
            CODE,
            OpenApiParameter(
                "to",
                str,
                OpenApiParameter.PATH,
                description="Code of the destination occupation.",
                examples=[OpenApiExample("klantcontactmedewerker KCC", value="klantcontactmedewerker-kcc")],
            ),
        ],
    )
    def get(self, request, code, to):
        loaded = get_engine()
        origin = engine_index(loaded, occupation_by_code(code))
        destination = engine_index(loaded, occupation_by_code(to))
        [result] = explained(loaded, [transition_between(loaded, origin, destination)])
        return Response(self.get_serializer(result).data)


@extend_schema(tags=["transitions"])
class MyRecommendations(ApiView):
    is_list = True
    serializer_class = s.TransitionSerializer
    permission_classes = PERSONAL
    extra_error_statuses = {"GET": [409]}
    extra_error_descriptions = PROFILE_INCOMPLETE

    @extend_schema(
        operation_id="listMyRecommendations",
        summary="Occupations that fit me",
        description="The person's ranked transitions, as on Verkennen: from their rated skills, current "
        f"occupation and years in it. At most {MAX_RESULTS} results.",
        parameters=[TransitionFilters],
    )
    def get(self, request):
        loaded = get_engine()
        filters = _valid(TransitionFilters, request).engine_filters()
        matches = loaded.engine.recommend(_person(request, loaded), MAX_RESULTS, filters)
        page = self.paginate_queryset(matches)
        return self.get_paginated_response(self.get_serializer(explained(loaded, page), many=True).data)


@extend_schema(tags=["transitions"])
class MyWhatIf(ApiView):
    is_list = True
    serializer_class = s.RiseSerializer
    permission_classes = PERSONAL
    extra_error_statuses = {"GET": [409]}
    extra_error_descriptions = PROFILE_INCOMPLETE

    @extend_schema(
        operation_id="listMyWhatIf",
        summary="What if I learn these skills?",
        description="Occupations whose match rises most when the person adds the `extra` skills, with "
        f"the match before and after (at most {MAX_RESULTS}).",
        parameters=[WhatIfParameters],
    )
    def get(self, request):
        loaded = get_engine()
        params = _valid(WhatIfParameters, request)
        person = _person(request, loaded)
        extra = {}
        try:
            for item in params.validated_data["extra"]:
                extra |= parse_skills(loaded, item)
        except UnknownConcepts as error:
            raise exceptions.ValidationError(
                {"extra": [_("Onbekende vaardigheid: %(names)s.") % {"names": ", ".join(error.names)[:300]}]}
            ) from None
        except ValueError as error:
            raise exceptions.ValidationError({"extra": [str(error)]}) from None
        rises = loaded.engine.what_if(person, extra, MAX_RESULTS, params.engine_filters())
        page = self.paginate_queryset(rises)
        keys = loaded.engine.snapshot.skill_keys
        occupations = by_keys(Occupation, [r.key for r in page])
        skills = by_keys(Skill, [keys[i] for r in page for i in r.newly_shared])
        results = [
            {
                "occupation": occupations[r.key],
                "before": r.before,
                "after": r.after,
                "delta": r.delta,
                "skills": [skills[keys[i]] for i in r.newly_shared if keys[i] in skills],
            }
            for r in page
            if r.key in occupations
        ]
        return self.get_paginated_response(self.get_serializer(results, many=True).data)


@extend_schema(tags=["transitions"])
class MyTransition(ApiView):
    serializer_class = s.MyTransitionSerializer
    permission_classes = PERSONAL
    extra_error_statuses = {"GET": [409]}
    extra_error_descriptions = PROFILE_INCOMPLETE

    @extend_schema(
        operation_id="getMyTransition",
        summary="How one occupation fits me, with a learning route",
        description="The person's match with one occupation, explained, plus courses that together "
        "cover the missing skills (shortest route first) and the skills no course teaches yet.",
        parameters=[CODE],
    )
    def get(self, request, code):
        loaded = get_engine()
        destination = engine_index(loaded, occupation_by_code(code))
        [result] = explained(loaded, [loaded.engine.match(_person(request, loaded), destination)])
        missing = result["missing_skills"]
        route = learning_route([skill.id for skill in missing])
        by_id = {skill.id: skill._skill for skill in missing}
        result["learning_route"] = [
            {"course": step.course, "teaches": [by_id[i] for i in step.teaches]} for step in route.steps
        ]
        result["not_covered"] = [by_id[i] for i in route.uncovered]
        return Response(self.get_serializer(result).data)

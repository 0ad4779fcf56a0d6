"""The person behind the key: who they are, their vaardighedenprofiel, and their own API keys."""

from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from wendbaar.api import serializers as s
from wendbaar.api import tokens
from wendbaar.api.models import ApiToken
from wendbaar.api.permissions import Authenticated, ObjectRules, TokenScope
from wendbaar.api.views.base import ApiView
from wendbaar.profiles import services as profiles
from wendbaar.profiles.models import ProfileSkill, SkillSource
from wendbaar.taxonomy.models import Occupation, Skill, Status

PERSONAL = [Authenticated, TokenScope, ObjectRules]
PROFILE_RULES = {
    "GET": "api.view_profile",
    "PATCH": "api.change_profile",
    "PUT": "api.change_profile",
    "DELETE": "api.change_profile",
}
SKILL_EXAMPLE = OpenApiExample(
    "Two skills",
    value={"skills": [{"skill": "brp-bijhouden", "level": 4}, {"skill": "klantgericht-werken", "level": 3}]},
    request_only=True,
)


def _current(model, name: str):
    """A current concept by code or ESCO URI, or None."""
    return model.objects.filter(Q(code=name) | Q(uri=name), status=Status.RELEASED).first()


def profile_data(profile) -> dict:
    ratings = profile.skills.select_related("skill").prefetch_related("skill__translations")
    occupation = (
        Occupation.objects.prefetch_related("translations").get(pk=profile.current_occupation_id)
        if profile.current_occupation_id
        else None
    )
    return {
        "current_occupation": occupation,
        "years_in_occupation": profile.years_in_occupation,
        "education": profile.education,
        "completeness": profiles.completeness(profile).percent,
        "skills": list(ratings),
        "updated_at": profile.updated_at,
    }


@extend_schema(tags=["me"])
class Me(ApiView):
    serializer_class = s.MeSerializer
    permission_classes = PERSONAL

    @extend_schema(
        operation_id="getMe",
        summary="Who am I",
        description="The account behind the key, and the key itself (handy to check a key works).",
    )
    def get(self, request):
        token = request.auth if isinstance(request.auth, ApiToken) else None
        user = request.user
        return Response(
            self.get_serializer(
                {"email": user.email, "name": user.name, "role": user.role, "token": token}
            ).data
        )


class _ProfileView(ApiView):
    permission_classes = PERSONAL
    object_rules = PROFILE_RULES

    def get_profile(self):
        profile = profiles.profile_for(self.request.user)
        self.check_object_permissions(self.request, profile)
        return profile

    def profile_response(self, profile, status_code=status.HTTP_200_OK):
        profile.refresh_from_db()
        return Response(
            s.ProfileSerializer(profile_data(profile), context=self.get_serializer_context()).data,
            status=status_code,
        )


@extend_schema(tags=["me"])
class MyProfile(_ProfileView):
    serializer_class = s.ProfileSerializer

    @extend_schema(
        operation_id="getMyProfile",
        summary="My vaardighedenprofiel",
        description="Current job, years in it, education and rated skills. Only the owner can read it.",
    )
    def get(self, request):
        return self.profile_response(self.get_profile())

    @extend_schema(
        operation_id="updateMyProfile",
        summary="Change my current job, years or education",
        description="Send only what changes. Setting a job does not add its skills (the site's profile "
        "wizard offers that); change skills with the skills operations. Needs a `lezen-schrijven` key.",
        request=s.ProfileUpdateSerializer,
        responses=s.ProfileSerializer,
        examples=[
            OpenApiExample(
                "New job",
                value={"current_occupation": "klantcontactmedewerker-kcc", "years_in_occupation": 3},
                request_only=True,
            )
        ],
    )
    def patch(self, request):
        profile = self.get_profile()
        update = s.ProfileUpdateSerializer(data=request.data, partial=True)
        update.is_valid(raise_exception=True)
        data = update.validated_data
        if "current_occupation" in data:
            occupation = None
            if data["current_occupation"] is not None:
                occupation = _current(Occupation, data["current_occupation"])
                if occupation is None:
                    raise exceptions.ValidationError(
                        {"current_occupation": [_("Dit beroep kennen we niet (of het is vervallen).")]}
                    )
            profile.current_occupation = occupation
        if "years_in_occupation" in data:
            profile.years_in_occupation = data["years_in_occupation"]
        if "education" in data:
            profile.education = data["education"]
        profile.save()
        return self.profile_response(profile)


@extend_schema(tags=["me"])
class MySkills(_ProfileView):
    serializer_class = s.ProfileSerializer

    @extend_schema(
        operation_id="replaceMySkills",
        summary="Replace all my rated skills",
        description="The list becomes the profile's skills: missing ones are removed, new ones added (as "
        "'added by hand'), levels updated. Every skill must be current and appear once. Needs a "
        "`lezen-schrijven` key.",
        request=s.SkillSetSerializer,
        responses=s.ProfileSerializer,
        examples=[SKILL_EXAMPLE],
    )
    def put(self, request):
        profile = self.get_profile()
        body = s.SkillSetSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        wanted, errors = {}, {}
        for i, rating in enumerate(body.validated_data["skills"]):
            skill = _current(Skill, rating["skill"])
            if skill is None:
                errors[i] = {"skill": [_("Deze vaardigheid kennen we niet (of ze is vervallen).")]}
            elif skill.pk in wanted:
                errors[i] = {"skill": [_("Deze vaardigheid staat al eerder in de lijst.")]}
            else:
                wanted[skill.pk] = rating["level"]
        if errors:
            raise exceptions.ValidationError({"skills": [errors.get(i, {}) for i in range(max(errors) + 1)]})
        with transaction.atomic():
            profile.skills.exclude(skill_id__in=wanted).delete()
            have = {r.skill_id: r for r in profile.skills.all()}
            changed = [r for skill_id, r in have.items() if r.level != wanted[skill_id]]
            for rating in changed:
                rating.level = wanted[rating.skill_id]
            ProfileSkill.objects.bulk_update(changed, ["level"])
            ProfileSkill.objects.bulk_create(
                [
                    ProfileSkill(profile=profile, skill_id=skill_id, level=level, source=SkillSource.ZELF)
                    for skill_id, level in wanted.items()
                    if skill_id not in have
                ]
            )
            profile.save(update_fields=["updated_at"])
        return self.profile_response(profile)


SKILL_CODE = OpenApiParameter(
    "code",
    str,
    OpenApiParameter.PATH,
    description="Code of the skill (ESCO UUID or starter-set key).",
    examples=[OpenApiExample("BRP bijhouden", value="brp-bijhouden")],
)


@extend_schema(tags=["me"])
class MySkill(_ProfileView):
    serializer_class = s.ProfileSkillSerializer

    def _skill(self, code):
        skill = (
            Skill.objects.filter(code=code, status=Status.RELEASED).prefetch_related("translations").first()
        )
        if skill is None:
            raise exceptions.NotFound(_("Deze vaardigheid kennen we niet (of ze is vervallen)."))
        return skill

    @extend_schema(
        operation_id="setMySkill",
        summary="Add one skill to my profile, or change its level",
        description="201 when the skill was added, 200 when its level changed. "
        "Needs a `lezen-schrijven` key.",
        parameters=[SKILL_CODE],
        request=s.LevelSerializer,
        responses={200: s.ProfileSkillSerializer, 201: s.ProfileSkillSerializer},
        examples=[OpenApiExample("Expert", value={"level": 4}, request_only=True)],
    )
    def put(self, request, code):
        profile = self.get_profile()
        body = s.LevelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        skill = self._skill(code)
        with transaction.atomic():
            rating, created = ProfileSkill.objects.update_or_create(
                profile=profile,
                skill=skill,
                defaults={"level": body.validated_data["level"]},
                create_defaults={"level": body.validated_data["level"], "source": SkillSource.ZELF},
            )
            profile.save(update_fields=["updated_at"])
        rating.skill = skill
        return Response(
            self.get_serializer(rating).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        operation_id="removeMySkill",
        summary="Remove one skill from my profile",
        description="404 when the profile does not have it. Needs a `lezen-schrijven` key.",
        parameters=[SKILL_CODE],
        responses={204: OpenApiResponse(description="Removed.")},
    )
    def delete(self, request, code):
        profile = self.get_profile()
        deleted, _details = profile.skills.filter(skill__code=code).delete()
        if not deleted:
            raise exceptions.NotFound(_("Deze vaardigheid staat niet in je profiel."))
        profile.save(update_fields=["updated_at"])
        return Response(status=status.HTTP_204_NO_CONTENT)


TOKEN_ID = OpenApiParameter(
    "id",
    {"type": "integer", "minimum": 1, "maximum": 10**18 - 1},
    OpenApiParameter.PATH,
    description="The key's id, from the list of keys.",
)


@extend_schema(tags=["me"])
class MyTokens(ApiView):
    is_list = True
    serializer_class = s.TokenSerializer
    permission_classes = PERSONAL

    @extend_schema(
        operation_id="listMyTokens",
        summary="My API keys",
        description="Every key of the account, newest first, revoked and expired ones included. Keys "
        "themselves are never shown again; make new ones on /account/api-sleutels/.",
    )
    def get(self, request):
        page = self.paginate_queryset(
            ApiToken.objects.filter(user=request.user).order_by("-created_at", "-id")
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["me"])
class MyToken(ApiView):
    serializer_class = s.TokenSerializer
    permission_classes = PERSONAL
    object_rules = {"GET": "api.view_apitoken", "DELETE": "api.delete_apitoken"}

    def get_object(self):
        token = get_object_or_404(ApiToken.objects.select_related("user"), pk=self.kwargs["id"])
        self.check_object_permissions(self.request, token)
        return token

    @extend_schema(operation_id="getMyToken", summary="One of my API keys", parameters=[TOKEN_ID])
    def get(self, request, id):
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        operation_id="revokeMyToken",
        summary="Revoke one of my API keys",
        description="The key stops working at once, also when it is the key of this request. Revoking "
        "twice is fine. Needs a `lezen-schrijven` key.",
        parameters=[TOKEN_ID],
        responses={204: OpenApiResponse(description="Revoked.")},
    )
    def delete(self, request, id):
        tokens.revoke(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

"""What the API returns and accepts. Labels come in the response's language (Dutch unless the request asks
for English with ``Accept-Language: en``), falling back as the site does."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wendbaar.accounts.models import OrganisationKind, Province
from wendbaar.api.models import ApiToken, Scope
from wendbaar.events.models import REGIONS, EventKind
from wendbaar.knowledge.models import EssayGenre, Kind
from wendbaar.opportunities.models import OpportunityKind, OpportunityStatus
from wendbaar.profiles.models import Education, Level, SkillSource
from wendbaar.taxonomy.models import ReuseLevel, SkillType, Status
from wendbaar.taxonomy.starter import SECTORS

LEVEL_TEXT = (
    "1 beginner, 2 gevorderd (does it in ordinary situations), 3 ervaren (also when it gets hard), 4 expert."
)


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class LinkField(serializers.Field):
    """An absolute link built from a URL name and one attribute of the object."""

    def __init__(self, url_name: str, attribute: str, **kwargs):
        self.url_name, self.attribute = url_name, attribute
        kwargs.setdefault("read_only", True)
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute(
            self.context.get("request"), reverse(self.url_name, args=[getattr(value, self.attribute)])
        )


extend_schema_field({"type": "string", "format": "uri"})(LinkField)


# --- Taxonomy -------------------------------------------------------------------------------------------


class ConceptBase(serializers.Serializer):
    code = serializers.CharField(
        read_only=True, help_text="Stable code: the ESCO UUID, or the key of the Dutch starter set."
    )
    uri = serializers.CharField(
        read_only=True, allow_null=True, help_text="ESCO URI, when the concept has one."
    )
    label = serializers.SerializerMethodField(help_text="Preferred label in the response's language.")

    @extend_schema_field(OpenApiTypes.STR)
    def get_label(self, concept) -> str:
        return concept.label(get_language()).text


class OccupationRef(ConceptBase):
    api_url = LinkField("api:occupation-detail", "code")
    web_url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_web_url(self, occupation) -> str:
        return absolute(self.context.get("request"), occupation.get_absolute_url())


class SkillRef(ConceptBase):
    api_url = LinkField("api:skill-detail", "code")
    web_url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_web_url(self, skill) -> str:
        return absolute(self.context.get("request"), skill.get_absolute_url())


class OccupationSerializer(OccupationRef):
    label_language = serializers.SerializerMethodField(help_text="Language of `label` (`nl` or `en`).")
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    is_municipal = serializers.BooleanField(read_only=True, help_text="A municipal function.")
    sector = serializers.ChoiceField(
        choices=[("", "")] + list(SECTORS.items()), read_only=True, help_text="Sector, or empty."
    )
    isco_code = serializers.CharField(read_only=True, help_text="ISCO-08 unit group (4 digits), or empty.")

    @extend_schema_field(OpenApiTypes.STR)
    def get_label_language(self, concept) -> str:
        return concept.label(get_language()).language


class IscoGroupSerializer(serializers.Serializer):
    code = serializers.CharField(source="isco_code", read_only=True)
    label = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_label(self, group) -> str:
        return group.label(get_language()).text


class OccupationDetailSerializer(OccupationSerializer):
    description = serializers.SerializerMethodField()
    synonyms = serializers.SerializerMethodField(help_text="Other labels, in the preferred languages.")
    broader = OccupationRef(read_only=True, allow_null=True)
    isco_group = IscoGroupSerializer(read_only=True, allow_null=True)
    essential_skills = SkillRef(many=True, read_only=True)
    optional_skills = SkillRef(many=True, read_only=True)
    transitions_url = LinkField("api:occupation-transitions", "code")

    @extend_schema_field(OpenApiTypes.STR)
    def get_description(self, concept) -> str:
        return concept.description(get_language()).text

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_synonyms(self, concept) -> list[str]:
        return [label.text for label in concept.synonyms(get_language())]


class SkillSerializer(SkillRef):
    label_language = serializers.SerializerMethodField(help_text="Language of `label` (`nl` or `en`).")
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    skill_type = serializers.ChoiceField(
        choices=[("", "")] + SkillType.choices, read_only=True, help_text="Knowledge or skill, or empty."
    )
    reuse_level = serializers.ChoiceField(choices=[("", "")] + ReuseLevel.choices, read_only=True)

    @extend_schema_field(OpenApiTypes.STR)
    def get_label_language(self, concept) -> str:
        return concept.label(get_language()).language


class NamedSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True)


class SkillDetailSerializer(SkillSerializer):
    description = serializers.SerializerMethodField()
    synonyms = serializers.SerializerMethodField()
    groups = serializers.SerializerMethodField(help_text="ESCO skill groups it belongs to.")
    collections = serializers.SerializerMethodField(help_text="ESCO collections: digital, green, …")
    broader = SkillRef(many=True, read_only=True, source="broader.all")
    essential_for_count = serializers.IntegerField(read_only=True, min_value=0)
    optional_for_count = serializers.IntegerField(read_only=True, min_value=0)
    occupations_url = serializers.SerializerMethodField(help_text="The occupations that need this skill.")

    @extend_schema_field(OpenApiTypes.STR)
    def get_description(self, concept) -> str:
        return concept.description(get_language()).text

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_synonyms(self, concept) -> list[str]:
        return [label.text for label in concept.synonyms(get_language())]

    @extend_schema_field(NamedSerializer(many=True))
    def get_groups(self, skill) -> list[dict]:
        return [{"code": g.code, "label": g.label(get_language()).text} for g in skill.groups.all()]

    @extend_schema_field(NamedSerializer(many=True))
    def get_collections(self, skill) -> list[dict]:
        return [{"code": c.code, "label": c.name} for c in dict.fromkeys(skill.collections.all())]

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_occupations_url(self, skill) -> str:
        return absolute(self.context.get("request"), f"{reverse('api:occupation-list')}?skill={skill.code}")


class SearchHitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["occupation", "skill"], read_only=True)
    code = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True, help_text="Display label in the response's language.")
    language = serializers.CharField(read_only=True, help_text="Language of `label`.")
    matched = serializers.CharField(read_only=True, help_text="The label or synonym that matched.")
    matched_language = serializers.CharField(read_only=True)
    score = serializers.FloatField(read_only=True, help_text="Relevance; higher is better.")
    api_url = serializers.URLField(read_only=True)
    web_url = serializers.URLField(read_only=True)


# --- Profile --------------------------------------------------------------------------------------------


class ProfileSkillSerializer(serializers.Serializer):
    skill = SkillRef(read_only=True)
    level = serializers.ChoiceField(choices=Level.choices, read_only=True, help_text=LEVEL_TEXT)
    source = serializers.ChoiceField(
        choices=SkillSource.choices, read_only=True, help_text="From the job, from a text, or added by hand."
    )


class ProfileSerializer(serializers.Serializer):
    current_occupation = OccupationRef(read_only=True, allow_null=True)
    years_in_occupation = serializers.IntegerField(read_only=True, allow_null=True, min_value=0)
    education = serializers.ChoiceField(
        choices=[("", "")] + Education.choices, read_only=True, help_text="Highest education, or empty."
    )
    completeness = serializers.IntegerField(
        read_only=True, min_value=0, max_value=100, help_text="How complete the profile is, in percent."
    )
    skills = ProfileSkillSerializer(many=True, read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class ProfileUpdateSerializer(serializers.Serializer):
    current_occupation = serializers.CharField(
        required=False,
        allow_null=True,
        max_length=255,
        help_text="Code or ESCO URI of the current job; null to clear. Its skills are not added.",
    )
    years_in_occupation = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=60)
    education = serializers.ChoiceField(choices=[("", "")] + Education.choices, required=False)


class SkillRatingSerializer(serializers.Serializer):
    skill = serializers.CharField(max_length=255, help_text="Code or ESCO URI of a current skill.")
    level = serializers.ChoiceField(choices=Level.choices, default=Level.ERVAREN, help_text=LEVEL_TEXT)


class SkillSetSerializer(serializers.Serializer):
    skills = SkillRatingSerializer(many=True, max_length=500, help_text="The whole list; replaces it.")


class LevelSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices, help_text=LEVEL_TEXT)


# --- Transitions ----------------------------------------------------------------------------------------


class SharedSkillSerializer(SkillRef):
    pass


class MissingSkillSerializer(SkillRef):
    gain = serializers.FloatField(read_only=True, help_text="How much learning it would add; higher first.")


class ExposureSerializer(serializers.Serializer):
    indicator = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True)
    source = serializers.CharField(read_only=True)
    origin = serializers.FloatField(read_only=True, help_text="Value for the current occupation.")
    destination = serializers.FloatField(read_only=True, help_text="Value for this occupation.")
    safer = serializers.BooleanField(read_only=True, help_text="Lower exposure than the current occupation.")
    text = serializers.CharField(read_only=True, help_text="One sentence in Dutch.")


class TransitionSerializer(serializers.Serializer):
    occupation = OccupationRef(read_only=True)
    match = serializers.IntegerField(
        read_only=True, min_value=0, max_value=100, help_text="Match in percent."
    )
    score = serializers.FloatField(read_only=True, min_value=0, max_value=1)
    coverage = serializers.FloatField(read_only=True, help_text="Share of the requirements covered.")
    reason = serializers.CharField(read_only=True, help_text="Why, in one Dutch sentence.")
    essential_held = serializers.IntegerField(read_only=True, min_value=0)
    essential_total = serializers.IntegerField(read_only=True, min_value=0)
    shared_skills = SharedSkillSerializer(many=True, read_only=True)
    missing_skills = MissingSkillSerializer(
        many=True, read_only=True, help_text="Missing essential skills, the ones that add most first."
    )
    exposure = ExposureSerializer(read_only=True, allow_null=True)


class CourseSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    provider = serializers.CharField(read_only=True)
    hours = serializers.IntegerField(read_only=True, min_value=0)
    web_url = LinkField("learning:course", "slug")


class RouteStepSerializer(serializers.Serializer):
    course = CourseSerializer(read_only=True)
    teaches = SkillRef(many=True, read_only=True)


class MyTransitionSerializer(TransitionSerializer):
    learning_route = RouteStepSerializer(many=True, read_only=True, help_text="Courses that cover the gaps.")
    not_covered = SkillRef(many=True, read_only=True, help_text="Missing skills no course teaches yet.")


class RiseSerializer(serializers.Serializer):
    occupation = OccupationRef(read_only=True)
    before = serializers.IntegerField(read_only=True, min_value=0, max_value=100)
    after = serializers.IntegerField(read_only=True, min_value=0, max_value=100)
    delta = serializers.IntegerField(read_only=True, help_text="Percentage points gained.")
    skills = SkillRef(many=True, read_only=True, help_text="The added skills this occupation needs.")


# --- Events ---------------------------------------------------------------------------------------------


class EventSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=EventKind.choices, read_only=True)
    region = serializers.ChoiceField(choices=REGIONS, read_only=True, help_text="A province, or `online`.")
    is_online = serializers.BooleanField(read_only=True)
    venue = serializers.CharField(read_only=True, help_text="Address; empty for online events.")
    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)
    registration_deadline = serializers.DateTimeField(read_only=True)
    registration_open = serializers.SerializerMethodField()
    capacity = serializers.IntegerField(read_only=True, min_value=1)
    places_left = serializers.SerializerMethodField()
    waitlist = serializers.IntegerField(source="waitlist_count", read_only=True, min_value=0)
    audience = serializers.CharField(read_only=True)
    topics = SkillRef(many=True, read_only=True, source="topics.all")
    web_url = LinkField("events:event", "slug")
    ics_url = LinkField("events:ics", "slug")

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_registration_open(self, event) -> bool:
        return event.registration_is_open()

    @extend_schema_field({"type": "integer", "minimum": 0})
    def get_places_left(self, event) -> int:
        return max(event.capacity - event.confirmed_count, 0)


class EventDetailSerializer(EventSerializer):
    description = serializers.CharField(read_only=True)


# --- Knowledge ------------------------------------------------------------------------------------------


class KnowledgeItemSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=Kind.choices, read_only=True)
    title = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True)
    api_url = LinkField("api:knowledge-detail", "slug")
    web_url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_web_url(self, item) -> str:
        return absolute(self.context.get("request"), item.get_absolute_url())


class PublicationPartSerializer(serializers.Serializer):
    authors = serializers.CharField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    pages = serializers.IntegerField(read_only=True, allow_null=True)
    isbn = serializers.CharField(read_only=True)
    download_url = LinkField("knowledge:publication_download", "slug")
    cover_url = serializers.SerializerMethodField()
    cover_alt = serializers.CharField(read_only=True)
    can_order_print = serializers.BooleanField(read_only=True)
    print_price = serializers.DecimalField(
        max_digits=7, decimal_places=2, read_only=True, help_text="Euros incl. VAT; free for municipal staff."
    )

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_cover_url(self, publication) -> str | None:
        return absolute(self.context.get("request"), publication.cover.url) if publication.cover else None


class EssayPartSerializer(serializers.Serializer):
    genre = serializers.ChoiceField(choices=EssayGenre.choices, read_only=True)
    authors = serializers.CharField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    download_url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_download_url(self, essay) -> str | None:
        if not essay.pdf:
            return None
        return absolute(self.context.get("request"), reverse("knowledge:essay_download", args=[essay.slug]))


class PodcastPartSerializer(serializers.Serializer):
    host = serializers.CharField(read_only=True)
    feed_url = LinkField("knowledge:series_feed", "slug")
    episodes = serializers.SerializerMethodField(help_text="Published episodes, in order.")

    @extend_schema_field(KnowledgeItemSerializer(many=True))
    def get_episodes(self, series) -> list[dict]:
        episodes = series.episodes.published().order_by("number")
        return KnowledgeItemSerializer(episodes, many=True, context=self.context).data


class EpisodePartSerializer(serializers.Serializer):
    series = KnowledgeItemSerializer(read_only=True)
    number = serializers.IntegerField(read_only=True, min_value=1)
    audio_url = serializers.SerializerMethodField()
    audio_type = serializers.CharField(read_only=True)
    duration_seconds = serializers.SerializerMethodField()
    guests = serializers.CharField(read_only=True)
    transcript = serializers.CharField(read_only=True)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_audio_url(self, episode) -> str:
        return absolute(self.context.get("request"), episode.audio.url)

    @extend_schema_field({"type": "integer", "minimum": 0})
    def get_duration_seconds(self, episode) -> int:
        return int(episode.duration.total_seconds())


class KnowledgeItemDetailSerializer(KnowledgeItemSerializer):
    body = serializers.CharField(read_only=True, help_text="Plain text; an empty line starts a paragraph.")
    updated_at = serializers.DateTimeField(read_only=True)
    skills = SkillRef(many=True, read_only=True, source="skills.all")
    occupations = OccupationRef(many=True, read_only=True, source="occupations.all")
    publication = serializers.SerializerMethodField(help_text="Only for kind `publicatie`.")
    essay = serializers.SerializerMethodField(help_text="Only for kind `essay`.")
    podcast = serializers.SerializerMethodField(help_text="Only for kind `podcast` (a series).")
    episode = serializers.SerializerMethodField(help_text="Only for kind `aflevering`.")

    def _part(self, item, kind, serializer):
        if item.kind != kind:
            return None
        return serializer(item.specific, context=self.context).data

    @extend_schema_field(PublicationPartSerializer(allow_null=True))
    def get_publication(self, item):
        return self._part(item, Kind.PUBLICATIE, PublicationPartSerializer)

    @extend_schema_field(EssayPartSerializer(allow_null=True))
    def get_essay(self, item):
        return self._part(item, Kind.ESSAY, EssayPartSerializer)

    @extend_schema_field(PodcastPartSerializer(allow_null=True))
    def get_podcast(self, item):
        return self._part(item, Kind.PODCAST, PodcastPartSerializer)

    @extend_schema_field(EpisodePartSerializer(allow_null=True))
    def get_episode(self, item):
        return self._part(item, Kind.AFLEVERING, EpisodePartSerializer)


# --- Me and my keys -------------------------------------------------------------------------------------


class TokenSerializer(serializers.ModelSerializer):
    scope = serializers.ChoiceField(
        choices=Scope.choices, read_only=True, help_text="`lezen` reads only; `lezen-schrijven` may change."
    )
    active = serializers.SerializerMethodField()

    class Meta:
        model = ApiToken
        fields = [
            "id",
            "name",
            "prefix",
            "scope",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
            "active",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_active(self, token) -> bool:
        return token.is_active()


class MeSerializer(serializers.Serializer):
    email = serializers.EmailField(read_only=True)
    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True)
    token = TokenSerializer(
        read_only=True, allow_null=True, help_text="The key of this request; null for a session."
    )


# --- Kansen (opportunities) -----------------------------------------------------------------------------


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=OrganisationKind.choices, read_only=True)
    sector = serializers.ChoiceField(choices=list(SECTORS.items()), read_only=True)
    web_url = LinkField("opportunities:organisation", "slug")


class OpportunitySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=OpportunityKind.choices, read_only=True)
    organisation = OrganisationSerializer(read_only=True)
    province = serializers.ChoiceField(choices=Province.choices, read_only=True)
    municipality = serializers.CharField(read_only=True)
    hours = serializers.IntegerField(read_only=True, allow_null=True, help_text="Hours a week, when known.")
    starts_on = serializers.DateField(read_only=True, allow_null=True)
    ends_on = serializers.DateField(read_only=True, allow_null=True)
    closes_on = serializers.DateField(read_only=True, help_text="Last day to respond.")
    is_open = serializers.BooleanField(read_only=True)
    occupation = OccupationRef(read_only=True, allow_null=True)
    required_skills = SkillRef(many=True, read_only=True, source="required_skills.all")
    api_url = LinkField("api:opportunity-detail", "pk")
    web_url = LinkField("opportunities:detail", "pk")


class OpportunityDetailSerializer(OpportunitySerializer):
    description = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(
        choices=OpportunityStatus.choices, read_only=True, help_text="`gesloten` also after the closing date."
    )
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def to_representation(self, opportunity):
        data = super().to_representation(opportunity)
        if data["status"] == OpportunityStatus.GEPUBLICEERD and not opportunity.is_open:
            data["status"] = OpportunityStatus.GESLOTEN.value
        return data


class OpportunityFitSerializer(serializers.Serializer):
    opportunity = OpportunitySerializer(read_only=True)
    match = serializers.IntegerField(
        read_only=True, min_value=0, max_value=100, help_text="Match in percent."
    )
    score = serializers.FloatField(read_only=True, min_value=0, max_value=1)
    reason = serializers.CharField(read_only=True, help_text="Why, in one Dutch sentence.")
    required_held = serializers.IntegerField(read_only=True, min_value=0)
    required_total = serializers.IntegerField(read_only=True, min_value=0)
    shared_skills = SkillRef(many=True, read_only=True)
    missing_skills = MissingSkillSerializer(
        many=True, read_only=True, help_text="Required skills the person lacks, the one that adds most first."
    )

"""The REST API, version 1, under /api/v1/. Anything else under /api/ answers with a problem document."""

from django.urls import path, re_path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from wendbaar.api import errors
from wendbaar.api.views import content, me, opportunities, taxonomy, transitions


class NameConverter:
    """A code or slug in a path: anything but a slash or a control character (PostgreSQL refuses NUL in a
    query, so such a path must not reach one; it gets the catch-all 404 instead)."""

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(NameConverter, "apiname")

app_name = "api"
urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, and our template its page style: the site's CSP
    # allows no inline scripts or styles.
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
    # Taxonomy and search
    path("v1/occupations/", taxonomy.OccupationList.as_view(), name="occupation-list"),
    path("v1/occupations/<apiname:code>/", taxonomy.OccupationDetail.as_view(), name="occupation-detail"),
    path(
        "v1/occupations/<apiname:code>/transitions/",
        transitions.OccupationTransitions.as_view(),
        name="occupation-transitions",
    ),
    path(
        "v1/occupations/<apiname:code>/transitions/<apiname:to>/",
        transitions.OccupationTransition.as_view(),
        name="occupation-transition",
    ),
    path("v1/skills/", taxonomy.SkillList.as_view(), name="skill-list"),
    path("v1/skills/<apiname:code>/", taxonomy.SkillDetail.as_view(), name="skill-detail"),
    path("v1/search/", taxonomy.Search.as_view(), name="search"),
    # The person behind the key
    path("v1/me/", me.Me.as_view(), name="me"),
    path("v1/me/profile/", me.MyProfile.as_view(), name="my-profile"),
    path("v1/me/profile/skills/", me.MySkills.as_view(), name="my-skills"),
    path("v1/me/profile/skills/<apiname:code>/", me.MySkill.as_view(), name="my-skill"),
    path("v1/me/recommendations/", transitions.MyRecommendations.as_view(), name="my-recommendations"),
    path("v1/me/recommendations/what-if/", transitions.MyWhatIf.as_view(), name="my-what-if"),
    path("v1/me/transitions/<apiname:code>/", transitions.MyTransition.as_view(), name="my-transition"),
    path("v1/me/opportunities/", opportunities.MyOpportunities.as_view(), name="my-opportunities"),
    path("v1/me/tokens/", me.MyTokens.as_view(), name="my-tokens"),
    # At most 18 digits: larger numbers cannot be ids (and would overflow the database's integers).
    re_path(r"^v1/me/tokens/(?P<id>[0-9]{1,18})/$", me.MyToken.as_view(), name="my-token"),
    # Content
    path("v1/events/", content.EventList.as_view(), name="event-list"),
    path("v1/events/<apiname:slug>/", content.EventDetail.as_view(), name="event-detail"),
    path("v1/knowledge/", content.KnowledgeList.as_view(), name="knowledge-list"),
    path("v1/knowledge/<apiname:slug>/", content.KnowledgeDetail.as_view(), name="knowledge-detail"),
    path("v1/opportunities/", opportunities.OpportunityList.as_view(), name="opportunity-list"),
    re_path(
        r"^v1/opportunities/(?P<id>[0-9]{1,18})/$",
        opportunities.OpportunityDetail.as_view(),
        name="opportunity-detail",
    ),
    re_path(r"^(?P<path>.*)$", errors.not_found, name="not-found"),
]

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

urlpatterns = [
    path("", include("wendbaar.core.urls")),
    path("account/api-sleutels/", include("wendbaar.api.page_urls")),  # personal API keys
    path("account/", include("wendbaar.accounts.urls")),
    path("taxonomie/", include("wendbaar.taxonomy.urls")),
    path("verkennen/", include("wendbaar.explore.urls")),
    path("", include("wendbaar.events.urls")),
    path("mijn/inzage/", include("wendbaar.access.urls")),  # before mijn/: "wie heeft mijn gegevens bekeken"
    path("", include("wendbaar.privacy.urls")),  # before mijn/: /privacy/ and /mijn/privacy/
    path("mijn/", include("wendbaar.profiles.urls")),
    path("leren/", include("wendbaar.learning.urls")),
    path("beroepsgroepen/", include("wendbaar.communities.urls")),
    path("meldingen/", include("wendbaar.notifications.urls")),
    path("inzicht/", include("wendbaar.insight.urls")),  # dashboards for the programme team and HR
    path("", include("wendbaar.opportunities.urls")),  # /kansen/ and /organisaties/<slug>/
    path("", include("wendbaar.knowledge.urls")),  # /kennisbank/ (+ its uploads while DEBUG)
    path("taal/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("beheer/", admin.site.urls),
    path("api/", include("wendbaar.api.urls")),  # REST API; unknown /api/ URLs answer with problem+json
]

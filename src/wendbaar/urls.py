from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

urlpatterns = [
    path("", include("wendbaar.core.urls")),
    path("account/", include("wendbaar.accounts.urls")),
    path("taxonomie/", include("wendbaar.taxonomy.urls")),
    path("verkennen/", include("wendbaar.explore.urls")),
    path("", include("wendbaar.events.urls")),
    path("mijn/", include("wendbaar.profiles.urls")),
    path("leren/", include("wendbaar.learning.urls")),
    path("beroepsgroepen/", include("wendbaar.communities.urls")),
    path("", include("wendbaar.knowledge.urls")),  # /kennisbank/ (+ its uploads while DEBUG)
    path("taal/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("beheer/", admin.site.urls),
]

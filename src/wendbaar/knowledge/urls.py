"""URLs of the kennisbank, under /kennisbank/.

The project includes this module at the root, so that two patterns can live outside the "knowledge"
namespace: the kennisbank's admin site (/kennisbank/beheer/, for programmateam and beheerders) and the
kennisbank's own uploads at MEDIA_URL + "kennisbank/", which Django serves only while DEBUG is on.
"""

from django.conf import settings
from django.urls import include, path, re_path

from wendbaar.knowledge import views
from wendbaar.knowledge.admin import site as knowledge_admin
from wendbaar.knowledge.feeds import SeriesFeed

pages = [
    path("", views.index, name="index"),
    path("publicaties/<slug:slug>/", views.publication_detail, name="publication"),
    path("publicaties/<slug:slug>/download/", views.publication_download, name="publication_download"),
    path("publicaties/<slug:slug>/bestellen/", views.order_create, name="order_create"),
    path("bestellingen/<uuid:reference>/", views.order_detail, name="order"),
    path("bestellingen/bevestigen/<str:token>/", views.order_confirm, name="order_confirm"),
    path("essays/<slug:slug>/", views.essay_detail, name="essay"),
    path("essays/<slug:slug>/download/", views.essay_download, name="essay_download"),
    path("podcasts/<slug:slug>/", views.series_detail, name="series"),
    path("podcasts/<slug:slug>/feed.xml", SeriesFeed(), name="series_feed"),
    path("afleveringen/<slug:slug>/", views.episode_detail, name="episode"),
    path("nieuws/<slug:slug>/", views.news_detail, name="news"),
]

urlpatterns = [
    path("kennisbank/beheer/", knowledge_admin.urls),
    path("kennisbank/", include((pages, "knowledge"))),
    re_path(
        r"^{}kennisbank/(?P<path>.+)$".format(settings.MEDIA_URL.lstrip("/")),
        views.development_media,
        name="knowledge_media",
    ),
]

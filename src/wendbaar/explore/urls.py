from django.urls import path

from wendbaar.explore import pages, views

app_name = "explore"
urlpatterns = [
    path("", pages.verkennen, name="verkennen"),
    path("beroep/<str:code>/", pages.overstap, name="overstap"),
    path("beroep/<str:code>/bewaar/", pages.bewaar, name="bewaar"),
    path("bewaar/", pages.bewaar_uit_lijst, name="bewaar_uit_lijst"),
    path("vergelijk/", pages.vergelijk, name="vergelijk"),
    path("api/similar", views.similar, name="similar"),
    path("api/recommend", views.recommend, name="recommend"),
    path("api/what-if", views.what_if, name="what_if"),
]

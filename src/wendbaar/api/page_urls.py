"""Included at /account/api-sleutels/: the account page for personal API keys."""

from django.urls import path

from wendbaar.api.views import pages

app_name = "apikeys"
urlpatterns = [
    path("", pages.keys, name="list"),
    path("<int:pk>/intrekken/", pages.revoke, name="revoke"),
]

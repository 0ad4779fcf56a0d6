"""The person's own access log, at /mijn/inzage/."""

from django.urls import path

from wendbaar.access import views

app_name = "access"
urlpatterns = [
    path("", views.access_log, name="log"),
]

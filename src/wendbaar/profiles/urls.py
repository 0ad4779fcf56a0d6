from django.urls import path

from wendbaar.profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profiel/werk/", views.werk, name="werk"),
    path("profiel/vaardigheden/", views.vaardigheden, name="vaardigheden"),
    path("profiel/ervaring/", views.ervaring, name="ervaring"),
    path("profiel/tekst/", views.tekst, name="tekst"),
    path("profiel/tekst/<int:suggestion_id>/", views.beslis, name="beslis"),
    path("profiel/klaar/", views.klaar, name="klaar"),
    path("inzicht/", views.inzicht, name="inzicht"),
]

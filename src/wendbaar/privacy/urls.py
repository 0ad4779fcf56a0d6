from django.urls import path

from wendbaar.privacy import views

app_name = "privacy"
urlpatterns = [
    path("privacy/", views.statement, name="statement"),
    path("privacy/account-verwijderd/", views.erased, name="erased"),
    path("mijn/privacy/", views.overview, name="overview"),
    path("mijn/privacy/toestemming/<int:pk>/intrekken/", views.withdraw, name="withdraw"),
    path("mijn/privacy/gegevens/", views.export_page, name="export"),
    path("mijn/privacy/gegevens.json", views.export_download, name="export_json"),
    path("mijn/privacy/account-verwijderen/", views.erase, name="erase"),
]

from django.urls import path

from wendbaar.insight import views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard, name="index"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/csv/", views.dashboard_csv, name="csv"),
]

from django.urls import path

from wendbaar.explore import views

app_name = "explore"
urlpatterns = [
    path("api/similar", views.similar, name="similar"),
    path("api/recommend", views.recommend, name="recommend"),
    path("api/what-if", views.what_if, name="what_if"),
]

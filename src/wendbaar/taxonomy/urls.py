from django.urls import path

from wendbaar.taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("beroepen/", views.occupation_list, name="occupations"),
    path("beroepen/<str:code>/", views.occupation_detail, name="occupation"),
    path("vaardigheden/", views.skill_list, name="skills"),
    path("vaardigheden/<str:code>/", views.skill_detail, name="skill"),
    path("zoeken", views.search_api, name="search"),
]

from django.urls import path

from wendbaar.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.course_list, name="courses"),
    path("<slug:slug>/", views.course_detail, name="course"),
]

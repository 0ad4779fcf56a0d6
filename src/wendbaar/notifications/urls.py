from django.urls import path

from wendbaar.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gelezen/", views.mark_all_read, name="read_all"),
    path("instellingen/", views.email_settings, name="settings"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("<int:pk>/gelezen/", views.mark_one_read, name="read"),
]

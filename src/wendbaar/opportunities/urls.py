from django.urls import path

from wendbaar.opportunities import views

app_name = "opportunities"
ORG = "kansen/organisatie/<slug:slug>/"
urlpatterns = [
    path("kansen/", views.index, name="index"),
    path("kansen/<int:pk>/", views.detail, name="detail"),
    path("kansen/<int:pk>/bewaar/", views.save, name="save"),
    path("kansen/<int:pk>/interesse/", views.interest, name="interest"),
    path("kansen/bewaard/", views.saved, name="saved"),
    path("kansen/zichtbaar/", views.visibility, name="visibility"),
    path("kansen/verzoeken/", views.my_requests, name="requests"),
    path("kansen/verzoeken/<int:pk>/", views.answer, name="answer"),
    path("kansen/gesprek/<int:pk>/", views.thread, name="thread"),
    path("kansen/organisatie/", views.organisations, name="organisations"),
    path(ORG, views.workspace, name="workspace"),
    path(ORG + "nieuw/", views.create, name="create"),
    path(ORG + "kans/<int:pk>/", views.manage, name="manage"),
    path(ORG + "kans/<int:pk>/bewerken/", views.edit, name="edit"),
    path(ORG + "kans/<int:pk>/status/", views.status, name="status"),
    path(ORG + "kans/<int:pk>/matches/", views.matches, name="matches"),
    path(ORG + "kans/<int:pk>/matches/<int:match_pk>/", views.match, name="match"),
    path(ORG + "verzoeken/", views.org_requests, name="org_requests"),
    path(ORG + "sector/", views.sector_view, name="sector"),
    path(ORG + "leden/", views.members, name="members"),
    path(ORG + "leden/<int:pk>/verwijderen/", views.remove_member, name="remove_member"),
    path("organisaties/<slug:slug>/", views.organisation, name="organisation"),
]

"""URLs of the beroepsgroepen, under /beroepsgroepen/. Fixed paths come before a group's slug; the group
form refuses those words as a slug (forms.RESERVED_SLUGS)."""

from django.urls import path

from wendbaar.communities.views import groups, moderation, personal, threads

app_name = "communities"
urlpatterns = [
    path("", groups.index, name="index"),
    path("nieuw/", groups.group_create, name="create"),
    path("zoeken/", personal.search, name="search"),
    path("meldingen/", personal.notification_list, name="notifications"),  # now /meldingen/
    path("meldingen/instellingen/", personal.preferences, name="preferences"),
    path("bijlagen/<int:pk>/", personal.attachment, name="attachment"),
    path("berichten/<int:pk>/", threads.post_redirect, name="post"),
    path("berichten/<int:pk>/bewerken/", threads.post_edit, name="post_edit"),
    path("berichten/<int:pk>/versies/", threads.post_history, name="post_history"),
    path("berichten/<int:pk>/antwoord/", threads.accept, name="accept"),
    path("berichten/<int:pk>/melden/", moderation.report, name="report"),
    path("berichten/<int:pk>/verbergen/", moderation.hide, name="hide"),
    path("berichten/<int:pk>/terugzetten/", moderation.restore, name="restore"),
    path("berichten/<int:pk>/meldingen-afhandelen/", moderation.dismiss, name="dismiss"),
    path("<slug:slug>/", groups.group_detail, name="group"),
    path("<slug:slug>/lid-worden/", groups.join, name="join"),
    path("<slug:slug>/verlaten/", groups.leave, name="leave"),
    path("<slug:slug>/leden/", groups.members, name="members"),
    path("<slug:slug>/leden/<int:user_id>/verwijderen/", groups.remove_member, name="remove_member"),
    path("<slug:slug>/leden/<int:user_id>/rol/", groups.set_role, name="set_role"),
    path("<slug:slug>/aanvragen/", groups.requests, name="requests"),
    path("<slug:slug>/aanvragen/<int:pk>/", groups.decide, name="decide"),
    path("<slug:slug>/bewerken/", groups.group_edit, name="edit"),
    path("<slug:slug>/moderatie/", moderation.moderation, name="moderation"),
    path("<slug:slug>/vastzetten/", moderation.pin_list, name="pins"),
    path("<slug:slug>/vastzetten/<int:pk>/losmaken/", moderation.unpin, name="unpin"),
    path("<slug:slug>/onderwerpen/nieuw/", threads.thread_create, name="thread_create"),
    path("<slug:slug>/onderwerpen/<int:pk>/", threads.thread_detail, name="thread"),
    path("<slug:slug>/onderwerpen/<int:pk>/volgen/", threads.follow, name="follow"),
    path("<slug:slug>/onderwerpen/<int:pk>/sluiten/", moderation.lock, name="lock"),
]

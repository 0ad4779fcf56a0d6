from django.urls import path

from wendbaar.events.views import conversations, events

app_name = "events"
urlpatterns = [
    # Bijeenkomsten. Fixed paths come before the event slug (slugs end in a date, so they never clash).
    path("bijeenkomsten/", events.event_list, name="list"),
    path("bijeenkomsten/mijn/", events.my_events, name="mine"),
    path("bijeenkomsten/agenda-link/", events.calendar_link, name="calendar_link"),
    path("bijeenkomsten/agenda/<str:token>.ics", events.feed, name="feed"),
    path("bijeenkomsten/organiseren/", events.organiser_list, name="organiser_list"),
    path("bijeenkomsten/organiseren/nieuw/", events.event_edit, name="create"),
    path("bijeenkomsten/organiseren/<slug:slug>/", events.organiser_event, name="organiser_event"),
    path("bijeenkomsten/organiseren/<slug:slug>/bewerken/", events.event_edit, name="edit"),
    path("bijeenkomsten/organiseren/<slug:slug>/deelnemers.csv", events.attendees_csv, name="attendees_csv"),
    path("bijeenkomsten/<slug:slug>/", events.event_detail, name="event"),
    path("bijeenkomsten/<slug:slug>/aanmelden/", events.register, name="register"),
    path("bijeenkomsten/<slug:slug>/afmelden/", events.cancel, name="cancel"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", events.event_ics, name="ics"),
    # Gesprekken
    path("gesprekken/", conversations.conversation_home, name="conversations"),
    path("gesprekken/mijn/", conversations.my_conversations, name="my_conversations"),
    path("gesprekken/beschikbaarheid/", conversations.availability, name="availability"),
    path(
        "gesprekken/beschikbaarheid/vast/<int:pk>/verwijderen/",
        conversations.delete_weekly,
        name="delete_weekly",
    ),
    path(
        "gesprekken/beschikbaarheid/vrij/<int:pk>/verwijderen/",
        conversations.delete_exception,
        name="delete_exception",
    ),
    path("gesprekken/adviseurs/<int:pk>/", conversations.adviser_detail, name="adviser"),
    path("gesprekken/adviseurs/<int:pk>/boeken/<str:key>/", conversations.book, name="book"),
    path("gesprekken/afspraken/<int:pk>/", conversations.action_done, name="action_done"),
    path("gesprekken/<int:pk>/", conversations.conversation_detail, name="conversation"),
    path("gesprekken/<int:pk>/notitie/", conversations.add_note, name="add_note"),
    path("gesprekken/<int:pk>/afspraak/", conversations.add_action, name="add_action"),
    path("gesprekken/<int:pk>/profiel/", conversations.shared_profile, name="shared_profile"),
    path("gesprekken/<int:pk>/profiel-delen/", conversations.share_profile, name="share_profile"),
    path("gesprekken/<int:pk>/verzetten/", conversations.reschedule, name="reschedule"),
    path("gesprekken/<int:pk>/annuleren/", conversations.cancel_conversation, name="cancel_conversation"),
    path("gesprekken/<int:pk>/afronden/", conversations.complete_conversation, name="complete"),
]

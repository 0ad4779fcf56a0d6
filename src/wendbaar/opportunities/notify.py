"""The one place kansen tell people something: in the app and by e-mail, as each person chose for the group
"Kansen en contactverzoeken" (wendbaar.notifications; kinds in notification_kinds.py).

Texts never carry a person's name: a notification can outlive the contact it was about.
"""

from __future__ import annotations

from wendbaar.notifications.services import notify

REQUEST_RECEIVED = "opportunities.verzoek"
INTEREST_RECEIVED = "opportunities.interesse"
REQUEST_ANSWERED = "opportunities.antwoord"
NEW_MESSAGE = "opportunities.bericht"
NEW_MATCHES = "opportunities.nieuwe-matches"


def send(user, *, kind: str, subject: str, text: str, url: str = "", actor=None) -> None:
    if user is None or not user.is_active or (actor is not None and actor.pk == user.pk):
        return
    notify(user, kind, subject=subject, text=text, url=url, actor=actor)


def send_to_staff(organisation, *, kind: str, subject: str, text: str, url: str = "", exclude=None) -> None:
    """To every organisatiebeheerder and recruiter of the organisation (but not the one who acted)."""
    from wendbaar.opportunities.services import staff_of

    for member in staff_of(organisation):
        send(member, kind=kind, subject=subject, text=text, url=url, actor=exclude)

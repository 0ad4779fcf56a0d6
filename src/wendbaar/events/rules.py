"""Who may do what with bijeenkomsten and gesprekken (see wendbaar.access.rules).

- A published event is for everyone; drafts and the organisers' pages (attendance, attendee list) are for
  the programme staff (programmateam and beheerders).
- A conversation, its notes and follow-up actions belong to its two people: the adviser and the person.
  Only the adviser records follow-up actions and completes it; only the person moves it or shares their
  profile for it; either of them writes notes and cancels.
- An adviser's availability is the adviser's own. Only medewerkers book conversations.
"""

from wendbaar.access.rules import anyone, programme_staff
from wendbaar.accounts.models import Role


@anyone
def _view_event(user, event) -> bool:
    return event is not None and (event.is_published or programme_staff(user))


def _organise(user, event=None) -> bool:
    return programme_staff(user)


def _participant(user, conversation) -> bool:
    return conversation is not None and user.pk in (conversation.adviser_id, conversation.person_id)


def _adviser_of(user, conversation) -> bool:
    return conversation is not None and user.pk == conversation.adviser_id


def _person_of(user, conversation) -> bool:
    return conversation is not None and user.pk == conversation.person_id


def _action_participant(user, action) -> bool:
    return action is not None and _participant(user, action.conversation)


def _is_adviser(user, adviser=None) -> bool:
    """Model level: someone with the adviser role; about an adviser record: that adviser themselves."""
    if user.role != Role.LOOPBAANADVISEUR:
        return False
    return adviser is None or adviser.user_id == user.pk


def _own_availability(user, item) -> bool:
    return item is not None and user.role == Role.LOOPBAANADVISEUR and item.adviser.user_id == user.pk


def _book(user, adviser=None) -> bool:
    return user.role == Role.MEDEWERKER


RULES = {
    "events.view_event": _view_event,
    "events.organise_event": _organise,
    "events.view_conversation": _participant,
    "events.note_conversation": _participant,
    "events.cancel_conversation": _participant,
    "events.followup_conversation": _adviser_of,
    "events.complete_conversation": _adviser_of,
    "events.reschedule_conversation": _person_of,
    "events.share_conversation": _person_of,
    "events.change_followupaction": _action_participant,
    "events.manage_adviser": _is_adviser,
    "events.delete_weeklyavailability": _own_availability,
    "events.delete_availabilityexception": _own_availability,
    "events.book_adviser": _book,
}
